"""亮灯: the lamp rules and the cache of each task's lamp kept current in SQL."""
