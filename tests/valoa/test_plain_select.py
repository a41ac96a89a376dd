"""A select written in Python (valoa/widgets.py: the plan page's tool picker, Innostu's and the finder's filters)
keeps what Django's Select gives a user."""

import re

import pytest
from bs4 import BeautifulSoup
from django import forms

from toolkit.meetings.forms import ToolBlockForm
from valoa.widgets import PlainSelect

TOOLS = [(7, "Check-in & <check-out>", 15), (9, "Kehityskeskustelu", 30)]


def test_the_chosen_tool_stays_selected_when_another_field_is_wrong():
    form = ToolBlockForm({"tool": "9", "minutes": "0"}, tools=TOOLS)
    assert not form.is_valid()
    html = str(form["tool"])
    assert re.search(r'<option value="9" selected>Kehityskeskustelu \(30 min\)</option>', html)
    assert '<option value="7">' in html
    assert 'name="tool"' in html and 'id="id_tool"' in html and "required" in html


def test_a_missing_tool_marks_the_select_invalid_and_titles_are_escaped():
    form = ToolBlockForm({"tool": ""}, tools=TOOLS)
    assert not form.is_valid()
    html = str(form["tool"])
    assert 'aria-invalid="true"' in html
    assert "Check-in &amp; &lt;check-out&gt; (15 min)" in html
    assert '<option value="" selected>Valitse työkalu</option>' in html


@pytest.mark.parametrize("value", ["", "9", "x"])
def test_the_markup_is_djangos_select_markup(value):
    choices = [("", "Kaikki"), ("7", 'Check-in & "check-out"'), ("9", "Kehityskeskustelu")]
    attrs = {"id": "id_tool", "aria-describedby": "id_tool_helptext", "required": True}

    def parsed(html: str):
        select = BeautifulSoup(html, "html.parser").select_one("select")
        options = [(o.get("value"), o.has_attr("selected"), o.get_text()) for o in select.select("option")]
        return select.attrs, options  # attributes in any order (HTML does not order them)

    plain = PlainSelect(choices=choices).render("tool", value, attrs=attrs)
    django = forms.Select(choices=choices).render("tool", value, attrs=attrs)
    assert parsed(plain) == parsed(django)
