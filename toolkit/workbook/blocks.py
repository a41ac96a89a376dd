"""The workbook's definition as editors build it: sections of questions, each with a stable key.

Answers are stored by the question's key, never by its wording or position, so editors may reword,
reorder and add questions without detaching a team's answers.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from toolkit.common.block_keys import StableKeyBlock, key_from_text

KEY_MAX_LENGTH = 60
key_validator = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    _("Käytä vain pieniä kirjaimia a–z, numeroita ja väliviivoja, esimerkiksi ilmio-tapahtumat."),
)


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Kysymys"), max_length=300)
    help_text = blocks.TextBlock(label=_("Ohje"), required=False, max_length=600)
    key = StableKeyBlock(
        label=_("Tunniste"),
        max_length=KEY_MAX_LENGTH,
        required=False,
        validators=[key_validator],
        help_text=_(
            "Jätä tyhjäksi, niin tunniste muodostetaan kysymyksestä tallennettaessa. Tiimien vastaukset "
            "kiinnittyvät tunnisteeseen: kysymyksen sanamuotoa voi muuttaa, mutta älä muuta tunnistetta, kun "
            "vastauksia on jo annettu."
        ),
    )

    kind = "text"

    class Meta:
        icon = "help"


class OpenQuestionBlock(QuestionBlock):
    kind = "text"

    class Meta:
        label = _("Avoin kysymys")
        description = _("Tiimi vastaa vapaalla tekstillä.")
        preview_value = {
            "key": "ilmio-esimerkki",
            "question": "Mitä työssämme on viime aikoina tapahtunut?",
            "help_text": "Kirjatkaa ensin kaikki, mitä tulee mieleen.",
        }


class ListQuestionBlock(QuestionBlock):
    kind = "list"

    class Meta:
        icon = "list-ul"
        label = _("Listakysymys")
        description = _("Tiimi kirjaa vastauksen luettelona, yksi kohta riville.")
        preview_value = {
            "key": "lista-esimerkki",
            "question": "Mitkä asiat toistuvat palavereissamme?",
            "help_text": "Yksi asia riville.",
        }


class ScaleQuestionBlock(QuestionBlock):
    minimum_label = blocks.CharBlock(label=_("Asteikon alapään selite"), max_length=60)
    maximum_label = blocks.CharBlock(label=_("Asteikon yläpään selite"), max_length=60)
    steps = blocks.IntegerBlock(label=_("Asteikon portaat"), min_value=3, max_value=10, default=5)

    kind = "scale"

    class Meta:
        icon = "order"
        label = _("Asteikkokysymys")
        description = _("Tiimi valitsee yhteisen arvion asteikolta 1–n.")
        preview_value = {
            "key": "asteikko-esimerkki",
            "question": "Kuinka hyvin tunnemme toistemme työn?",
            "minimum_label": "Huonosti",
            "maximum_label": "Hyvin",
            "steps": 5,
        }


class ChoiceQuestionBlock(QuestionBlock):
    choices = blocks.ListBlock(
        blocks.CharBlock(label=_("Vaihtoehto"), max_length=120), label=_("Vaihtoehdot"), min_num=2
    )

    kind = "choice"

    class Meta:
        icon = "radio-full"
        label = _("Monivalintakysymys")
        description = _("Tiimi valitsee yhden vaihtoehdoista.")
        preview_value = {
            "key": "valinta-esimerkki",
            "question": "Mihin keskitymme ensin?",
            "choices": ["Palaverit", "Palaute", "Yhteiset pelisäännöt"],
        }

    def clean(self, value):
        value = super().clean(value)
        texts = [str(choice).strip() for choice in value["choices"]]
        if len(set(texts)) != len(texts):
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Vaihtoehdot eivät saa toistua."))}
            )
        return value


class QuestionStreamBlock(blocks.StreamBlock):
    open = OpenQuestionBlock()
    list = ListQuestionBlock()
    scale = ScaleQuestionBlock()
    choice = ChoiceQuestionBlock()


class WorkbookSectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Osan otsikko"), max_length=120)
    intro = blocks.TextBlock(label=_("Johdanto"), required=False, max_length=1000)
    questions = QuestionStreamBlock(label=_("Kysymykset"), min_num=1)

    class Meta:
        icon = "form"
        label = _("Työkirjan osa")
        description = _("Työkirjan osa, esimerkiksi ilmiöhahmotus, ja sen kysymykset.")
        preview_value = {"title": "Ilmiöhahmotus", "intro": "Mitä työssämme tapahtuu?"}


class WorkbookStreamBlock(blocks.StreamBlock):
    section = WorkbookSectionBlock()

    def clean(self, value):
        value = super().clean(value)
        questions = [
            (index, position, question.value)
            for index, section in enumerate(value)
            for position, question in enumerate(section.value["questions"])
        ]
        seen: set[str] = {question["key"] for _index, _position, question in questions if question["key"]}
        # Empty keys are filled in from the question, unique on the page.
        for _index, _position, question in questions:
            if not question["key"]:
                question["key"] = key_from_text(question["question"], taken=seen, max_length=KEY_MAX_LENGTH)
                seen.add(question["key"])
        # A repeated key is reported on the question that repeats it, not above the whole field.
        errors: dict[int, dict[int, StructBlockValidationError]] = {}
        first: set[str] = set()
        for index, position, question in questions:
            if question["key"] in first:
                message = ValidationError(
                    _("Tunniste ”%(key)s” on jo käytössä toisella kysymyksellä.") % {"key": question["key"]}
                )
                errors.setdefault(index, {})[position] = StructBlockValidationError(
                    block_errors={"key": message}
                )
            first.add(question["key"])
        if errors:
            raise blocks.StreamBlockValidationError(
                block_errors={
                    index: StructBlockValidationError(
                        block_errors={
                            "questions": blocks.StreamBlockValidationError(block_errors=by_position)
                        }
                    )
                    for index, by_position in errors.items()
                }
            )
        return value
