"""Finnish dates and times as the site writes them: 8.12.2026, klo 9.00."""

DATE_FORMAT = "j.n.Y"  # Django's own is "8. joulukuuta 2026"
SHORT_DATE_FORMAT = "j.n.Y"
TIME_FORMAT = "G.i"
DATETIME_FORMAT = r"j.n.Y \k\l\o G.i"
SHORT_DATETIME_FORMAT = "j.n.Y G.i"
