from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import TaskState, WorkflowState
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from valoa.models import Phase, Theme
from valoa.page_cache import mark_cacheable


class PhaseViewSet(SnippetViewSet):
    model = Phase
    icon = "list-ol"
    menu_label = _("Matkan vaiheet")
    list_display = ["name", "slug", "summary"]
    search_fields = ["name"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Teemat")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (PhaseViewSet, ThemeViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Luokittelu")
    menu_name = "taxonomy"


register_snippet(TaxonomyViewSetGroup)


@hooks.register("before_serve_page")
def mark_page_cacheable(page, request, serve_args, serve_kwargs):
    # Only what Wagtail's page serving renders may enter the page cache (valoa/page_cache.py).
    mark_cacheable(request)


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
