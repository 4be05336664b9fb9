"""What every service needs: the database, the clock, the change bus, and who is acting."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from app.db import Database
from app.models import AuditEntry, OutboxEntry, Synced, SyncState, new_id, utcnow
from app.models.codec import encode_value
from app.models.enums import OutboxOp
from app.models.sort_keys import fill_sort_keys
from app.services.changes import ChangeBus
from app.sync.hlc import HybridLogicalClock

# The last stamp handed out, kept so that a restarted app never stamps behind it (see Services).
LAST_HLC_KEY = "hlc.last"


@dataclass
class ServiceContext:
    db: Database
    clock: HybridLogicalClock
    bus: ChangeBus = field(default_factory=ChangeBus)
    actor: str = "local"
    office_id: str = ""

    def record(
        self,
        session: Session,
        row: Synced,
        op: OutboxOp,
        changes: dict[str, tuple[Any, Any]],
        action: str | None = None,
    ) -> None:
        """Stamp the row and write its outbox and audit entries in the caller's transaction."""
        table = type(row).__tablename__  # type: ignore[attr-defined]
        stamp = self.clock.now()
        base_version = row.version
        row.updated_at = utcnow()
        row.updated_hlc = stamp
        row.updated_by = self.actor
        if not row.office_id:
            row.office_id = self.office_id
        encoded = json.dumps(
            {
                name: {"old": encode_value(old), "new": encode_value(new)}
                for name, (old, new) in changes.items()
            },
            ensure_ascii=False,
            sort_keys=True,
        )
        session.add(
            OutboxEntry(
                entity=table,
                row_id=row.id,
                op=op.value,
                base_version=base_version,
                changes_json=encoded,
                hlc=stamp,
            )
        )
        # Same transaction: the stamp is remembered exactly when the change it orders is kept.
        session.merge(SyncState(key=LAST_HLC_KEY, value=stamp))
        session.add(
            AuditEntry(
                actor=self.actor, entity=table, row_id=row.id, action=action or op.value, changes_json=encoded
            )
        )

    def insert_many(
        self, session: Session, model: type[Any], rows: list[dict[str, Any]], fields: list[str]
    ) -> None:
        """Insert many new rows as :meth:`record` would, one statement per table (imports).

        Each row gets its stamp, outbox entry (``fields`` that have a value, old value None)
        and audit entry; the rows must already be validated.
        """
        if not rows:
            return
        table = model.__tablename__
        now = utcnow()
        outbox: list[dict[str, Any]] = []
        audit: list[dict[str, Any]] = []
        stamp = ""
        for row in rows:
            stamp = self.clock.now()
            row.update(updated_at=now, updated_hlc=stamp, updated_by=self.actor)
            row.setdefault("office_id", self.office_id)
            encoded = json.dumps(
                {
                    name: {"old": None, "new": encode_value(row[name])}
                    for name in fields
                    if row.get(name) is not None
                },
                ensure_ascii=False,
                sort_keys=True,
            )
            outbox.append(
                {
                    "op_id": new_id(),
                    "entity": table,
                    "row_id": row["id"],
                    "op": OutboxOp.INSERT.value,
                    "base_version": None,
                    "changes_json": encoded,
                    "hlc": stamp,
                    "created_at": now,
                    "attempts": 0,
                    "last_error": "",
                }
            )
            audit.append(
                {
                    "at": now,
                    "actor": self.actor,
                    "entity": table,
                    "row_id": row["id"],
                    "action": OutboxOp.INSERT.value,
                    "changes_json": encoded,
                }
            )
        fill_sort_keys(table, rows)
        # Core statements on the tables: the ORM's per-row bookkeeping buys nothing here.
        connection = session.connection()
        connection.execute(insert(cast(Table, model.__table__)), rows)
        connection.execute(insert(cast(Table, OutboxEntry.__table__)), outbox)
        connection.execute(insert(cast(Table, AuditEntry.__table__)), audit)
        session.merge(SyncState(key=LAST_HLC_KEY, value=stamp))
