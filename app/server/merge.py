"""Three-way field merge of one pushed op against the server's row (DESIGN.md §3).

The op carries, for every field it changed, the value the client started from (``old``) and the
value it wrote (``new``). A field nobody else touched (server value == old) takes the new value;
different fields changed on different devices both survive; the same field changed both ways
goes to a policy — last writer by HLC, except money fields, where the server's value stays — and
the losing value is returned as a conflict record, never dropped. Edit versus delete keeps the
edit and records the delete as the losing side.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.server.schema import EntitySchema, InvalidValue
from app.sync.protocol import ConflictRecord, Op, OpKind, OpStatus


@dataclass
class RowState:
    data: dict[str, Any]
    meta: dict[str, list[Any]]  # field -> [version, hlc, device]
    version: int

    @property
    def deleted(self) -> bool:
        return self.data.get("deleted_at") is not None


@dataclass
class Outcome:
    status: OpStatus
    data: dict[str, Any] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)
    conflicts: list[ConflictRecord] = field(default_factory=list)
    error: str = ""


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == 0 or value is False


def clean_changes(schema: EntitySchema, op: Op) -> dict[str, tuple[Any, Any]]:
    """Canonical (old, new) per field; InvalidValue for anything the row could not hold."""
    if not op.changes:
        raise InvalidValue("an op must change at least one field")
    cleaned: dict[str, tuple[Any, Any]] = {}
    for name, change in op.changes.items():
        new = schema.clean(name, change.new)
        try:
            old = schema.clean(name, change.old)
        except InvalidValue:
            old = change.old  # a base we cannot read only makes a merge conflict more likely
        cleaned[name] = (old, new)
    if op.op == OpKind.DELETE and (set(cleaned) != {"deleted_at"} or cleaned["deleted_at"][1] is None):
        raise InvalidValue("a delete sets deleted_at and nothing else")
    return cleaned


def merge(schema: EntitySchema, current: RowState | None, op: Op, device: str) -> Outcome:
    changes = clean_changes(schema, op)
    if current is None:
        if op.op != OpKind.INSERT:
            return Outcome(OpStatus.REJECTED, error=f"{op.entity} {op.row_id} is not on the server")
        data = schema.defaults()
        for name, (_old, new) in changes.items():
            data[name] = new
        return Outcome(OpStatus.APPLIED, data=data, changed=set(data))

    data = dict(current.data)
    if op.op == OpKind.DELETE:
        return _delete(current, op, device, changes)

    outcome = Outcome(OpStatus.APPLIED, data=data)
    if current.deleted and "deleted_at" not in changes:
        # Edit versus delete: the edit wins, the delete is recorded as the losing side.
        outcome.conflicts.append(
            _conflict(
                op,
                "deleted_at",
                kept=None,
                lost=current.data.get("deleted_at"),
                mine_lost=False,
                their_hlc=_field_hlc(current, "deleted_at"),
                policy="edit_beats_delete",
            )
        )
        data["deleted_at"] = None
        outcome.changed.add("deleted_at")

    for name, (old, new) in changes.items():
        server_value = data.get(name)
        if server_value == new:
            continue
        meta = current.meta.get(name)
        untouched = server_value == old or (op.op == OpKind.INSERT and _empty(server_value))
        # The same device wrote this field last and this op is newer: its own later edit, not a conflict.
        own_line = meta is not None and meta[2] == device and op.hlc >= str(meta[1])
        if untouched or own_line:
            data[name] = new
            outcome.changed.add(name)
            continue
        their_hlc = _field_hlc(current, name)
        if name in schema.money:
            outcome.conflicts.append(_conflict(op, name, server_value, new, True, their_hlc, "money_reject"))
        elif op.hlc > their_hlc:
            data[name] = new
            outcome.changed.add(name)
            outcome.conflicts.append(_conflict(op, name, new, server_value, False, their_hlc, "last_writer"))
        else:
            outcome.conflicts.append(_conflict(op, name, server_value, new, True, their_hlc, "last_writer"))

    if outcome.conflicts:
        outcome.status = OpStatus.CONFLICT
    elif op.base_version != current.version:
        outcome.status = OpStatus.MERGED
    return outcome


def _delete(current: RowState, op: Op, device: str, changes: dict[str, tuple[Any, Any]]) -> Outcome:
    data = dict(current.data)
    if current.deleted:
        return Outcome(OpStatus.APPLIED, data=data)
    base = op.base_version or 0
    edited_elsewhere = sorted(
        name
        for name, (version, _hlc, by) in current.meta.items()
        if name != "deleted_at" and version > base and by != device
    )
    if edited_elsewhere:
        their_hlc = max(str(current.meta[name][1]) for name in edited_elsewhere)
        record = _conflict(
            op, "deleted_at", None, changes["deleted_at"][1], True, their_hlc, "edit_beats_delete"
        )
        return Outcome(OpStatus.CONFLICT, data=data, conflicts=[record])
    data["deleted_at"] = changes["deleted_at"][1]
    status = OpStatus.APPLIED if op.base_version == current.version else OpStatus.MERGED
    return Outcome(status, data=data, changed={"deleted_at"})


def _field_hlc(current: RowState, name: str) -> str:
    meta = current.meta.get(name)
    return str(meta[1]) if meta else str(current.data.get("updated_hlc") or "")


def _conflict(
    op: Op, name: str, kept: Any, lost: Any, mine_lost: bool, their_hlc: str, policy: str
) -> ConflictRecord:
    return ConflictRecord(
        entity=op.entity,
        row_id=op.row_id,
        field=name,
        kept=kept,
        lost=lost,
        kept_hlc=their_hlc if mine_lost else op.hlc,
        lost_hlc=op.hlc if mine_lost else their_hlc,
        lost_is_mine=mine_lost,
        policy=policy,
    )
