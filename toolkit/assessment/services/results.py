"""Results of a round or of an unsaved self-assessment: counts per level, means, spread, the phase, the
trend against the previous visible round of the same mode, and tools for the weakest statements.

A consensus round (one agreed rating per statement) and an anonymous one (a mean of many) measure different
things, so a trend never crosses modes: each round compares with the previous round of its own mode, and the
rounds' history is shown as one series per mode.

Results exist only as counts per level, and for an anonymous round only once it is revealed and has at least
`threshold` responses (rounds.results_visible).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Subquery
from django.utils.translation import get_language

from toolkit.assessment.blocks import Statement, StatementGroup
from toolkit.assessment.models import AssessmentPage, AssessmentPhaseBand, AssessmentRating, AssessmentRound
from toolkit.assessment.services.rounds import assessment_page_for_results, ratings_validate, results_visible
from toolkit.tools.models import ToolPage
from valoa.languages.locales import locale_id_of_language, localized_by_pk

# A statement is flagged "keskustelkaa tästä ensin" when the spread (population standard deviation) is at
# least this share of the scale's range: on the 1–3 scale 0.6, e.g. 1, 2, 3 or 1, 3, 3 but not 2, 2, 3.
DISCUSS_SPREAD_SHARE = 0.3
TREND_SAME = 0.05
WEAKEST_COUNT = 3
TOOLS_PER_STATEMENT = 3


# Results ------------------------------------------------------------------------------------------------


@dataclass
class LevelCount:
    value: int
    label: str
    count: int
    share: float  # 0..1 of the responses to this statement


@dataclass
class Stats:
    levels: list[LevelCount]
    n: int
    mean: float | None
    spread: float | None
    discuss: bool


@dataclass
class StatementResult:
    statement: Statement
    stats: Stats
    previous_mean: float | None = None
    delta: float | None = None
    trend: str | None = None  # "up", "same", "down"


@dataclass
class GroupResult:
    group: StatementGroup
    stats: Stats
    statements: list[StatementResult]


@dataclass
class PhasePoint:
    assessment_round: AssessmentRound
    score: float | None
    phase: object | None
    # The change from the previous round of the same mode (None for a series' first round).
    previous_score: float | None = None
    trend: str | None = None  # "up", "same", "down"


@dataclass
class TrendSeries:
    """The visible rounds of one mode, oldest first: a series of the trend chart and table."""

    mode: str
    points: list[PhasePoint]

    @property
    def is_consensus(self) -> bool:
        return self.mode == AssessmentRound.Mode.CONSENSUS

    @property
    def mode_label(self) -> str:
        return AssessmentRound.Mode(self.mode).label


@dataclass
class Results:
    page: AssessmentPage
    response_count: int
    groups: list[GroupResult]
    statements: list[StatementResult]
    score: float | None
    phase: object | None
    weakest: list[StatementResult]
    recommendations: list[tuple[StatementResult, list[ToolPage]]]
    previous: AssessmentRound | None = None
    history: list[PhasePoint] = field(default_factory=list)
    mode: str | None = None  # the round's mode; None for an unsaved self-assessment

    @property
    def is_consensus(self) -> bool:
        """One agreed rating per statement: shown as the agreed rating, never as a mean of answers."""
        return self.mode == AssessmentRound.Mode.CONSENSUS

    @property
    def trend_series(self) -> list[TrendSeries]:
        """The history as one series per mode (consensus, anonymous, self: the modes' order), never mixed."""
        order = list(AssessmentRound.Mode.values)
        by_mode: dict[str, list[PhasePoint]] = defaultdict(list)
        for point in self.history:
            by_mode[point.assessment_round.mode].append(point)
        return [TrendSeries(mode=mode, points=by_mode[mode]) for mode in order if by_mode.get(mode)]

    @property
    def shows_spread(self) -> bool:
        """A spread needs several answers: one person's self-assessment (or one joint answer) has none."""
        return self.response_count > 1

    @property
    def discuss_first(self) -> list[StatementResult]:
        return [result for result in self.statements if result.stats.discuss]


def _mean(counts: Mapping[int, int]) -> float | None:
    n = sum(counts.values())
    return sum(value * count for value, count in counts.items()) / n if n else None


def _stats(counts: Mapping[int, int], levels: list, spread_limit: float) -> Stats:
    n = sum(counts.values())
    level_counts = [
        LevelCount(
            value=level.value,
            label=level.label,
            count=counts.get(level.value, 0),
            share=(counts.get(level.value, 0) / n) if n else 0.0,
        )
        for level in levels
    ]
    if not n:
        return Stats(levels=level_counts, n=0, mean=None, spread=None, discuss=False)
    mean = _mean(counts)
    variance = sum(count * (value - mean) ** 2 for value, count in counts.items()) / n
    spread = math.sqrt(variance)
    return Stats(levels=level_counts, n=n, mean=mean, spread=spread, discuss=n > 1 and spread >= spread_limit)


def _phase_for(score: float | None, bands: list[AssessmentPhaseBand]):
    if score is None or not bands:
        return None
    value = Decimal(str(round(score, 2)))
    ordered = sorted(bands, key=lambda band: band.min_score)
    for position, band in enumerate(ordered):
        if band.contains(value, is_top=position == len(ordered) - 1):
            return band.phase
    return None


def _score(means: Iterable[float | None]) -> float | None:
    present = [mean for mean in means if mean is not None]
    return sum(present) / len(present) if present else None


def results_compute(
    *,
    page: AssessmentPage,
    distribution: Mapping[str, Mapping[int, int]],
    response_count: int,
    bands: list[AssessmentPhaseBand],
) -> Results:
    """Results from counts per statement and level. Used for rounds and for an unsaved self-assessment."""
    levels = page.scale.level_list()
    spread_limit = DISCUSS_SPREAD_SHARE * (levels[-1].value - levels[0].value)
    groups, statements = [], []
    for group in page.statement_groups():
        group_counts: dict[int, int] = defaultdict(int)
        group_statements = []
        for statement in group.statements:
            counts = distribution.get(statement.key, {})
            for value, count in counts.items():
                group_counts[value] += count
            result = StatementResult(statement=statement, stats=_stats(counts, levels, spread_limit))
            group_statements.append(result)
        statements.extend(group_statements)
        groups.append(
            GroupResult(
                group=group, stats=_stats(group_counts, levels, spread_limit), statements=group_statements
            )
        )
    score = _score(result.stats.mean for result in statements)
    top = levels[-1].value
    rated = [result for result in statements if result.stats.mean is not None and result.stats.mean < top]
    weakest = sorted(rated, key=lambda result: (result.stats.mean, -(result.stats.spread or 0)))[
        :WEAKEST_COUNT
    ]
    return Results(
        page=page,
        response_count=response_count,
        groups=groups,
        statements=statements,
        score=score,
        phase=_phase_for(score, bands),
        weakest=weakest,
        recommendations=[],
    )


def _recommend(results: Results) -> None:
    """Tools for the weakest statements: the statement's own tools, else tools of its group's theme."""
    if not results.weakest:
        return
    theme_of_group = {group.group.index: group.group.theme_id for group in results.groups}
    explicit = {tool_id for result in results.weakest for tool_id in result.statement.tool_ids}
    theme_ids = {
        theme_of_group.get(result.statement.group_index)
        for result in results.weakest
        if not result.statement.tool_ids
    } - {None}
    by_theme: dict[int, list[int]] = defaultdict(list)
    if theme_ids:
        through = ToolPage.themes.through
        for tool_id, theme_id in through.objects.filter(theme_id__in=theme_ids).values_list(
            "toolpage_id", "theme_id"
        ):
            by_theme[theme_id].append(tool_id)
    wanted = explicit | {tool_id for ids in by_theme.values() for tool_id in ids}
    # Each tool in the language being read when it is translated (statements name the tools of their source
    # language): the tools and their translations in one query.
    tools = localized_by_pk(
        ToolPage.objects.live().only(
            "title",
            "url_path",
            "intro",
            "duration_minutes",
            "path",
            "depth",
            "translation_key",
            "locale_id",
            "live",
        ),
        wanted,
    )
    for result in results.weakest:
        ids = result.statement.tool_ids or tuple(
            sorted(by_theme.get(theme_of_group.get(result.statement.group_index), ()))
        )
        picked = [tools[tool_id] for tool_id in dict.fromkeys(ids) if tool_id in tools][:TOOLS_PER_STATEMENT]
        results.recommendations.append((result, picked))


def _distributions(round_ids: list[int]) -> dict[int, dict[str, dict[int, int]]]:
    """Counts per round, statement and level: one GROUP BY query, whatever the number of responses."""
    out: dict[int, dict[str, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
    rows = (
        AssessmentRating.objects.filter(round_id__in=round_ids)
        .values_list("round_id", "statement_key", "value")
        .annotate(n=Count("id"))
        .order_by()
    )
    for round_id, key, value, n in rows:
        out[round_id][key][value] = n
    return out


def round_results(*, assessment_round: AssessmentRound, recommend: bool = True) -> Results | None:
    """The round's results with trend and phase history, or None while they must stay hidden.

    A fixed number of queries: page, levels, bands, the space's rounds with their response counts, one
    GROUP BY over the ratings of the visible rounds, and the recommended tools (not with `recommend=False`:
    `recommendations` stays empty, for a view that shows none).
    """
    page = assessment_page_for_results(page_id=assessment_round.page_id)
    bands = list(AssessmentPhaseBand.objects.filter(page=page).select_related("phase"))
    rounds = list(
        AssessmentRound.objects.filter(
            space_id=assessment_round.space_id,
            # The same assessment in any language: a round started from its Swedish page compares with one
            # started from the Finnish page (ratings are keyed by the statements' stable keys).
            page__translation_key=page.translation_key,
            created_at__lte=assessment_round.created_at,
        )
        .annotate(response_count=Count("responses"))
        .order_by("created_at", "pk")
    )
    current = next((r for r in rounds if r.pk == assessment_round.pk), None)
    if current is None:
        return None
    if not results_visible(assessment_round=current, response_count=current.response_count):
        return None
    visible = [
        r
        for r in rounds
        if (r.pk == current.pk or (r.created_at, r.pk) < (current.created_at, current.pk))
        and results_visible(assessment_round=r, response_count=r.response_count)
    ]
    distributions = _distributions([r.pk for r in visible])
    results = results_compute(
        page=page,
        distribution=distributions.get(current.pk, {}),
        response_count=current.response_count,
        bands=bands,
    )
    results.mode = current.mode
    # The previous round of the same mode: an agreed rating and an anonymous mean are not compared.
    earlier = [r for r in visible if r.pk != current.pk and r.mode == current.mode]
    previous = earlier[-1] if earlier else None
    if previous is not None:
        before = results_compute(
            page=page,
            distribution=distributions.get(previous.pk, {}),
            response_count=previous.response_count,
            bands=bands,
        )
        trend_apply(current=results, previous=before)
        results.previous = previous
    for r in visible:
        point = (
            results
            if r.pk == current.pk
            else results_compute(
                page=page,
                distribution=distributions.get(r.pk, {}),
                response_count=r.response_count,
                bands=bands,
            )
        )
        results.history.append(PhasePoint(assessment_round=r, score=point.score, phase=point.phase))
    history_trend_apply(history=results.history)
    if recommend:
        _recommend(results)
    return results


def _direction(delta: float) -> str:
    return "same" if abs(delta) < TREND_SAME else ("up" if delta > 0 else "down")


def history_trend_apply(*, history: list[PhasePoint]) -> None:
    """Each round's overall change from the previous round of the same mode (never across modes)."""
    last_score: dict[str, float] = {}
    for point in history:
        mode = point.assessment_round.mode
        before = last_score.get(mode)
        if before is not None and point.score is not None:
            point.previous_score = before
            point.trend = _direction(point.score - before)
        if point.score is not None:
            last_score[mode] = point.score


def trend_apply(*, current: Results, previous: Results) -> None:
    """Per statement: the previous mean, the change and its direction (up / same / down)."""
    before = {result.statement.key: result.stats.mean for result in previous.statements}
    for result in current.statements:
        old = before.get(result.statement.key)
        if old is None or result.stats.mean is None:
            continue
        delta = result.stats.mean - old
        result.previous_mean = old
        result.delta = delta
        result.trend = _direction(delta)


@dataclass
class LatestPhase:
    """Where the team's latest completed round placed it on the journey (the team space's home)."""

    assessment_round: AssessmentRound
    phase: object
    score: float


def space_latest_phase(*, rounds: list[AssessmentRound]) -> LatestPhase | None:
    """The phase of the space's latest completed team round, or None (no such round, or no phase bands).

    `rounds` are space_rounds(): newest first, with their response counts. Completed means the team may see
    its results (results_visible: an anonymous round revealed or closed with enough responses, a consensus
    round with agreed ratings); a self-assessment is one person's, not the team's. The phase is computed as the
    round's results compute it, in two queries and only when there is such a round: the bands of its
    assessment (the page in the language being read first, as the results page reads it) with their page and
    phase, and one GROUP BY of the round's ratings.
    """
    latest = next(
        (
            r
            for r in rounds
            if r.mode != AssessmentRound.Mode.SELF
            and results_visible(assessment_round=r, response_count=r.response_count)
        ),
        None,
    )
    if latest is None:
        return None
    key = AssessmentPage.objects.filter(pk=latest.page_id).values("translation_key")[:1]
    bands_by_page: dict[int, list[AssessmentPhaseBand]] = defaultdict(list)
    pages: dict[int, AssessmentPage] = {}
    # The bands' pages hold only what choosing one and scoring it reads: a page object with its whole row
    # (and Wagtail's page columns) per band cost a fifth of the space page's time.
    bands = (
        AssessmentPhaseBand.objects.filter(page__translation_key=Subquery(key))
        .select_related("phase", "page")
        .only(
            "page_id", "phase", "min_score", "max_score", "sort_order", "page__locale_id", "page__statements"
        )
    )
    for band in bands:
        bands_by_page[band.page_id].append(band)
        pages[band.page_id] = band.page
    if not pages:
        return None
    locale_id = locale_id_of_language(get_language())
    page = min(
        pages.values(),
        key=lambda p: (0 if p.locale_id == locale_id else 1 if p.pk == latest.page_id else 2, p.pk),
    )
    counts = _distributions([latest.pk]).get(latest.pk, {})
    score = _score(
        _mean(counts.get(statement.key, {}))
        for group in page.statement_groups()
        for statement in group.statements
    )
    phase = _phase_for(score, bands_by_page[page.pk])
    if phase is None:
        return None
    return LatestPhase(assessment_round=latest, phase=phase, score=score)


def self_assessment_results(*, page: AssessmentPage, ratings: Mapping[str, int]) -> Results:
    """An unsaved self-assessment's result, computed at once and stored nowhere."""
    clean = ratings_validate(page=page, ratings=ratings, complete=True)
    bands = list(AssessmentPhaseBand.objects.filter(page=page).select_related("phase"))
    results = results_compute(
        page=page,
        distribution={key: {value: 1} for key, value in clean.items()},
        response_count=1,
        bands=bands,
    )
    _recommend(results)
    return results
