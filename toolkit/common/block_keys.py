"""Stable keys of workbook questions and assessment statements, filled in from the text when left empty.

Editors need not invent a key: an empty one becomes the text's slug ("Mitä työssämme tapahtuu?" →
"mita-tyossamme-tapahtuu"), made unique within the page. Once saved, a key stays as it is: answers attach to it.
"""

from __future__ import annotations

from django.utils.text import slugify
from wagtail import blocks


def key_from_text(text: str, *, taken: set[str], max_length: int) -> str:
    base = slugify(text).replace("_", "-")[: max_length - 3].strip("-") or "kohta"
    key, number = base, 2
    while key in taken:
        key = f"{base}-{number}"
        number += 1
    return key


class StableKeyBlock(blocks.CharBlock):
    """A question's or statement's key: the same in every translation of the page.

    wagtail-localize would offer every CharBlock to translators; a translated key would detach the answers that
    teams gave in another language, where the same team space is one space in every language
    (docs/languages.md). So the key yields no translatable segment, and a translation keeps its source's key.
    """

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value
