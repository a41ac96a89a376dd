"""Measure every scenario with wrk against gunicorn, next to a static file served by the same server."""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from tests.bench.scenarios import Scenario
from tests.bench.server import Gunicorn, production_env
from tests.bench.varnish import Varnish

# The figures the issue sets (printed next to each result, never asserted).
TARGET_CPU_MS = 12.0
TARGET_QUERIES = 12
TARGET_FRONT_RATIO = (
    0.5  # through Varnish: at least half the requests/s of a static file from the same Varnish
)
TARGET_WRITE_P99_MS = 50.0  # saving a workbook answer, 30 concurrent clients; and no errors, nothing lost


@dataclass
class Result:
    name: str
    mode: str  # "static", "uncached", "varnish" (through the front cache)
    url: str
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    cpu_ms: float
    queries: str
    errors: int
    baseline_rps: float = 0.0
    lost: int | None = None  # writes acknowledged but not in the database (scenarios with a check only)


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def parse_wrk(output: str) -> dict:
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.M))
    p = {}
    for key, value in latency.items():
        number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
        p[key] = _ms(number, unit)
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(match.group(1))
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        errors += sum(int(n) for n in match.groups())
    return {
        "requests": requests,
        "rps": rps,
        "p50": p.get("50", 0.0),
        "p99": p.get("99", 0.0),
        "errors": errors,
    }


def ensure_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk is None:
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True)  # noqa: S607
        wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk is missing: apt-get install wrk")
    return wrk


