"""The moderation queue in the Wagtail admin: list, filters, edit of the public text, state actions, dashboard."""

from __future__ import annotations

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from feedback import frontend_cache, services
from feedback.models import Submission
from feedback.sharing import views as sharing_views
from feedback.templatetags.feedback_tags import experiences_context, tell_experience
from feedback.usage import admin as usage_admin
from toolkit.common.slots import EXPERIMENT_PANELS, SESSION_END_PANELS, TOOL_PAGE_PANELS, Panel
from valoa.editing.counts import index_view_counting


class YesNoPanel(FieldPanel):
    """A read-only yes/no field shown as "Kyllä"/"Ei", not as Python's True/False."""

    def format_value_for_display(self, value):
        return _("Kyllä") if value else _("Ei")


class SharedExperimentPanel(MultiFieldPanel):
    """The structured fields of an experiment a team shared from its space; only on such a tip."""

    class BoundPanel(MultiFieldPanel.BoundPanel):
        def is_shown(self):
            return bool(getattr(self.instance, "shared_experiment", False)) and super().is_shown()


class SubmissionPermissionPolicy(ModelPermissionPolicy):
    """Submissions come from readers only: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


# Registered before the viewset, so the admin and the bulk actions use it (Wagtail 8's way).
register_permission_policy(Submission, SubmissionPermissionPolicy(Submission), exact_class=True)


def bulk_action_url(action_type: str, submission: Submission, next_url: str) -> str:
    base = reverse("wagtail_bulk_action", args=["feedback", "submission", action_type])
    return f"{base}?{urlencode({'id': submission.pk, 'next': next_url})}"


class SaveAndApproveMenuItem(ActionMenuItem):
    """In the footer's menu while a submission waits: the moderator's edit of the public text and the approval in
    one press, so the edit is neither lost nor the item opened again to approve it."""

    name = "action-approve"  # the edit view reads the action from this button's name
    label = _("Tallenna ja hyväksy")
    icon_name = "check"

    def is_shown(self, context):
        instance = context.get("instance")
        return (
            super().is_shown(context)
            and context["view"] == "edit"
            and isinstance(instance, Submission)
            and instance.state != Submission.State.APPROVED
        )


@hooks.register("register_snippet_action_menu_item")
def register_save_and_approve(model):
    if model is Submission:
        # After "Tallenna" (order 0), first in its menu, as Wagtail puts "Julkaise" after "Tallenna luonnos":
        # Enter in a text field then saves the edit and never approves (publishes) by accident.
        return SaveAndApproveMenuItem(order=10)


class SubmissionEditView(EditView):
    """The moderator's decisions sit in the header beside the title, visible at once and reachable with Tab,
    not in the "⋯" menu: approve, reject, spam and (for a tip) a story draft. Each goes through the bulk
    action's confirmation page, which returns here. The footer's "Tallenna ja hyväksy" saves the edited
    text and approves in the same transaction."""

    def get_available_actions(self):
        return [*super().get_available_actions(), "approve"]

    def save_instance(self):
        submission = super().save_instance()
        if self.action == "approve":
            services.submission_approve(submission=submission, user=self.request.user)
        return submission

    def get_success_message(self):
        if self.action == "approve":
            return _("%(object)s on tallennettu ja hyväksytty.") % {"object": self.object}
        return super().get_success_message()

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        here = self.request.get_full_path()
        submission = self.object
        actions = [
            ("approve", _("Hyväksy"), "check", Submission.State.APPROVED),
            ("reject", _("Hylkää"), "cross", Submission.State.REJECTED),
            ("spam", _("Merkitse roskapostiksi"), "warning", Submission.State.SPAM),
        ]
        for priority, (action, label, icon, state) in enumerate(actions, start=1):
            if submission.state != state:
                buttons.append(
                    HeaderButton(
                        label,
                        url=bulk_action_url(action, submission, here),
                        icon_name=icon,
                        priority=priority,
                    )
                )
        if submission.story_page_id:
            # Made already: a second click opens that draft instead of making another.
            buttons.append(
                HeaderButton(
                    _("Avaa tarinaluonnos"),
                    url=reverse("wagtailadmin_pages:edit", args=[submission.story_page_id]),
                    icon_name="doc-empty-inverse",
                    priority=5,
                )
            )
        elif services.user_can_make_story(submission=submission, user=self.request.user):
            buttons.append(
                HeaderButton(
                    _("Tee tarinaluonnos"),
                    url=bulk_action_url("tip_to_story", submission, here),
                    icon_name="doc-empty-inverse",
                    priority=5,
                )
            )
        return buttons


class SubmissionViewSet(SnippetViewSet):
    model = Submission
    icon = "mail"
    menu_label = _("Lähetetyt viestit")
    menu_name = "feedback-submissions"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["excerpt", "kind", "state", "language", "page", "reference", "created_at"]
    list_filter = ["state", "kind", "language"]
    list_export = ["reference", "kind", "state", "created_at", "handled_at"]
    search_fields = ["reference", "title", "text"]
    search_backend_name = None  # not indexed: the listing searches with the ORM
    ordering = ["-created_at"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "kind", "state", "reference", "page", "title", "text", "name", "organisation", "email",
        "publish_permission", "experiment_hypothesis", "experiment_duration", "experiment_status",
        "experiment_learned", "experiment_tools", "created_at", "handled_at", "handled_by", "story_page",
    ]  # fmt: skip
    edit_view_class = SubmissionEditView
    index_view_class = index_view_counting(
        lambda n: ngettext("%(n)s lähetetty viesti", "%(n)s lähetettyä viestiä", n) % {"n": n}
    )
    panels = [
        MultiFieldPanel(
            [FieldPanel("title"), FieldPanel("text"), FieldPanel("name"), FieldPanel("organisation")],
            heading=_("Julkaistava teksti"),
            help_text=_("Poista tekstistä henkilötiedot ennen hyväksymistä."),
        ),
        SharedExperimentPanel(
            [
                FieldPanel("experiment_hypothesis"),
                FieldPanel("experiment_duration"),
                FieldPanel("experiment_status"),
                FieldPanel("experiment_learned"),
                FieldPanel("experiment_tools"),
            ],
            heading=_("Jaettu kokeilu"),
            help_text=_(
                "Tiimi jakoi päättyneen kokeilunsa työtilastaan ja antoi luvan julkaista sen moderoinnin jälkeen. "
                "Tarinaluonnos täytetään näistä tiedoista."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("page", read_only=True),
                FieldPanel("language", read_only=True),
                YesNoPanel("publish_permission", read_only=True),
                FieldPanel("email", read_only=True),
            ],
            heading=_("Lähettäjän antamat tiedot"),
        ),
    ]

    def get_queryset(self, request):
        return Submission.objects.select_related("page")


register_snippet(SubmissionViewSet)


class SubmissionBulkAction(SnippetBulkAction):
    models = [Submission]
    template_name = "feedback/admin/confirm_bulk_action.html"
    service = None
    confirm_question = ""  # ngettext_lazy(singular, plural with %(count)s, "count")
    done_message = ""

    def check_perm(self, submission):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", submission
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # One message is "tämä viesti", more are "nämä 3 viestiä": the question counts what it asks about.
        count = len(context.get("items") or [])
        return {**context, "action": self, "confirm_question": self.confirm_question % {"count": count}}

    @classmethod
    def execute_action(cls, objects, **kwargs):
        user = kwargs["self"].request.user
        for submission in objects:
            cls.service(submission=submission, user=user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return self.done_message % {"count": num_parent_objects}


class ApproveBulkAction(SubmissionBulkAction):
    display_name = _("Hyväksy")
    action_type = "approve"
    aria_label = _("Hyväksy valitut")
    action_priority = 10
    service = staticmethod(services.submission_approve)
    confirm_question = ngettext_lazy(
        "Hyväksytäänkö tämä viesti? Hyväksytyt kokemukset, joiden julkaisuun on lupa, näkyvät sivustolla.",
        "Hyväksytäänkö nämä %(count)s viestiä? Hyväksytyt kokemukset, joiden julkaisuun on lupa, näkyvät "
        "sivustolla.",
        "count",
    )
    done_message = _("Hyväksytty: %(count)d.")


class RejectBulkAction(SubmissionBulkAction):
    display_name = _("Hylkää")
    action_type = "reject"
    aria_label = _("Hylkää valitut")
    action_priority = 20
    service = staticmethod(services.submission_reject)
    confirm_question = ngettext_lazy(
        "Hylätäänkö tämä viesti? Hylätyt poistetaan säilytysajan jälkeen.",
        "Hylätäänkö nämä %(count)s viestiä? Hylätyt poistetaan säilytysajan jälkeen.",
        "count",
    )
    done_message = _("Hylätty: %(count)d.")


class SpamBulkAction(SubmissionBulkAction):
    display_name = _("Roskapostia")
    action_type = "spam"
    aria_label = _("Merkitse valitut roskapostiksi")
    action_priority = 25
    service = staticmethod(services.submission_mark_spam)
    confirm_question = ngettext_lazy(
        "Merkitäänkö tämä viesti roskapostiksi? Roskaposti poistetaan säilytysajan jälkeen.",
        "Merkitäänkö nämä %(count)s viestiä roskapostiksi? Roskaposti poistetaan säilytysajan jälkeen.",
        "count",
    )
    done_message = _("Merkitty roskapostiksi: %(count)d.")


class TipToStoryBulkAction(SubmissionBulkAction):
    display_name = _("Tee tarinaluonnos")
    action_type = "tip_to_story"
    aria_label = _("Tee valituista vinkeistä tarinaluonnokset Innostu-osioon")
    action_priority = 40
    confirm_question = ngettext_lazy(
        "Tehdäänkö vinkistä julkaisematon tarinaluonnos Innostu-osioon? Luonnos kulkee tavallisen "
        "toimitustyön kautta. Vain vinkeistä voi tehdä luonnoksen.",
        "Tehdäänkö näistä %(count)s vinkistä julkaisemattomat tarinaluonnokset Innostu-osioon? Luonnokset "
        "kulkevat tavallisen toimitustyön kautta. Vain vinkeistä voi tehdä luonnoksen.",
        "count",
    )

    def check_perm(self, submission):
        # Only those who may add pages under the tip's Innostu section (editors, moderators) make drafts.
        return super().check_perm(submission) and services.user_can_make_story(
            submission=submission, user=self.request.user
        )

    @classmethod
    def execute_action(cls, objects, **kwargs):
        action = kwargs["self"]
        action.created_stories = [
            services.tip_to_story_draft(submission=submission, user=action.request.user)
            for submission in objects
        ]
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("Tarinaluonnos tehty.", "Tarinaluonnoksia tehty: %(count)d.", num_parent_objects) % {
            "count": num_parent_objects
        }

    def form_valid(self, form):
        response = super().form_valid(form)
        stories = getattr(self, "created_stories", [])
        if len(stories) == 1:
            # One tip: straight to its draft in the page editor.
            response["Location"] = reverse("wagtailadmin_pages:edit", args=[stories[0].pk])
        return response


for action_class in (ApproveBulkAction, RejectBulkAction, SpamBulkAction, TipToStoryBulkAction):
    hooks.register("register_bulk_action", action_class)


class PendingSubmissionsPanel(Component):
    name = "feedback_pending"
    template_name = "feedback/admin/pending_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["pending_count"] = Submission.objects.pending().count()
        context["queue_url"] = reverse("wagtailsnippets_feedback_submission:list") + "?state=pending"
        return context


@hooks.register("construct_homepage_panels")
def add_pending_submissions_panel(request, panels):
    if request.user.has_perm("feedback.change_submission"):
        panels.append(PendingSubmissionsPanel())


@hooks.register("register_log_actions")
def register_feedback_log_actions(actions):
    actions.register_action("feedback.approve", _("Hyväksy"), _("Hyväksytty"))
    actions.register_action("feedback.reject", _("Hylkää"), _("Hylätty"))
    actions.register_action("feedback.spam", _("Roskapostia"), _("Merkitty roskapostiksi"))
    actions.register_action("feedback.tip_to_story", _("Tarinaluonnos"), _("Vinkistä tehty tarinaluonnos"))


hooks.register("register_frontend_cache_models", frontend_cache.models)


def tool_page_experiences(request, page) -> Panel:
    """Approved experiences of the tool, on its page, below the stories (toolkit.common.slots), read once per
    publish or moderation (feedback/frontend_cache.py forgets the site's fragments when a public one changes)."""
    return Panel(
        "feedback/includes/experiences.html", experiences_context(request, page), kept_for=(page.pk,)
    )


hooks.register(TOOL_PAGE_PANELS, tool_page_experiences, order=20)


def session_end_invitation(request, page) -> Panel:
    """The end of a workbook session or an assessment: an invitation to tell others how it went."""
    return Panel("feedback/includes/tell_experience.html", tell_experience(page))


hooks.register(SESSION_END_PANELS, session_end_invitation)


def experiment_share_link(request, space, experiment) -> Panel | None:
    """An ended experiment's page offers "Jaa Innostuun" (the first of the two clicks); no query."""
    if experiment.state != experiment.State.ENDED:
        return None
    return Panel(
        "feedback/sharing/experiment_link.html", {"share_url": sharing_views.share_url(space, experiment)}
    )


hooks.register(EXPERIMENT_PANELS, experiment_share_link)

# The Käyttö view (feedback/usage/): the owner's usage figures, for administrators and editors.
hooks.register("register_admin_urls", usage_admin.usage_urls)
hooks.register("register_admin_menu_item", usage_admin.usage_menu_item)
hooks.register("register_permissions", usage_admin.usage_permissions)
