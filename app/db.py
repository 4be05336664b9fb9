"""The local SQLite database: engine set-up, migrations at start-up, sessions, backups."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import URL, Connection, Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from app.errors import DatabaseTooNew, DatabaseUnavailable
from app.i18n import Message
from app.text import fold, fts_key, sort_key

if TYPE_CHECKING:  # Alembic is imported only when a migration has to run: it slows start-up.
    from alembic.config import Config

BACKUPS_KEPT = 5
BUSY_TIMEOUT_MS = 10_000
# Rows sampled per index by ANALYZE: enough for the planner, quick even on ten years of data.
ANALYSIS_LIMIT = 1000


def _register_functions(dbapi_connection: sqlite3.Connection) -> None:
    dbapi_connection.create_function("fold", 1, fold, deterministic=True)
    dbapi_connection.create_function("fts_key", 1, fts_key, deterministic=True)
    # For ORDER BY only, never in the schema: other connections must still read the file.
    dbapi_connection.create_function("vi_sort_key", 1, sort_key, deterministic=True)


def make_engine(path: Path) -> Engine:
    # URL.create keeps the path verbatim: Windows user folders like C:\Users\Nguyễn Văn A, or
    # names with '#', '?' or '%', must not be read as URL syntax.
    engine = create_engine(URL.create("sqlite+pysqlite", database=str(path)), future=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin (see the "begin" hook).
        dbapi_connection.isolation_level = None
        _register_functions(dbapi_connection)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        # NORMAL in WAL mode: a crash of the app or the OS never corrupts the file or tears a
        # transaction; only a power cut may drop the last commits. FULL would fsync every commit.
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: object) -> None:
        connection.exec_driver_sql("BEGIN")  # type: ignore[attr-defined]

    return engine


def alembic_config(engine: Engine | None = None, script_location: str | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", script_location or str(files("app") / "migrations"))
    if engine is not None:
        url = engine.url.render_as_string(hide_password=False)
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # ConfigParser syntax
    return config


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """What autogenerate compares: not the search tables and indexes, made by hand in migrations."""
    if name is None:
        return True
    if type_ == "table" and "_fts" in name:
        return False
    if type_ == "index" and name == "ix_coverage_item_local_day":  # expression index of 0006
        return False
    return not (type_ == "index" and name.endswith("_live_order"))  # partial indexes of migration 0005


_REVISION = re.compile(r"^revision(?:\s*:[^=]+)?\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision(?:\s*:[^=]+)?\s*=\s*(.+)$", re.MULTILINE)


@cache
def _declared_head() -> str | None:
    """The head read straight from the revision files, without importing Alembic.

    None when the files do not name exactly one head (then Alembic decides).
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (files("app") / "migrations" / "versions").iterdir():
        if not script.name.endswith(".py"):
            continue
        source = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN_REVISION.search(source)
        if revision is None or down is None:
            return None
        revisions.add(revision.group(1))
        parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def head_revision() -> str:
    head = _declared_head()
    if head is not None:
        return head
    from alembic.script import ScriptDirectory

    alembic_head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert alembic_head is not None
    return alembic_head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
        ).first()
        if exists is None:
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


SEARCHABLE = {  # as in migration 0005: the text each search index folds
    "journalist": ("full_name", "title", "press_card_number", "beats", "emails", "phones"),
    "press_agency": ("name", "short_name", "governing_body"),
    "staff_member": ("full_name", "position", "email"),
    "activity": ("title", "location", "description"),
    "coverage_item": ("headline", "summary", "author"),
}


def rebuild_search_index(engine: Engine) -> None:
    """Refill every search index from its table (needed after a VACUUM, which may renumber rowids)."""
    with engine.begin() as connection:
        for table, columns in SEARCHABLE.items():
            body = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
            connection.exec_driver_sql(f"DELETE FROM {table}_fts")
            connection.exec_driver_sql(
                f"INSERT INTO {table}_fts(rowid, id, body) "
                f"SELECT rowid, id, fold({body}) FROM {table} WHERE deleted_at IS NULL"
            )


