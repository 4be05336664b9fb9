"""Statements sent together: on PostgreSQL in libpq's pipeline mode, so a series of writes costs
one round trip to the database instead of one each; on SQLite (in-process) one after the other.

Used where round trips are paid while a lock is held: each one lets every other push of the
office wait longer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql import Executable


class Sender:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._driver: Any = None  # the psycopg connection while a pipeline is open

    @contextlib.contextmanager
    def pipeline(self) -> Iterator[Sender]:
        """Inside, ``execute`` only queues on PostgreSQL; everything is sent at ``fetch`` or exit."""
        if self.connection.dialect.name != "postgresql":
            yield self
            return
        import psycopg

        driver = self.connection.connection.driver_connection
        assert driver is not None
        try:
            with driver.pipeline():
                self._driver = driver
                yield self
        except psycopg.IntegrityError as exc:
            # As the rest of the server sees it when the statement goes through SQLAlchemy.
            raise IntegrityError("pipelined statements", None, exc) from exc
        finally:
            self._driver = None

    def fetch(self, *statements: Executable) -> list[list[tuple[Any, ...]]]:
        """The rows of each statement (sent together, in one round trip on PostgreSQL)."""
        if self._driver is None:
            return [[tuple(row) for row in self.connection.execute(statement)] for statement in statements]
        cursors = []
        for statement in statements:
            sql, params = self._compile(statement, {})
            cursor = self._driver.cursor()
            cursor.execute(sql, params)
            cursors.append(cursor)
        return [[tuple(row) for row in cursor.fetchall()] for cursor in cursors]

    def execute(self, statement: Executable, rows: Sequence[Mapping[str, Any]]) -> None:
        """The statement once per row of parameters."""
        if not rows:
            return
        if self._driver is None:
            self.connection.execute(statement, list(rows))
            return
        sql, _ = self._compile(statement, rows[0])
        params = [self._compile(statement, row)[1] for row in rows]
        self._driver.cursor().executemany(sql, params)

    def _compile(self, statement: Executable, row: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        compiled = statement.compile(  # type: ignore[attr-defined]
            dialect=self.connection.dialect,
            column_keys=list(row),
            compile_kwargs={"render_postcompile": True},
        )
        params = compiled.construct_params(dict(row))
        return compiled.string, {name: _bindable(value) for name, value in params.items()}


def _bindable(value: Any) -> Any:
    """Datetimes are stored as naive UTC (app.models.base.UTCDateTime), as the ORM would bind them."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value
