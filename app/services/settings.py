"""Local settings: JSON values under string keys, stored in the database."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from app.db import Database
from app.models import Setting


class SettingsStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str, default: Any = None) -> Any:
        with self.db.session() as session:
            raw = session.scalar(select(Setting.value_json).where(Setting.key == key))
        return default if raw is None else json.loads(raw)

    def set(self, key: str, value: Any) -> None:
        encoded = json.dumps(value, ensure_ascii=False)
        with self.db.session() as session, session.begin():
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value_json=encoded))
            else:
                row.value_json = encoded

    def set_many(self, values: dict[str, Any]) -> None:
        """Store several values in one transaction: all of them or none."""
        with self.db.session() as session, session.begin():
            for key, value in values.items():
                encoded = json.dumps(value, ensure_ascii=False)
                row = session.get(Setting, key)
                if row is None:
                    session.add(Setting(key=key, value_json=encoded))
                else:
                    row.value_json = encoded

    def delete(self, key: str) -> None:
        with self.db.session() as session, session.begin():
            row = session.get(Setting, key)
            if row is not None:
                session.delete(row)

    def all(self) -> dict[str, Any]:
        with self.db.session() as session:
            return {row.key: json.loads(row.value_json) for row in session.scalars(select(Setting))}
