"""wagtail-localize's views where its permissions are too wide for VALOA (valoa/languages/translating.py).

Registered under wagtail-localize's own paths, ahead of them (`register_admin_urls`, order -1), so that its links
(`wagtail_localize:convert_to_alias`, `wagtail_localize:update_translations`) lead here:

- converting a translation to an alias (which overwrites it with the source) is for superusers only;
- "Sync translated pages" offers "Publish immediately" only to a user who may publish every translation it
  updates: anyone else's updates wait as drafts for the workflow.
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_localize.views import convert, update_translations

from valoa.languages.translating import may_convert_to_alias


def convert_to_alias(request, page_id):
    if not may_convert_to_alias(request.user):
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    def may_publish_all(self) -> bool:
        for translation in self.object.translations.filter(enabled=True):
            try:
                target = translation.get_target_instance()
            except ObjectDoesNotExist:
                continue
            if isinstance(target, Page) and not target.permissions_for_user(self.request.user).can_publish():
                return False
        return True

    def get_form(self):
        form = super().get_form()
        field = form.fields.get("publish_translations")
        if field is not None and not self.may_publish_all():
            field.disabled = True
            field.initial = False
            field.help_text = _(
                "Päivitetyt käännökset jäävät luonnoksiksi: lähetä ne tarkastettaviksi käännöseditorista."
            )
        return form


def urlpatterns():
    return [
        path(
            "localize/page/<int:page_id>/convert_to_alias/", convert_to_alias, name="valoa_convert_to_alias"
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            UpdateTranslationsView.as_view(),
            name="valoa_update_translations",
        ),
    ]
