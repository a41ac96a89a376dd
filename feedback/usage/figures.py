"""The usage figures: every table the admin's Käyttö view shows and its CSV exports, computed once.

Each table's cells are the texts shown (numbers formatted in the admin's language, "< 10" where too few team
spaces stand behind a cell), so that the page and the CSV cannot differ. A fixed number of queries, whatever
the number of spaces, rounds or submissions: each figure is a GROUP BY in the database.

The team spaces' figures (rounds, phases, statements, what followed a round) count a cell only when at least
MIN_SPACES distinct spaces stand behind it, and leave out every space that opted out. Nothing is ever
computed per space: no function here takes a space, and the view's only parameters are the dates.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, Exists, F, OuterRef, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from feedback.models import Submission
from feedback.usage.cells import MIN_SPACES, k_cell, k_value, num, percent, too_few
from feedback.usage.charts import bar_chart
from toolkit.assessment.models import AssessmentPhaseBand, AssessmentRating, AssessmentRound
from toolkit.meetings.models import MeetingPlan, TeamExperiment
from toolkit.models import AssessmentPage, ToolPage, ToolUsageDay
from valoa.languages.locales import locale_id_of_language
from valoa.models import Phase

WEAKEST_SHOWN = 5

Mode = AssessmentRound.Mode
State = AssessmentRound.State
Event = ToolUsageDay.Event


@dataclass
class Table:
    key: str
    caption: str
    headers: list[str]
    rows: list[list[str]]  # the first cell of a row is its heading
    note: str = ""
    chart: SafeString | None = None


@dataclass
class Section:
    key: str
    heading: str
    tables: list[Table] = field(default_factory=list)
    note: str = ""


def month_label(month: dt.date | dt.datetime) -> str:
    return date_format(month, "YEAR_MONTH_FORMAT")


def _day_range(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The dates as times in the site's time zone: from the start's midnight to the end's next midnight."""
    zone = timezone.get_current_timezone()
    first = dt.datetime.combine(start, dt.time.min, tzinfo=zone)
    after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return first, after


def _counted_rounds(start: dt.date, end: dt.date):
    first, after = _day_range(start, end)
    return AssessmentRound.objects.filter(
        created_at__gte=first, created_at__lt=after, space__usage_opt_out=False
    )


# --- Tools ---------------------------------------------------------------------------------------------

TOOL_EVENTS = [Event.VIEW, Event.FACILITATE, Event.PLAN, Event.RECOMMEND, Event.CHOSEN]


def _tool_headers() -> list[str]:
    return [
        _("Työkalu"),
        _("Katselut"),
        _("Ohjaustilassa"),
        _("Lisätty palaveriin"),
        _("Suositeltu tuloksissa"),
        _("Valittu suosituksesta"),
    ]


