"""The admin's page form for pages that choose translatable snippets (phases, themes) by checkboxes.

Phase and Theme rows exist once per language (wagtail-localize), all with the same names' translations; a page
form listing every row showed each phase three times with no language. `LocaleChoicesPageForm` keeps each
named field's choices to the rows of the edited page's locale: the page's own, or, for a new page, its
parent's (Wagtail's create view sets it on the instance before the form is made; the parent is the fallback).
Set as a page model's `base_form_class`; `locale_fields` names the fields. Its page choosers and those of its
inline forms (valoa/editing/choosers.py) open at their section in the page's locale.
"""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm

from valoa.editing.choosers import start_choosers_in, starting_choosers_in


class LocaleChoicesPageForm(WagtailAdminPageForm):
    locale_fields: tuple[str, ...] = ("phases", "themes")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if locale_id is None:
            return
        # Page choosers (SectionPageChooserPanel), here and in the inline forms, open in the page's section.
        sections: dict = {}
        start_choosers_in(self, locale_id, sections)
        for formset in self.formsets.values():
            formset.form = starting_choosers_in(formset.form, locale_id, sections)
            for form in formset.forms:
                start_choosers_in(form, locale_id, sections)
        for name in self.locale_fields:
            field = self.fields.get(name)
            if field is not None:
                field.queryset = field.queryset.filter(locale_id=locale_id)
