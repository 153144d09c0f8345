"""督办 page: the desk's proposals and the supervision items."""
