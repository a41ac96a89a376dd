"""The toolkit's part of the benchmark content: many tools, and team spaces with workbook sessions and
assessment rounds (docs/performance.md)."""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import secrets
import string
import urllib.error
import urllib.parse
import urllib.request
import uuid
from functools import partial
from pathlib import Path

from django.db.models import F
from django.utils import timezone

from tests.bench import lua, paced, text
from tests.bench.context import BenchContext
from tests.bench.scenarios import Load, Scenario, Verdict, prepare_changed
from tests.bench.swedish import finnish
from tests.bench.tree import bulk_add_children, index_pages
from toolkit.assessment import services as assessment_services
from toolkit.meetings import services as meeting_services
from toolkit.models import (
    AssessmentPage,
    AssessmentRating,
    AssessmentResponse,
    AssessmentRound,
    MeetingBlock,
    MeetingPlan,
    TeamSpace,
    ToolIndexPage,
    ToolPage,
    WorkbookAnswer,
    WorkbookPage,
    WorkbookSession,
)
from toolkit.workbook import services
from valoa.models import Phase

TOOLS = 300
TEAM_SPACES = 200


def generate(ctx: BenchContext, scale: float) -> None:
    rng = ctx.rng
    index = ToolIndexPage.objects.get()
    tools = max(1, round(TOOLS * scale))
    rows = []
    for i in range(index.numchild, index.numchild + tools):
        duration = rng.choice([15, 20, 30, 45, 60, 90, 120, 240])
        rows.append(
            {
                "title": text.tool_title(rng, i),
                "intro": text.paragraph_text(rng, 2),
                "search_description": text.sentence(rng),
                "duration_minutes": duration,
                "preparation_minutes": rng.choice([0, 10, 20]),
                "group_size_min": rng.choice([1, 2, 3]),
                "group_size_max": rng.choice([None, 8, 12, 20]),
                "format_in_person": True,
                "format_remote": rng.random() < 0.6,
                "format_hybrid": rng.random() < 0.4,
                "what": f"<p>{text.paragraph_text(rng, 2)}</p>",
                "when": f"<p>{text.paragraph_text(rng, 2)}</p>",
                "when_not": f"<p>{text.sentence(rng)}</p>",
                "tip": f"<p>{text.sentence(rng)}</p>",
                "materials": _items(rng, 2),
                "steps": _steps(rng, duration),
                "strengths": _items(rng, 2),
                "weaknesses": _items(rng, 1),
                "phases": [p.pk for p in rng.sample(ctx.phases, k=rng.randint(1, 2))],
                "themes": [t.pk for t in rng.sample(ctx.themes, k=rng.randint(1, 3))],
            }
        )
    ids = bulk_add_children(index, ToolPage, rows, m2m={"phases": "phases", "themes": "themes"})
    index_pages(ToolPage, ids)
    spaces = max(1, round(TEAM_SPACES * scale))
    created = TeamSpace.objects.bulk_create([TeamSpace(name=f"Tiimi {i}") for i in range(spaces)])
    # Every space has had two workbook sessions; the first is fully answered, the second half-way.
    questions = services.workbook_get().questions
    sessions = WorkbookSession.objects.bulk_create(
        [WorkbookSession(space=space, number=number) for space in created for number in (1, 2)]
    )
    answers = [
        WorkbookAnswer(session=session, question_key=question.key, text=_answer_text(rng, question))
        for session in sessions
        for question in (questions if session.number == 1 else questions[: len(questions) // 2])
    ]
    WorkbookAnswer.objects.bulk_create(answers, batch_size=2000)
    ctx.log(
        f"  työkalut: {tools}, tiimien työtilat: {spaces}, työkirjakertoja: {len(sessions)}, vastauksia: {len(answers)}"
    )
    _assessment_rounds(ctx, created)
    _meeting_plans(ctx, created)


def _answer_text(rng, question) -> str:
    """An answer the question's own rules accept: a level of a scale, one of the choices, or text."""
    if question.kind == "scale":
        return rng.choice(question.scale_values)
    if question.kind == "choice" and question.choices:
        return rng.choice(question.choices)
    if question.kind == "list":
        return "\n".join(text.sentence(rng) for _ in range(3))
    return text.paragraph_text(rng, 2)


def _assessment_rounds(ctx: BenchContext, spaces: list[TeamSpace]) -> None:
    """Every space has done the team assessment once or twice, in turns anonymously (revealed, 3–8
    responses) and by consensus; every third has a second round (a trend), every fourth a round still
    open with too few responses to show, every fifth a saved self-assessment. Inserted in bulk."""
    rng = ctx.rng
    team_page = AssessmentPage.objects.live().filter(kind=AssessmentPage.Kind.TEAM).order_by("path").first()
    self_pages = list(AssessmentPage.objects.live().exclude(kind=AssessmentPage.Kind.TEAM).order_by("path"))
    if team_page is None or not team_page.statement_groups():
        ctx.log("  arviointikierroksia ei luotu: ei tiimin arviointisivua")
        return
    Mode, State = AssessmentRound.Mode, AssessmentRound.State
    now = timezone.now()
    plans = []  # (round, how much better its ratings are than a first round's)
    for i, space in enumerate(spaces):
        first = Mode.ANONYMOUS if i % 2 == 0 else Mode.CONSENSUS
        # 3–8 responses to an anonymous round, from the space's position (not its pk: the same data
        # whatever the database's sequences say, so query counts can be pinned).
        anonymous = 3 + i % 6
        plans.append((_round(space, team_page, first, now - datetime.timedelta(days=90), anonymous), 0))
        if i % 3 == 0:
            second = Mode.CONSENSUS if first == Mode.ANONYMOUS else Mode.ANONYMOUS
            plans.append(
                (_round(space, team_page, second, now - datetime.timedelta(days=14), anonymous), 0.4)
            )
        if i % 4 == 3:
            plans.append((_round(space, team_page, Mode.ANONYMOUS, now, 2, state=State.OPEN), 0.2))
        if i % 5 == 0 and self_pages:
            page = self_pages[i % len(self_pages)]
            plans.append((_round(space, page, Mode.SELF, now - datetime.timedelta(days=30), 1), 0))
    rounds = AssessmentRound.objects.bulk_create([plan[0] for plan in plans], batch_size=1000)
    responses, keys_of = [], {}
    for assessment_round in rounds:
        page = assessment_round.page
        if page.pk not in keys_of:
            keys_of[page.pk] = [s.key for group in page.statement_groups() for s in group.statements]
        for n in range(assessment_round.bench_responses):
            respondent = {
                Mode.CONSENSUS: assessment_services.CONSENSUS_RESPONDENT,
                Mode.SELF: assessment_services.SELF_RESPONDENT,
            }.get(assessment_round.mode) or hashlib.sha256(
                f"{assessment_round.token}:{n}".encode()
            ).hexdigest()
            responses.append(AssessmentResponse(round=assessment_round, respondent=respondent))
    AssessmentResponse.objects.bulk_create(responses, batch_size=2000)
    lift = {plan[0].token: plan[1] for plan in plans}
    ratings = [
        AssessmentRating(
            response=response,
            round=response.round,
            statement_key=key,
            # 1–3, a little better in a later round: the results page shows an upward trend.
            value=min(3, max(1, round(rng.triangular(1, 3, 2) + lift[response.round.token]))),
        )
        for response in responses
        for key in keys_of[response.round.page_id]
    ]
    AssessmentRating.objects.bulk_create(ratings, batch_size=5000)
    ctx.log(f"  arviointikierroksia: {len(rounds)}, vastauksia: {len(responses)}, arvioita: {len(ratings)}")


def _round(space, page, mode, created_at, responses: int, *, state=None) -> AssessmentRound:
    """An unsaved round; `responses` is how many responses to an anonymous round (others have one)."""
    Mode, State = AssessmentRound.Mode, AssessmentRound.State
    if state is None:
        state = (
            State.OPEN if mode == Mode.CONSENSUS else State.CLOSED if mode == Mode.SELF else State.REVEALED
        )
    assessment_round = AssessmentRound(
        space=space,
        page=page,
        mode=mode,
        state=state,
        created_at=created_at,
        revealed_at=created_at if state == State.REVEALED else None,
        closed_at=created_at if state == State.CLOSED else None,
    )
    # Read back after bulk_create; not a field.
    assessment_round.bench_responses = responses if mode == Mode.ANONYMOUS else 1
    return assessment_round


def _block_id(rng) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _items(rng, n: int) -> str:
    """A one-item-per-line list (ToolPage.materials and the like)."""
    return "\n".join(text.sentence(rng) for _ in range(n))


def _steps(rng, duration: int) -> list[dict]:
    """A StepsStreamBlock value as Wagtail stores it; the steps' minutes add up to the tool's duration, as
    ToolPage.clean() requires (the freshness check publishes a generated tool)."""
    count = rng.randint(3, 5)
    minutes = [duration // count] * (count - 1)
    minutes.append(duration - sum(minutes))
    return [
        {
            "type": "step",
            "value": {
                "title": text.sentence(rng)[:100],
                "text": f"<p>{text.paragraph_text(rng, 1)}</p>",
                "minutes": step_minutes,
                "grouping": rng.choice(["alone", "pairs", "small_groups", "all"]),
            },
            "id": _block_id(rng),
        }
        for step_minutes in minutes
    ]


def _tool_url(ctx) -> str:
    tools = finnish(ToolPage.objects.live()).order_by("path")
    return tools[tools.count() // 2].get_url()


def _tool_facilitation_url(ctx) -> str:
    """The same tool's facilitation mode (issue 15): a route of the tool page, cached like it."""
    return _tool_url(ctx) + "ohjaa/"


def _assessment_present_url(ctx) -> str:
    """The consensus presentation of the same round as the results, at its first theme (the chart)."""
    return _assessment_results_url(ctx).replace("/tulokset/", "/esitys/2/")


def _finder_filtered_url(ctx) -> str:
    phase = Phase.objects.order_by("sort_order").first()
    return f"{finnish(ToolIndexPage.objects).get().get_url()}?phase={phase.slug}&time=60&format=eta"


def _workbook_page_url(ctx) -> str:
    return WorkbookPage.objects.live().order_by("path").first().get_url()


def _assessment_page_url(ctx) -> str:
    return (
        finnish(AssessmentPage.objects.live())
        .filter(kind=AssessmentPage.Kind.TEAM)
        .order_by("path")
        .first()
        .get_url()
    )


def _assessment_results_url(ctx) -> str:
    """A consensus round's results in a space whose earlier anonymous round was revealed: the page shows
    the trend against it and the phase history."""
    rounds = AssessmentRound.objects.filter(
        mode=AssessmentRound.Mode.CONSENSUS,
        space__assessment_rounds__mode=AssessmentRound.Mode.ANONYMOUS,
        space__assessment_rounds__state=AssessmentRound.State.REVEALED,
        space__assessment_rounds__created_at__lt=F("created_at"),
    ).select_related("space")
    # The first one: the same round whatever was generated after it (its result's recommendations,
    # and so the queries, depend on which statements came out weakest).
    assessment_round = rounds.order_by("pk").first()
    return f"/tiimi/{assessment_round.space.token}/arviointi/{assessment_round.pk}/tulokset/"


def _meeting_plans(ctx: BenchContext, spaces: list[TeamSpace]) -> None:
    """One plan per space: an opening, two tools (their steps in the facilitation data), a break, a closing."""
    tool_list = list(finnish(ToolPage.objects.live()).order_by("pk")[:2])
    for space in spaces:
        plan = meeting_services.plan_create(
            space=space,
            title="Viikkopalaveri",
            date=datetime.date(2026, 12, 3),
            start_time=datetime.time(9, 0),
            minutes_available=90,
        )
        MeetingBlock.objects.bulk_create(
            [
                MeetingBlock(plan=plan, position=0, kind="avaus", title="Avaus", minutes=10),
                *[
                    MeetingBlock(
                        plan=plan,
                        position=1 + i,
                        kind="tyokalu",
                        tool=tool,
                        title=tool.title,
                        minutes=tool.duration_minutes,
                    )
                    for i, tool in enumerate(tool_list)
                ],
                MeetingBlock(plan=plan, position=1 + len(tool_list), kind="tauko", title="Tauko", minutes=10),
                MeetingBlock(
                    plan=plan, position=2 + len(tool_list), kind="lopetus", title="Lopetus", minutes=10
                ),
            ]
        )


def _meeting_plan_url(ctx) -> str:
    plan = (
        MeetingPlan.objects.filter(space__name__startswith="Tiimi ")
        .select_related("space")
        .order_by("pk")
        .first()
    )
    return f"/tiimi/{plan.space.token}/palaverit/{plan.pk}/"


def _meeting_agenda_url(ctx) -> str:
    """The same plan's agenda (the printable page a facilitator shares)."""
    return _meeting_plan_url(ctx) + "asialista/"


def _meeting_facilitation_url(ctx) -> str:
    """The same plan in facilitation mode: the shared run's state and every block's steps."""
    return _meeting_plan_url(ctx) + "ohjaa/"


def _respondent_form_url(ctx) -> str:
    """An open anonymous round's answer form, as a member's phone opens it from the link or the QR code."""
    assessment_round = (
        AssessmentRound.objects.filter(mode=AssessmentRound.Mode.ANONYMOUS, state=AssessmentRound.State.OPEN)
        .order_by("pk")
        .first()
    )
    return f"/tiimi/vastaa/{assessment_round.token}/"


def _space_url(ctx) -> str:
    """The first generated space: two sessions and its assessment rounds listed (the same at any volume)."""
    return TeamSpace.objects.filter(name__startswith="Tiimi ").order_by("pk").first().get_absolute_url()


def _workbook_session_url(ctx) -> str:
    session = WorkbookSession.objects.filter(number=2).select_related("space").order_by("pk").first()
    return f"/tiimi/{session.space.token}/tyokirja/2/"


# --- Saving answers: many teams autosaving at once ---------------------------------------------------------

ANSWER_CLIENTS = 30
AUTOSAVE_DELAY_MS = 1200  # static/js/workbook.js AUTOSAVE_DELAY
ANSWER_SCRIPT = Path(__file__).with_name("toolkit_answer_save.lua")


def _answer_clients(count: int) -> list[dict]:
    """`count` clients, each saving one open question's answer in the first session of a space of its own
    (spaces are reused, with another question, only when there are fewer spaces than clients)."""
    keys = [question.key for question in services.workbook_get().questions if question.kind == "text"]
    sessions = list(
        WorkbookSession.objects.filter(number=1).select_related("space").order_by("space_id")[:count]
    )
    if not keys or not sessions or count > len(keys) * len(sessions):
        raise RuntimeError("Vastausten tallennukseen tarvitaan työtiloja ja avoimia kysymyksiä.")
    alphabet = string.ascii_letters + string.digits
    return [
        {
            "session_id": sessions[i % len(sessions)].pk,
            "key": keys[(i // len(sessions)) % len(keys)],
            "path": f"/tiimi/{sessions[i % len(sessions)].space.token}/tyokirja/1/vastaus/",
            # Django accepts a 32-character secret as the cookie and the same value as the header.
            "csrf": "".join(secrets.choice(alphabet) for _ in range(32)),
        }
        for i in range(count)
    ]


def _answer_url(ctx) -> str:
    return _answer_clients(1)[0]["path"]


def _post_answer(base_url: str, client: dict, version: int, answer: str) -> tuple[int, dict, dict]:
    data = urllib.parse.urlencode({"key": client["key"], "version": version, "answer": answer}).encode()
    request = urllib.request.Request(  # noqa: S310 (loopback only)
        base_url + client["path"],
        data=data,
        headers={
            "Accept": "application/json",
            "Cookie": f"csrftoken={client['csrf']}",
            "X-CSRFToken": client["csrf"],
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), {"body": error.read()[:300].decode(errors="replace")}


def _prepare_answer_save(bench, server, url: str, *, pause_ms: int = 0, count: int = ANSWER_CLIENTS) -> Load:
    """Warm up with one save per client (it also gives each its starting version), then hand wrk a script
    that keeps each client's own version, and check the database afterwards. `pause_ms` is each client's
    wait between saves (0: the next save as soon as the previous one is answered)."""
    clients = _answer_clients(count)
    queries = "?"
    for number, client in enumerate(clients, start=1):
        current = (
            WorkbookAnswer.objects.filter(session_id=client["session_id"], question_key=client["key"])
            .values_list("version", flat=True)
            .first()
        ) or 0
        client["warm_text"] = f"alku-{number}"
        status, headers, data = _post_answer(server.base_url, client, current, client["warm_text"])
        if status != 200 or data.get("status") != "saved":
            raise RuntimeError(f"Vastauksen tallennus vastasi {status}: {data}")
        client["version"] = client["base"] = data["version"]
        queries = headers.get("X-Query-Count", "?")
    verify = partial(_verify_answers, clients)
    if pause_ms > 0:
        # At the autosave pace: clients that start apart and keep their own pace (tests/bench/paced.py).
        return Load(script="", queries=queries, verify=verify, run=partial(_paced_saves, clients, pause_ms))
    script = (
        f"clients = {lua.literal([{k: c[k] for k in ('path', 'key', 'version', 'csrf')} for c in clients])}\n"
        f"pause_ms = {int(pause_ms)}\n"
    )
    return Load(script=script + ANSWER_SCRIPT.read_text(), queries=queries, verify=verify)


def _paced_saves(clients: list[dict], pause_ms: int, base_url: str, duration: float) -> tuple[dict, str]:
    """The Lua script's saves (toolkit_answer_save.lua) from paced clients: each save names the version its
    previous save returned; the output has the script's VALOA-CLIENT lines for `_verify_answers`."""
    for number, client in enumerate(clients, start=1):
        client.update(id=number, saved=0, failed=0, unsaved_ok=0, sent=0, sent_text="-", acked_text="-")

    def save(client: dict, connection) -> int:
        client["sent"] += 1
        client["sent_text"] = f"b{client['id']}-{client['sent']}"
        body = urllib.parse.urlencode(
            {"key": client["key"], "version": client["version"], "answer": client["sent_text"]}
        )
        connection.request(
            "POST",
            client["path"],
            body,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
                "Cookie": f"csrftoken={client['csrf']}",
                "X-CSRFToken": client["csrf"],
            },
        )
        response = connection.getresponse()
        data = response.read()
        try:
            reply = json.loads(data)
        except ValueError:
            reply = {}
        if response.status == 200 and reply.get("status") == "saved":
            client["saved"] += 1
            client["version"] = reply["version"]
            client["acked_text"] = client["sent_text"]
        else:
            client["failed"] += 1
            client["unsaved_ok"] += int(response.status < 400)
            if "version" in reply:
                client["version"] = reply["version"]  # a conflict names the stored version
        return response.status

    figures = paced.run(base_url, clients, save, pause_ms=pause_ms, duration=duration)
    output = "".join(
        f"VALOA-CLIENT {c['id']} {c['saved']} {c['failed']} {c['unsaved_ok']} {c['version']} "
        f"{c['acked_text']} {c['sent_text']}\n"
        for c in clients
    )
    return figures, output


def _verify_answers(clients: list[dict], output: str) -> Verdict:
    """Every client's answer in the database is its last acknowledged save: version = base + saves, the
    text its last text. A save still in flight when wrk stopped may have landed too (one version more,
    the text it sent); anything else is a lost answer."""
    rows = re.findall(r"^VALOA-CLIENT (\d+) (\d+) (\d+) (\d+) (\d+) (\S+) (\S+)$", output, re.M)
    stored = {
        (answer.session_id, answer.question_key): (answer.version, answer.text)
        for answer in WorkbookAnswer.objects.filter(session_id__in={c["session_id"] for c in clients})
    }
    lost, unsaved_ok, saves, failures, in_flight, problems = 0, 0, 0, 0, 0, []
    reported = set()
    for client_id, saved, failed, odd, _version, acked, sent in rows:
        client = clients[int(client_id) - 1]
        reported.add(int(client_id))
        saved, failed = int(saved), int(failed)
        saves, failures, unsaved_ok = saves + saved, failures + failed, unsaved_ok + int(odd)
        confirmed = (client["base"] + saved, client["warm_text"] if acked == "-" else acked)
        actual = stored.get((client["session_id"], client["key"]))
        if actual == confirmed:
            continue
        if sent != acked and actual == (confirmed[0] + 1, sent):
            in_flight += 1
            continue
        lost += 1
        problems.append(f"asiakas {client_id}: odotettiin {confirmed}, tietokannassa {actual}")
    missing = len(clients) - len(reported)
    detail = (
        f"{len(clients)} asiakasta, {saves} tallennusta vahvistettu, {failures} epäonnistui, "
        f"{in_flight} tallentui ajon lopussa ilman vastausta, kadonneita {lost}"
    )
    if missing:
        detail += f"; {missing} asiakkaan tiedot puuttuivat wrk:n tulosteesta"
    if problems:
        detail += "; " + "; ".join(problems[:3])
    return Verdict(lost=lost + missing, errors=unsaved_ok, detail=detail)


SCENARIOS = [
    Scenario("Aloita", lambda ctx: "/aloita/"),
    Scenario("Työkalut (hakemisto)", lambda ctx: finnish(ToolIndexPage.objects).get().get_url()),
    Scenario("Työkalut (3 suodatinta)", _finder_filtered_url),
    Scenario("Työkalu", _tool_url),
    Scenario("Työkalun ohjaus", _tool_facilitation_url),
    # Both carry a form with a CSRF token (start a team space, rate the statements): never page-cached.
    Scenario("Työkirja (sivu)", _workbook_page_url, cacheable=False),
    Scenario("Arviointityökalu", _assessment_page_url, cacheable=False),
    # Team pages are never cached: measured uncached only.
    Scenario("Tiimin työtila", _space_url, cacheable=False),
    Scenario("Työkirjan kerta (tiimi)", _workbook_session_url, cacheable=False),
    Scenario("Arvioinnin tulokset (tiimi)", _assessment_results_url, cacheable=False),
    Scenario("Arvioinnin esitys (tiimi)", _assessment_present_url, cacheable=False),
    Scenario("Palaverin suunnitelma (tiimi)", _meeting_plan_url, cacheable=False),
    Scenario("Palaverin asialista (tiimi)", _meeting_agenda_url, cacheable=False),
    Scenario("Palaverin ohjaus (tiimi)", _meeting_facilitation_url, cacheable=False),
    Scenario("Arvioinnin vastauslomake (tiimi)", _respondent_form_url, cacheable=False),
    # The team pages above are viewed again as a team's members view them between changes: from the team's
    # page cache (docs/decisions/017). These are the first view after a change, which renders the page.
    Scenario("Tiimin työtila (muutoksen jälkeen)", _space_url, cacheable=False, prepare=prepare_changed),
    Scenario(
        "Arvioinnin tulokset (muutoksen jälkeen)",
        _assessment_results_url,
        cacheable=False,
        prepare=prepare_changed,
    ),
    Scenario(
        "Palaverin suunnitelma (muutoksen jälkeen)",
        _meeting_plan_url,
        cacheable=False,
        prepare=prepare_changed,
    ),
    # 30 teams saving at once, each on a connection (and a wrk thread) of its own: first as fast as the
    # server answers (capacity; the latency is then the queue), then at the autosave's pace (the page
    # saves 1.2 s after the last keystroke, so one team saves at most about once per 1.2 s).
    Scenario(
        "Vastauksen tallennus (30 yhtäaikaista)",
        _answer_url,
        cacheable=False,
        connections=ANSWER_CLIENTS,
        threads=ANSWER_CLIENTS,
        prepare=_prepare_answer_save,
    ),
    Scenario(
        "Vastauksen tallennus (30 tiimiä automaattitallennuksen tahdissa)",
        _answer_url,
        cacheable=False,
        connections=ANSWER_CLIENTS,
        threads=ANSWER_CLIENTS,
        prepare=partial(_prepare_answer_save, pause_ms=AUTOSAVE_DELAY_MS),
    ),
]
