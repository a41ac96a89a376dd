"""Start and stop a Varnish of our own with deploy/varnish/default.vcl, for the tests, the benchmark and the
scale check: a free port, its own work directory (`-n`), in the foreground so that stopping it stops exactly it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

from valoa.caching.varnish import Backend, render_backends

VCL = Path(settings.BASE_DIR) / "deploy" / "varnish" / "default.vcl"


def varnishd_path() -> str | None:
    return shutil.which("varnishd") or ("/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Varnish:
    def __init__(
        self,
        *,
        backends: list[tuple[str, int]],
        purgers: tuple[str, ...] = ("127.0.0.1",),
        probe_host: str = "127.0.0.1",
        probe_interval: float = 1.0,
        memory: str = "256m",
        threads: int | None = None,
    ):
        self.backends = [Backend(host, port) for host, port in backends]
        self.purgers = list(purgers)
        self.probe_host = probe_host
        self.probe_interval = probe_interval
        self.memory = memory
        self.threads = threads
        self.port: int | None = None
        self.workdir: Path | None = None
        self.process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30) -> Varnish:
        varnishd = varnishd_path()
        if varnishd is None:
            raise RuntimeError("varnishd is missing: apt-get install varnish")
        self.workdir = Path(tempfile.mkdtemp(prefix="valoa-varnish-"))
        # varnishd compiles the VCL as its own unprivileged user: the folder and files must be readable.
        self.workdir.chmod(0o755)
        vcl = self.workdir / "default.vcl"
        shutil.copyfile(VCL, vcl)
        (self.workdir / "valoa-backends.vcl").write_text(
            render_backends(
                backends=self.backends,
                purgers=self.purgers,
                probe_host=self.probe_host,
                probe_interval=self.probe_interval,
                first_byte_timeout=300,
            )
        )
        for path in self.workdir.iterdir():
            path.chmod(0o644)
        self.port = free_port()
        command = [
            varnishd,
            "-F",
            "-a",
            f"127.0.0.1:{self.port}",
            "-f",
            str(vcl),
            "-n",
            str(self.workdir / "n"),
            "-p",
            f"vcl_path={self.workdir}",
            "-s",
            f"malloc,{self.memory}",
        ]
        if self.threads:
            command += ["-p", f"thread_pool_min={self.threads}"]
        self.log = self.workdir / "varnishd.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"varnishd exited: {self.log.read_text()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("varnishd did not start listening")

    def wait_healthy(self, path: str = "/robots.txt", timeout: float = 30) -> None:
        """Until a request through Varnish reaches an app server (the probe has seen it healthy)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base_url + path, timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        raise RuntimeError(f"no healthy app server behind Varnish on {self.base_url}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def cpu_seconds(self) -> float:
        """User + system CPU of varnishd's manager and its cache child (for the benchmark)."""
        total = 0
        pids = [self.process.pid]
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid:
                    pids.append(int(entry.name))
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])
        return total / os.sysconf("SC_CLK_TCK")

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
