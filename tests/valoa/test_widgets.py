"""The Python-rendered <select> writes exactly what Django's template-based Select writes."""

import pytest
from django import forms

from valoa.widgets import Select

CHOICES = [
    ("", "Kaikki teemat"),
    ("dialogi", "Dialogi & <kuuntelu>"),
    ("ääni", 'Ääni "ja" äly'),
    ("Ryhmä", [("a", "A"), ("b", "B")]),
]


@pytest.mark.parametrize("value", [None, "", "dialogi", "ääni", "b", "puuttuu"])
@pytest.mark.parametrize(
    "attrs",
    [
        None,
        {"id": "id_theme"},
        {
            "id": "id_theme",
            "aria-invalid": "true",
            "aria-describedby": "x y",
            "required": True,
            "disabled": False,
        },
    ],
)
def test_same_markup_as_djangos_select(value, attrs):
    ours = Select(choices=CHOICES).render("theme", value, attrs=attrs)
    django = forms.Select(choices=CHOICES).render("theme", value, attrs=attrs)
    assert ours == django
    assert "&lt;kuuntelu&gt;" in ours


def test_bound_form_field_renders_with_it():
    class F(forms.Form):
        theme = forms.ChoiceField(choices=CHOICES[:3], required=False, widget=Select)

    class Reference(forms.Form):
        theme = forms.ChoiceField(choices=CHOICES[:3], required=False)

    assert str(F({"theme": "dialogi"})["theme"]) == str(Reference({"theme": "dialogi"})["theme"])
