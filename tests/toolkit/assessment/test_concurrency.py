"""30 members submit at the same moment on PostgreSQL: 30 responses, every rating kept."""

import threading

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse

from toolkit.models import AssessmentPage, AssessmentRating, AssessmentResponse, AssessmentRound
from toolkit.team.services import team_space_create

MEMBERS = 30


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_thirty_members_submit_at_once(demo_site):
    from toolkit.assessment import services

    page = AssessmentPage.objects.get(slug="tiimin-arviointi")
    keys = [s.key for g in page.statement_groups() for s in g.statements]
    assessment_round = services.round_open(space=team_space_create(), page=page, mode="anonymous")
    url = reverse("toolkit:assessment_respond", kwargs={"round_token": assessment_round.token})
    clients = [Client() for _ in range(MEMBERS)]
    for client in clients:
        assert client.get(url).status_code == 200  # each browser gets its cookie
    barrier = threading.Barrier(MEMBERS)
    statuses, errors = [], []

    def submit(i, client):
        try:
            data = {f"s-{key}": str((i + j) % 3 + 1) for j, key in enumerate(keys)}
            barrier.wait(timeout=60)
            statuses.append(client.post(url, data).status_code)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(i, c)) for i, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert statuses == [302] * MEMBERS
    assert AssessmentResponse.objects.filter(round=assessment_round).count() == MEMBERS
    assert AssessmentRating.objects.filter(round=assessment_round).count() == MEMBERS * len(keys)
    # Everyone changes their answer at once, too: still 30 responses, all now 3.
    barrier = threading.Barrier(MEMBERS)

    def change(client):
        try:
            barrier.wait(timeout=60)
            statuses.append(client.post(url, {f"s-{key}": "3" for key in keys}).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=change, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert AssessmentResponse.objects.filter(round=assessment_round).count() == MEMBERS
    assert set(AssessmentRating.objects.filter(round=assessment_round).values_list("value", flat=True)) == {3}
    assert AssessmentRound.objects.get(pk=assessment_round.pk).state == "open"
