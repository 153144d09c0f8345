"""考核 page: the year's scheme, manual scores typed into the results, 定稿 and the 考核结果通报."""
