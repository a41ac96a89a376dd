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
    for phase in Phase.objects.all():
        assert phase.name in section
        titles = [t.title for t in ToolPage.objects.live().filter(phases=phase).order_by("title")[:3]]
        block = section.split(f'id="recommended-{phase.slug}"', 1)[1].split("</ul>", 1)[0]
        assert re.findall(r'<a href="[^"]+">([^<]+)</a>', block) == titles


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
