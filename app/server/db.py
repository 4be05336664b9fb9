"""The server database: engines for SQLite (embedded default) and PostgreSQL, and migrations."""

from __future__ import annotations

import secrets
import sqlite3
import uuid
from importlib.resources import files

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url

from app.server.models import ServerMeta

DEFAULT_URL = "sqlite:///commdesk-server.sqlite3"


def make_server_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA busy_timeout = 30000")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            # A server file grows large: keep its hot index pages in memory (64 MB a connection).
            cursor.execute("PRAGMA cache_size = -65536")
            cursor.close()

        # IMMEDIATE: take the write lock at BEGIN, so two workers never deadlock upgrading a read lock.
        @event.listens_for(engine, "begin")
        def _on_begin(connection: Connection) -> None:
            read_only = connection.get_execution_options().get("read_only", False)
            connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(parsed, pool_size=10, max_overflow=20, pool_pre_ping=True)
    raise ValueError(f"unsupported database URL {url!r}: use sqlite:/// or postgresql+psycopg://")


def insert_for(engine_or_connection: Engine | Connection) -> object:
    """The dialect's INSERT with ON CONFLICT support."""
    name = engine_or_connection.dialect.name
    return postgresql.insert if name == "postgresql" else sqlite.insert


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("app.server") / "migrations"))
    url = engine.url.render_as_string(hide_password=False).replace("%", "%%")
    config.set_main_option("sqlalchemy.url", url)
    return config


def migrate(engine: Engine) -> None:
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    ensure_meta(engine)


def is_current(engine: Engine) -> bool:
    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision() == head


def ensure_meta(engine: Engine) -> None:
    with engine.begin() as connection:
        existing = set(connection.scalars(select(ServerMeta.key)))
        if "server_epoch" not in existing:
            connection.execute(insert(ServerMeta).values(key="server_epoch", value=new_epoch()))
        if "token_key" not in existing:
            connection.execute(insert(ServerMeta).values(key="token_key", value=secrets.token_hex(32)))


def new_epoch() -> str:
    return str(uuid.uuid4())


def read_meta(connection: Connection, key: str) -> str:
    value = connection.scalar(select(ServerMeta.value).where(ServerMeta.key == key))
    if value is None:
        raise RuntimeError(f"server database not initialised (no {key}); run commdesk-server init-db")
    return value


def set_epoch(engine: Engine) -> str:
    """After restoring a backup: a new epoch tells every client to reconcile with what is here."""
    epoch = new_epoch()
    with engine.begin() as connection:
        connection.execute(update(ServerMeta).where(ServerMeta.key == "server_epoch").values(value=epoch))
    return epoch


def reading(engine: Engine) -> Connection:
    """A connection for reads only (on SQLite it does not take the write lock)."""
    return engine.connect().execution_options(read_only=True)
