"""The workbook's answer form. The answer's own rules (scale, choices, length) live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from toolkit.workbook.models import ANSWER_MAX_LENGTH


class AnswerForm(forms.Form):
    key = forms.CharField(max_length=60)
    version = forms.IntegerField(min_value=0, max_value=2**31 - 1)
    answer = forms.CharField(
        required=False,
        strip=False,
        # A little above the stored limit, so that the services give the friendlier message.
        max_length=ANSWER_MAX_LENGTH * 2,
        error_messages={"max_length": _("Vastaus on liian pitkä.")},
    )
