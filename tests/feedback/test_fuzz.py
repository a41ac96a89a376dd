"""hypothesis: arbitrary text in every field never breaks the form or the view (200/302/400/429, never 500)."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feedback.forms import SubmissionForm
from tests.feedback.helpers import started

pytestmark = pytest.mark.django_db

FIELDS = [
    "title",
    "page",
    "text",
    "name",
    "organisation",
    "email",
    "publish_permission",
    "kotisivu",
    "started",
]
text = st.text(max_size=300)  # NUL and surrogate-free code points included by default
data_strategy = st.fixed_dictionaries({}, optional=dict.fromkeys(FIELDS, text))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=data_strategy, kind=st.sampled_from(["feedback", "experience", "tip"]))
def test_form_never_raises(demo_site, data, kind):
    form = SubmissionForm(data, kind=kind)
    form.is_valid()
    form.honeypot_caught()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=data_strategy,
    slug=st.sampled_from(["palaute", "kokemus", "vinkki"]),
    fresh_stamp=st.booleans(),
    query=st.text(max_size=20),
)
def test_view_never_answers_500(demo_site, data, slug, fresh_stamp, query):
    from django.core.cache import cache

    cache.clear()
    client = Client(raise_request_exception=False)
    if fresh_stamp:
        data = {**data, "started": started()}
    assert client.get(f"/palaute/lomake/{slug}/", {"sivu": query}).status_code == 200
    response = client.post(f"/palaute/lomake/{slug}/", data)
    assert response.status_code in (302, 400, 429), response.status_code
