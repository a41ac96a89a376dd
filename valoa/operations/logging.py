"""Logging helpers: keep teams' secret link tokens out of log files.

Django logs the path of every 4xx/5xx response ("Not Found: /tiimi/<token>/", "/sv/tiimi/<token>/"); a team
link, or an assessment round's respondent link, must never end up in a log file, whatever its language.
"""

import logging
import re

from valoa.private_paths import TEAM_PREFIXES

# <team prefix><token>/… and <team prefix>vastaa/<round token>/, the team prefix in any language
# (valoa/private_paths.py; the longest first); the fixed, non-secret paths stay readable.
_TEAM_PREFIX = "|".join(re.escape(prefix) for prefix in sorted(TEAM_PREFIXES, key=len, reverse=True))
# The live channel's paths (/live/tiimi/<token>/, /live/vastaa/<round token>/: valoa/live/) hold them too.
TEAM_TOKEN_IN_PATH = re.compile(
    rf"((?:{_TEAM_PREFIX}|/live/vastaa/)(?:vastaa/)?)(?!aloita/|poistettu/|arviointi/|itsearviointi/)[^/\s?#]+"
)
REDACTED = r"\1<tunnus>"


def redact(value):
    return TEAM_TOKEN_IN_PATH.sub(REDACTED, value) if isinstance(value, str) else value


class RedactTeamTokensFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: redact(arg) for key, arg in record.args.items()}
        return True
