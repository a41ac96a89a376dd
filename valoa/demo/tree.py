"""Idempotent building blocks for demo content: find a page by its slug under a parent, or create it."""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from django.test.utils import override_settings
from wagtail.models import Page
from wagtail.rich_text import RichText

P = TypeVar("P", bound=Page)


def without_redirects():
    """The demo build leaves no redirects behind: Wagtail creates one whenever a page's slug changes (a
    translation gets its own slug after it is made with its source's) or a page moves, and a new site has no
    old addresses to keep. Wagtail's own setting, turned off for the build (a context manager)."""
    return override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False)


def ensure_page(parent: Page, model: type[P], *, slug: str, m2m: dict[str, Any] | None = None, **fields) -> P:
    """Return the live child of `parent` with `slug`, creating and publishing it when it is missing.

    Existing pages are left as they are, so editors' changes survive a second run.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    for name, values in (m2m or {}).items():
        getattr(page, name).set(values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def heading(text: str, level: str = "h2") -> tuple[str, dict]:
    return ("heading", {"text": text, "level": level})


def paragraph(html: str) -> tuple[str, RichText]:
    return ("paragraph", RichText(html))


def callout(title: str, html: str) -> tuple[str, dict]:
    return ("callout", {"title": title, "text": RichText(html)})


def quote(text: str, attribution: str = "") -> tuple[str, dict]:
    return ("quote", {"quote": text, "attribution": attribution})


def faq(question: str, answer_html: str) -> tuple[str, dict]:
    return ("faq", {"question": question, "answer": RichText(answer_html)})


def with_block_ids(raw: Any) -> Any:
    """Raw StreamField data with an id on every stream child (a dict with "type" and "value") that has none.

    Wagtail gives ids to top-level blocks when it saves, but nested raw streams built in code keep none.
    """
    if isinstance(raw, list):
        return [with_block_ids(item) for item in raw]
    if isinstance(raw, dict):
        found = {key: with_block_ids(value) for key, value in raw.items()}
        if "type" in found and "value" in found and not found.get("id"):
            found["id"] = str(uuid.uuid4())
        return found
    return raw
