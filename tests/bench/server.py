"""Start and stop gunicorn with the production settings on loopback, for the benchmark and the scale check."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings


class Gunicorn:
    # The app servers by default; the live servers (tests/bench/commands/live.py) name their own config file,
    # which sets the ASGI application and uvicorn's worker.
    config = "gunicorn.conf.py"
    probe_path = "/robots.txt"

    def __init__(self, *, port: int, env: dict[str, str], workers: int = 4, log: Path | None = None):
        self.port = port
        self.env = env
        self.workers = workers
        self.log = log
        self.process: subprocess.Popen | None = None

    def command_options(self) -> list[str]:
        if os.environ.get("BENCH_WORKER_CLASS") == "uvicorn":
            # The pages through the ASGI application, as `make run` serves them (issue 25: the public pages'
            # throughput and CPU on this path beside the WSGI workers production keeps for them).
            return [
                "valoa.asgi:application",
                "--worker-class",
                "uvicorn_worker.UvicornWorker",
                "--timeout",
                "300",
            ]
        return [
            "valoa.wsgi:application",
            # BENCH_WORKER_CLASS=gthread (with BENCH_THREADS) measures threaded workers, which do not block
            # on a client's idle keep-alive connection as sync workers do (docs/performance.md);
            # BENCH_WORKER_CLASS=uvicorn the ASGI application (above).
            "--worker-class",
            os.environ.get("BENCH_WORKER_CLASS", "sync"),
            "--threads",
            os.environ.get("BENCH_THREADS", "1"),
            "--timeout",
            "300",  # a slow page under load must not get its worker killed mid-measurement
        ]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> Gunicorn:
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        command = [
            gunicorn,
            "-c",
            str(settings.BASE_DIR / "deploy" / self.config),
            *self.command_options(),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--log-level",
            "warning",
            "--chdir",
            str(settings.BASE_DIR),
        ]
        out = open(self.log, "ab") if self.log else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(command, env=self.env, stdout=out, stderr=subprocess.STDOUT)  # noqa: S603
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {self.log}")
            try:
                urllib.request.urlopen(f"{self.base_url}{self.probe_path}", timeout=5)  # noqa: S310
                if len(self.worker_pids()) >= self.workers:
                    return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer on {self.base_url}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def worker_pids(self) -> list[int]:
        master = self.process.pid
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == master:
                pids.append(int(entry.name))
        return pids

    def wait_idle(self, timeout: float = 90) -> None:
        """Let the workers finish requests a load generator left queued, before the next measurement."""
        deadline = time.monotonic() + timeout
        last = self.cpu_seconds()
        while time.monotonic() < deadline:
            time.sleep(0.5)
            now = self.cpu_seconds()
            if now - last < 0.05:
                return
            last = now

    def cpu_seconds(self) -> float:
        """User + system CPU time of the master and its workers so far."""
        total = 0
        for pid in [self.process.pid, *self.worker_pids()]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])
        return total / os.sysconf("SC_CLK_TCK")


def production_env(**extra: str) -> dict[str, str]:
    """The environment of a production app server on loopback (plain HTTP, so no SSL redirect)."""
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "valoa.settings.production",
            "SECRET_KEY": env.get("SECRET_KEY") or "bench-only-" + "k" * 50,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "False",
        }
    )
    env.update(extra)
    return env
