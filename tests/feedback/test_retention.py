"""The retention command keeps the promises of the privacy notice."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from feedback.models import Submission
from tests.factories.feedback import SubmissionFactory

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.now() - timedelta(days=n)


def run(*args):
    out = io.StringIO()
    call_command("purge_personal_data", *args, stdout=out)
    return out.getvalue()


def make(state, handled_days_ago=None, created_days_ago=0, **kwargs):
    submission = SubmissionFactory(state=state, client_hash="a" * 64, **kwargs)
    Submission.objects.filter(pk=submission.pk).update(
        created_at=days_ago(created_days_ago),
        handled_at=days_ago(handled_days_ago) if handled_days_ago is not None else None,
    )
    return submission


def test_retention_defaults_follow_the_privacy_notice(demo_site):
    rejected_old = make("rejected", handled_days_ago=31)
    spam_old = make("spam", handled_days_ago=40)
    rejected_new = make("rejected", handled_days_ago=29)
    approved_old = make("approved", handled_days_ago=184, created_days_ago=190)
    approved_new = make("approved", handled_days_ago=100)
    pending_old = make("pending", created_days_ago=200)

    assert "[kuivaharjoitus] Poistettu viestejä: 2. Henkilötiedot poistettu viesteistä: 2." in run(
        "--dry-run"
    )
    assert Submission.objects.count() == 6

    assert "Poistettu viestejä: 2. Henkilötiedot poistettu viesteistä: 2." in run()
    remaining = {s.pk: s for s in Submission.objects.all()}
    assert rejected_old.pk not in remaining and spam_old.pk not in remaining
    assert remaining[rejected_new.pk].email
    erased = remaining[approved_old.pk]
    assert (erased.name, erased.email, erased.client_hash) == ("", "", "")
    assert erased.personal_data_erased_at is not None
    assert erased.text  # the published text stays; the name shows as "Nimetön"
    assert erased.public_name == "Nimetön"
    assert remaining[approved_new.pk].email and remaining[approved_new.pk].client_hash
    # Never handled: the moderator still needs the reply address; the technical identifier goes.
    pending = remaining[pending_old.pk]
    assert pending.email and pending.client_hash == ""

    assert "Poistettu viestejä: 0. Henkilötiedot poistettu viesteistä: 0." in run()


def test_periods_are_configurable(demo_site):
    make("rejected", handled_days_ago=3)
    make("approved", handled_days_ago=3)
    assert "Poistettu viestejä: 1. Henkilötiedot poistettu viesteistä: 1." in run(
        "--delete-after-days", "2", "--erase-after-days", "2"
    )
    with override_settings(FEEDBACK_RETENTION={"DELETE_REJECTED_AFTER_DAYS": 1}):
        make("spam", handled_days_ago=2)
        assert "Poistettu viestejä: 1." in run()


def test_privacy_notice_states_the_same_periods(client, demo_site):
    from wagtail.models import Page

    html = client.get(Page.objects.get(slug="tietosuojaseloste").url).content.decode()
    assert "30 päivän kuluttua" in html
    assert "6 kuukauden kuluttua" in html
    # Deletion goes through the site owner by the reference code: no self-service deletion is promised.
    assert "kerro sen viitekoodi sivuston ylläpitäjälle" in html
    assert "Voit poistaa lähettämäsi viestin" not in html
