"""`manage.py backup` → `manage.py restore` into a new database: the restored site is the same site.

PostgreSQL only (pg_dump/pg_restore). The team data is committed (a transactional test) so that pg_dump,
which reads committed data like any other client, sees it. The original and the restored database are each
served by gunicorn, and their pages compared; the answers, ratings and the moderation queue are compared
row by row.
"""

import io
import re
import uuid

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from feedback.models import Submission
from tests.factories.assessment import (
    AssessmentRatingFactory,
    AssessmentResponseFactory,
    AssessmentRoundFactory,
)
from tests.factories.team import WorkbookAnswerFactory, WorkbookSessionFactory
from tests.ops.servers import Gunicorn, fetch
from toolkit.models import AssessmentPage, AssessmentRound, TeamSpace, WorkbookPage

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Per request: CSP nonces and CSRF tokens. Per server: the names of image renditions made after the backup
# (each server makes its own on first view, with a random suffix); their originals are compared by serving;
# and the address a team page's absolute language links name (each server listens on its own port).
VOLATILE = re.compile(
    r'(nonce|name="csrfmiddlewaretoken" value)="[^"]*"|/media/images/[^"\s,]+|http://127\.0\.0\.1:\d+'
)


def _rows(url: str, sql: str) -> list[tuple]:
    with psycopg.connect(url) as conn:
        return conn.execute(sql).fetchall()


def _team_data():
    space = TeamSpace.objects.create(name="Palvelutiimi")
    session = WorkbookSessionFactory(space=space, number=1)
    sections = WorkbookPage.objects.get().sections.raw_data
    first, second = [q["value"]["key"] for section in sections for q in section["value"]["questions"]][:2]
    WorkbookAnswerFactory(session=session, question_key=first, text="Palaverit venyvät, ääni jakautuu.")
    WorkbookAnswerFactory(
        session=session, question_key=second, text="Kokeillaan puheenvuorokierrosta.", version=3
    )
    round_ = AssessmentRoundFactory(
        space=space,
        page=AssessmentPage.objects.get(slug="tiimin-arviointi"),
        mode=AssessmentRound.Mode.CONSENSUS,
    )
    response = AssessmentResponseFactory(round=round_)
    for key, value in (("kuuntelemme", 3), ("kokeilemme", 1)):
        AssessmentRatingFactory(response=response, statement_key=key, value=value)
    return space, round_


def test_a_backup_restores_into_a_new_database_as_the_same_site(tmp_path, demo_site):
    space, round_ = _team_data()
    assert Submission.objects.pending().exists()  # the demo's moderation queue has work in it

    out = io.StringIO()
    call_command("backup", "--output", str(tmp_path / "backups"), stdout=out)
    backup_dir = next((tmp_path / "backups").iterdir())
    assert {p.name for p in backup_dir.iterdir()} == {"database.dump", "media.tar.gz", "manifest.json"}

    db = connection.settings_dict
    original_url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    restored_name = f"valoa_restore_{uuid.uuid4().hex[:8]}"
    restored_url = original_url.rsplit("/", 1)[0] + "/" + restored_name
    restored_var = tmp_path / "restored-var"
    try:
        call_command(
            "restore",
            str(backup_dir),
            "--database-url",
            restored_url,
            "--media-root",
            str(restored_var / "test-media"),
            stdout=out,
        )
        queries = {
            "answers": "SELECT question_key, text, version FROM toolkit_workbookanswer ORDER BY question_key",
            "ratings": "SELECT statement_key, value FROM toolkit_assessmentrating ORDER BY statement_key",
            "queue": "SELECT id, kind, state, text FROM feedback_submission WHERE state = 'pending' ORDER BY id",
            "pages": "SELECT id, url_path, title, live FROM wagtailcore_page ORDER BY id",
        }
        for name, sql in queries.items():
            assert _rows(restored_url, sql) == _rows(original_url, sql), name
        assert ("Kokeillaan puheenvuorokierrosta.", 3) in [
            row[1:] for row in _rows(restored_url, queries["answers"])
        ]

        paths = [
            "/",
            "/tyokalut/",
            "/innostu/",
            f"/tiimi/{space.token}/",
            f"/tiimi/{space.token}/tyokirja/1/",
            f"/tiimi/{space.token}/arviointi/{round_.pk}/",
        ]
        env = {"DJANGO_SETTINGS_MODULE": "valoa.settings.test", "REDIS_URL": "", "SERVE_MEDIA": "1"}
        pages = {}
        with (
            Gunicorn(
                {**env, "DATABASE_URL": original_url, "VALOA_VAR_DIR": str(settings.VAR_DIR)}
            ) as original,
            Gunicorn({**env, "DATABASE_URL": restored_url, "VALOA_VAR_DIR": str(restored_var)}) as restored,
        ):
            for path in paths:
                a, b = fetch(original.url + path), fetch(restored.url + path)
                assert a[0] == b[0] == 200, (path, a[0], b[0])
                assert VOLATILE.sub("", a[2]) == VOLATILE.sub("", b[2]), path
                pages[path] = b[2]
            # The media came back too: every image the stories page shows is served by the restored site.
            images = set(re.findall(r'src="(/media/[^"]+)"', pages["/innostu/"]))
            assert images
            assert all(fetch(restored.url + src)[0] == 200 for src in images)
        assert "Palaverit venyvät" in pages[f"/tiimi/{space.token}/tyokirja/1/"]
    finally:
        with psycopg.connect(original_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{restored_name}" WITH (FORCE)')


def test_a_damaged_backup_is_refused(tmp_path, demo_site):
    from django.core.management.base import CommandError

    call_command("backup", "--output", str(tmp_path), stdout=io.StringIO())
    backup_dir = next(tmp_path.iterdir())
    with (backup_dir / "database.dump").open("ab") as dump:
        dump.write(b"x")
    with pytest.raises(CommandError, match="tarkistussumma"):
        call_command(
            "restore",
            str(backup_dir),
            "--database-url",
            "postgres://postgres@127.0.0.1/ei_luoda",
            "--media-root",
            str(tmp_path / "m"),
            stdout=io.StringIO(),
        )
