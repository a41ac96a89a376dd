"""`make bench` (`python -m tests.bench run`): generate the large content set, serve it with gunicorn and measure (docs/performance.md)."""

import io
import os
import time

import psycopg
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections as db_connections

from tests.bench.commands.generate import Command as Generate
from tests.bench.commands.generate import site_marker
from tests.bench.freshness import publish_and_time
from tests.bench.runner import Bench, freshness_table, table, write_results
from tests.bench.scenarios import all_scenarios


class Command(BaseCommand):
    help = "Suorituskykytesti: suuri sisältö, gunicorn tuotantoasetuksin ja wrk (vain 127.0.0.1)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=float(os.environ.get("BENCH_SCALE", "1")))
        parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", "8")))
        parser.add_argument("--connections", type=int, default=int(os.environ.get("BENCH_CONNECTIONS", "16")))
        parser.add_argument("--threads", type=int, default=2)
        parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", "4")))
        parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8110")))
        parser.add_argument("--only", default="", help="Vain nämä skenaariot (pilkuin erotetut nimet).")
        parser.add_argument(
            "--bakery-home-ms",
            type=float,
            default=float(os.environ.get("BENCH_BAKERY_HOME_MS") or 0) or None,
            help="bakerydemon etusivun CPU ms/pyyntö samasta ikkunasta (shared/bench/bakerydemo.sh): suhdeluvut.",
        )

    def handle(
        self, *args, scale, duration, connections, threads, workers, port, only, bakery_home_ms, **options
    ):
        started = time.monotonic()
        db = settings.DATABASES["default"]
        if not db["ENGINE"].endswith("postgresql"):
            raise CommandError("Suorituskykytesti tarvitsee PostgreSQL:n: aseta BENCH_DATABASE_URL.")
        self.prepare_database(db, scale)
        call_command("migrate", "--noinput", verbosity=0)
        # The Finnish demo; the generator adds Swedish copies of the measured pages (tests/bench/swedish.py).
        call_command("load_demo_content", "--no-admin", "--no-translations", stdout=io.StringIO())
        call_command(Generate(), "--scale", str(scale), stdout=self.stdout)
        # Fresh statistics after the bulk inserts: without them PostgreSQL guesses a few hundred pages where
        # there are 5,000 and picks plans that made the finder 130 ms and a search 6 s (autovacuum would
        # analyze later on a live server; the benchmark starts at once).
        with db_connections["default"].cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(f"Sisältö valmis ({time.monotonic() - started:.0f} s).")

        scenarios = all_scenarios()
        if only:
            wanted = {name.strip() for name in only.split(",")}
            scenarios = [s for s in scenarios if s.name in wanted]
        urls = {scenario.name: scenario.url(None) for scenario in scenarios}
        db_connections.close_all()

        bench = Bench(
            port=port,
            duration=duration,
            connections=connections,
            threads=threads,
            workers=workers,
            log=self.stdout.write,
        )
        names = {scenario.name for scenario in scenarios}

        def freshness(front_url: str, page_urls: list[str]):
            # A tool, a story and a content page, each renamed and published by this process (which purges).
            checks = []
            for name in ("Työkalu", "Tarina", "Sisältösivu"):
                if name in names:
                    check = publish_and_time(front_url, name, urls[name], page_urls)
                    self.stdout.write(
                        f"  Tuoreus {name}: hitain {check.worst if check.worst is None else round(check.worst, 3)} s"
                        f" ({len(check.pages)} sivua)"
                    )
                    checks.append(check)
            return checks

        results = bench.run(scenarios, urls, extra_env={}, freshness=freshness)
        header = (
            f"# VALOA-suorituskykytesti {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}\n\n"
            f"`wrk -t{threads} -c{connections} -d{duration}s --latency --timeout 10s`, gunicorn {workers} "
            f"{os.environ.get('BENCH_WORKER_CLASS', 'sync')}-workeria, valoa.settings.production, koko {scale:g}, {os.cpu_count()} ydintä, "
            f"välimuisti {'Redis' if settings.REDIS_URL else 'paikallinen muisti'}. "
            f"Kesto {time.monotonic() - started:.0f} s."
            + (
                f" bakerydemon etusivu samassa ikkunassa {bakery_home_ms:g} ms CPU/pyyntö (suhde sarakkeessa)."
                if bakery_home_ms
                else ""
            )
        )
        text = table(results, header=header, bakery_home_ms=bakery_home_ms) + freshness_table(bench.freshness)
        path = write_results(text)
        self.stdout.write("\n" + text)
        self.stdout.write(self.style.SUCCESS(f"Tulokset: {path}"))

    def prepare_database(self, db, scale):
        """Create the bench database, or recreate it when it holds content of another scale."""
        admin = {
            "host": db.get("HOST") or "127.0.0.1",
            "port": db.get("PORT") or 5432,
            "user": db.get("USER") or "postgres",
            "password": db.get("PASSWORD") or None,
        }
        name = db["NAME"]
        with psycopg.connect(dbname="postgres", autocommit=True, **admin) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            marker = None
            if exists:
                with psycopg.connect(dbname=name, **admin) as bench_db:
                    try:
                        row = bench_db.execute(
                            "SELECT site_name FROM wagtailcore_site WHERE is_default_site"
                        ).fetchone()
                        marker = row[0] if row else None
                    except psycopg.errors.UndefinedTable:
                        marker = None
            expected = site_marker(scale)
            if exists and marker not in (None, "VALOA", expected):
                self.stdout.write(
                    f"Tietokanta {name} on toista kokoa tai vanhemman generaattorin tekemä: luodaan uudelleen."
                )
                conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
                exists = False
            if not exists:
                conn.execute(f'CREATE DATABASE "{name}"')
