"""Alembic environment of the sync server (its own history, separate from the desktop's)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from app.server.models import ServerBase

config = context.config
target_metadata = ServerBase.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as connection:
            _run(connection)
        engine.dispose()
    else:
        _run(connection)


def _run(connection: object) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