def tools_section(*, start: dt.date, end: dt.date) -> Section:
    """Per tool (all its languages together), the sum of each day's counts. Two queries."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for key, event, total in (
        ToolUsageDay.objects.filter(day__gte=start, day__lte=end)
        .values_list("tool__translation_key", "event")
        .annotate(total=Sum("count"))
        .order_by()
    ):
        counts[key][event] = total
    locale_id = locale_id_of_language(get_language())
    titles: dict = {}
    for key, tool_locale, title in ToolPage.objects.filter(translation_key__in=list(counts)).values_list(
        "translation_key", "locale_id", "title"
    ):
        if tool_locale == locale_id or key not in titles:
            titles[key] = title
    rows = sorted(((titles.get(key, "?"), events) for key, events in counts.items()), key=lambda r: r[0])
    table = Table(
        key="tools",
        caption=_("Työkalujen käyttö"),
        headers=_tool_headers(),
        rows=[[title, *(num(events.get(event, 0)) for event in TOOL_EVENTS)] for title, events in rows],
        note=_(
            "Katselut ja ohjaustilan käytöt laskee sivu itse ilman evästeitä; selaimet, jotka pyytävät, "
            "ettei niitä seurata, eivät ole mukana. Palaveriin lisäämiset, suositukset ja valinnat lasketaan "
            "tiimien työtiloissa, paitsi tiimeiltä, jotka ovat kieltäytyneet tilastoista."
        ),
    )
    table.chart = bar_chart(
        chart_id="chart-tools",
        title=_("Työkalujen katselut"),
        labels=[title for title, _events in rows],
        values=[events.get(Event.VIEW, 0) for _title, events in rows],
    )
    return Section(key="tools", heading=_("Työkalut"), tables=[table])


# --- Team spaces -------------------------------------------------------------------------------------------

MODES = [Mode.CONSENSUS, Mode.ANONYMOUS, Mode.SELF]


def rounds_per_month(*, start: dt.date, end: dt.date) -> Table:
    """Rounds started per month and mode, and in all: two GROUP BY queries."""
    rounds = _counted_rounds(start, end).annotate(month=TruncMonth("created_at")).order_by()
    cells: dict = defaultdict(dict)
    for month, mode, n, spaces in rounds.values_list("month", "mode").annotate(
        n=Count("id"), spaces=Count("space", distinct=True)
    ):
        cells[month][mode] = (n, spaces)
    totals = {
        month: (n, spaces)
        for month, n, spaces in rounds.values_list("month").annotate(
            n=Count("id"), spaces=Count("space", distinct=True)
        )
    }
    months = sorted(totals)
    table = Table(
        key="rounds",
        caption=_("Arviointikierrokset kuukausittain ja tavoittain"),
        headers=[_("Kuukausi"), *(str(mode.label).capitalize() for mode in MODES), _("Kaikki")],
        rows=[
            [
                month_label(month),
                *(k_cell(*cells[month].get(mode, (0, 0))) for mode in MODES),
                k_cell(*totals[month]),
            ]
            for month in months
        ],
    )
    table.chart = bar_chart(
        chart_id="chart-rounds",
        title=_("Arviointikierrokset kuukausittain"),
        labels=[month_label(month) for month in months],
        values=[k_value(*totals[month]) for month in months],
    )
    return table


def _visible_rounds(start: dt.date, end: dt.date):
    """Rounds whose results the team itself may see (toolkit.assessment's results_visible, in SQL): an anonymous
    round only once revealed with at least its threshold of responses."""
    return (
        _counted_rounds(start, end)
        .annotate(response_count=Count("responses"))
        .filter(
            Q(~Q(mode=Mode.ANONYMOUS), response_count__gt=0)
            | Q(
                mode=Mode.ANONYMOUS,
                response_count__gte=F("threshold"),
                state__in=[State.REVEALED, State.CLOSED],
            )
        )
        .values("pk")
    )


def _phase_of(score: float, bands: list[AssessmentPhaseBand]):
    value = Decimal(str(round(score, 2)))
    ordered = sorted(bands, key=lambda band: band.min_score)
    for position, band in enumerate(ordered):
        if band.contains(value, is_top=position == len(ordered) - 1):
            return band.phase
    return None


def phases_and_statements(*, start: dt.date, end: dt.date) -> tuple[Table, Table]:
    """The phase of each round with visible results (its score against its page's bands, as the results page
    computes it) counted per phase; and the statements with the lowest mean over all those rounds. Four
    queries: the means per round and statement, the bands, the phases' names, the assessments' statements."""
    ratings = (
        AssessmentRating.objects.filter(round__in=_visible_rounds(start, end))
        .values_list(
            "round_id", "round__space_id", "round__page_id", "round__page__translation_key", "statement_key"
        )
        .annotate(mean=Avg("value"), n=Count("id"))
        .order_by()
    )
    round_means: dict[int, list[float]] = defaultdict(list)
    round_info: dict[int, tuple[int, int]] = {}
    statements: dict[tuple, dict] = defaultdict(lambda: {"sum": 0.0, "n": 0, "spaces": set()})
    for round_id, space_id, page_id, page_key, statement_key, mean, n in ratings:
        round_means[round_id].append(mean)
        round_info[round_id] = (space_id, page_id)
        entry = statements[(page_key, statement_key)]
        entry["sum"] += mean * n
        entry["n"] += n
        entry["spaces"].add(space_id)

    # Phases.
    bands_by_page: dict[int, list] = defaultdict(list)
    for band in AssessmentPhaseBand.objects.select_related("phase"):
        bands_by_page[band.page_id].append(band)
    per_phase: dict = defaultdict(lambda: {"n": 0, "spaces": set(), "phase": None})
    for round_id, means in round_means.items():
        space_id, page_id = round_info[round_id]
        phase = _phase_of(sum(means) / len(means), bands_by_page.get(page_id, []))
        if phase is None:
            continue
        entry = per_phase[phase.translation_key]
        entry["n"] += 1
        entry["spaces"].add(space_id)
        entry["phase"] = phase
    locale_id = locale_id_of_language(get_language())
    names = {
        phase.translation_key: phase
        for phase in Phase.objects.filter(translation_key__in=list(per_phase), locale_id=locale_id)
    }
    ordered = sorted(per_phase.items(), key=lambda item: names.get(item[0], item[1]["phase"]).sort_order or 0)
    shown_total = sum(e["n"] for _key, e in ordered if len(e["spaces"]) >= MIN_SPACES)
    phase_rows, labels, values = [], [], []
    for key, entry in ordered:
        name = names.get(key, entry["phase"]).name
        spaces = len(entry["spaces"])
        labels.append(name)
        values.append(k_value(entry["n"], spaces))
        phase_rows.append(
            [
                name,
                k_cell(entry["n"], spaces),
                percent(entry["n"], shown_total) if spaces >= MIN_SPACES else too_few(),
            ]
        )
    phases = Table(
        key="phases",
        caption=_("Kierrosten vaiheet"),
        headers=[_("Vaihe"), _("Kierroksia"), _("Osuus")],
        rows=phase_rows,
        note=_(
            "Kierroksen vaihe lasketaan sen tuloksista kuten tulossivulla. Mukana ovat kierrokset, joiden "
            "tulokset tiimi näkee; osuus on näytetyistä kierroksista."
        ),
        chart=bar_chart(chart_id="chart-phases", title=_("Kierrosten vaiheet"), labels=labels, values=values),
    )

    # The weakest statements: the lowest means over at least MIN_SPACES spaces.
    candidates = sorted(
        (entry["sum"] / entry["n"], key, entry)
        for key, entry in statements.items()
        if len(entry["spaces"]) >= MIN_SPACES
    )[:WEAKEST_SHOWN]
    page_keys = {key[0] for _mean, key, _entry in candidates}
    pages: dict = {}
    for page in AssessmentPage.objects.filter(translation_key__in=page_keys).only(
        "title", "statements", "translation_key", "locale_id"
    ):
        if page.locale_id == locale_id or page.translation_key not in pages:
            pages[page.translation_key] = page
    texts: dict = {}
    for page_key, page in pages.items():
        for group in page.statement_groups():
            for statement in group.statements:
                texts[(page_key, statement.key)] = (page.title, statement.text)
    weakest_rows = []
    for mean, key, entry in candidates:
        title, text = texts.get(key, ("?", key[1]))
        weakest_rows.append([text, title, num(mean, 2), num(entry["n"])])
    weakest = Table(
        key="weakest",
        caption=_("Heikoimmiksi arvioidut väittämät"),
        headers=[_("Väittämä"), _("Arviointi"), _("Keskiarvo"), _("Arvioita")],
        rows=weakest_rows,
        note=ngettext(
            "Mukana vain väittämät, joita on arvioitu vähintään %(k)s työtilassa.",
            "Mukana vain väittämät, joita on arvioitu vähintään %(k)s työtilassa.",
            MIN_SPACES,
        )
        % {"k": MIN_SPACES},
    )
    return phases, weakest


def followed_by(*, start: dt.date, end: dt.date) -> Table:
    """The share of rounds after which the same space made a meeting plan, and recorded an experiment: one
    query."""
    # A saved template is not a meeting (it is a copy of one kept for the next).
    plan_after = MeetingPlan.objects.filter(
        space=OuterRef("space"), created_at__gte=OuterRef("created_at"), is_template=False
    )
    experiment_after = TeamExperiment.objects.filter(
        space=OuterRef("space"), created_at__gte=OuterRef("created_at")
    )
    totals = (
        _counted_rounds(start, end)
        .annotate(planned=Exists(plan_after), experimented=Exists(experiment_after))
        .aggregate(
            n=Count("id"),
            spaces=Count("space", distinct=True),
            planned_n=Count("id", filter=Q(planned=True)),
            planned_spaces=Count("space", distinct=True, filter=Q(planned=True)),
            experimented_n=Count("id", filter=Q(experimented=True)),
            experimented_spaces=Count("space", distinct=True, filter=Q(experimented=True)),
        )
    )

    def row(label: str, key: str) -> list[str]:
        enough = totals["spaces"] >= MIN_SPACES and totals[f"{key}_spaces"] >= MIN_SPACES
        return [
            label,
            k_cell(totals["n"], totals["spaces"]),
            k_cell(totals[f"{key}_n"], totals[f"{key}_spaces"]),
            percent(totals[f"{key}_n"], totals["n"]) if enough else too_few(),
        ]

    return Table(
        key="followed",
        caption=_("Kierrokset, joita seurasi suunnitelma tai kokeilu"),
        headers=[_("Seuraava askel"), _("Kierroksia"), _("Joita seurasi"), _("Osuus")],
        rows=[row(_("Palaverin suunnitelma"), "planned"), row(_("Kokeilu"), "experimented")],
        note=_("Seurasi: sama työtila teki kierroksen jälkeen palaverin suunnitelman tai kirjasi kokeilun."),
    )


def team_spaces_section(*, start: dt.date, end: dt.date) -> Section:
    phases, weakest = phases_and_statements(start=start, end=end)
    return Section(
        key="spaces",
        heading=_("Tiimien työtilat yhteensä"),
        tables=[rounds_per_month(start=start, end=end), phases, weakest, followed_by(start=start, end=end)],
        note=ngettext(
            "Luku näytetään vain, kun sen takana on vähintään %(k)s eri työtilaa; muuten solussa lukee ”< %(k)s”. "
            "Tilastoista kieltäytyneiden tiimien tiedot eivät ole mukana.",
            "Luku näytetään vain, kun sen takana on vähintään %(k)s eri työtilaa; muuten solussa lukee ”< %(k)s”. "
            "Tilastoista kieltäytyneiden tiimien tiedot eivät ole mukana.",
            MIN_SPACES,
        )
        % {"k": MIN_SPACES},
    )


# --- Feedback -----------------------------------------------------------------------------------------------

KINDS = [Submission.Kind.FEEDBACK, Submission.Kind.EXPERIENCE, Submission.Kind.TIP]


def duration_text(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    hours = seconds / 3600
    if hours < 48:
        return ngettext("%(n)s tunti", "%(n)s tuntia", round(hours)) % {"n": num(round(hours))}
    days = hours / 24
    return ngettext("%(n)s päivä", "%(n)s päivää", round(days)) % {"n": num(round(days))}


def feedback_section(*, start: dt.date, end: dt.date) -> Section:
    """Submissions per month and kind; per kind the share approved and the median time to a decision. Two
    queries (spam is left out: it is nobody's feedback)."""
    first, after = _day_range(start, end)
    received = Submission.objects.filter(created_at__gte=first, created_at__lt=after).exclude(
        state=Submission.State.SPAM
    )
    per_month: dict = defaultdict(dict)
    for month, kind, n in (
        received.annotate(month=TruncMonth("created_at"))
        .values_list("month", "kind")
        .annotate(n=Count("id"))
        .order_by()
    ):
        per_month[month][kind] = n
    months = sorted(per_month)
    monthly = Table(
        key="submissions",
        caption=_("Palautteet kuukausittain ja lajeittain"),
        headers=[_("Kuukausi"), *(str(kind.label).capitalize() for kind in KINDS), _("Kaikki")],
        rows=[
            [
                month_label(month),
                *(num(per_month[month].get(kind, 0)) for kind in KINDS),
                num(sum(per_month[month].values())),
            ]
            for month in months
        ],
        chart=bar_chart(
            chart_id="chart-submissions",
            title=_("Palautteet kuukausittain"),
            labels=[month_label(month) for month in months],
            values=[sum(per_month[month].values()) for month in months],
        ),
    )
    by_kind: dict = defaultdict(lambda: {"n": 0, "approved": 0, "waits": []})
    for kind, state, created, handled in received.values_list("kind", "state", "created_at", "handled_at"):
        for key in (kind, ""):
            entry = by_kind[key]
            entry["n"] += 1
            entry["approved"] += state == Submission.State.APPROVED
            if handled is not None and state != Submission.State.PENDING:
                entry["waits"].append((handled - created).total_seconds())

    def row(label: str, key: str) -> list[str]:
        entry = by_kind[key]
        median = statistics.median(entry["waits"]) if entry["waits"] else None
        return [label, num(entry["n"]), percent(entry["approved"], entry["n"]), duration_text(median)]

    moderation = Table(
        key="moderation",
        caption=_("Moderointi lajeittain"),
        headers=[_("Laji"), _("Palautteita"), _("Hyväksytty"), _("Mediaaniaika päätökseen")],
        rows=[*(row(str(kind.label).capitalize(), kind) for kind in KINDS), row(_("Kaikki"), "")],
        note=_("Päätös on hyväksyntä tai hylkäys. Roskapostiksi merkityt viestit eivät ole mukana luvuissa."),
    )
    return Section(key="feedback", heading=_("Palaute"), tables=[monthly, moderation])


# --- All together -------------------------------------------------------------------------------------------


def usage_figures(*, start: dt.date, end: dt.date) -> list[Section]:
    return [
        tools_section(start=start, end=end),
        team_spaces_section(start=start, end=end),
        feedback_section(start=start, end=end),
    ]
