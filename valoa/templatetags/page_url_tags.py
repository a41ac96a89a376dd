"""`{% page_url page %}`: `{% pageurl page %}` for listings, without a reverse() per page (valoa.page_urls)."""

from django import template
from wagtail.models import Page

from valoa.page_urls import page_url as _page_url

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, page):
    if not isinstance(page, Page):
        raise ValueError(f"page_url expected a Page object, got {page!r}")
    return _page_url(context.get("request"), page)
