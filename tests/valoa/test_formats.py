"""Dates and times as each language writes them (valoa/formats/<language>/formats.py): Finnish and
Finland-Swedish 8.12.2026 kl(o). 9.00, British English 8 December 2026 at 9:00. A template names a format and
never a pattern of its own; the workbook's save time, which the script shows, follows the language too."""

import datetime as dt
import re

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from tests.toolkit.meetings.support import make_plan, plan_url
from tests.toolkit.workbook.support import question, set_workbook, start_session
from toolkit.meetings import services as meeting_services
from toolkit.models import WorkbookAnswer

WHEN = {
    "fi": "torstai 3.12.2026 klo 9.00–10.00",
    "sv": "torsdag 3.12.2026 kl. 9.00–10.00",
    "en": "Thursday 3 December 2026 at 9:00–10:00",
}


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def in_language(language: str, reverse_url, *args, **kwargs) -> str:
    """The URL under the language's prefix (i18n_patterns reverses in the active language)."""
    with translation.override(language):
        return reverse_url(*args, **kwargs)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fi", "tiistai 8.12.2026 · 8.12.2026 · 9.05 · 8.12.2026 9.05"),
        ("sv", "tisdag 8.12.2026 · 8.12.2026 · 9.05 · 8.12.2026 9.05"),
        ("en", "Tuesday 8 December 2026 · 8 Dec 2026 · 9:05 · 8 Dec 2026, 9:05"),
    ],
)
def test_named_formats_per_language(language, expected):
    template = Template(
        '{{ d|date:"l" }} {{ d|date:"DATE_FORMAT" }} · {{ d|date:"SHORT_DATE_FORMAT" }} · '
        '{{ t|time:"TIME_FORMAT" }} · {{ t|date:"SHORT_DATETIME_FORMAT" }}'
    )
    with translation.override(language):
        assert (
            template.render(Context({"d": dt.date(2026, 12, 8), "t": dt.datetime(2026, 12, 8, 9, 5)}))
            == expected
        )


def test_no_template_writes_a_finnish_date_or_time_pattern():
    from django.conf import settings

    found = []
    for directory in settings.TEMPLATES[0]["DIRS"]:
        for path in directory.rglob("*.html"):
            for pattern in re.findall(r'\|(?:date|time):"([^"]+)"', path.read_text()):
                if not pattern.endswith("_FORMAT") and pattern not in {"l", "c"}:
                    found.append(f"{path.name}: {pattern}")
    assert found == [], "name a format (DATE_FORMAT, TIME_FORMAT, …): valoa/formats"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_plan_and_agenda_write_the_date_and_times_in_the_language(client, demo_site, language):
    space, plan = make_plan()  # Thursday 3.12.2026 at 9.00, 60 minutes
    meeting_services.block_add(plan=plan, kind="avaus", minutes=10)
    plan_page = text(client.get(in_language(language, plan_url, space, plan)).content.decode())
    assert WHEN[language] in plan_page
    agenda = text(client.get(in_language(language, plan_url, space, plan, "meeting_agenda")).content.decode())
    assert WHEN[language] in agenda
    start = {"fi": "9.00–", "sv": "9.00–", "en": "9:00–"}[language]
    assert start in agenda


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "separator"), [("fi", "."), ("sv", "."), ("en", ":")])
def test_workbook_save_time_follows_the_language(client, demo_site, language, separator):
    set_workbook([("Ilmiöhahmotus", [question("open", "ilmio", "Mitä tapahtui?")])])
    _space, session = start_session()
    kwargs = {"token": session.space.token, "number": session.number}
    saved = client.post(
        in_language(language, reverse, "toolkit:workbook_answer", kwargs=kwargs),
        {"key": "ilmio", "version": "0", "answer": "Anna"},
        HTTP_ACCEPT="application/json",
    )
    at = timezone.localtime(WorkbookAnswer.objects.get().updated_at)
    expected = f"{at.hour}{separator}{at.minute:02d}"
    assert saved.json()["saved_at"] == expected
    polled = client.get(in_language(language, reverse, "toolkit:workbook_answers", kwargs=kwargs))
    assert polled.json()["answers"]["ilmio"]["saved_at"] == expected
