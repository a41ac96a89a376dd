"""valoa/page_serving.serve follows Wagtail's own serve view (wagtail.views.serve and Page.route_for_request)
step for step, except that it routes from the language's home page without Wagtail's two extra queries, so
that a Swedish or English page costs the same as its Finnish original (docs/languages.md). That is a copy of
a framework's code, which the project allows only with a test that fails when the original changes: when
Wagtail is upgraded and this fails, compare the new source with valoa/page_serving.py, carry over what
changed (or go back to Wagtail's view if it no longer costs more), then record the new fingerprints here."""

import hashlib
import inspect

import pytest
from wagtail import views as wagtail_views
from wagtail.models import Page

FOLLOWED = {
    "wagtail.views.serve": (
        wagtail_views.serve,
        "eab2a9d475a3384347f8dd3a62e522b635298d6990adf6e3fbbdd302bfa8d62b",
    ),
    "wagtail.views.serve_chain": (
        wagtail_views.serve_chain,
        "ae1555815cac8e211a010e57a1c028f33a37b7d539c353c5abe8a0b356e6dd11",
    ),
    "Page.route_for_request": (
        Page.route_for_request,
        "5530d229b2de42ba70c8da4915f9e12711cde44c4b89e673d5c1cb2a71406396",
    ),
}


@pytest.mark.parametrize("name", sorted(FOLLOWED))
def test_the_followed_wagtail_code_has_not_changed(name):
    function, fingerprint = FOLLOWED[name]
    source = inspect.getsource(function)
    assert hashlib.sha256(source.encode()).hexdigest() == fingerprint, (
        f"{name} changed in this Wagtail: review valoa/page_serving.py against it (this test's docstring)"
    )
