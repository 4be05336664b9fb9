"""Column values to and from JSON, for the outbox, the audit log and the wire."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, inspect

from app.models.base import Base, UTCDateTime


def encode_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def column_kinds(model: type[Base]) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for column in inspect(model).columns:
        if isinstance(column.type, UTCDateTime):
            kinds[column.key] = "datetime"
        elif isinstance(column.type, Date):
            kinds[column.key] = "date"
        else:
            kinds[column.key] = "plain"
    return kinds


def decode_value(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "datetime":
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    if kind == "date":
        return date.fromisoformat(value)
    return value


def row_to_dict(obj: Base) -> dict[str, Any]:
    return {column.key: encode_value(getattr(obj, column.key)) for column in inspect(type(obj)).columns}
