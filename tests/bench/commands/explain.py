"""PostgreSQL's side of each page type: every query of a page planned and run under EXPLAIN ANALYZE (docs/performance.md).

`page_cpu` counts the queries and the app server's CPU; this shows what each query costs the database, and which
plans grow with the content: a query that reads every page of the site to find a few (a sequential scan of a large
table, or a filter that throws thousands of rows away) is quick on the demo and slow at 5,000 pages. Every GET
scenario is requested once to warm up and once under capture through Django's test Client; each SELECT is then
run again under `EXPLAIN (ANALYZE)`. A page's line gives its queries and their total execution time; below it, each
query that took more than `--slow-ms`, filtered away more than `--rows` rows or scanned a table of more than
`--rows` rows sequentially. Run it on the database `make bench` generates, with production settings.
"""

from __future__ import annotations

import re

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.bench.scenarios import all_scenarios

EXECUTION = re.compile(r"Execution Time: ([\d.]+)")
REMOVED = re.compile(r"Rows Removed by (?:Filter|Join Filter): (\d+)")
SEQ_SCAN = re.compile(r"Seq Scan on (\w+) .*?actual time=[\d.]+\.\.[\d.]+ rows=(\d+)")


class Command(BaseCommand):
    help = "PostgreSQL:n työ sivutyypeittäin: jokaisen kyselyn suunnitelma ja kesto (EXPLAIN ANALYZE)."

    def add_arguments(self, parser):
        parser.add_argument("--only", default="", help="Vain nämä skenaariot (pilkuin erotetut nimet).")
        parser.add_argument("--slow-ms", type=float, default=1.0)
        parser.add_argument("--rows", type=int, default=1000)

    def handle(self, *args, only, slow_ms, rows, **options):
        if connection.vendor != "postgresql":
            raise CommandError("EXPLAIN ANALYZE tarvitsee PostgreSQL:n: aseta DATABASE_URL.")
        wanted = {name.strip() for name in only.split(",") if name.strip()}
        client = Client()
        self.stdout.write(f"{'sivutyyppi':<36} {'kyselyt':>8} {'PostgreSQL ms':>14}")
        for scenario in all_scenarios():
            if scenario.prepare is not None or (wanted and scenario.name not in wanted):
                continue
            url = scenario.url(None)
            client.get(url)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            total, notes = 0.0, []
            for query in captured.captured_queries:
                sql = query["sql"]
                if not sql.lstrip("( ").upper().startswith(("SELECT", "WITH")):
                    continue
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE) " + sql)
                    plan = "\n".join(row[0] for row in cursor.fetchall())
                ms = float(EXECUTION.search(plan).group(1))
                total += ms
                removed = sum(int(n) for n in REMOVED.findall(plan))
                scans = [f"{table} ({n})" for table, n in SEQ_SCAN.findall(plan) if int(n) > rows]
                if ms > slow_ms or removed > rows or scans:
                    scanned = f", seq scan {', '.join(scans)}" if scans else ""
                    notes.append(f"    {ms:6.2f} ms, {removed} riviä suodatettu pois{scanned}: {sql[:110]}…")
            status = "" if response.status_code == 200 else f"  (HTTP {response.status_code})"
            self.stdout.write(
                f"{scenario.name:<36} {len(captured.captured_queries):8d} {total:14.2f}{status}"
            )
            for note in notes:
                self.stdout.write(note)
