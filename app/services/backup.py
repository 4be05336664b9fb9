"""Backing up and restoring the local database file."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from app.db import backup_database, head_revision, prune_backups
from app.errors import CommDeskError
from app.i18n import Message


def back_up(database: Path, destination: Path) -> Path:
    return backup_database(database, destination)


def verify_backup(candidate: Path) -> str:
    """Check that ``candidate`` is a sound CommDesk database this version can open; returns its revision."""
    if not candidate.is_file():
        raise CommDeskError(
            Message(f"Không tìm thấy tệp {candidate}.", f"The file {candidate} does not exist.")
        )
    try:
        connection = sqlite3.connect(f"file:{candidate}?mode=ro", uri=True)
        try:
            status = connection.execute("PRAGMA integrity_check").fetchone()[0]
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise CommDeskError(
            Message(
                f"Tệp {candidate.name} không phải cơ sở dữ liệu CommDesk hợp lệ ({exc}).",
                f"{candidate.name} is not a valid CommDesk database ({exc}).",
            )
        ) from exc
    if status != "ok":
        raise CommDeskError(
            Message(f"Tệp {candidate.name} bị hỏng: {status}.", f"{candidate.name} is damaged: {status}.")
        )
    if revision is None:
        raise CommDeskError(
            Message(
                f"Tệp {candidate.name} không có phiên bản dữ liệu.",
                f"{candidate.name} has no schema version.",
            )
        )
    from alembic.script import ScriptDirectory

    from app.db import alembic_config

    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if revision[0] not in known:
        raise CommDeskError(
            Message(
                f"Tệp {candidate.name} do phiên bản CommDesk mới hơn tạo ra.",
                f"{candidate.name} was made by a newer version of CommDesk.",
            )
        )
    return str(revision[0])


def restore(candidate: Path, database: Path, backups: Path) -> Path:
    """Replace the database with ``candidate`` after checking it; the current data is backed up first.

    Returns the safety copy of the data that was replaced. The app must not hold the database
    open while this runs; it is migrated to the current schema the next time it is opened.
    """
    verify_backup(candidate)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    safety = (
        backup_database(database, backups / f"pre-restore-{stamp}.sqlite3") if database.exists() else database
    )
    prune_backups(backups, "pre-restore-*.sqlite3")
    source = sqlite3.connect(f"file:{candidate}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(database)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    return safety


def is_current(candidate: Path) -> bool:
    return verify_backup(candidate) == head_revision()
