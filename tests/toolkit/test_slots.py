"""Slots: a lower page shows a higher room's or app's section through a Wagtail hook, never by loading its tags."""

import re
from pathlib import Path

from django.template import Context, Template
from django.test import RequestFactory
from wagtail import hooks

ROOT = Path(__file__).resolve().parents[2]
HIGHER_APP_TAGS = re.compile(r"{%\s*load\b[^%]*\b(inspire_tags|feedback_tags)\b")


def test_no_toolkit_template_loads_a_higher_apps_tags():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "templates" / "toolkit").rglob("*.html")
        if HIGHER_APP_TAGS.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_a_slot_renders_its_panels_in_hook_order_and_skips_none(tmp_path, settings):
    from toolkit.common.slots import Panel

    (tmp_path / "panel.html").write_text("<p>{{ text }} {{ page }}</p>", encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]

    def second(request, page):
        return Panel("panel.html", {"text": "toinen <b>", "page": page})

    def first(request, page):
        return Panel("panel.html", {"text": "ensimmäinen", "page": page})

    def nothing(request, page):
        return None

    template = Template('{% load toolkit_tags %}{% slot "test_slot" page="sivu" %}')
    with (
        hooks.register_temporarily("test_slot", second, order=20),
        hooks.register_temporarily("test_slot", nothing, order=15),
        hooks.register_temporarily("test_slot", first, order=10),
    ):
        html = template.render(Context({"request": RequestFactory().get("/")}))
    assert html == "<p>ensimmäinen sivu</p><p>toinen &lt;b&gt; sivu</p>"
