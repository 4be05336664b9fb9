"""Stored Vietnamese sort keys of the large name-ordered lists (journalists, agencies, staff).

``name_key`` holds :func:`app.text.sort_key` of the row's name, so the list order is a plain
column with a plain index (``ix_<table>_live_order``): any SQLite connection (the sqlite3 shell,
a backup tool) can still read and write these tables. The key is derived locally and never
synced. Every writer keeps it: ORM flushes through the events below, Core bulk writers (pulled
sync pages, imports, demo data) through :func:`fill_sort_keys`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import event

from app.text import sort_key

KEY_COLUMN = "name_key"
# table: the column its key is made from
SORT_SOURCES = {"journalist": "full_name", "press_agency": "name", "staff_member": "full_name"}
DERIVED_COLUMNS = frozenset({KEY_COLUMN})  # local columns: not sent, not taken from the server


def fill_sort_keys(table: str, rows: Iterable[dict[str, Any]]) -> None:
    """Set the key of every row dict about to be written in bulk to ``table`` (no-op elsewhere)."""
    source = SORT_SOURCES.get(table)
    if source is None:
        return
    for row in rows:
        row[KEY_COLUMN] = sort_key(row.get(source))


def _keep_key(_mapper: Any, _connection: Any, target: Any) -> None:
    source = SORT_SOURCES[target.__tablename__]
    key = sort_key(getattr(target, source))
    if getattr(target, KEY_COLUMN) != key:
        setattr(target, KEY_COLUMN, key)


def listen(models: Iterable[type[Any]]) -> None:
    for model in models:
        if model.__tablename__ in SORT_SOURCES:
            event.listen(model, "before_insert", _keep_key)
            event.listen(model, "before_update", _keep_key)
