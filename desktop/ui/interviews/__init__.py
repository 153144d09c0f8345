"""约谈 page: interviews from notice to verification or accountability."""
