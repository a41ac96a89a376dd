"""Keep team links out of the logs: a 404 or 409 under /tiimi/ would otherwise log the secret token."""

import logging
import re

TEAM_TOKEN_IN_PATH = re.compile(r"(/tiimi/)(?!aloita/|poistettu/)[^/\s?#]+")
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
