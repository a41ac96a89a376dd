"""Form widgets of the public pages that render many options: the same markup as Django's, built in Python."""

from __future__ import annotations

from html import escape as escape_html

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe


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
