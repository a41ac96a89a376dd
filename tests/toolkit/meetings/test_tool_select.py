"""The plan page's tool picker: a select written in Python keeps what Django's Select gives a user."""

import re

from toolkit.meetings.forms import ToolBlockForm

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
