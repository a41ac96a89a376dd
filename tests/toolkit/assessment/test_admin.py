"""Scales and phase bands in the Wagtail admin: clear field errors for bad levels and bands."""

from decimal import Decimal

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from toolkit.assessment.admin_forms import BandRow, band_errors
from toolkit.models import AssessmentPage, AssessmentScale, StartPage
from valoa.models import Phase

pytestmark = pytest.mark.django_db

D = Decimal


def rows(*bands):
    return [
        BandRow(index=i, min_score=D(lo), max_score=D(hi), name=f"V{i + 1}")
        for i, (lo, hi) in enumerate(bands)
    ]


def test_bands_that_cover_the_range_are_valid():
    assert (
        band_errors(rows(("1", "1.5"), ("1.5", "2"), ("2", "2.5"), ("2.5", "3")), low=D(1), high=D(3)) == {}
    )
    # Order of the rows does not matter.
    assert band_errors(rows(("2", "3"), ("1", "2")), low=D(1), high=D(3)) == {}


@pytest.mark.parametrize(
    ("bands", "expected"),
    [
        (
            [("1", "2"), ("1.8", "3")],
            {1: {"min_score": "Menee päällekkäin vaiheen V1 kanssa: se päättyy arvoon 2."}},
        ),
        (
            [("1", "2"), ("2.2", "3")],
            {1: {"min_score": "Väliin jää aukko: edellinen vaihe (V1) päättyy arvoon 2."}},
        ),
        ([("1.2", "3")], {0: {"min_score": "Alimman vaiheen alarajan on oltava asteikon pienin arvo 1."}}),
        ([("1", "2.5")], {0: {"max_score": "Ylimmän vaiheen ylärajan on oltava asteikon suurin arvo 3."}}),
        ([("2", "1"), ("1", "3")], {0: {"max_score": "Ylärajan on oltava suurempi kuin alaraja."}}),
        ([("0", "3")], {0: {"min_score": "Alarajan on oltava asteikon alueella 1–3."}}),
    ],
)
def test_bad_bands_get_field_errors(bands, expected):
    assert band_errors(rows(*bands), low=D(1), high=D(3)) == expected


def page_post_data(start, scale, bands, title="Uusi arviointi"):
    return nested_form_data(
        {
            "title": title,
            "slug": "uusi-arviointi",
            "intro": "Johdanto",
            "body": streamfield([]),
            "kind": "team",
            "scale": scale.pk,
            "statements": streamfield([]),
            "phase_bands": inline_formset(
                [{"phase": phase.pk, "min_score": lo, "max_score": hi} for phase, lo, hi in bands]
            ),
        }
    )


def test_admin_refuses_overlapping_bands_with_a_field_error(admin_client, demo_site):
    start = StartPage.objects.get()
    scale = AssessmentScale.objects.get()
    p1, p2 = Phase.objects.all()[:2]
    url = f"/admin/pages/add/toolkit/assessmentpage/{start.pk}/"
    response = admin_client.post(url, page_post_data(start, scale, [(p1, "1", "2.2"), (p2, "2", "3")]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Menee päällekkäin vaiheen" in html
    assert not AssessmentPage.objects.filter(slug="uusi-arviointi").exists()
    response = admin_client.post(url, page_post_data(start, scale, [(p1, "1", "2"), (p2, "2", "3")]))
    assert response.status_code == 302
    page = AssessmentPage.objects.get(slug="uusi-arviointi")
    assert [(b.min_score, b.max_score) for b in page.phase_bands.order_by("min_score")] == [
        (D("1.00"), D("2.00")),
        (D("2.00"), D("3.00")),
    ]


def scale_post_data(levels):
    return nested_form_data(
        {
            "name": "Viisiportainen",
            "style": "numbers",
            "levels": inline_formset(
                [{"value": v, "label": label, "description": ""} for v, label in levels]
            ),
        }
    )


def test_admin_scale_validation(admin_client, demo_site):
    url = "/admin/snippets/toolkit/assessmentscale/add/"
    assert admin_client.get("/admin/snippets/toolkit/assessmentscale/").status_code == 200
    duplicate = admin_client.post(url, scale_post_data([(1, "a"), (1, "b")]))
    assert duplicate.status_code == 200
    assert "Arvo 1 on jo toisella tasolla." in duplicate.content.decode()
    ok = admin_client.post(url, scale_post_data([(v, f"taso {v}") for v in range(1, 6)]))
    assert ok.status_code == 302
    scale = AssessmentScale.objects.get(name="Viisiportainen")
    assert (scale.low, scale.high) == (1, 5)


def test_admin_edits_the_demo_team_assessment(admin_client, demo_site):
    page = AssessmentPage.objects.get(slug="tiimin-arviointi")
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert "Vaiheiden pisterajat" in response.content.decode()


def test_duplicate_statement_keys_are_refused():
    from wagtail.blocks import StreamBlockValidationError

    from toolkit.assessment.blocks import StatementsStreamBlock

    block = StatementsStreamBlock()
    value = block.to_python(
        [
            {
                "type": "group",
                "value": {
                    "heading": "R",
                    "theme": None,
                    "statements": [
                        {"key": "sama", "text": "A", "help_text": "", "tools": []},
                        {"key": "sama", "text": "B", "help_text": "", "tools": []},
                    ],
                },
            }
        ]
    )
    with pytest.raises(StreamBlockValidationError):
        block.clean(value)


def test_empty_statement_keys_are_filled_in_from_the_statement():
    from toolkit.assessment.blocks import StatementsStreamBlock

    block = StatementsStreamBlock()
    statements = [
        {"key": "", "text": "Kuuntelemme toisiamme.", "help_text": "", "tools": []},
        {"key": "kuuntelemme-toisiamme", "text": "Toinen", "help_text": "", "tools": []},
    ]
    value = block.to_python(
        [{"type": "group", "value": {"heading": "R", "theme": None, "statements": statements}}]
    )
    cleaned = block.clean(value)
    assert [s["key"] for s in cleaned[0].value["statements"]] == [
        "kuuntelemme-toisiamme-2",
        "kuuntelemme-toisiamme",
    ]