class Bench:
    def __init__(self, *, port: int, duration: int, connections: int, threads: int, workers: int, log):
        self.port = port
        self.duration = duration
        self.connections = connections
        self.threads = threads
        self.workers = workers
        self.log = log
        self.wrk = ensure_wrk()
        self.workdir = Path(tempfile.mkdtemp(prefix="valoa-bench-"))
        self.static_root = self.workdir / "static"
        self.freshness: list = []

    def collectstatic(self, env: dict[str, str]) -> None:
        subprocess.run(  # noqa: S603
            [
                str(Path(settings.BASE_DIR) / ".venv/bin/python"),
                "manage.py",
                "collectstatic",
                "--noinput",
                "-v0",
            ],
            cwd=settings.BASE_DIR,
            env={**env, "STATIC_ROOT": str(self.static_root)},
            check=True,
        )

    def server_env(self, *, extra: dict[str, str]) -> dict[str, str]:
        return production_env(
            STATIC_ROOT=str(self.static_root),
            QUERY_COUNT_HEADER="True",
            SEARCH_RATE_LIMIT="100000000/m",  # the load comes from one address
            **extra,
        )

    def fetch(self, server: Gunicorn, url: str) -> tuple[int, dict[str, str], bytes]:
        with urllib.request.urlopen(server.base_url + url, timeout=300) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()

    def fetch_warm(self, server: Gunicorn, name: str, url: str) -> tuple[int, dict[str, str], bytes]:
        """`fetch` for the warm-up: a 503 from Varnish means its health probe (1 s timeout) found gunicorn too
        slow on a loaded machine and marked it sick for a moment; wait for it rather than lose the run."""
        for attempt in range(5):
            try:
                return self.fetch(server, url)
            except urllib.error.HTTPError as exc:
                if exc.code != 503 or attempt == 4:
                    raise
                self.log(f"  {name}: 503 etuvälimuistista (taustapalvelin hetkellisesti sairas); uusi yritys")
                time.sleep(3)
        raise AssertionError("unreachable")

    def measure(self, server: Gunicorn, name: str, mode: str, url: str, scenario: Scenario | None = None):
        load = None
        if scenario is not None and scenario.prepare is not None:
            load = scenario.prepare(self, server, url)  # warms up with its own requests
            queries = load.queries
        else:
            queries = "–"
            for _ in range(3):  # warm: renditions and the process's own caches
                status, headers, _body = self.fetch_warm(server, name, url)
            if status != 200:
                raise RuntimeError(f"{url} answered {status}")
            if mode == "varnish":
                # From the cache: no query at all (the header is the one stored with the page).
                queries = (
                    "0" if headers.get("X-Cache") == "HIT" else f"{headers.get('X-Cache')}: ei välimuistissa"
                )
            elif mode != "static":
                queries = headers.get("X-Query-Count", "?")
        threads = (scenario and scenario.threads) or self.threads
        connections = (scenario and scenario.connections) or self.connections
        command = [
            self.wrk,
            f"-t{threads}",
            f"-c{connections}",
            f"-d{self.duration}s",
            "--latency",
            "--timeout",
            "10s",
        ]
        if load is not None and load.run is not None:
            # Clients of their own pace (tests/bench/paced.py), not wrk.
            cpu_before = server.cpu_seconds()
            figures, output = load.run(server.base_url, self.duration)
            cpu_after = server.cpu_seconds()
            server.wait_idle()
        else:
            if load is not None:
                command += ["-s", str(self._script(scenario, load.script))]
            cpu_before = server.cpu_seconds()
            completed = subprocess.run(  # noqa: S603
                [*command, server.base_url + url], capture_output=True, text=True, check=True
            )
            output = completed.stdout
            cpu_after = server.cpu_seconds()
            if completed.stderr.strip():  # e.g. an error in a scenario's Lua script
                self.log(f"    wrk: {completed.stderr.strip()[:500]}")
            server.wait_idle()
            figures = parse_wrk(output)
        verdict = load.verify(output) if load is not None and load.verify is not None else None
        result = Result(
            name=name,
            mode=mode,
            url=url,
            requests=figures["requests"],
            rps=figures["rps"],
            p50_ms=figures["p50"],
            p99_ms=figures["p99"],
            cpu_ms=(cpu_after - cpu_before) * 1000 / max(figures["requests"], 1),
            queries=queries,
            errors=figures["errors"] + (verdict.errors if verdict else 0),
            lost=verdict.lost if verdict else None,
        )
        self.log(
            f"  {name:<28} {mode:<9} {result.rps:>9.1f} req/s  p50 {result.p50_ms:6.1f} ms  "
            f"p99 {result.p99_ms:7.1f} ms  CPU {result.cpu_ms:6.2f} ms/req  SQL {queries}"
        )
        if verdict is not None:
            self.log(f"    -t{threads} -c{connections}: {verdict.detail}")
        return result

    def _script(self, scenario: Scenario, text: str) -> Path:
        path = self.workdir / f"{abs(hash(scenario.name))}.lua"
        path.write_text(text)
        return path

    def run(
        self, scenarios: list[Scenario], urls: dict[str, str], extra_env: dict[str, str], freshness=None
    ) -> list[Result]:
        """Uncached against gunicorn, then the cacheable scenarios through Varnish in front of it; each part
        beside a static file served by the same server in the same run. `freshness(front_url, page_urls)`
        runs last, through the same Varnish."""
        results: list[Result] = []
        log_file = self.workdir / "gunicorn.log"
        env = self.server_env(extra=extra_env)
        self.collectstatic(env)
        static_url = "/static/css/valoa.css"
        self.log("Ilman etuvälimuistia (gunicorn suoraan):")
        with Gunicorn(port=self.port, env=env, workers=self.workers, log=log_file) as server:
            baseline = self.measure(server, "Staattinen tiedosto (CSS)", "static", static_url)
            results.append(baseline)
            home_html = self.fetch(server, "/")[2]
            for scenario in scenarios:
                result = self.measure(server, scenario.name, "uncached", urls[scenario.name], scenario)
                result.baseline_rps = baseline.rps
                results.append(result)
        # The home page's HTML as a static file: what a page served without any Python would cost.
        (self.static_root / "bench").mkdir(exist_ok=True)
        (self.static_root / "bench" / "etusivu.html").write_bytes(home_html)
        self.log("Varnishin kautta (deploy/varnish/default.vcl):")
        with (
            Gunicorn(port=self.port, env=env, workers=self.workers, log=log_file) as server,
            Varnish(backends=[("127.0.0.1", server.port)]) as varnish,
        ):
            varnish.wait_healthy()
            front = FrontCache(varnish)
            css = self.measure(front, "Staattinen tiedosto (CSS)", "static", static_url)
            results.append(css)
            # The baseline: the home page's own bytes as a static file, from the same Varnish. (The CSS is
            # stored gzipped, as WhiteNoise sends it, and unzipped for each client that asks for no
            # compression, as wrk does: more work per request than any page.)
            baseline = self.measure(
                front, "Etusivu staattisena tiedostona", "static", "/static/bench/etusivu.html"
            )
            results.append(baseline)
            cacheable = [scenario for scenario in scenarios if scenario.cacheable]
            for scenario in cacheable:
                result = self.measure(front, scenario.name, "varnish", urls[scenario.name], scenario)
                result.baseline_rps = baseline.rps
                results.append(result)
            if freshness is not None:
                self.freshness = freshness(varnish.base_url, [urls[scenario.name] for scenario in cacheable])
        return results


