"""Clients that each keep their own pace: the benchmark's load for "at the autosave pace" scenarios.

wrk sends every connection's first request in the same instant and times only what follows: 30 teams then
arrive as one burst of 30 requests on a freshly started server, and in an 8-second run at the autosave pace
(about 200 requests) that one burst was the whole p99 (450–500 ms, where the steady state is a tenth of it).
Thirty teams autosaving do not start in one instant. Here each client is a thread with a keep-alive connection
of its own, opened after a random part of the pause, and then waits the pause (spread ±50 %, as the page's
autosave is) after each answer before its next request, until the duration ends. Latency is the time from
sending a request to reading its whole response.

`step(client, connection)` makes one request and returns its HTTP status; it keeps the client's own state
(e.g. the version its last save returned). The output imitates the figures the runner reads from wrk.
"""

from __future__ import annotations

import http.client
import random
import statistics
import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit


def run(
    base_url: str,
    clients: list[dict],
    step: Callable[[dict, http.client.HTTPConnection], int],
    *,
    pause_ms: int,
    duration: float,
) -> dict:
    """Run every client for `duration` seconds; returns requests, rps, p50, p99 (ms) and errors (non-2xx,
    connection errors)."""
    address = urlsplit(base_url)
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    started = time.monotonic()
    deadline = started + duration

    def client_loop(client: dict, seed: int) -> None:
        pace = random.Random(seed)
        time.sleep(pace.random() * pause_ms / 1000)
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        try:
            while time.monotonic() < deadline:
                sent = time.monotonic()
                try:
                    status = step(client, connection)
                except (OSError, http.client.HTTPException):
                    status = 0
                    connection.close()  # the next request opens a new connection
                took = (time.monotonic() - sent) * 1000
                with lock:
                    latencies.append(took)
                    if not 200 <= status < 400:
                        errors[0] += 1
                time.sleep(pause_ms * (0.5 + pace.random()) / 1000)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=client_loop, args=(client, number), daemon=True)
        for number, client in enumerate(clients, start=1)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(duration + 60)
    elapsed = time.monotonic() - started
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "rps": len(ordered) / elapsed if elapsed else 0.0,
        "p50": statistics.median(ordered) if ordered else 0.0,
        "p99": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] if ordered else 0.0,
        "errors": errors[0],
    }