@contextmanager
def search_index_in_one_go(connection: Connection, table: str) -> Iterator[None]:
    """Index the rows inserted inside the block with one statement at its end, not one trigger
    call per row (each trigger call writes the index separately: bulk inserts get slow). The
    trigger is set aside and put back in the caller's transaction, so a failure leaves the schema,
    the rows and the index as they were. Rows must be written to ``connection`` (flushed) inside."""
    trigger = f"{table}_fts_insert"
    found = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (trigger,)
    ).scalar()
    if found is None:
        yield
        return
    # Dropping takes the write lock first: no other desk can add rows between here and the end.
    connection.exec_driver_sql(f"DROP TRIGGER {trigger}")
    last = connection.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {table}").scalar()
    yield
    body = " || ' ' || ".join(f"coalesce({c}, '')" for c in SEARCHABLE[table])
    # A new row updated inside the block was already indexed by the update trigger.
    connection.exec_driver_sql(
        f"INSERT INTO {table}_fts(rowid, id, body) "
        f"SELECT rowid, id, fold({body}) FROM {table} WHERE rowid > ? AND deleted_at IS NULL "
        f"AND rowid NOT IN (SELECT rowid FROM {table}_fts WHERE rowid > ?)",
        (last, last),
    )
    connection.exec_driver_sql(found)


def backup_database(source: Path, destination: Path) -> Path:
    """A consistent copy through SQLite's online backup API (safe while others write)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(destination)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return destination


def prune_backups(folder: Path, pattern: str, keep: int = BACKUPS_KEPT) -> None:
    backups = sorted(folder.glob(pattern))
    for old in backups[:-keep] if keep else backups:
        old.unlink(missing_ok=True)


def migrate(engine: Engine, path: Path, backups: Path, script_location: str | None = None) -> Path | None:
    """Bring the database to the app's schema; returns the backup taken before changing it."""
    current = current_revision(engine)
    if script_location is None and current is not None and current == head_revision():
        return None  # the usual start: nothing to do, and no need to load Alembic
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(script_location=script_location))
    head = script.get_current_head()
    if current == head:
        return None
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:
            raise DatabaseTooNew(
                Message(
                    f"Cơ sở dữ liệu {path} do một phiên bản CommDesk mới hơn tạo ra (bản sửa đổi {current}). "
                    "Hãy cài phiên bản mới hơn; tệp dữ liệu không bị thay đổi.",
                    f"The database {path} was made by a newer CommDesk (revision {current}). "
                    "Install the newer version; the data file was left untouched.",
                )
            ) from exc
    backup = None
    if current is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        backup = backup_database(path, backups / f"pre-migration-{stamp}-{current}.sqlite3")
        prune_backups(backups, "pre-migration-*.sqlite3")
    config = alembic_config(engine, script_location)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return backup


def refresh_planner_statistics(engine: Engine, only_if_missing: bool = False) -> None:
    """Give SQLite's query planner its table statistics (ANALYZE).

    Without them the planner guesses, and for queries filtered on ``deleted_at IS NULL`` it
    walks the partial "live order" indexes row by row. A database that never had statistics
    gets them at start-up; bulk loads refresh them; ``PRAGMA optimize`` keeps them current
    when the database is closed.
    """
    with engine.begin() as connection:
        if not (only_if_missing and _has_statistics(connection)):
            connection.exec_driver_sql(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
            connection.exec_driver_sql("ANALYZE")
        forgotten = _forget_search_index_statistics(connection)
    if forgotten:
        # A connection keeps the row counts it loaded even when their rows are gone: start afresh.
        engine.dispose()


def _has_statistics_table(connection: Connection) -> bool:
    return (
        connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
        ).first()
        is not None
    )


def _has_statistics(connection: Connection) -> bool:
    return (
        _has_statistics_table(connection)
        and connection.exec_driver_sql("SELECT 1 FROM sqlite_stat1 LIMIT 1").first() is not None
    )


SEARCH_INDEX_SHADOWS = ("data", "idx", "content", "docsize", "config")


