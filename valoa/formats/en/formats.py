"""British English: 8 December 2026, 9:00 (a 24-hour clock, as the meetings' times are written)."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
TIME_FORMAT = "G:i"
DATETIME_FORMAT = "j F Y, G:i"
SHORT_DATETIME_FORMAT = "j M Y, G:i"
FIRST_DAY_OF_WEEK = 1  # Monday
