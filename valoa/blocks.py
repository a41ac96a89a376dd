"""StreamField blocks shared by every page type. Each renders through its own template."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Otsikko"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Taso"),
        choices=[("h2", _("Väliotsikko (h2)")), ("h3", _("Alaotsikko (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Otsikko")
        template = "components/blocks/heading_block.html"
        description = _("Väliotsikko, joka jäsentää sivun osiin.")
        preview_value = {"text": "Mitä teimme", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Lainaus"))
    attribution = blocks.CharBlock(label=_("Lähde"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Lainaus")
        template = "components/blocks/quote_block.html"
        description = _("Lainaus, esimerkiksi tiimin jäsenen kommentti.")
        preview_value = {
            "quote": "Kokeilu oli pieni, mutta se muutti tapamme puhua palavereissa.",
            "attribution": "Tiimin jäsen",
        }


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Otsikko"), max_length=120)
    text = blocks.RichTextBlock(label=_("Teksti"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        label = _("Huomiolaatikko")
        template = "components/blocks/callout_block.html"
        description = _("Korostettu laatikko vinkille tai tärkeälle huomiolle.")
        preview_value = {
            "title": "Vinkki",
            "text": "<p>Aloittakaa pienestä ja sopikaa yksi kokeilu kerrallaan.</p>",
        }


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Kysymys"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Vastaus"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        label = _("Kysymys ja vastaus")
        template = "components/blocks/question_answer_block.html"
        description = _("Usein kysytty kysymys, joka aukeaa vastaukseksi.")
        preview_value = {
            "question": "Tarvitsemmeko luvan kokeilun aloittamiseen?",
            "answer": "<p>Ette tarvitse. Tiimi voi aloittaa omasta työstään.</p>",
        }


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Tekstikappale"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3"],
        template="components/blocks/paragraph_block.html",
        description=_("Leipäteksti: kappaleita, listoja ja linkkejä."),
        preview_value="<p>Työkulttuuri näkyy siinä, miten teemme työtä yhdessä joka päivä.</p>",
    )
    image = ImageBlock(
        label=_("Kuva"),
        template="components/blocks/image_block.html",
        description=_("Kuva vaihtoehtoisella tekstillä."),
    )
    quote = QuoteBlock()
    callout = CalloutBlock()
    faq = QuestionAnswerBlock()
