from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.widgets.button import Button as ListingButton
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from valoa.caching.http_cache import mark_public
from valoa.editing import choosers
from valoa.editing.counts import index_view_counting
from valoa.languages import translating, translation_views
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
    index_view_class = index_view_counting(
        lambda n: ngettext("%(n)s kieliversio", "%(n)s kieliversiota", n) % {"n": n}
    )
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
def register_chooser_urls():
    # The page choosers that open at a section of the edited page's language (valoa/editing/choosers.py).
    return choosers.urlpatterns()


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


@hooks.register("after_edit_page")
def say_what_the_workflow_action_did(request, page):
    """After a moderator's *Hyväksy ja julkaise* or *Pyydä muutoksia* in the page editor, the message says which
    it was: Wagtail's own is the same "page updated" for both (its save confirmation)."""
    action = request.POST.get("workflow-action-name") if request.method == "POST" else None
    if action not in ("approve", "reject"):
        return None
    fresh = Page.objects.get(pk=page.pk)
    title = fresh.get_admin_display_title()
    if action == "reject":
        message = _("Sivulle ”%(title)s” pyydetty muutoksia.") % {"title": title}
    elif fresh.current_workflow_state is not None:
        message = _(
            "Sivu ”%(title)s” hyväksytty tässä vaiheessa ja siirretty työnkulun seuraavaan vaiheeseen."
        ) % {"title": title}
    elif fresh.live and not fresh.has_unpublished_changes:
        message = _("Sivu ”%(title)s” hyväksytty ja julkaistu.") % {"title": title}
    else:
        message = _("Sivu ”%(title)s” hyväksytty ja ajastettu julkaistavaksi.") % {"title": title}
    # Wagtail's confirmation out, the others kept: reading the messages marks them used, and only those added
    # again after that are stored for the next page.
    kept = [
        item
        for item in messages.get_messages(request)
        if not (item.level == messages.SUCCESS and escape(title) in str(item.message))
    ]
    for item in kept:
        messages.add_message(request, item.level, item.message, extra_tags=item.extra_tags)
    messages.success(request, message)
    return None


# After Wagtail's own registration of the "page" link type (order 0), so that this one replaces it.
@hooks.register("register_rich_text_features", order=100)
def localized_page_links(features):
    from valoa.pages.rich_text import LocalizedPageLinkHandler

    features.register_link_type(LocalizedPageLinkHandler)


# --- Translations an editor can finish (valoa/languages/translating.py, docs/languages.md) -------------------


@hooks.register(
    "before_edit_page", order=-1
)  # before wagtail-localize's, which renders its translation editor
def translation_editor_actions(request, page):
    if request.method != "POST":
        return None
    if "localize-convert-to-alias" in request.POST and not translating.may_convert_to_alias(request.user):
        raise PermissionDenied
    if "valoa-submit-translation" not in request.POST:
        return None
    translation = translating.enabled_translation(page)
    if translation is None:
        return None
    outcome = translating.submit_for_moderation(page, translation, request.user)
    workflow = page.get_workflow()
    name = workflow.name if workflow is not None else ""
    if outcome == translating.SubmitResult.ALREADY:
        messages.info(request, _("Käännös on jo tarkastettavana."))
    elif outcome == translating.SubmitResult.NO_WORKFLOW:
        messages.error(
            request, _("Tällä sivulla ei ole työnkulkua: pyydä moderaattoria julkaisemaan käännös.")
        )
    else:
        messages.success(
            request,
            _("Käännös ”%(title)s” lähetettiin työnkulkuun ”%(workflow)s”.")
            % {"title": page.title, "workflow": name},
        )
    return redirect(reverse("wagtailadmin_pages:edit", args=(page.pk,)))


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias(menu_items, request, context):
    # wagtail-localize offers "convert to alias" in the page editor of a translation that is no longer synced.
    if not translating.may_convert_to_alias(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


@hooks.register("construct_page_action_menu")
def one_way_to_resubmit(menu_items, request, context):
    """After a request for changes, a workflow of one task offers "resubmit to the task" and "restart the
    workflow", which do the same: the restart goes, and the editor has one clear resubmit."""
    page = context.get("page")
    state = page.current_workflow_state if page is not None and page.pk else None
    if (
        state is None
        or state.status != WorkflowState.STATUS_NEEDS_CHANGES
        or state.workflow.tasks.count() > 1
    ):
        return
    menu_items[:] = [item for item in menu_items if item.name != "action-restart-workflow"]


@hooks.register("register_admin_urls", order=-1)  # before wagtail-localize's own paths, which these replace
def guard_localize_urls():
    return translation_views.urlpatterns()


@hooks.register("register_page_listing_buttons")
def outdated_translation_button(page, user, next_url=None):
    source = translating.outdated_source(page) if not page.is_root() else None
    if source is None:
        return
    url = reverse("wagtail_localize:update_translations", args=(source.pk,))
    if next_url:
        url += "?" + urlencode({"next": next_url})
    yield ListingButton(
        _("Käännös vanhentunut: päivitä"),
        url,
        icon_name="warning",
        priority=5,
        attrs={
            "aria-label": _("Käännös ”%(title)s” on vanhentunut: päivitä se lähdesivulta")
            % {"title": page.title}
        },
    )


@hooks.register("construct_translated_pages_to_cascade_actions")
def translations_follow_their_source(pages, action):
    return translating.cascade_to_translations(pages, action)


@hooks.register("before_delete_page")
def warn_of_translations_that_stay(request, page):
    if request.method == "GET":
        _warn_left_behind(
            request,
            page,
            _(
                "Käännöstä ”%(title)s” (%(language)s) ei poisteta tämän mukana, koska se on "
                "eri paikassa sivupuussa: poista se erikseen."
            ),
        )


@hooks.register("after_move_page")
def warn_of_translations_not_moved(request, page):
    _warn_left_behind(
        request,
        page,
        _(
            "Käännöstä ”%(title)s” (%(language)s) ei siirretty, koska kohteella ei ole "
            "käännöstä tällä kielellä: siirrä se erikseen."
        ),
    )


def _warn_left_behind(request, page, message):
    for translation in translating.translations_left_behind(page):
        messages.warning(
            request, message % {"title": translation.title, "language": translation.locale.get_display_name()}
        )
