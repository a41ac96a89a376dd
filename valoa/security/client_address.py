"""The visitor's IP address, read one way for every rate limit and for the feedback client hash.

Behind a load balancer `REMOTE_ADDR` is the balancer's, and behind a proxy on a unix socket it is empty
(django-ratelimit would then raise ImproperlyConfigured: a 500 for every visitor). `CLIENT_IP_HEADER`
names the request header the balancer sets (e.g. `HTTP_X_REAL_IP`, or `HTTP_X_FORWARDED_FOR`, of which the
last address is the one our own balancer appended; earlier ones are the client's to forge).
"""

from __future__ import annotations

import ipaddress
import logging

from django.conf import settings

logger = logging.getLogger(__name__)

# Every client without a readable address shares this one: a misconfiguration limits them together
# rather than failing every request.
UNKNOWN_ADDRESS = "0.0.0.0"  # noqa: S104 - a placeholder value, never bound to


def _valid(value: str) -> str:
    value = value.strip()
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return ""


def client_address(request) -> str:
    """The client's IP address as a normalised string; UNKNOWN_ADDRESS when none can be read."""
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    raw = request.META.get(header, "") if header else ""
    if raw and (address := _valid(raw.rsplit(",", 1)[-1])):
        return address
    if address := _valid(request.META.get("REMOTE_ADDR", "")):
        return address
    logger.warning("No client address in the request: set CLIENT_IP_HEADER (docs/deploy.md).")
    return UNKNOWN_ADDRESS
