"""Logging helpers: keep teams' secret link tokens out of log files."""

import logging
import re

# /tiimi/<token>/ and /tiimi/vastaa/<token>/: the token is the team's secret (43 URL-safe characters).
TOKEN_IN_PATH = re.compile(r"(/tiimi/(?:vastaa/)?)[A-Za-z0-9_-]{20,}")


def redact(text: str) -> str:
    return TOKEN_IN_PATH.sub(r"\1<token>", text)


class RedactTeamTokens(logging.Filter):
    """Django logs the path of every 4xx/5xx response ("Not Found: /tiimi/<token>/"): redact the token."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True
