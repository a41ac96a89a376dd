"""Story bodies: headed sections (Haaste, Mitä teimme, Tulokset, Opit) on top of the shared blocks."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

from valoa.blocks import BodyStreamBlock, CalloutBlock, QuoteBlock

SECTION_HEADINGS = [
    ("challenge", _("Haaste")),
    ("what_we_did", _("Mitä teimme")),
    ("results", _("Tulokset")),
    ("lessons", _("Opit")),
    ("other", _("Muu otsikko")),
]


class SectionContentBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Tekstikappale"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3"],
        template="components/blocks/paragraph_block.html",
    )
    image = ImageBlock(label=_("Kuva"), template="components/blocks/image_block.html")
    quote = QuoteBlock()
    callout = CalloutBlock()


class StorySectionValue(blocks.StructValue):
    def heading_text(self) -> str:
        if self.get("custom_heading"):
            return self["custom_heading"]
        return str(dict(SECTION_HEADINGS).get(self.get("kind"), ""))


class StorySectionBlock(blocks.StructBlock):
    """A headed section; the owner's stories use the four standard headings in this order."""

    kind = blocks.ChoiceBlock(label=_("Osio"), choices=SECTION_HEADINGS, default="challenge")
    custom_heading = blocks.CharBlock(
        label=_("Oma otsikko"),
        required=False,
        max_length=120,
        help_text=_("Korvaa vakio-otsikon. Pakollinen, jos osio on ”Muu otsikko”."),
    )
    content = SectionContentBlock(label=_("Sisältö"))

    class Meta:
        icon = "doc-full"
        label = _("Osio")
        template = "inspire/blocks/story_section_block.html"
        value_class = StorySectionValue
        description = _("Otsikoitu osio: Haaste, Mitä teimme, Tulokset tai Opit.")
        preview_value = {
            "kind": "what_we_did",
            "custom_heading": "",
            "content": [("paragraph", "<p>Tiimi kokeili kahden viikon ajan uutta palaverirakennetta.</p>")],
        }

    def clean(self, value):
        value = super().clean(value)
        if value.get("kind") == "other" and not value.get("custom_heading"):
            raise StructBlockValidationError(
                block_errors={"custom_heading": ValidationError(_("Kirjoita osion otsikko."))}
            )
        return value


class StoryBodyBlock(BodyStreamBlock):
    """The shared body blocks plus the headed story section."""

    section = StorySectionBlock()
