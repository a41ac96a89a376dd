from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.models import TaskState, WorkflowState
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from valoa.caching.http_cache import mark_public
from valoa.editing.counts import index_view_counting
from valoa.models import Phase, SiteTexts, Theme
from valoa.security import lockouts_admin, two_factor


class PhaseViewSet(SnippetViewSet):
    model = Phase
    icon = "list-ol"
    menu_label = _("Matkan vaiheet")
    index_view_class = index_view_counting(lambda n: ngettext("%(n)s vaihe", "%(n)s vaihetta", n) % {"n": n})
    list_display = ["name", "slug", "summary"]
    search_fields = ["name"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Teemat")
    index_view_class = index_view_counting(lambda n: ngettext("%(n)s teema", "%(n)s teemaa", n) % {"n": n})
    list_display = ["name", "slug"]
    search_fields = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (PhaseViewSet, ThemeViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Luokittelu")
    menu_name = "taxonomy"


register_snippet(TaxonomyViewSetGroup)


class SiteTextsViewSet(SnippetViewSet):
    # The site settings' free text (ContactSettings.texts), translated like any snippet.
    model = SiteTexts
    icon = "doc-full"
    menu_label = _("Sivuston tekstit")
    add_to_settings_menu = True
    list_display = ["organisation", "locale"]


register_snippet(SiteTextsViewSet)


@hooks.register("before_serve_page")
def mark_page_public(page, request, serve_args, serve_kwargs):
    # A page Wagtail serves may be public to the front cache, under the rules of valoa/caching/http_cache.py.
    mark_public(request)


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    # The two-factor step, enrolment and recovery codes under /admin/2fa/ (valoa/security/two_factor.py).
    return two_factor.urlpatterns()


@hooks.register("register_admin_urls")
def register_lockout_urls():
    # The current login lockouts and their release, for administrators (valoa/security/lockouts_admin.py).
    return lockouts_admin.urlpatterns()


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return lockouts_admin.menu_item()


@hooks.register("register_account_menu_item")
def register_recovery_codes_menu_item(request):
    return {
        "url": reverse("valoa_recovery_codes"),
        "label": _("Kaksivaiheisen tunnistautumisen varakoodit"),
        "help_text": _("Kertakäyttöiset koodit, joilla kirjaudut, jos puhelin katoaa."),
    }


@hooks.register("before_edit_page")
def show_requested_changes(request, page):
    """When a moderator asked for changes, the editor reads what to change at the top of the form.

    Wagtail keeps the comment on the task state and shows it only in the workflow history.
    """
    if request.method != "GET":
        return None
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = (
        TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_REJECTED)
        .select_related("finished_by", "task")
        .order_by("-finished_at")
        .first()
    )
    if task_state is None:
        return None
    who = task_state.finished_by.get_full_name() if task_state.finished_by else ""
    if task_state.comment:
        message = _("%(who)s pyysi muutoksia vaiheessa ”%(task)s”: %(comment)s") % {
            "who": who or _("Tarkastaja"),
            "task": task_state.task.name,
            "comment": task_state.comment,
        }
    else:
        message = _("%(who)s pyysi muutoksia vaiheessa ”%(task)s” kommentoimatta.") % {
            "who": who or _("Tarkastaja"),
            "task": task_state.task.name,
        }
    messages.warning(request, message)
    return None


# After Wagtail's own registration of the "page" link type (order 0), so that this one replaces it.
@hooks.register("register_rich_text_features", order=100)
def localized_page_links(features):
    from valoa.pages.rich_text import LocalizedPageLinkHandler

    features.register_link_type(LocalizedPageLinkHandler)
