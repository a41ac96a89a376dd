"""Approved experiences on a tool or story page, in a fixed number of queries."""

from django import template

from feedback.models import Submission

register = template.Library()

# Shown on the page; older ones stay in the admin. Keeps the page and its query time bounded.
MAX_EXPERIENCES = 50


def experiences_context(request, page) -> dict:
    from feedback.views import form_url

    experiences = []
    if page is not None and getattr(page, "pk", None):
        # Only the public subset, and only the columns a reader may see: never the email. Experiences told
        # on any translation of the page show on every one of them (one tool, one set of experiences); one
        # written in another language than the page's is marked with it (docs/languages.md).
        # Lazy: read when the list is rendered, which a kept panel (the site's fragments) is not.
        experiences = (
            Submission.objects.public()
            .filter(page__translation_key=page.translation_key)
            .only("text", "name", "organisation", "created_at", "handled_at", "language")
            .order_by("-created_at", "-pk")[:MAX_EXPERIENCES]
        )
    return {
        "request": request,
        "experiences": experiences,
        "form_url": form_url(Submission.Kind.EXPERIENCE, page) if page is not None else "",
    }


@register.inclusion_tag("feedback/includes/experiences.html", takes_context=True)
def page_experiences(context, page):
    return experiences_context(context.get("request"), page)


@register.inclusion_tag("feedback/includes/tell_experience.html")
def tell_experience(page, heading_id="kerro-kokemuksesta"):
    """The end of a workbook session or an assessment: an invitation to tell others how it went.

    It links to the experience form prefilled with the workbook or assessment page (DESIGN §4, the loop),
    never with the team space: the form is public and the team link is secret.
    """
    from feedback.views import form_url

    return {"form_url": form_url(Submission.Kind.EXPERIENCE, page), "heading_id": heading_id}
