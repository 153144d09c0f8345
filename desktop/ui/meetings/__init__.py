"""会议 page: meetings, their decisions and minutes."""
