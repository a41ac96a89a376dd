""" "Recommended for your phase" on the home page and on Aloita."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from toolkit.models import ToolIndexPage, ToolPage
from valoa.models import Phase

pytestmark = pytest.mark.django_db


def _section(html: str) -> str:
    return html.split('id="recommended-title"', 1)[1].split("</section>", 1)[0]


@pytest.mark.parametrize("url", ["/", "/aloita/"])
def test_recommended_tools_per_phase(client, demo_site, url):
    html = client.get(url).content.decode()
    section = _section(html)
    shown_above: set[str] = set()
    for phase in Phase.objects.all():  # in the order they are shown
        assert phase.name in section
        own = list(
            ToolPage.objects.live().filter(phases=phase).order_by("title").values_list("title", flat=True)
        )
        block = section.split(f'id="recommended-{phase.slug}"', 1)[1].split("</ul>", 1)[0]
        titles = re.findall(r'<a href="[^"]+">([^<]+)</a>', block)
        # Three of the phase's own tools, in title order; the ones not shown above first.
        assert len(titles) == min(3, len(own))
        assert titles == [title for title in own if title in titles]
        assert len(set(titles) - shown_above) == min(3, len(set(own) - shown_above)), phase.name
        shown_above |= set(titles)


def test_a_tool_of_every_phase_is_not_repeated_when_phases_have_others(client, demo_site):
    # "Kehittämispäivä" fits three of the demo's phases and was listed in all three; the later phases
    # have other tools to show.
    section = _section(client.get("/").content.decode())
    assert section.count("Kehittämispäivä") == 1


def test_drafts_are_not_recommended(client, demo_site):
    index = ToolIndexPage.objects.get()
    draft = factories.ToolPageFactory(parent=index, title="AAA luonnos", live=False)
    draft.phases.set([Phase.objects.get(slug="suunta")])
    draft.save()
    assert "AAA luonnos" not in client.get("/").content.decode()


@pytest.mark.parametrize("url", ["/", "/aloita/"])
def test_recommended_query_count_is_constant(client, demo_site, url):
    def count():
        client.get(url)
        factories.site_published()  # the list is rendered again, as its first view after a publish does
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        return len(ctx.captured_queries)

    before = count()
    index = ToolIndexPage.objects.get()
    phases = list(Phase.objects.all())
    for i in range(20):
        tool = factories.ToolPageFactory(parent=index, title=f"A-työkalu {i:02d}")
        ToolPage.phases.through.objects.create(toolpage=tool, phase=phases[i % len(phases)])
    assert count() == before
    assert "A-työkalu 00" in _section(client.get(url).content.decode())
