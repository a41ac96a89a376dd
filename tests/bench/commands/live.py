"""`make bench-live` (`python -m tests.bench live`): the meeting room's live channel under load (docs/performance.md).

100 meetings × 8 screens, each a WebSocket on the live servers (deploy/gunicorn-live.conf.py, uvicorn workers,
channels-redis on REDIS_URL), as production runs them. Every meeting gets events at a meeting's pace; the
figures are the time from an event's publication to its arrival on each screen of its meeting (p50/p95/p99),
the lost and the misdelivered events (a message of another meeting), and the memory per connected screen.
Then the live server is restarted in the middle of the meetings: every screen reconnects with the browser's
backoff (static/js/live.js) and catches up from the server's state, and the time until the last screen has
caught up is printed.

The events are published as the app servers publish them after a save (valoa.live.publishing: channels-redis
group_send to the space's group), from this process; what a screen then fetches is the page's own work and
is measured with the pages (`make bench`).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import statistics
import time
from pathlib import Path

from channels.layers import get_channel_layer
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from tests.bench.runner import write_results
from tests.bench.server import Gunicorn, production_env
from tests.bench.varnish import free_port
from toolkit.team.live import space_group
from toolkit.team.models import TeamSpace
from toolkit.team.services import team_space_create
from valoa.live.publishing import MESSAGE_TYPE


class LiveGunicorn(Gunicorn):
    """The live servers: deploy/gunicorn-live.conf.py (uvicorn workers) on a loopback port."""

    config = "gunicorn-live.conf.py"
    probe_path = "/health/live"

    def command_options(self) -> list[str]:
        return []

    def rss_kib(self) -> int:
        total = 0
        for pid in [self.process.pid, *self.worker_pids()]:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except OSError:
                continue
        return total


class Screen:
    """One browser tab of a meeting: a WebSocket that reconnects like static/js/live.js and records arrivals."""

    def __init__(self, meeting: int, url: str, origin: str):
        self.meeting = meeting
        self.url = url
        self.origin = origin
        self.seen: dict[int, float] = {}  # event number -> arrival (monotonic)
        self.foreign = 0  # messages of another meeting (must stay 0)
        self.connected = asyncio.Event()
        self.reconnected_at: float | None = None
        self.closing = False
        self.errors = 0
        self.task: asyncio.Task | None = None

    async def run(self):
        import websockets

        attempt = 0
        while not self.closing:
            try:
                async with websockets.connect(self.url, origin=self.origin, open_timeout=10) as socket:
                    attempt = 0
                    self.connected.set()
                    self.reconnected_at = time.monotonic()
                    async for raw in socket:
                        message = json.loads(raw)
                        if message["data"].get("meeting") != self.meeting:
                            self.foreign += 1
                        self.seen.setdefault(message["data"]["n"], time.monotonic())
            except (TimeoutError, OSError, Exception):
                if self.closing:
                    return
                self.errors += 1
            attempt += 1
            backoff = min(5.0, 0.5 * 2 ** (attempt - 1))  # as static/js/live.js
            await asyncio.sleep(backoff / 2 + random.random() * backoff / 2)


class Command(BaseCommand):
    help = "Live-kanavan kuormitustesti: 100 palaveria × 8 näyttöä, viiveet, muisti näyttöä kohden, uudelleenkäynnistys."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--meetings", type=int, default=100)
        parser.add_argument("--screens", type=int, default=8)
        parser.add_argument("--events", type=int, default=20, help="tapahtumia palaveria kohden")
        parser.add_argument(
            "--interval", type=float, default=1.0, help="sekuntia palaverin tapahtumien välillä"
        )
        parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_LIVE_WORKERS", "2")))

    def handle(self, *args, meetings, screens, events, interval, workers, **options):
        if not settings.REDIS_URL:
            raise CommandError(
                "Live-kanavan testi tarvitsee Redisin: aseta REDIS_URL (palvelimet jakavat ryhmät siinä)."
            )
        call_command("migrate", "--noinput", verbosity=0)
        spaces = [team_space_create(name=f"Kuormitus {n}") for n in range(meetings)]
        tokens = [space.token for space in spaces]
        ids = [space.pk for space in spaces]
        connections.close_all()
        port = free_port()
        log = Path(settings.BASE_DIR) / "var" / "bench" / "live-server.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        env = production_env(REDIS_URL=settings.REDIS_URL, ALLOWED_HOSTS="127.0.0.1")
        server = LiveGunicorn(port=port, env=env, workers=workers, log=log)
        try:
            server.start()
            report = asyncio.run(self.measure(server, tokens, ids, screens, events, interval))
        finally:
            server.stop()
            TeamSpace.objects.filter(pk__in=ids).delete()
        text = self.render(report, meetings, screens, events, interval, workers)
        path = write_results(text)
        self.stdout.write("\n" + text)
        self.stdout.write(self.style.SUCCESS(f"Tulokset: {path}"))

    async def measure(self, server, tokens, ids, screens_per_meeting, events, interval):
        layer = get_channel_layer()
        origin = server.base_url
        base = f"ws://127.0.0.1:{server.port}/live/tiimi/"
        rss_before = server.rss_kib()
        screens = [
            Screen(meeting, f"{base}{token}/", origin)
            for meeting, token in enumerate(tokens)
            for _ in range(screens_per_meeting)
        ]
        started = time.monotonic()
        for screen in screens:
            screen.task = asyncio.create_task(screen.run())
            await asyncio.sleep(0.002)  # a meeting room fills in seconds, not in one instant
        await asyncio.wait_for(asyncio.gather(*(s.connected.wait() for s in screens)), timeout=120)
        connect_seconds = time.monotonic() - started
        await asyncio.sleep(1)
        rss_after = server.rss_kib()
        cpu_before = server.cpu_seconds()

        published: dict[int, tuple[int, float]] = {}  # event number -> (meeting, published at)
        counter = 0

        async def meeting_events(meeting: int, count: int):
            nonlocal counter
            await asyncio.sleep(interval * meeting / len(ids))  # meetings out of step, as in life
            for _ in range(count):
                counter += 1
                n = counter
                published[n] = (meeting, time.monotonic())
                await layer.group_send(
                    space_group(ids[meeting]),
                    {
                        "type": MESSAGE_TYPE,
                        "message": {"topic": "bench", "event": "tick", "data": {"n": n, "meeting": meeting}},
                    },
                )
                await asyncio.sleep(interval)

        await asyncio.gather(*(meeting_events(m, events) for m in range(len(ids))))
        await asyncio.sleep(2)
        cpu_seconds = server.cpu_seconds() - cpu_before
        latencies, lost = [], 0
        for screen in screens:
            for n, (meeting, at) in published.items():
                if meeting != screen.meeting:
                    continue
                if n in screen.seen:
                    latencies.append((screen.seen[n] - at) * 1000)
                else:
                    lost += 1
        foreign = sum(s.foreign for s in screens)
        errors = sum(s.errors for s in screens)

        # A restart in the middle of the meetings: SIGTERM, a new server on the same port, screens reconnect.
        for screen in screens:
            screen.connected.clear()
        restart_at = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        server.process.wait(timeout=30)
        server.start()
        # From the moment the new server answers: its boot time is the app's, printed apart.
        ready_at = time.monotonic()
        boot_seconds = ready_at - restart_at
        try:
            await asyncio.wait_for(asyncio.gather(*(s.connected.wait() for s in screens)), timeout=60)
            back = [max(0.0, s.reconnected_at - ready_at) for s in screens]
            restart = {
                "all_back_seconds": max(back),
                "p50": statistics.median(back),
                "missing": 0,
                "boot_seconds": boot_seconds,
            }
        except TimeoutError:
            missing = sum(1 for s in screens if not s.connected.is_set())
            restart = {
                "all_back_seconds": None,
                "p50": None,
                "missing": missing,
                "boot_seconds": boot_seconds,
            }
        # After the restart an event still reaches every screen of its meeting.
        after = counter + 1
        await layer.group_send(
            space_group(ids[0]),
            {
                "type": MESSAGE_TYPE,
                "message": {"topic": "bench", "event": "tick", "data": {"n": after, "meeting": 0}},
            },
        )
        await asyncio.sleep(1)
        restart["after_event_reached"] = sum(1 for s in screens if s.meeting == 0 and after in s.seen)
        for screen in screens:
            screen.closing = True
            screen.task.cancel()
        await asyncio.gather(*(s.task for s in screens), return_exceptions=True)
        return {
            "screens": len(screens),
            "connect_seconds": connect_seconds,
            "rss_per_screen_kib": (rss_after - rss_before) / len(screens),
            "rss_before_kib": rss_before,
            "rss_after_kib": rss_after,
            "deliveries": len(latencies),
            "lost": lost,
            "foreign": foreign,
            "errors": errors,
            "p50": statistics.median(latencies) if latencies else None,
            "p95": statistics.quantiles(latencies, n=100)[94] if len(latencies) > 1 else None,
            "p99": statistics.quantiles(latencies, n=100)[98] if len(latencies) > 1 else None,
            "max": max(latencies) if latencies else None,
            "cpu_ms_per_delivery": cpu_seconds * 1000 / max(1, len(latencies)),
            "restart": restart,
        }

    def render(self, r, meetings, screens, events, interval, workers) -> str:
        def ms(value):
            return "–" if value is None else f"{value:.0f} ms"

        restart = r["restart"]
        back = "–" if restart["all_back_seconds"] is None else f"{restart['all_back_seconds']:.1f} s"
        return "\n".join(
            [
                f"# VALOA live-kanava {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}",
                "",
                f"{meetings} palaveria × {screens} näyttöä = {r['screens']} WebSocketia, {events} tapahtumaa "
                f"palaveria kohden {interval:g} s välein; live-palvelin: gunicorn + uvicorn, {workers} workeria, "
                f"channels-redis; {os.cpu_count()} ydintä.",
                "",
                "| mittari | arvo | tavoite |",
                "|---|---:|---|",
                f"| näytöt yhdistetty | {r['connect_seconds']:.1f} s | |",
                f"| toimitukset | {r['deliveries']} | |",
                f"| viive p50 | {ms(r['p50'])} | |",
                f"| viive p95 | {ms(r['p95'])} | ≤ 500 ms |",
                f"| viive p99 | {ms(r['p99'])} | ≤ 1 000 ms |",
                f"| viive suurin | {ms(r['max'])} | |",
                f"| kadonneet | {r['lost']} | 0 |",
                f"| toisen palaverin viestit | {r['foreign']} | 0 |",
                f"| yhteysvirheet | {r['errors']} | 0 |",
                f"| muisti näyttöä kohden | {r['rss_per_screen_kib']:.0f} KiB | |",
                f"| palvelimen CPU toimitusta kohden | {r['cpu_ms_per_delivery']:.2f} ms | |",
                f"| uudelleenkäynnistys: palvelin pysähtyi ja vastasi taas | {restart['boot_seconds']:.1f} s | |",
                f"| … kaikki näytöt takaisin sen jälkeen | {back} | ≤ 5 s |",
                f"| uudelleenkäynnistys: puuttuvat näytöt | {restart['missing']} | 0 |",
                f"| tapahtuma uudelleenkäynnistyksen jälkeen perillä | {restart['after_event_reached']}/{screens} | {screens}/{screens} |",
                "",
            ]
        )
