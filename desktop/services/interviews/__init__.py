"""约谈: the lifecycle from proposal to closure or 问责, how clerks read it, and corrections."""
