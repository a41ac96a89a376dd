"""The benchmark's scenarios as data: each app lists its own in `tests/bench/apps/<app>.py` as SCENARIOS."""

from __future__ import annotations

import importlib
import random
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps

from tests.bench import text


@dataclass
class Verdict:
    """What a scenario's own check found after the load: `lost` writes the server acknowledged but the
    database does not hold, `errors` responses wrk counted as fine that were not (e.g. a 200 without the
    saved version)."""

    lost: int
    errors: int
    detail: str


@dataclass
class Load:
    """A scenario's own load, made by its `prepare(bench, server, url)` hook just before it is measured:
    the wrk Lua script (it replaces the runner's warm-up and fixed request), the queries per request seen
    while warming up, and `verify(wrk_output)`, run once the server is idle again (None for reads).
    `run(base_url, duration)`, when given, makes the load instead of wrk (tests/bench/paced.py) and returns
    wrk's figures (requests, rps, p50, p99, errors) and the output `verify` reads."""

    script: str
    queries: str
    verify: Callable[[str], Verdict] | None
    run: Callable[[str, float], tuple[dict, str]] | None = None


@dataclass(frozen=True)
class Scenario:
    """One measured request. `url` builds the path from the generated content (runs in the bench process).

    `cacheable` says whether the page cache may serve it (it is then measured a second time with the cache
    on). `connections`/`threads` override the run's wrk `-c`/`-t`.
    `prepare` makes a `Load` (a wrk script of its own, e.g. POSTs that differ per connection and are checked
    afterwards, like many teams saving answers at once); such a scenario is measured against the database's writes, so it must
    not be `cacheable`.
    """

    name: str
    url: Callable[[Any], str]
    cacheable: bool = True
    connections: int | None = None
    threads: int | None = None
    prepare: Callable[[Any, Any, str], Load] | None = None


# The words of the generated content (tests/bench/text.py), for searches that differ request by request.
SEARCH_WORDS = sorted(
    {
        word.lower().strip(".:,")
        for phrase in (*text.SUBJECTS, *text.VERBS, *text.OBJECTS, *text.TOOL_NOUNS)
        for word in phrase.split()
        if len(word) > 3
    }
)

VARIED_SEARCH_SCRIPT = """
local n = 0
next_offset = 0
function setup(thread)
    thread:set("offset", next_offset)
    next_offset = next_offset + math.floor(#paths / 4)
end
function init(args)
    n = offset or 0
end
function request()
    n = n + 1
    return wrk.format("GET", paths[(n % #paths) + 1])
end
"""


def _prepare_varied_search(bench, server, url: str) -> Load:
    """Every request another query, as visitors type them: PostgreSQL's statistics and buffers favour no
    query, so this measures the database's full-text search itself."""
    from tests.bench import lua

    rng = random.Random(8)
    pairs = [f"{a} {b}" for a in SEARCH_WORDS for b in SEARCH_WORDS if a != b]
    rng.shuffle(pairs)
    paths = [f"/haku/?{urllib.parse.urlencode({'q': q})}" for q in [*SEARCH_WORDS, *pairs]]
    _status, headers, _body = bench.fetch(server, paths.pop())  # warms the worker; its query count
    return Load(
        script=f"paths = {lua.literal(paths)}\n{VARIED_SEARCH_SCRIPT}",
        queries=headers.get("X-Query-Count", "?"),
        verify=None,  # a read: nothing to check in the database afterwards
    )


CHANGED_SCRIPT = """
local n = 0
local threads = 0
function setup(thread)
    threads = threads + 1
    thread:set("id", threads)
end
function request()
    n = n + 1
    return wrk.format("GET", path .. "?muutos=" .. id .. "-" .. n)
end
"""


def prepare_changed(bench, server, url: str) -> Load:
    """A team page as its first view after a change renders it: every request another address, so the page
    cache of a team (toolkit/team/page_cache.py, keyed by the full address) never has it, and each request
    renders the page and stores it, as the first member's view after a save does."""
    from tests.bench import lua

    _status, headers, _body = bench.fetch(server, f"{url}?muutos=0")  # warms the worker; its query count
    return Load(
        script=f"path = {lua.literal(url)}\n{CHANGED_SCRIPT}",
        queries=headers.get("X-Query-Count", "?"),
        verify=None,  # a read: nothing to check in the database afterwards
    )


CORE_SCENARIOS = [
    Scenario("Etusivu", lambda ctx: "/"),
    Scenario("Sisältösivu", lambda ctx: "/tietoa/"),
    # The same query again and again, as popular queries are.
    Scenario("Haku", lambda ctx: "/haku/?q=palaute", cacheable=False),
    Scenario(
        "Haku (vaihtuvat hakusanat)",
        lambda ctx: "/haku/?q=palaute",
        cacheable=False,
        prepare=_prepare_varied_search,
    ),
]


def app_modules():
    """Each installed project app's part of the benchmark, `tests.bench.apps.<label>`, in INSTALLED_APPS order."""
    for app_config in apps.get_app_configs():
        name = f"tests.bench.apps.{app_config.label}"
        try:
            yield importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise


def all_scenarios() -> list[Scenario]:
    scenarios = list(CORE_SCENARIOS)
    for module in app_modules():
        scenarios.extend(getattr(module, "SCENARIOS", []))
    from tests.bench import swedish  # a Swedish page of each public page type, after the Finnish ones

    scenarios.extend(swedish.SCENARIOS)
    return scenarios
