"""公文 page: the register, the draft editor with live preview, print and save."""