def _forget_search_index_statistics(connection: Connection) -> bool:
    """Drop the statistics of the search indexes' own tables (FTS5 shadow tables).

    They only mislead: taken while an index is small (ANALYZE at the first start sees 2 rows in
    ``*_fts_data``), they make the planner scan the whole table for FTS5's own
    ``DELETE ... WHERE id >= ? AND id <= ?`` instead of a rowid range. FTS5 runs that at every
    segment merge, which with the insert trigger happens about once per inserted row, so bulk
    inserts became quadratic. Without statistics the planner assumes a large table and seeks.
    """
    if not _has_statistics_table(connection):
        return False
    shadows = [f"{table}_fts_{shadow}" for table in SEARCHABLE for shadow in SEARCH_INDEX_SHADOWS]
    marks = ", ".join("?" * len(shadows))
    deleted = connection.exec_driver_sql(
        f"DELETE FROM sqlite_stat1 WHERE tbl IN ({marks})", tuple(shadows)
    ).rowcount
    return bool(deleted)


def classify_sqlite_error(exc: BaseException, path: Path) -> DatabaseUnavailable | None:
    text = str(exc).lower()
    kinds = {
        "locked": ("database is locked", "busy"),
        "read_only": ("readonly", "read-only", "attempt to write a readonly database"),
        "cannot_open": ("unable to open database file",),
        "full": ("database or disk is full",),
        "io_error": ("disk i/o error",),
        "corrupt": ("malformed", "not a database", "file is not a database", "corrupt"),
    }
    messages = {
        "locked": Message(
            "Cơ sở dữ liệu đang bị một chương trình khác khóa. Hãy thử lại sau giây lát.",
            "The database is locked by another program. Try again in a moment.",
        ),
        "read_only": Message(
            f"Không ghi được vào {path}: tệp hoặc thư mục chỉ cho phép đọc.",
            f"Cannot write to {path}: the file or folder is read-only.",
        ),
        "cannot_open": Message(
            f"Không mở được tệp dữ liệu {path}: thư mục không tồn tại, không truy cập được hoặc chỉ cho phép đọc.",
            f"Cannot open the data file {path}: the folder is missing, not accessible or read-only.",
        ),
        "full": Message(
            "Ổ đĩa đã đầy; chưa lưu được thay đổi. Hãy giải phóng dung lượng rồi thử lại.",
            "The disk is full; the change was not saved. Free some space and try again.",
        ),
        "io_error": Message(
            "Ổ đĩa báo lỗi khi đọc hoặc ghi (ổ có thể đang hỏng, hoặc ổ mạng, ổ USB vừa bị ngắt); "
            "chưa lưu được thay đổi.",
            "The disk reported a read or write error (it may be failing, or a network or USB drive "
            "was disconnected); the change was not saved.",
        ),
        "corrupt": Message(
            f"Tệp dữ liệu {path} bị hỏng. Hãy mở một bản sao lưu.",
            f"The data file {path} is damaged. Open a backup.",
        ),
    }
    for kind, needles in kinds.items():
        if any(needle in text for needle in needles):
            return DatabaseUnavailable(kind, messages[kind])
    return None


class Database:
    """One local database file. Sessions are short: one per service call."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False, future=True)
        self._forbidden_thread: int | None = None

    def forbid_thread(self, thread_id: int | None) -> None:
        """Refuse sessions on this thread (the GUI thread), so slow work cannot freeze the window."""
        self._forbidden_thread = thread_id

    @contextmanager
    def session(self) -> Iterator[Session]:
        if self._forbidden_thread is not None and threading.get_ident() == self._forbidden_thread:
            raise RuntimeError("database access from the GUI thread")
        with self._sessions() as session:
            yield session

    def close(self) -> None:
        try:
            with self.engine.begin() as connection:
                connection.exec_driver_sql(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
                connection.exec_driver_sql("PRAGMA optimize")
                _forget_search_index_statistics(connection)
        except Exception:  # statistics are an optimisation: never let them block closing
            pass
        self.engine.dispose()


def open_database(path: Path, backups: Path | None = None) -> Database:
    """Open (creating if needed) and migrate the database at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    try:
        migrate(engine, path, backups or path.parent / "backups")
        refresh_planner_statistics(engine, only_if_missing=True)
    except DatabaseTooNew:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        unavailable = classify_sqlite_error(exc, path)
        if unavailable is not None:
            raise unavailable from exc
        raise
    return Database(path, engine)
