"""Admin login lockouts by account and address together, counted by django-axes in the database.

Five failures (a wrong password, or a wrong code in the two-factor step) for one account from one address lock
that account from that address (AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]): an editor's typos
never lock the colleagues behind the same office address, nor the editor from another address.

Against password spraying (a few passwords tried on many accounts from one address) LockoutHandler, axes'
database handler with one addition, also locks a whole address once its failures on all accounts together
reach LOGIN_ADDRESS_FAILURE_LIMIT (much higher: an office of editors does not get there by typos).

Administrators see the current lockouts and release them in the admin (lockouts_admin.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_credentials, get_failure_limit
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db.models import Sum
from django.utils import timezone

from valoa.security.client_address import client_address

logger = logging.getLogger(__name__)


def address_failures(address: str, *, since: datetime) -> int:
    """Failures on any account from `address` since `since`."""
    total = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since).aggregate(
        total=Sum("failures_since_start")
    )["total"]
    return total or 0


class LockoutHandler(AxesDatabaseHandler):
    """AXES_HANDLER: axes' database handler; besides the account-and-address count it locks an address whose
    failures on all accounts together reach LOGIN_ADDRESS_FAILURE_LIMIT within the cool-off time."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        failures = super().get_failures(request, credentials)
        limit = get_failure_limit(request, credentials)
        if failures < limit:
            since = get_cool_off_threshold(request)
            if address_failures(request.axes_ip_address, since=since) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
                return limit
        return failures


# --- Services --------------------------------------------------------------------------------------------
def login_failure_record(request, *, username: str) -> None:
    """Count a failure of `username` from this request's address, as a wrong password counts (axes listens to
    Django's user_login_failed signal)."""
    user_login_failed.send(sender=__name__, credentials=get_credentials(username), request=request)


def sign_in_completed(request, *, username: str) -> None:
    """Clear the account's failures from this address once the whole sign-in succeeded (password, and the
    code when two-factor is on). Axes' own reset on success (AXES_RESET_ON_SUCCESS) is off: it would clear the
    count at the password, and wrong codes could then be guessed four at a time for ever."""
    reset(ip=client_address(request), username=username)


def lockout_release(*, address: str, username: str | None = None) -> int:
    """Release a lockout: `username` from `address`, or (without a username) everything from `address`."""
    count = reset(ip=address, username=username) if username else reset(ip=address)
    logger.info("Admin login lockout released: %s from %s (%d records).", username or "*", address, count)
    return count


# --- Selectors --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Lockout:
    username: str | None  # None: the whole address (LOGIN_ADDRESS_FAILURE_LIMIT)
    address: str
    failures: int
    last_failure: datetime
    expires_at: datetime


def _lockout(username, address, rows, limit, cool_off) -> Lockout | None:
    """The lockout of these rows (one per browser), if their failures reach `limit`. It ends when enough of the
    oldest rows have fallen out of the cool-off window for the rest to be under the limit."""
    rows = sorted(rows, key=lambda row: row[1])
    total = sum(failures for failures, _time in rows)
    if total < limit:
        return None
    remaining = total
    for failures, attempt_time in rows:
        remaining -= failures
        if remaining < limit:
            expires_at = attempt_time + cool_off
            break
    return Lockout(username, address, total, rows[-1][1], expires_at)


def current_lockouts() -> list[Lockout]:
    """Accounts locked from an address, and whole addresses locked, now; the latest first."""
    cool_off = settings.AXES_COOLOFF_TIME
    rows = AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - cool_off).values_list(
        "username", "ip_address", "failures_since_start", "attempt_time"
    )
    by_account: dict[tuple, list] = {}
    by_address: dict[str, list] = {}
    for username, address, failures, attempt_time in rows:
        by_account.setdefault((username, address), []).append((failures, attempt_time))
        by_address.setdefault(address, []).append((failures, attempt_time))
    lockouts = [
        _lockout(username, address, found, settings.AXES_FAILURE_LIMIT, cool_off)
        for (username, address), found in by_account.items()
        if username is not None  # a form posted without a username: no account to release
    ] + [
        _lockout(None, address, found, settings.LOGIN_ADDRESS_FAILURE_LIMIT, cool_off)
        for address, found in by_address.items()
    ]
    return sorted(
        (lockout for lockout in lockouts if lockout is not None),
        key=lambda lockout: lockout.last_failure,
        reverse=True,
    )
