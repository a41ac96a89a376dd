"""What every CSV download of team data shares: Excel-friendly encoding and inert cells."""

# UTF-8 with a byte-order mark, so that Excel opens ä and ö correctly.
CSV_BOM = "\ufeff"

_FORMULA_STARTS = {"=", "+", "-", "@", "\t", "\r"}


def csv_safe(value) -> str:
    """A cell starting with = + - @ would run as a formula in a spreadsheet: make it plain text."""
    value = str(value)
    return "'" + value if value[:1] in _FORMULA_STARTS else value