class FrontCache:
    """The Varnish in front of the app server, measured as the runner measures a server: its own CPU."""

    def __init__(self, varnish: Varnish):
        self.varnish = varnish
        self.base_url = varnish.base_url

    def cpu_seconds(self) -> float:
        return self.varnish.cpu_seconds()

    def wait_idle(self) -> None:
        time.sleep(0.5)


def table(results: list[Result], *, header: str, bakery_home_ms: float | None = None) -> str:
    """The results as a Markdown table. `bakery_home_ms`: the CPU ms per request of Wagtail's reference demo's home
    page, measured with shared/bench/bakerydemo.sh in the same window (BENCH_BAKERY_HOME_MS): each uncached
    figure is then also given as a ratio to it (docs/performance.md)."""
    lines = [
        header,
        "",
        "| Sivu | Tila | req/s | suhde staattiseen | p50 ms | p99 ms | CPU ms/pyyntö | × bakerydemo etusivu "
        "| SQL/pyyntö | virheet | kadonneet | tavoite |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        bakery = "–"
        if bakery_home_ms and r.mode == "uncached" and r.cpu_ms:
            bakery = f"{r.cpu_ms / bakery_home_ms:.2f}"
        ratio = "–"
        if r.baseline_rps and r.rps:
            share = r.rps / r.baseline_rps
            ratio = f"{share:.0%}" if share >= 0.1 else f"1/{1 / share:.0f}"
        if r.lost is not None:
            ok = r.p99_ms <= TARGET_WRITE_P99_MS and r.errors == 0 and r.lost == 0
            target = f"{'✓' if ok else '✗'} p99 ≤ {TARGET_WRITE_P99_MS:g} ms, 0 virhettä, 0 kadonnutta"
        elif r.mode == "uncached":
            queries = int(r.queries) if r.queries.isdigit() else 999
            ok = r.cpu_ms <= TARGET_CPU_MS and queries <= TARGET_QUERIES
            target = f"{'✓' if ok else '✗'} ≤ {TARGET_CPU_MS:g} ms, ≤ {TARGET_QUERIES} SQL"
        elif r.mode == "varnish":
            ok = r.baseline_rps and r.rps >= TARGET_FRONT_RATIO * r.baseline_rps and r.errors == 0
            target = f"{'✓' if ok else '✗'} ≥ {TARGET_FRONT_RATIO:.0%} staattisesta"
        else:
            target = "perustaso"
        lines.append(
            f"| {r.name} (`{r.url}`) | {r.mode} | {r.rps:.1f} | {ratio} | {r.p50_ms:.1f} | {r.p99_ms:.1f} | "
            f"{r.cpu_ms:.2f} | {bakery} | {r.queries} | {r.errors} | {'–' if r.lost is None else r.lost} | {target} |"
        )
    return "\n".join(lines) + "\n"


def freshness_table(checks) -> str:
    from tests.bench.freshness import TARGET_SECONDS

    lines = [
        "",
        f"## Tuoreus Varnishin kautta: julkaisu näkyy ≤ {TARGET_SECONDS:g} s jokaisella sivulla, joka näyttää sen",
        "",
        "| Julkaistu | julkaisu s | Sivut, joilla se näkyi: s julkaisun jälkeen | hitain s | tavoite |",
        "|---|---:|---|---:|---|",
    ]
    for check in checks:
        pages = ", ".join(
            f"`{url}` {'–' if seconds is None else f'{seconds:.3f}'}" for url, seconds in check.pages.items()
        )
        worst = "ei näkynyt" if check.worst is None else f"{check.worst:.3f}"
        lines.append(
            f"| {check.name} (`{check.url}`) | {check.publish_seconds:.2f} | {pages} | {worst} | "
            f"{'✓' if check.ok else '✗'} |"
        )
    return "\n".join(lines) + "\n"


def write_results(text: str) -> Path:
    directory = Path(settings.BASE_DIR) / "var" / "bench"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"results-{datetime.datetime.now(datetime.UTC):%Y%m%dT%H%M%SZ}.md"
    path.write_text(text)
    return path
