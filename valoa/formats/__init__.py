"""Each language's date and time formats (Django's FORMAT_MODULE_PATH), over Django's own locale formats.

Templates name a format (`|date:"DATE_FORMAT"`, `|time:"TIME_FORMAT"`), never a pattern, so a date reads as its
language writes it: Finnish "8.12.2026 klo 9.00", Finland-Swedish "8.12.2026 kl. 9.00", British English
"8 December 2026 at 9:00". What is not set here (numbers, input formats) comes from Django's locale. Machine
formats (`datetime` attributes, the .ics and CSV exports) stay as they are. docs/languages.md.
"""
