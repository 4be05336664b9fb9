"""Which replaced values in the conflict inbox this desk wrote.

A desk's conflict record says which value was its own only when that value is the one in use
(``kept_side`` "local"). For the replaced value the local audit log answers instead: it holds every
change made on this computer and none pulled from others, so the replaced value is this desk's when
this desk's last write of that field was that value.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from app.models import SYNCED_MODELS, AuditEntry
from app.models.codec import column_kinds, decode_value
from app.services import Services
from app.sync.conflicts import Conflict
from app.ui.sync.conflicts_model import replaced


def replaced_written_here(services: Services, conflicts: list[Conflict]) -> set[str]:
    """Ids of the ``conflicts`` whose replaced value was written on this computer."""
    found: set[str] = set()
    with services.db.session() as session:
        for conflict in conflicts:
            if conflict.kept_side == "local":
                continue  # this desk's value is the one in use
            history = session.scalars(
                select(AuditEntry.changes_json)
                .where(AuditEntry.entity == conflict.entity, AuditEntry.row_id == conflict.row_id)
                .order_by(AuditEntry.seq.desc())
            )
            for raw in history:
                change = _changes(raw).get(conflict.field)
                if isinstance(change, dict):
                    if _decoded(conflict, change.get("new")) == replaced(conflict):
                        found.add(conflict.id)
                    break
    return found


def _changes(raw: str | None) -> dict[str, Any]:
    try:
        changes = json.loads(raw or "{}")
    except ValueError:
        return {}
    return changes if isinstance(changes, dict) else {}


def _decoded(conflict: Conflict, value: Any) -> Any:
    model = SYNCED_MODELS.get(conflict.entity)
    kind = column_kinds(model).get(conflict.field, "plain") if model is not None else "plain"  # type: ignore[arg-type]
    try:
        return decode_value(kind, value)
    except (TypeError, ValueError):
        return value
