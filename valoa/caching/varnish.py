"""The site-specific part of the front cache's VCL (deploy/varnish/default.vcl includes it).

`render_backends()` writes the app servers as backends with a health probe on /health/ready (the database
alone: the site keeps serving without Redis, so a Redis outage must not take the app servers out of
rotation), a round-robin director `app` over them, and the ACL of addresses allowed to PURGE and BAN.
Production writes it with `manage.py varnish_backends`; the tests, `make bench` and `make scale-check`
with tests/bench/varnish.py.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

PROBE_PATH = "/health/ready?check=database"


@dataclass(frozen=True)
class Backend:
    host: str
    port: int


def parse_backend(value: str) -> Backend:
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit():
        raise ValueError(f"host:port expected, got {value!r}")
    return Backend(host.strip("[]"), int(port))


def _vcl_string(value: str) -> str:
    if any(char in value for char in '"\n\r{}') or not value.isprintable():
        raise ValueError(f"not usable in VCL: {value!r}")
    return f'"{value}"'


def _acl_entry(value: str) -> str:
    network = ipaddress.ip_network(value, strict=False)  # refuses anything that is not an address/network
    if network.num_addresses == 1:
        return f'    "{network.network_address}";'
    return f'    "{network.network_address}"/{network.prefixlen};'


def render_backends(
    *,
    backends: list[Backend],
    purgers: list[str],
    probe_host: str,
    probe_interval: float = 2.0,
    first_byte_timeout: float = 60.0,
    live_backends: list[Backend] | None = None,
) -> str:
    """The backends file; `live_backends` serve the meeting room's live channel (/live/, the ASGI servers of
    docs/deploy.md); without them the app servers serve it too (one server, as `make run`)."""
    if not backends:
        raise ValueError("at least one backend")
    live_backends = live_backends or []
    lines = [
        "# Written by `manage.py varnish_backends` (valoa/caching/varnish.py); included by default.vcl.",
        "",
    ]
    named = [(f"app{n}", backend) for n, backend in enumerate(backends, start=1)]
    named += [(f"live{n}", backend) for n, backend in enumerate(live_backends, start=1)]
    for name, backend in named:
        lines += [
            f"backend {name} {{",
            f"    .host = {_vcl_string(backend.host)};",
            f'    .port = "{int(backend.port)}";',
            "    .connect_timeout = 2s;",
            f"    .first_byte_timeout = {first_byte_timeout:g}s;",
            "    .probe = {",
            "        .request =",
            f'            "GET {PROBE_PATH} HTTP/1.1"',
            f"            {_vcl_string('Host: ' + probe_host)}",
            '            "User-Agent: varnish-probe"',
            '            "Connection: close";',
            f"        .interval = {probe_interval:g}s;",
            f"        .timeout = {max(probe_interval, 1.0):g}s;",
            "        .window = 3;",
            "        .threshold = 2;",
            "        .initial = 2;",
            "    }",
            "}",
            "",
        ]
    lines += ["acl purgers {", *[_acl_entry(address) for address in purgers], "}", ""]
    lines += ["sub vcl_init {", "    new app = directors.round_robin();"]
    lines += [f"    app.add_backend(app{n});" for n in range(1, len(backends) + 1)]
    lines += ["    new live = directors.round_robin();"]
    live_names = [f"live{n}" for n in range(1, len(live_backends) + 1)] or [
        f"app{n}" for n in range(1, len(backends) + 1)
    ]
    lines += [f"    live.add_backend({name});" for name in live_names]
    lines += ["}", ""]
    return "\n".join(lines)
