"""What the server knows of the desktop's synced tables: columns, types, defaults, constraints.

Values are checked field by field, and the whole merged row is tried against the desktop's own
table definition (NOT NULL, CHECK) in a private in-memory SQLite, so every row a client pulls is
a row its database accepts: a pull never wedges on a row the server let through.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    Engine,
    Integer,
    String,
    UniqueConstraint,
    create_engine,
    inspect,
)
from sqlalchemy.pool import StaticPool

from app.models import SYNCED_MODELS, Base
from app.models.base import UTCDateTime
from app.models.codec import decode_value
from app.models.sort_keys import DERIVED_COLUMNS

SERVER_STAMPED = ("id", "office_id", "version", "updated_at", "updated_hlc", "updated_by")


class InvalidValue(ValueError):
    pass


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # datetime | date | int | bool | str
    nullable: bool
    default: Any
    max_len: int | None


@dataclass
class EntitySchema:
    name: str
    columns: dict[str, Column]
    writable: frozenset[str]
    money: frozenset[str]
    unique_sets: list[tuple[str, ...]] = field(default_factory=list)

    def defaults(self) -> dict[str, Any]:
        return {name: column.default for name, column in self.columns.items() if name in self.writable}

    def clean(self, name: str, value: Any) -> Any:
        """The canonical wire form of one value, or InvalidValue naming the field and the reason."""
        column = self.columns.get(name)
        if column is None or name not in self.writable:
            raise InvalidValue(f"{self.name}.{name}: not a writable field")
        if value is None:
            if not column.nullable:
                raise InvalidValue(f"{self.name}.{name}: may not be empty")
            return None
        try:
            return _clean_value(column, value)
        except (TypeError, ValueError, OverflowError) as exc:
            raise InvalidValue(f"{self.name}.{name}: {exc}") from None


def _clean_value(column: Column, value: Any) -> Any:
    if column.kind == "datetime":
        if not isinstance(value, str):
            raise TypeError("expected an ISO date-time text")
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError("date-time without a time zone")
        return parsed.astimezone(UTC).isoformat()
    if column.kind == "date":
        if not isinstance(value, str):
            raise TypeError("expected an ISO date text")
        return date.fromisoformat(value).isoformat()
    if column.kind == "bool":
        if not isinstance(value, bool):
            raise TypeError("expected true or false")
        return value
    if column.kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError("expected a whole number")
        if not -(2**63) <= value < 2**63:
            raise OverflowError("number out of range")
        return value
    if not isinstance(value, str):
        raise TypeError("expected text")
    if column.max_len is not None and len(value) > column.max_len:
        raise ValueError(f"longer than {column.max_len} characters")
    if "\x00" in value:
        raise ValueError("contains a NUL character")
    return value


def _kind(sql_type: Any) -> str:
    if isinstance(sql_type, UTCDateTime):
        return "datetime"
    if isinstance(sql_type, Date):
        return "date"
    if isinstance(sql_type, Boolean):
        return "bool"
    if isinstance(sql_type, Integer):
        return "int"
    return "str"


def _build(model: type[Any]) -> EntitySchema:
    table = model.__table__
    columns: dict[str, Column] = {}
    for column in inspect(model).columns:
        if column.key in DERIVED_COLUMNS:  # made on each desktop from the synced fields
            continue
        default = column.default.arg if column.default is not None and column.default.is_scalar else None
        max_len = column.type.length if isinstance(column.type, String) else None
        columns[column.key] = Column(column.key, _kind(column.type), bool(column.nullable), default, max_len)
    unique_sets = [
        tuple(c.name for c in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    ]
    unique_sets += [(c.name,) for c in table.columns if c.unique]
    return EntitySchema(
        name=model.__tablename__,
        columns=columns,
        writable=frozenset(columns) - frozenset(SERVER_STAMPED),
        money=frozenset(model.__money_fields__),
        unique_sets=unique_sets,
    )


SCHEMAS: dict[str, EntitySchema] = {name: _build(model) for name, model in SYNCED_MODELS.items()}


class RowChecker:
    """Tries a full row against the desktop table definition, in a throw-away transaction.

    One in-memory copy of the tables per process, built once (``warm``, at start-up) and used
    under a lock: building it costs ~0.1 s, which a push must not pay while it holds its office's
    version counter (one copy per request thread did, for every new thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._built: Engine | None = None

    def _engine(self) -> Engine:
        if self._built is None:
            engine = create_engine(
                "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
            )
            Base.metadata.create_all(engine, tables=[m.__table__ for m in SYNCED_MODELS.values()])  # type: ignore[attr-defined]
            self._built = engine
        return self._built

    def warm(self) -> None:
        with self._lock:
            self._engine()

    def check(self, entity: str, data: dict[str, Any]) -> str:
        """'' when the row fits, else the database's reason."""
        schema = SCHEMAS[entity]
        model = SYNCED_MODELS[entity]
        row = {
            name: decode_value(_codec_kind(schema.columns[name].kind), data.get(name))
            for name in schema.columns
        }
        row["updated_at"] = row["updated_at"] or datetime.now(UTC)
        with self._lock, self._engine().connect() as connection:
            transaction = connection.begin()
            try:
                connection.execute(model.__table__.insert(), row)  # type: ignore[attr-defined]
            except Exception as exc:
                return str(getattr(exc, "orig", exc)).splitlines()[0][:300]
            finally:
                transaction.rollback()
        return ""


def _codec_kind(kind: str) -> str:
    return kind if kind in ("datetime", "date") else "plain"
