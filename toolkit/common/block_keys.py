"""Stable keys of workbook questions and assessment statements, filled in from the text when left empty.

Editors need not invent a key: an empty one becomes the text's slug ("Mitä työssämme tapahtuu?" →
"mita-tyossamme-tapahtuu"), made unique within the page. Once saved, a key stays as it is: answers attach to it.
"""

from __future__ import annotations

from django.utils.text import slugify


def key_from_text(text: str, *, taken: set[str], max_length: int) -> str:
    base = slugify(text).replace("_", "-")[: max_length - 3].strip("-") or "kohta"
    key, number = base, 2
    while key in taken:
        key = f"{base}-{number}"
        number += 1
    return key
