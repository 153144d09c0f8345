"""督办台 (Duban Desk): the supervision desk of a leading group's secretariat."""

__version__ = "0.1.0"
