"""Swedish as written in Finland (not Sweden's 2026-12-08 and 09:00): 8.12.2026, kl. 9.00."""

DATE_FORMAT = "j.n.Y"
SHORT_DATE_FORMAT = "j.n.Y"
TIME_FORMAT = "G.i"
DATETIME_FORMAT = r"j.n.Y \k\l. G.i"
SHORT_DATETIME_FORMAT = "j.n.Y G.i"
