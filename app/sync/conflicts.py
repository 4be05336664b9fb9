"""The conflict inbox: what a person decides about a field changed in two places.

Keep mine, keep theirs, or an edited value: when the decision differs from what the server kept,
it is written through the entity's service like any edit (validated, in the outbox, audited),
so it syncs to everyone. The record is then marked resolved; nothing is deleted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.errors import NotFound
from app.i18n import Message
from app.models import SYNCED_MODELS, SyncConflict, utcnow
from app.models.codec import column_kinds, decode_value
from app.services import Services
from app.services.entity import EntityService
from app.sync.local import queue_resolution

KEEP_MINE = "mine"
KEEP_THEIRS = "theirs"
MERGED = "merged"


@dataclass(frozen=True)
class Conflict:
    id: str
    entity: str
    row_id: str
    field: str
    mine: Any
    theirs: Any
    kept_side: str  # local | remote: which value the server kept
    policy: str
    detected_at: datetime
    record_label: str

    @property
    def deletion(self) -> bool:
        return self.field == "deleted_at"


class ConflictInbox:
    def __init__(self, services: Services) -> None:
        self.services = services

    def _service(self, entity: str) -> EntityService:
        for value in vars(self.services).values():
            if isinstance(value, EntityService) and value.table == entity:
                return value
        raise NotFound(Message(f"Không có dịch vụ cho {entity}", f"No service for {entity}"))

    def open(self) -> list[Conflict]:
        with self.services.db.session() as session:
            records = session.scalars(
                select(SyncConflict)
                .where(SyncConflict.resolved_at.is_(None))
                .order_by(SyncConflict.detected_at)
            ).all()
        return [self._conflict(record) for record in records]

    def count(self) -> int:
        return len(self.open())

    def _conflict(self, record: SyncConflict) -> Conflict:
        return Conflict(
            id=record.id,
            entity=record.entity,
            row_id=record.row_id,
            field=record.field,
            mine=self._decode(record.entity, record.field, record.local_json),
            theirs=self._decode(record.entity, record.field, record.remote_json),
            kept_side=record.kept_side,
            policy=record.policy,
            detected_at=record.detected_at,
            record_label=self._label(record.entity, record.row_id),
        )

    @staticmethod
    def _decode(entity: str, field: str, raw: str) -> Any:
        model = SYNCED_MODELS.get(entity)
        value = json.loads(raw) if raw else None
        if model is None:
            return value
        kinds = column_kinds(model)  # type: ignore[arg-type]
        return decode_value(kinds.get(field, "plain"), value)

    def _label(self, entity: str, row_id: str) -> str:
        model = SYNCED_MODELS.get(entity)
        if model is None:
            return row_id
        with self.services.db.session() as session:
            row = session.get(model, row_id)
            if row is None:
                return row_id
            for name in ("title", "full_name", "name", "headline", "course", "description"):
                value = getattr(row, name, None)
                if isinstance(value, str) and value:
                    return value
        return row_id

    def resolve(self, conflict_id: str, choice: str, merged_value: Any = None) -> None:
        with self.services.db.session() as session:
            record = session.get(SyncConflict, conflict_id)
            if record is None or record.resolved_at is not None:
                raise NotFound(Message("Xung đột này đã được xử lý.", "This conflict was already resolved."))
            conflict = self._conflict(record)
        wanted = {KEEP_MINE: conflict.mine, KEEP_THEIRS: conflict.theirs, MERGED: merged_value}[choice]
        service = self._service(conflict.entity)
        if conflict.deletion:
            current = service.get_many([conflict.row_id]).get(conflict.row_id)
            if wanted is not None and current is not None:
                service.delete(conflict.row_id)
        else:
            current_row = service.get(conflict.row_id)
            if getattr(current_row, conflict.field) != wanted:
                service.update(conflict.row_id, {conflict.field: wanted}, action="resolve_conflict")
        with self.services.db.session() as session, session.begin():
            record = session.get(SyncConflict, conflict_id)
            assert record is not None
            record.resolved_at = utcnow()
            record.resolution = choice
            # The conflict is the office's: the others drop it from their inbox too.
            queue_resolution(session.connection(), conflict_id, choice, self.services.ctx.clock.now())
        self.services.bus.publish({"sync_conflict"})
