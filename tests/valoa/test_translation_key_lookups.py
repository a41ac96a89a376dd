"""Pages looked up by their translation key stay index lookups on PostgreSQL: the language switcher on every page
and the page links of rich text.

Written as `key = X OR key IN (subquery)` (or ids OR translations), PostgreSQL could use no index for the
condition and filtered every page of the site: 2.4–3.7 ms of each page view at 5,000 pages, growing with the
content (docs/performance.md, "Queries that grew with the content"). The tests plan each query as a large site
would (sequential scans off, as the planner chooses at thousands of pages) and read where the key is used: as
an index condition, not as a filter over every row.
"""

from __future__ import annotations

import json

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def _plan_nodes(sql: str, params) -> list[dict]:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        (plan,) = cursor.fetchone()
    plan = json.loads(plan) if isinstance(plan, str) else plan
    nodes, todo = [], [plan[0]["Plan"]]
    while todo:
        node = todo.pop()
        nodes.append(node)
        todo.extend(node.get("Plans", []))
    return nodes


def _assert_key_is_an_index_condition(query: dict) -> None:
    nodes = _plan_nodes(query["sql"], query.get("params") or ())
    assert any("translation_key" in node.get("Index Cond", "") for node in nodes), nodes
    assert not any("translation_key" in node.get("Filter", "") for node in nodes), nodes


def _key_queries(captured) -> list[dict]:
    return [q for q in captured if '"wagtailcore_page"."translation_key" IN (SELECT' in q["sql"]]


def test_the_language_switcher_looks_translations_up_by_key(client, demo_site):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/tyokalut/")
    assert response.status_code == 200
    (query,) = _key_queries(captured.captured_queries)
    _assert_key_is_an_index_condition(query)


def test_rich_text_page_links_look_translations_up_by_key(demo_site):
    tools = Page.objects.get(slug="tyokalut")
    with translation.override("fi"), CaptureQueriesContext(connection) as captured:
        html = expand_db_html(f'<p><a linktype="page" id="{tools.pk}">Työkalut</a></p>')
    assert f'href="{tools.url}"' in html
    (query,) = _key_queries(captured.captured_queries)
    _assert_key_is_an_index_condition(query)
