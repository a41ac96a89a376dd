"""Server CPU and SQL queries per page type, in this process, with the front cache bypassed (docs/performance.md).

Every GET scenario of the benchmark (`tests/bench/apps/<app>.py`) is requested through Django's test Client against the
current database: a few warm-up requests, then the median of `--repeat` requests' process CPU time
(`time.process_time()`, which leaves out waiting for PostgreSQL) and the queries of the last one, after
`/robots.txt` as the baseline of the same run (CPU time per request varies with the machine's load). Run it on the
database `make bench` generates (or `python -m tests.bench generate --scale …`), with production settings.
"""

from __future__ import annotations

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.bench.scenarios import all_scenarios


class Command(BaseCommand):
    help = "Palvelimen prosessoriaika ja SQL-kyselyt sivutyypeittäin ilman välimuistia (testiasiakas)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=30)
        parser.add_argument("--warmup", type=int, default=5)
        parser.add_argument("--only", default="", help="Vain nämä skenaariot (pilkuin erotetut nimet).")

    def handle(self, *args, repeat, warmup, only, **options):
        wanted = {name.strip() for name in only.split(",") if name.strip()}
        client = Client()
        self.stdout.write(f"{'sivutyyppi':<32} {'ms CPU':>7} {'kyselyt':>8}")
        # robots.txt first: a view with no template and no query, the machine's own pace in the same run.
        pages = [("robots.txt (vertailu)", "/robots.txt")] + [
            (scenario.name, scenario.url(None))
            for scenario in all_scenarios()
            if scenario.prepare is None and (not wanted or scenario.name in wanted)
        ]
        for name, url in pages:
            for _ in range(warmup):
                client.get(url)
            timings = []
            for _ in range(repeat):
                started = time.process_time()
                response = client.get(url)
                timings.append(time.process_time() - started)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            status = "" if response.status_code == 200 else f"  (HTTP {response.status_code})"
            self.stdout.write(
                f"{name:<32} {statistics.median(timings) * 1000:7.1f} {len(queries):8d}{status}"
            )
