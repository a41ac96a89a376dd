"""The form markup valoa.widgets writes in Python is Django's own, to the character.

PlainWidgetRenderer (settings.FORM_RENDERER) replaces Django's templates for the one-tag inputs and the textarea;
when a Django release changes those templates, these comparisons fail instead of the markup drifting.
"""

from __future__ import annotations

import datetime

import pytest
from django import forms
from django.conf import settings
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

from valoa.widgets import INPUT_TEMPLATES, PlainWidgetRenderer

DJANGO = DjangoTemplates()


class WithoutTemplates(PlainWidgetRenderer):
    """The renderer under test, refusing to load a template: the widgets below are written in Python or fail."""

    def get_template(self, template_name):
        raise AssertionError(f"{template_name} was rendered from its template")


PLAIN = WithoutTemplates()

WIDGETS = [
    forms.TextInput(),
    forms.TextInput(attrs={"class": "field", "maxlength": 200, "required": True, "disabled": False}),
    forms.NumberInput(attrs={"min": 0, "max": 480, "step": 5, "inputmode": "numeric"}),
    forms.EmailInput(attrs={"autocomplete": "email", "aria-describedby": "id_email_helptext id_email_error"}),
    forms.URLInput(),
    forms.PasswordInput(render_value=True),
    forms.HiddenInput(),
    forms.SearchInput(attrs={"placeholder": gettext_lazy("Hakusana")}),
    forms.TelInput(),
    forms.DateInput(attrs={"type": "date"}),
    forms.TimeInput(),
    forms.Textarea(),
    forms.Textarea(attrs={"rows": 3, "aria-invalid": "true", "data-none": None, "data-zero": 0}),
]
VALUES = [
    None,
    "",
    "Tiimi <b>&</b> \"muut\" 'kaikki'",
    mark_safe("<em>valmis</em>"),
    0,
    45,
    datetime.date(2026, 12, 7),
]


@pytest.mark.parametrize("widget", WIDGETS, ids=lambda widget: type(widget).__name__)
@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_the_markup_is_djangos(widget, value):
    for language in ("fi", "sv", "en"):
        with override(language):
            attrs = {"id": "id_osio", "aria-describedby": "id_osio_error"}
            assert widget.render("osio", value, attrs, renderer=PLAIN) == widget.render(
                "osio", value, attrs, renderer=DJANGO
            )


def test_the_templates_written_in_python_are_each_an_include_of_djangos_input():
    for template_name in INPUT_TEMPLATES - {"django/forms/widgets/input.html"}:
        source = DJANGO.get_template(template_name).template.source.strip()
        assert source == '{% include "django/forms/widgets/input.html" %}', template_name


def test_every_other_template_is_djangos():
    plain = PlainWidgetRenderer()
    widget = forms.Select(choices=[("1", "Yksi"), ("2", "Kaksi")])
    assert widget.render("valinta", "2", renderer=plain) == widget.render("valinta", "2", renderer=DJANGO)
    assert forms.CheckboxInput().render("ok", True, renderer=plain) == forms.CheckboxInput().render(
        "ok", True, renderer=DJANGO
    )


def test_the_site_renders_its_forms_with_it():
    assert settings.FORM_RENDERER == "valoa.widgets.PlainWidgetRenderer"
    assert isinstance(get_default_renderer(), PlainWidgetRenderer)
