"""Page choosers that open where the answer is (issue 29).

Wagtail's page chooser opens at the pages' common ancestor: with the tools in three languages that is the root,
showing only the home pages. `SectionPageChooserPanel` opens the chooser at the section of the edited page's
language that holds the chosen type (a tool under its Työkalut, a story under its Innostu): the section is
the chosen type's parent type (`parent_page_types`), in the page's locale.

Wagtail's widget takes its modal's URL from `get_chooser_modal_url()`, and its script appends the chosen
page's parent id to that URL when a page is already chosen. The widget's URL is therefore our own admin path,
`choose-page-from/<section>/`, which redirects to Wagtail's `wagtailadmin_choose_page_child` at the section, or
at the parent the script appended (`choose-page-from/<section>/<parent>/`), with the script's parameters.
`LocaleChoicesPageForm` tells the choosers of its inline forms the page's locale (`start_choosers_in`).
"""

from __future__ import annotations

from django.http import HttpResponseRedirect
from django.urls import path, reverse
from wagtail.admin.panels import PageChooserPanel
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page

URL_NAME = "valoa_choose_page_from"


class SectionPageChooser(AdminPageChooser):
    start_page_id: int | None = None

    def start_in_locale(self, locale_id: int, sections: dict) -> None:
        """Open at the section (the chosen type's parent page) of `locale_id`; `sections` caches the look-up."""
        key = (tuple(self.model_names), locale_id)
        if key not in sections:
            parent_types = (
                [model for model in self.model.allowed_parent_page_models() if model is not Page]
                if self.model is not Page
                else []
            )
            section = (
                Page.objects.type(*parent_types).filter(locale_id=locale_id).order_by("path").first()
                if parent_types
                else None
            )
            sections[key] = section.pk if section else None
        self.start_page_id = sections[key]

    def get_chooser_modal_url(self):
        if self.start_page_id:
            return reverse(URL_NAME, args=[self.start_page_id])
        return super().get_chooser_modal_url()


class SectionPageChooserPanel(PageChooserPanel):
    """A PageChooserPanel whose chooser opens at the chosen type's section in the edited page's language."""

    def get_form_options(self):
        opts = super().get_form_options()
        opts.setdefault("widgets", {})[self.field_name] = SectionPageChooser(
            target_models=self.page_type, can_choose_root=self.can_choose_root
        )
        return opts


def start_choosers_in(form, locale_id: int, sections: dict) -> None:
    for field in form.fields.values():
        if isinstance(field.widget, SectionPageChooser):
            field.widget.start_in_locale(locale_id, sections)


def starting_choosers_in(form_class, locale_id: int, sections: dict):
    """`form_class` (an inline formset's form), whose forms' choosers start in `locale_id`: also the empty form
    Wagtail's "add" button copies."""

    class Form(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            start_choosers_in(self, locale_id, sections)

    Form.__name__ = Form.__qualname__ = form_class.__name__
    return Form


def choose_page_from(request, start_page_id: int, parent_page_id: int | None = None):
    url = reverse("wagtailadmin_choose_page_child", args=[parent_page_id or start_page_id])
    query = request.GET.urlencode()
    return HttpResponseRedirect(f"{url}?{query}" if query else url)


def urlpatterns():
    return [
        path("choose-page-from/<int:start_page_id>/", choose_page_from, name=URL_NAME),
        path("choose-page-from/<int:start_page_id>/<int:parent_page_id>/", choose_page_from, name=URL_NAME),
    ]
