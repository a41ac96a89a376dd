"""Slots: named places on a toolkit page where another room or a higher app adds a section.

A lower module never loads a higher one's code or template tags. Instead the page names a slot, and whoever
wants to show something there registers a Wagtail hook under the slot's name:

    hooks.register(TOOL_PAGE_PANELS, my_panel, order=20)   # in that app's wagtail_hooks.py

The hook is called with the request and the slot's keyword arguments and returns a Panel (or None to show
nothing); the page's template renders the panels in hook order with `{% slot "<name>" key=value %}`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from wagtail import hooks

from valoa.pages.fragments import cached_fragment

# A tool page, below its own content; called with page=<ToolPage>.
TOOL_PAGE_PANELS = "toolkit_tool_page_panels"
# A team space's page, between its header and its settings; called with space=<TeamSpace>.
TEAM_SPACE_PANELS = "toolkit_team_space_panels"
# The end of a workbook session or an assessment (its summary or results); called with page=<the tool's page>.
SESSION_END_PANELS = "toolkit_session_end_panels"
# The end of the workbook's experiment part (a section whose questions' keys start "kokeilu-"), on the answering
# page and the summary; called with space=<TeamSpace> and session=<WorkbookSession>.
WORKBOOK_EXPERIMENT_PANELS = "toolkit_workbook_experiment_panels"
# A team's experiment page, below the experiment; called with space=<TeamSpace> and experiment=<TeamExperiment>.
EXPERIMENT_PANELS = "toolkit_experiment_panels"


@dataclass(frozen=True)
class Panel:
    """A section for a slot: a template and its context (the request is added).

    `kept_for`: the section is the same for every reader and only a publish changes it (the stories that used a
    tool): its markup is kept once per publish under the template and these parts (valoa.pages.fragments), and
    the context (a lazy queryset, say) is read only when it is rendered.
    """

    template: str
    context: Mapping = field(default_factory=dict)
    kept_for: tuple | None = None


def render_slot(name: str, request, *, csrf_token=None, **kwargs) -> SafeString:
    """The slot's panels, rendered in the order of their hooks. `csrf_token`: the page's own (its forms' token
    is the page's, which a cached team page renders as a placeholder: toolkit/team/page_cache.py)."""
    parts = []
    for hook in hooks.get_hooks(name):
        panel = hook(request, **kwargs)
        if panel is not None and panel.kept_for is not None:
            # Nothing of the request's own (its CSRF token) goes in what every reader is shown.
            render = partial(
                render_to_string, panel.template, {"request": request, **panel.context}, request=request
            )
            parts.append(cached_fragment(request, panel.template, panel.kept_for, render))
        elif panel is not None:
            context = {"request": request, **panel.context}
            if csrf_token is not None:
                context["csrf_token"] = csrf_token
            parts.append(render_to_string(panel.template, context, request=request))
    return mark_safe("".join(parts))  # noqa: S308 (each part is a rendered, autoescaped template)
