"""Form markup of the public pages built in Python where Django's templates cost most: the same markup as Django's.

`PlainSelect` for selects with many options; `PlainWidgetRenderer` (settings.FORM_RENDERER) for the text, number,
hidden and other one-tag inputs and the textarea, which a team's meeting plan renders about fifty of (a form per
block: 41 % of the plan page's render time was `BoundField.as_widget`). tests/valoa/test_widgets.py renders a
matrix of widgets, values and attributes through both Django's own renderer and this one and expects the same
strings, so a Django release that changes these templates fails the test instead of changing the markup.
"""

from __future__ import annotations

from html import escape as escape_html

from django import forms
from django.forms.renderers import DjangoTemplates
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

# Django's widget templates that are exactly django/forms/widgets/input.html (each an include of it).
INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{kind}.html"
    for kind in (
        "input",
        "text",
        "number",
        "email",
        "url",
        "password",
        "hidden",
        "search",
        "tel",
        "date",
        "time",
    )
)
TEXTAREA_TEMPLATE = "django/forms/widgets/textarea.html"


class PlainSelect(forms.Select):
    """A plain `<select>` written in Python. Django's Select builds a context dict per option and renders two
    templates per option: with the few hundred tools of a full toolkit that was most of the plan page's time,
    and Innostu's and the finder's filters (50 organisations, the phases and themes) a sixth of theirs
    (docs/performance.md). The same markup from the widget's public parts: the attributes Django gives it
    (`build_attrs`: id, required, aria-describedby, aria-invalid), one `<option>` per choice, the chosen one
    selected (`format_value`). Flat choices only (no option groups)."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        # html.escape, not format_html per option: Django's lazy-aware escaping costs more than the rest here.
        options = "".join(
            f'<option value="{escape_html(str(option))}"{" selected" if str(option) in chosen else ""}>'
            f"{escape_html(str(label))}</option>"
            for option, label in self.choices
        )
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            mark_safe(options),  # noqa: S308 - every value and label is escaped above
        )


class PlainWidgetRenderer(DjangoTemplates):
    """Django's default form renderer, with the one-tag inputs and the textarea written in Python.

    Every other template (forms, fields, selects, checkboxes, the admin's own widgets) is Django's, rendered as
    before. What is written here follows input.html, attrs.html and textarea.html of Django 5.2 to the character,
    with Django's escaping (`conditional_escape`: what is already safe is not escaped again)."""

    def render(self, template_name, context, request=None):
        if template_name in INPUT_TEMPLATES:
            return _input_markup(context["widget"])
        if template_name == TEXTAREA_TEMPLATE:
            return _textarea_markup(context["widget"])
        return super().render(template_name, context, request=request)


def _attrs_markup(attrs) -> str:
    """attrs.html: False leaves an attribute out, True writes its name alone, any other value as a string
    (`{{ value|stringformat:'s' }}` keeps a safe string safe, as `conditional_escape` does)."""
    return "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{conditional_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input_markup(widget) -> str:
    value = widget["value"]
    value_markup = f' value="{conditional_escape(value)}"' if value is not None else ""
    return (
        f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
        f"{value_markup}{_attrs_markup(widget['attrs'])}>"
    )


def _textarea_markup(widget) -> str:
    value = widget["value"]
    text = conditional_escape(value) if value else ""
    return f'<textarea name="{conditional_escape(widget["name"])}"{_attrs_markup(widget["attrs"])}>\n{text}</textarea>'
