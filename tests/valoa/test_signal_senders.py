"""Every signal receiver names its senders: a save of an unrelated model runs none of valoa's receivers.

`Signal.send()` returns the receivers it ran, with their answers: a signal sent for an unrelated model must
name none of the front cache's or the translated references' receivers, while one sent for the models they are
for names them. Sent with `raw=True` (as loaddata does), so that whatever runs returns at once.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save, pre_save
from django.test import override_settings
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from feedback.models import Submission
from inspire.models import Organisation
from toolkit.models import TeamSpace, ToolPage
from valoa.caching import frontend_cache
from valoa.languages import translated_references
from valoa.models import Phase

pytestmark = pytest.mark.django_db

OURS = {
    frontend_cache._on_model_change,
    frontend_cache._on_publish_or_unpublish,
    frontend_cache._on_move,
    frontend_cache._on_slug_change,
    translated_references._before_save,
}


def receivers(signal, sender, **kwargs) -> set:
    return {receiver for receiver, _answer in signal.send(sender=sender, **kwargs)}


def model_signals(model) -> set:
    instance = model()
    return (
        receivers(pre_save, model, instance=instance, raw=True, update_fields=None, using="default")
        | receivers(
            post_save, model, instance=instance, created=False, raw=True, update_fields=None, using="default"
        )
        | receivers(post_delete, model, instance=instance, origin=instance, using="default")
    )


@pytest.mark.parametrize("model", [get_user_model(), Submission, TeamSpace])
def test_an_unrelated_model_runs_none_of_valoas_receivers(model):
    assert not model_signals(model) & OURS


@pytest.mark.parametrize("model", [Phase, Organisation, get_image_model()])
def test_the_models_that_show_on_pages_run_the_front_caches_receiver(model):
    found = model_signals(model)
    assert frontend_cache._on_model_change in found
    assert translated_references._before_save not in found


def test_submissions_are_purged_by_their_own_app_only():
    # feedback/frontend_cache.py purges a submission itself: the general receiver is not connected to it.
    assert frontend_cache._on_model_change not in model_signals(Submission)


@pytest.mark.parametrize("model", [Page, ToolPage])
def test_page_models_run_the_translated_references_receiver(model):
    assert translated_references._before_save in receivers(pre_save, model, instance=model(), raw=True)


def page_signals(sender, page) -> set:
    return (
        receivers(page_published, sender, instance=page, revision=None)
        | receivers(page_unpublished, sender, instance=page)
        | receivers(
            post_page_move,
            sender,
            instance=page,
            parent_page_before=page,
            parent_page_after=page,
            url_path_before="/a/",
            url_path_after="/a/",
        )
        | receivers(page_slug_changed, sender, instance=page, instance_before=page)
    )


# Wagtail's redirects app listens to moves and slug changes of any sender: off, it returns at once.
@override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False)
def test_page_signals_run_the_front_caches_receivers_for_page_models_only():
    root = Page.objects.get(depth=1)
    page_receivers = {
        frontend_cache._on_publish_or_unpublish,
        frontend_cache._on_move,
        frontend_cache._on_slug_change,
    }
    for model in (Page, ToolPage):
        assert page_signals(model, root) >= page_receivers, model
    for model in (get_user_model(), Submission, TeamSpace, Phase):
        assert not page_signals(model, model()) & OURS, model
