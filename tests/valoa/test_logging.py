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
