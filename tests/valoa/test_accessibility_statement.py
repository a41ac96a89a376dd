"""The accessibility statement lists every documented non-conformity, dated, in Finnish, Swedish and English.

docs/accessibility.md's table "Known non-conformities" is the project's list; the demo's statement
(`valoa.demo.site.ACCESSIBILITY_ISSUES` and its translations in valoa/demo/translations/) must match it one line
per item, in order, each line with the item's WCAG criterion and the date it was found in that language's form.
"""

import datetime
import re
from pathlib import Path

import pytest

from valoa.demo import site
from valoa.demo.translations import memory

DOC = Path(__file__).resolve().parents[2] / "docs" / "accessibility.md"
MONTHS_EN = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


def documented() -> list[tuple[datetime.date, str]]:
    """(date found, WCAG criterion or "") for each row of the doc's table, in order."""
    section = DOC.read_text(encoding="utf-8").split("## Known non-conformities", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (\d{4}-\d{2}-\d{2}) \| ([^|]+?) \|", section, re.M)
    return [
        (datetime.date.fromisoformat(day), "" if criterion == "–" else criterion) for day, criterion in rows
    ]


def date_text(day: datetime.date, language: str) -> str:
    if language == "en":
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.day}.{day.month}.{day.year}"


def statement_lines(language: str) -> list[str]:
    if language == "fi":
        text = site.ACCESSIBILITY_ISSUES
    else:
        # wagtail-localize keeps a text field's line breaks as <br/> in its segment, and so do the catalogues.
        segment = site.ACCESSIBILITY_ISSUES.replace("\n", "<br/>")
        text = memory(language).get(segment, "").replace("<br/>", "\n")
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_the_doc_lists_the_known_non_conformities():
    items = documented()
    assert items, "docs/accessibility.md has no table of known non-conformities"
    assert "1.3.1" in {criterion for _day, criterion in items}, "the untagged worksheet PDFs"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_statement_lists_each_documented_item_dated_in_every_language(language):
    items = documented()
    lines = statement_lines(language)
    assert len(lines) == len(items), (language, lines)
    for (day, criterion), line in zip(items, lines, strict=True):
        assert date_text(day, language) in line, (language, line)
        if criterion:
            assert f"WCAG {criterion}" in line, (language, line)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_statement_states_how_accessibility_was_assessed(language):
    text = (
        site.ACCESSIBILITY_ASSESSMENT
        if language == "fi"
        else memory(language).get(site.ACCESSIBILITY_ASSESSMENT)
    )
    assert text, language
    # A real method and date, not the demo's old note to the administrator.
    assert "axe-core" in text and date_text(datetime.date(2026, 12, 7), language) in text
    assert not re.search(r"esimerkki|exempel|example", text, re.I)


def test_the_statement_renders_the_list_and_the_method(client, demo_site):
    html = client.get("/saavutettavuusseloste/").content.decode()
    for line in statement_lines("fi"):
        assert f"<li>{line}</li>" in html
    assert f"Miten saavutettavuus on arvioitu: {site.ACCESSIBILITY_ASSESSMENT}" in html
