import logging

from valoa.operations.logging import RedactTeamTokensFilter, redact

TOKEN = "Abc_def-GHIjklmnopqrstuvwxyz0123456789ABCDE"


def test_team_tokens_are_redacted_from_log_messages():
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", (f"/tiimi/{TOKEN}/",), None
    )
    assert RedactTeamTokensFilter().filter(record) is True
    assert record.getMessage() == "Not Found: /tiimi/<tunnus>/"
    assert redact(f"GET /tiimi/vastaa/{TOKEN}/ 200") == "GET /tiimi/vastaa/<tunnus>/ 200"
    assert redact("/tiimi/arviointi/aloita/3/") == "/tiimi/arviointi/aloita/3/"
    assert redact("/tyokalut/kokeilukortti/") == "/tyokalut/kokeilukortti/"


def test_the_live_channels_paths_are_redacted_as_uvicorn_logs_them():
    # uvicorn.error: '%s - "WebSocket %s" [accepted]' with the client and the path as arguments.
    record = logging.LogRecord(
        "uvicorn.error",
        logging.INFO,
        __file__,
        1,
        '%s - "WebSocket %s" %s',
        ("127.0.0.1:5000", f"/live/tiimi/{TOKEN}/", "[accepted]"),
        None,
    )
    logging.getLogger("uvicorn.error").filters[0].filter(record)
    assert record.getMessage() == '127.0.0.1:5000 - "WebSocket /live/tiimi/<tunnus>/" [accepted]'
    assert redact(f"WebSocket /live/vastaa/{TOKEN}/ 403") == "WebSocket /live/vastaa/<tunnus>/ 403"
