"""Backups that a restore has proven: a consistent `pg_dump -Fc` of the database plus the media files, and a
manifest with their SHA-256 checksums. Used by `manage.py backup` and `manage.py restore` (docs/deploy.md).

pg_dump reads the whole database in one repeatable-read snapshot, so the dump is consistent while the site
keeps serving and saving. Media files are only ever added (Wagtail never rewrites a stored file), so a copy
taken after the dump holds every file the dump refers to.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import dj_database_url

DUMP_NAME = "database.dump"
MEDIA_NAME = "media.tar.gz"
MANIFEST_NAME = "manifest.json"
FORMAT_VERSION = 1


class BackupError(Exception):
    pass


def _pg_env(db: dict) -> dict[str, str]:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db: dict) -> list[str]:
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return args


def _tool(name: str) -> str:
    path = shutil.which(name, path=os.environ.get("PG_BIN", "") + os.pathsep + os.environ.get("PATH", ""))
    if not path:
        raise BackupError(f"{name} puuttuu: asenna PostgreSQL-asiakasohjelmat tai aseta PG_BIN.")
    return path


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} epäonnistui: {result.stderr.strip()[-2000:]}")


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def backup_create(*, db: dict, media_root: Path, output: Path) -> Path:
    """Write a new backup directory under `output`; returns it."""
    if not db["ENGINE"].endswith("postgresql"):
        raise BackupError("Varmuuskopio tehdään PostgreSQL-tietokannasta (DATABASE_URL=postgres://…).")
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = output / f"valoa-{stamp}"
    target.mkdir(parents=True, exist_ok=False)
    dump = target / DUMP_NAME
    _run(
        [
            _tool("pg_dump"),
            *_pg_args(db),
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={dump}",
            str(db["NAME"]),
        ],
        _pg_env(db),
    )
    media = target / MEDIA_NAME
    with tarfile.open(media, "w:gz") as archive:
        if media_root.is_dir():
            archive.add(media_root, arcname="media")
    files = {
        name: {"sha256": sha256(target / name), "bytes": (target / name).stat().st_size}
        for name in (DUMP_NAME, MEDIA_NAME)
    }
    manifest = {
        "format": FORMAT_VERSION,
        "created": stamp,
        "database": str(db["NAME"]),
        "media_files": sum(1 for p in media_root.rglob("*") if p.is_file()) if media_root.is_dir() else 0,
        "files": files,
    }
    (target / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2) + "\n")
    return target


def backup_verify(source: Path) -> dict:
    """The manifest, after checking every file against its checksum."""
    manifest_path = source / MANIFEST_NAME
    if not manifest_path.is_file():
        raise BackupError(f"{manifest_path} puuttuu: tämä ei ole VALOAn varmuuskopio.")
    manifest = json.loads(manifest_path.read_text())
    for name, expected in manifest["files"].items():
        path = source / name
        if not path.is_file() or sha256(path) != expected["sha256"]:
            raise BackupError(f"{name}: tarkistussumma ei täsmää, varmuuskopio on vioittunut.")
    return manifest


def backup_restore(*, source: Path, database_url: str, media_root: Path) -> dict:
    """Restore into a new database (created here; refused if it exists) and an empty media directory."""
    manifest = backup_verify(source)
    db = dj_database_url.parse(database_url)
    if media_root.exists() and any(media_root.iterdir()):
        raise BackupError(f"{media_root} ei ole tyhjä: palauta tyhjään hakemistoon.")
    env = _pg_env(db)
    # createdb refuses an existing database: a restore never mixes with live data.
    _run([_tool("createdb"), *_pg_args(db), "--encoding=UTF8", "--template=template0", str(db["NAME"])], env)
    _run(
        [
            _tool("pg_restore"),
            *_pg_args(db),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={db['NAME']}",
            str(source / DUMP_NAME),
        ],
        env,
    )
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / MEDIA_NAME, "r:gz") as archive:
        for member in archive.getmembers():
            if not member.name.startswith("media/"):
                continue  # the top directory itself, or nothing of ours
            member.name = member.name.removeprefix("media/")
            if member.name:
                archive.extract(member, media_root, filter="data")  # "data" refuses ../ and absolute paths
    return manifest
