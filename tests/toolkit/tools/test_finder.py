"""The tool finder on Työkalut: each filter, their combinations, bad input, empty results, query counts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from toolkit.models import ToolIndexPage, ToolPage
from valoa.models import Phase, Theme

pytestmark = pytest.mark.django_db

URL = "/tyokalut/"


@pytest.fixture
def index(demo_site):
    return ToolIndexPage.objects.get()


def titles(response) -> list[str]:
    assert response.status_code == 200
    html = response.content.decode()
    results = html.split('id="results-title"', 1)[1]
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', results)


def expected(**filters) -> list[str]:
    tools = ToolPage.objects.live().filter(**filters).distinct().order_by("title")
    return [t.title for t in tools][:12]


def test_no_filters_lists_every_tool_by_title(client, index):
    response = client.get(URL)
    assert titles(response) == expected()
    assert response.context["result_count"] == ToolPage.objects.live().count()


@pytest.mark.parametrize("slug", ["pysahtyminen", "suunta", "kokeileminen", "vakiinnuttaminen"])
def test_phase_filter(client, index, slug):
    found = titles(client.get(URL, {"phase": slug}))
    assert found and found == expected(phases__slug=slug)


def test_theme_filter(client, index):
    found = titles(client.get(URL, {"theme": "palaute"}))
    assert found and found == expected(themes__slug="palaute")


@pytest.mark.parametrize(
    ("bucket", "above", "up_to"), [("30", 0, 30), ("60", 30, 60), ("120", 60, 120), ("240", 120, 240)]
)
def test_time_filter(client, index, bucket, above, up_to):
    found = titles(client.get(URL, {"time": bucket}))
    assert found and found == expected(duration_minutes__gt=above, duration_minutes__lte=up_to)


def test_group_size_filter(client, index):
    big = factories.ToolPageFactory(parent=index, title="Iso ryhmä", group_size_min=20, group_size_max=None)
    pair = factories.ToolPageFactory(parent=index, title="Vain pari", group_size_min=2, group_size_max=2)
    found_60 = titles(client.get(URL, {"group": "60"}))
    assert big.title in found_60 and pair.title not in found_60
    found_2 = titles(client.get(URL, {"group": "2"}))
    assert pair.title in found_2 and big.title not in found_2
    for title in found_2:
        tool = ToolPage.objects.get(title=title)
        assert tool.group_size_min <= 2 and (tool.group_size_max is None or tool.group_size_max >= 2)


@pytest.mark.parametrize(
    ("code", "field"), [("lahi", "format_in_person"), ("eta", "format_remote"), ("hybridi", "format_hybrid")]
)
def test_format_filter(client, index, code, field):
    found = titles(client.get(URL, {"format": code}))
    assert found and found == expected(**{field: True})


def test_filters_combine(client, index):
    response = client.get(URL, {"time": "30", "phase": "pysahtyminen", "format": "eta", "group": "4"})
    found = titles(response)
    assert found == expected(
        duration_minutes__lte=30,
        phases__slug="pysahtyminen",
        format_remote=True,
        group_size_min__lte=4,
        group_size_max__gte=4,
    )
    assert found  # the demo has such tools (check-in, dialogue rules)
    assert "Check-in ja check-out" in found
    # The chosen values stay selected in the form.
    html = response.content.decode()
    assert '<option value="pysahtyminen" selected>' in html


def test_combination_with_theme(client, index):
    found = titles(client.get(URL, {"phase": "vakiinnuttaminen", "theme": "oppiminen", "time": "60"}))
    assert found == expected(
        phases__slug="vakiinnuttaminen",
        themes__slug="oppiminen",
        duration_minutes__gt=30,
        duration_minutes__lte=60,
    )


@pytest.mark.parametrize(
    "params",
    [
        {"phase": "ei-ole"},
        {"theme": "<script>"},
        {"time": "15"},
        {"group": "kaksitoista"},
        {"group": "0"},
        {"group": "-3"},
        {"group": "99999999999999999999"},
        {"format": "paperi"},
        {"page": "x"},
        {"page": "9999"},
        {"q": "x" * 500},
        {"phase": ["suunta", "ei-ole"]},
        {"q": "\x00"},
    ],
)
def test_invalid_parameters_are_reported_and_ignored(client, index, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    html = response.content.decode()
    if ("page" not in params and "q" not in params) or params.get("q") == "x" * 500:
        assert "Osa rajauksista ohitettiin" in html
    assert "<script>" not in html.split('id="main"', 1)[1]


def test_an_invalid_field_names_its_help_and_message(client, index):
    # Django's own wiring (aria-invalid, aria-describedby to <id>_helptext and <id>_error), the one id scheme
    # of every public form; components/forms/field.html gives the texts those ids.
    html = client.get(URL, {"group": "kaksitoista", "phase": "suunta"}).content.decode()
    group = re.search(r"<input[^>]*name=\"group\"[^>]*>", html).group()
    assert 'aria-invalid="true"' in group
    assert 'aria-describedby="id_group_helptext id_group_error"' in group
    assert '<p class="field__help" id="id_group_helptext">Ryhmän koko henkilöinä.</p>' in html
    assert (
        '<p class="field__error" id="id_group_error">Anna ryhmän koko kokonaislukuna, esimerkiksi 12.</p>'
        in html
    )
    phase = re.search(r"<select[^>]*name=\"phase\"[^>]*>", html).group()
    assert "aria-invalid" not in phase and "aria-describedby" not in phase


def test_invalid_value_does_not_drop_the_valid_ones(client, index):
    found = titles(client.get(URL, {"phase": "suunta", "time": "15", "group": "abc"}))
    assert found == expected(phases__slug="suunta")


def test_empty_result_offers_to_clear_filters(client, index):
    response = client.get(URL, {"time": "240", "format": "eta"})
    html = response.content.decode()
    assert response.context["result_count"] == 0
    assert "Yksikään työkalu ei vastaa valintojanne." in html
    assert f'href="{URL}">Tyhjennä rajaukset ja näytä kaikki työkalut' in html
    assert "0 työkalua" in html


def test_pagination_keeps_the_filters(client, index):
    for i in range(15):
        factories.ToolPageFactory(parent=index, title=f"Lisätyökalu {i:02d}", duration_minutes=20)
    first = client.get(URL, {"time": "30"})
    assert len(titles(first)) == 12
    html = first.content.decode()
    assert 'href="?time=30&amp;page=2"' in html
    second = client.get(URL, {"time": "30", "page": "2"})
    assert titles(second) and set(titles(second)).isdisjoint(titles(first))


def test_drafts_and_other_sections_are_not_listed(client, index):
    factories.ToolPageFactory(parent=index, title="Luonnostyökalu", live=False)
    assert "Luonnostyökalu" not in titles(client.get(URL))


@pytest.mark.postgres
def test_free_text_search_within_the_toolkit_in_finnish(client, index):
    found = titles(client.get(URL, {"q": "kokeilukortteja"}))
    assert "Kokeilukortti" in found
    combined = titles(client.get(URL, {"q": "kokeilu", "time": "240"}))
    assert combined == ["Kehittämispäivä: matkan seuraava askel"]
    assert titles(client.get(URL, {"q": "ydinvoimala"})) == []


def test_search_matches_within_the_toolkit_only(client, index):
    found = titles(client.get(URL, {"q": "Kokeilukortti"}))
    assert "Kokeilukortti" in found
    assert all(ToolPage.objects.filter(title=t).exists() for t in found)


def _count(client, params, *, published=False):
    client.get(URL, params)
    if published:
        factories.site_published()  # the cards are rendered again, as on the first view after a publish
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


CASES = [
    {},
    {"phase": "suunta", "theme": "dialogi", "time": "60", "group": "8", "format": "eta"},
    {"time": "30", "page": "2"},
    {"q": "kokeilu", "phase": "kokeileminen"},
    {"phase": "ei-ole", "group": "abc"},
]


@pytest.mark.slow
def test_query_count_is_fixed_with_10_and_300_tools(client, index):
    phases, themes = list(Phase.objects.all()), list(Theme.objects.all())
    # Every tool has a picture (issue 29), from a few images: its renditions must come in one query.
    images = [factories.wagtail_factories.ImageFactory(description=f"Kuva {i}") for i in range(3)]

    def add(n, start):
        tools = [
            factories.ToolPageFactory(
                parent=index,
                title=f"Kuormatyökalu {i:03d}",
                duration_minutes=10 + i % 200,
                group_size_max=30,
                format_remote=i % 2 == 0,
            )
            for i in range(start, start + n)
        ]
        # The taxonomy rows go in directly: saving each page again would only slow the test down.
        ToolPage.phases.through.objects.bulk_create(
            ToolPage.phases.through(toolpage=t, phase=phases[i % len(phases)]) for i, t in enumerate(tools)
        )
        ToolPage.themes.through.objects.bulk_create(
            ToolPage.themes.through(toolpage=t, theme=themes[i % len(themes)]) for i, t in enumerate(tools)
        )
        for i, image in enumerate(images):
            ToolPage.objects.filter(pk__in=[t.pk for t in tools[i :: len(images)]]).update(image=image)

    ToolPage.objects.exclude(slug__in=["tilannekuva", "kokeilukortti"]).delete()
    ToolPage.objects.update(image=images[0], image_alt="Kuvitus")
    add(8, 0)
    assert ToolPage.objects.count() == 10
    assert not ToolPage.objects.filter(image=None).exists()
    small = {str(case): _count(client, case, published=True) for case in CASES}
    cached = {str(case): _count(client, case) for case in CASES}
    add(290, 1000)
    assert ToolPage.objects.count() == 300
    assert {str(case): _count(client, case, published=True) for case in CASES} == small
    assert {str(case): _count(client, case) for case in CASES} == cached
    # The site, Wagtail's routing (the active locale and 3) and view-restriction check (2); the menu, the footer's
    # settings and the switcher come from the chrome cache (valoa/pages/chrome.py). The facets (phases and themes
    # in one query), the count, the page of tool ids and the cards come from the site's fragments
    # (valoa/pages/fragments.py, but for a free-text search): after a publish, with the chrome (3) and the
    # switcher (1) computed again, the facets, the count and the page of ids are read again (3), and the cards
    # read their tools (their pictures joined), their phases and their pictures' renditions (one query each: the
    # renditions' query is the one the pictures add, and only when a listed tool has a picture).
    assert cached[str({})] == 7
    assert small[str({})] == 7 + 4 + 3 + 3


def test_we_have_45_minutes_lists_exactly_the_tools_that_fit(client, index):
    fits = factories.ToolPageFactory(parent=index, title="Tasan 45 minuuttia", duration_minutes=45)
    over = factories.ToolPageFactory(parent=index, title="46 minuuttia", duration_minutes=46)
    response = client.get(URL, {"minutes": "45"})
    found = titles(response)
    assert fits.title in found and over.title not in found
    assert (
        response.context["result_count"]
        == ToolPage.objects.live().filter(duration_minutes__gt=0, duration_minutes__lte=45).count()
    )
    bad = client.get(URL, {"minutes": "puoli tuntia"})
    assert bad.status_code == 200
    assert "Anna aika minuutteina kokonaislukuna, esimerkiksi 45." in bad.content.decode()


def test_the_finder_kept_between_publishes_shows_the_next_publish_at_once(client, index):
    """The facets, the count and the pages of tool ids are read once per publish (valoa.pages.fragments)."""
    phase = Phase.objects.first()
    before = client.get(URL, {"phase": phase.slug}).context["result_count"]
    tool = factories.ToolPageFactory(parent=index, title="Äsken julkaistu työkalu")
    tool.phases.add(phase)
    tool.save_revision().publish()
    response = client.get(URL, {"phase": phase.slug})
    assert response.context["result_count"] == before + 1 and tool.title in titles(response)

    phase.name = "Vaihe uudella nimellä"
    phase.save()
    assert "Vaihe uudella nimellä" in client.get(URL).content.decode()

    tool.unpublish()
    response = client.get(URL, {"phase": phase.slug})
    assert response.context["result_count"] == before and tool.title not in titles(response)
