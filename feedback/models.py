"""Palaute: the page where readers send feedback, experiences and tips."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from valoa.blocks import BodyStreamBlock
from valoa.models import BasePage


class FeedbackPage(BasePage):
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("sisältö"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["valoa.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("palautesivu")
