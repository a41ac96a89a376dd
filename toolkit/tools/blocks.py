"""StreamField blocks of the tool card: the steps (Miten) and the short lists (Mitä, Vahvuudet, Heikkoudet)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from toolkit.tools.values import duration_text


class Grouping(models.TextChoices):
    """How the group works during a step: from alone to pairs to small groups to everyone together."""

    ALONE = "alone", _("Yksin")
    PAIRS = "pairs", _("Pareittain")
    SMALL_GROUPS = "small_groups", _("Pienryhmissä")
    ALL = "all", _("Koko ryhmä")


class StepStructValue(blocks.StructValue):
    def duration_text(self) -> str:
        return duration_text(self.get("minutes") or 0)

    def grouping_label(self) -> str:
        return str(dict(Grouping.choices).get(self.get("grouping"), ""))


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Otsikko"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Ohje"), features=["bold", "italic", "link", "ul"])
    minutes = blocks.IntegerBlock(
        label=_("Minuutteja"),
        min_value=0,
        max_value=600,
        help_text=_("Kaikkien työvaiheiden minuuttien summan pitää olla sama kuin työkalun kesto."),
    )
    grouping = blocks.ChoiceBlock(label=_("Työskentelytapa"), choices=Grouping.choices, default=Grouping.ALL)

    class Meta:
        icon = "list-ol"
        label = _("Työvaihe")
        template = "toolkit/tools/blocks/step_block.html"
        description = _("Yksi työvaihe: ohje, kesto minuutteina ja työskentelytapa.")
        value_class = StepStructValue
        preview_value = {
            "title": "Hiljainen kirjoittaminen",
            "text": "<p>Jokainen kirjoittaa 3–5 havaintoa omille lapuilleen.</p>",
            "minutes": 10,
            "grouping": Grouping.ALONE,
        }


class StepsStreamBlock(blocks.StreamBlock):
    step = StepBlock()

    class Meta:
        template = "toolkit/tools/blocks/steps.html"
