"""Backing up and restoring the local database file."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.db import backup_database, head_revision, prune_backups
from app.errors import CommDeskError
from app.i18n import Message
from app.paths import backup_dir

if TYPE_CHECKING:
    from app.services import Services

log = logging.getLogger(__name__)

# Backups taken by the daily timer and by "Back up now"; pre-migration-* and pre-restore-*
# copies are kept separately, so the daily rotation never removes them.
BACKUP_PREFIX = "commdesk-"
BACKUP_PATTERN = f"{BACKUP_PREFIX}*.sqlite3"
STAMP_FORMAT = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    size: int


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
    safety = database
    if database.exists():
        try:
            safety = backup_database(database, backups / f"pre-restore-{stamp}.sqlite3")
        except sqlite3.DatabaseError:
            # The current file is too damaged to copy page by page: keep it whole, beside the backups.
            safety = _move_aside(database, backups / f"damaged-{stamp}.sqlite3")
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


def _move_aside(database: Path, destination: Path) -> Path:
    destination.parent.mkdir(parents=True, exist_ok=True)
    database.replace(destination)
    for suffix in ("-wal", "-shm"):
        companion = database.with_name(database.name + suffix)
        if companion.exists():
            companion.replace(destination.with_name(destination.name + suffix))
    log.warning("damaged database moved to %s", destination)
    return destination


def backup_folder(services: Services) -> Path:
    """The folder chosen in Settings, else the data folder's ``backups``."""
    chosen = services.preferences.get("backup.folder")
    if chosen:
        folder = Path(chosen).expanduser()
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return backup_dir(services.db.path.parent)


def list_backups(folder: Path) -> list[BackupFile]:
    """Every database copy in ``folder`` (daily, manual, before migrations and restores), newest first."""
    found = []
    for path in folder.glob("*.sqlite3"):
        try:
            stat = path.stat()
        except OSError:
            continue
        found.append(BackupFile(path, datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def _taken_on(path: Path) -> datetime | None:
    try:
        return datetime.strptime(path.stem.removeprefix(BACKUP_PREFIX)[:15], STAMP_FORMAT)
    except ValueError:
        return None


def back_up_now(services: Services, now: datetime | None = None) -> Path:
    """Copy the open database into the backup folder and keep the newest ``backup.keep`` copies."""
    folder = backup_folder(services)
    moment = now or datetime.now()
    target = folder / f"{BACKUP_PREFIX}{moment.strftime(STAMP_FORMAT)}.sqlite3"
    partial = target.with_name(target.name + ".part")
    backup_database(services.db.path, partial)
    partial.replace(target)  # a half-written copy never looks like a backup
    prune_backups(folder, BACKUP_PATTERN, int(services.preferences.get("backup.keep")))
    log.info("backup written to %s", target)
    return target


def last_backup(services: Services) -> datetime | None:
    stamps = [s for s in (_taken_on(p) for p in backup_folder(services).glob(BACKUP_PATTERN)) if s]
    return max(stamps, default=None)


def daily_backup(services: Services, now: datetime | None = None) -> Path | None:
    """Back up unless daily backups are off or one was already taken today."""
    if not services.preferences.get("backup.daily"):
        return None
    moment = now or datetime.now()
    latest = last_backup(services)
    if latest is not None and latest.date() >= moment.date():
        return None
    return back_up_now(services, moment)
