"""Meeting-plan URLs, appended to toolkit.urls: /tiimi/<token>/palaverit/… and /tiimi/palaveriin/<tool>/."""

from django.urls import path

from toolkit.meetings.views import blocks, experiments, exports, facilitation, from_tool, plans, suggest

# The literal prefix first: it must win over toolkit.urls' <token>/.
literal_urlpatterns = [
    path("palaveriin/<int:tool_id>/", from_tool.add_from_tool, name="meeting_add_from_tool"),
]

urlpatterns = [
    path("<str:token>/palaverit/", plans.plan_list, name="meeting_plans"),
    path("<str:token>/palaverit/lisaa/<int:tool_id>/", from_tool.add_tool_to_plan, name="meeting_add_tool"),
    path("<str:token>/palaverit/<int:plan_id>/", plans.plan_detail, name="meeting_plan"),
    path("<str:token>/palaverit/<int:plan_id>/osiot/", blocks.block_add, name="meeting_block_add"),
    path("<str:token>/palaverit/<int:plan_id>/tyokalu/", blocks.tool_add, name="meeting_tool_add"),
    path(
        "<str:token>/palaverit/<int:plan_id>/osiot/<int:block_id>/",
        blocks.block_edit,
        name="meeting_block_edit",
    ),
    path(
        "<str:token>/palaverit/<int:plan_id>/osiot/<int:block_id>/muokkaa/",
        blocks.block_edit_page,
        name="meeting_block_edit_page",
    ),
    path(
        "<str:token>/palaverit/<int:plan_id>/osiot/<int:block_id>/siirra/",
        blocks.block_move,
        name="meeting_block_move",
    ),
    path(
        "<str:token>/palaverit/<int:plan_id>/osiot/<int:block_id>/poista/",
        blocks.block_delete,
        name="meeting_block_delete",
    ),
    path(
        "<str:token>/palaverit/<int:plan_id>/osiot/<int:block_id>/peru-poisto/",
        blocks.block_restore,
        name="meeting_block_restore",
    ),
    path("<str:token>/palaverit/<int:plan_id>/kopioi/", plans.plan_duplicate, name="meeting_plan_duplicate"),
    path(
        "<str:token>/palaverit/<int:plan_id>/tallenna-pohjaksi/",
        plans.plan_save_as_template,
        name="meeting_plan_save_template",
    ),
    path("<str:token>/palaverit/<int:plan_id>/poista/", plans.plan_delete, name="meeting_plan_delete"),
    path("<str:token>/palaverit/<int:plan_id>/asialista/", exports.agenda, name="meeting_agenda"),
    path("<str:token>/palaverit/<int:plan_id>/palaveri.ics", exports.calendar_file, name="meeting_ics"),
    path("<str:token>/palaverit/<int:plan_id>/ohjaa/", facilitation.facilitate, name="meeting_facilitate"),
    path(
        "<str:token>/palaverit/<int:plan_id>/ohjaa/seuraa/",
        facilitation.follow,
        name="meeting_facilitate_follow",
    ),
    path(
        "<str:token>/palaverit/<int:plan_id>/ohjaa/tila/",
        facilitation.state,
        name="meeting_facilitate_state",
    ),
    path("<str:token>/kokeilut/", experiments.experiment_list, name="experiments"),
    path("<str:token>/kokeilut/<int:experiment_id>/", experiments.experiment_detail, name="experiment"),
    path(
        "<str:token>/kokeilut/<int:experiment_id>/aloita/",
        experiments.experiment_start,
        name="experiment_start",
    ),
    path(
        "<str:token>/kokeilut/<int:experiment_id>/seuranta.ics",
        experiments.experiment_calendar,
        name="experiment_ics",
    ),
    path("<str:token>/arviointi/<int:round_id>/ehdota-palaveri/", suggest.suggest, name="meeting_suggest"),
]
