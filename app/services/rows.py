"""Plain, frozen snapshots of database rows: what services hand to the UI."""

from __future__ import annotations

from dataclasses import make_dataclass
from functools import cache
from typing import Any

from sqlalchemy import inspect


@cache
def row_type(model: Any) -> type:
    columns = [(column.key, Any) for column in inspect(model).columns]
    return make_dataclass(f"{model.__name__}Row", columns, frozen=True, slots=True)


def to_row(obj: Any) -> Any:
    model: Any = type(obj)
    values = {column.key: getattr(obj, column.key) for column in inspect(model).columns}
    return row_type(model)(**values)
