"""What every service needs: the database, the clock, the change bus, and who is acting."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from app.db import Database
from app.models import AuditEntry, OutboxEntry, Synced, SyncState, utcnow
from app.models.codec import encode_value
from app.models.enums import OutboxOp
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
