"""Where a page type's server CPU goes: template rendering, SQL, the site chrome (docs/performance.md).

Every GET scenario (or `--only` some) is requested through Django's test Client against the current database, like
`page_cpu`, under cProfile (its own clock: wall time, so waiting for PostgreSQL counts as the query's). For each
page it prints the process CPU per request (profiled: higher than `page_cpu`'s) and the share of the profiled
time spent inside

- **templates**: `Template.render` (Django's engine), queries that templates and their tags make included;
- **SQL**: `SQLCompiler.execute_sql` (building the SQL, the driver, building rows and objects), wherever it runs;
- **chrome**: `page_navigation` (the menu, the footer and the language switcher: valoa/pages/navigation.py),
  its queries included;

so the shares overlap (templates contain the chrome and most SQL). cProfile slows Python down: compare the
shares, and `page_cpu` for the CPU itself. `--top N` lists the N functions with most time of their own.
"""

from __future__ import annotations

import cProfile
import pstats
import time

from django.core.management.base import BaseCommand
from django.db.models.sql.compiler import SQLCompiler
from django.template.base import Template
from django.test import Client

from tests.bench.scenarios import all_scenarios
from valoa.pages.navigation import page_navigation

CATEGORIES = {
    "templates": Template.render,
    "SQL": SQLCompiler.execute_sql,
    "chrome": page_navigation,
}


def cumulative(stats: pstats.Stats, function) -> float:
    """The cumulative time of the outermost calls of `function` (cProfile counts a recursion once)."""
    code = function.__code__
    for (filename, line, name), (_cc, _nc, _tt, ct, _callers) in stats.stats.items():
        if (filename, line, name) == (code.co_filename, code.co_firstlineno, code.co_name):
            return ct
    return 0.0


class Command(BaseCommand):
    help = "Mihin sivutyypin prosessoriaika kuluu: mallipohjat, SQL, sivuston kehys (cProfile)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20)
        parser.add_argument("--warmup", type=int, default=5)
        parser.add_argument("--top", type=int, default=0)
        parser.add_argument("--only", default="", help="Vain nämä skenaariot (pilkuin erotetut nimet).")

    def handle(self, *args, repeat, warmup, top, only, **options):
        wanted = {name.strip() for name in only.split(",") if name.strip()}
        client = Client()
        pages = [
            (scenario.name, scenario.url(None))
            for scenario in all_scenarios()
            if scenario.prepare is None and (not wanted or scenario.name in wanted)
        ]
        header = f"{'sivutyyppi':<32} {'ms CPU':>7} " + " ".join(f"{name:>10}" for name in CATEGORIES)
        self.stdout.write(header)
        for name, url in pages:
            for _ in range(warmup):
                client.get(url)
            cpu_started = time.process_time()
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(repeat):
                client.get(url)
            profiler.disable()
            cpu = time.process_time() - cpu_started
            stats = pstats.Stats(profiler)
            total = stats.total_tt
            shares = [
                cumulative(stats, function) / total if total else 0.0 for function in CATEGORIES.values()
            ]
            self.stdout.write(
                f"{name:<32} {cpu / repeat * 1000:7.1f} "
                + " ".join(f"{share * 100:9.0f}%" for share in shares)
            )
            if top:
                stats.sort_stats("tottime").print_stats(top)
