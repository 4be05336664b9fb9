"""The desktop side of sync in the local database: outbox, acknowledgements, dead letters,
pulled pages applied in bulk, the cursor and the reconciliation after a server restore.

Everything here runs in short transactions on worker threads; nothing touches the ORM unit of
work for pulled rows (Core executemany upserts, one transaction per page together with the cursor).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from pydantic import ValidationError as PydanticError
from sqlalchemy import Connection, Table, delete, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.db import SEARCHABLE, Database, search_index_in_one_go
from app.models import SYNCED_MODELS, DeadLetter, OutboxEntry, Setting, SyncConflict, SyncState, new_id
from app.models.codec import column_kinds, decode_value, encode_value
from app.models.sort_keys import DERIVED_COLUMNS, fill_sort_keys
from app.sync.digest import digest_of
from app.sync.protocol import CONFLICT_ENTITY, ConflictRecord, Op, OpResult, OpStatus, PulledRow, conflict_id

outbox_t = cast(Table, OutboxEntry.__table__)
dead_t = cast(Table, DeadLetter.__table__)
conflict_t = cast(Table, SyncConflict.__table__)
state_t = cast(Table, SyncState.__table__)

TABLES: dict[str, Table] = {name: cast(Table, model.__table__) for name, model in SYNCED_MODELS.items()}  # type: ignore[attr-defined]
KINDS: dict[str, dict[str, str]] = {name: column_kinds(model) for name, model in SYNCED_MODELS.items()}  # type: ignore[arg-type]
SERVER_COLUMNS = ("id", "office_id", "version", "updated_at", "updated_hlc", "updated_by")
NOT_SENT = frozenset(SERVER_COLUMNS) | DERIVED_COLUMNS
UNCONFIRMED = -1  # version of a row synced in an earlier server epoch, not yet seen in this one

# sync_state keys
CURSOR = "cursor"
REFERENCE_CURSOR = "reference_cursor"
EPOCH = "server_epoch"
RECOVERY = "recovery"  # "" | "epoch" | "horizon"
LAST_SUCCESS = "last_success_at"
LAST_ERROR = "last_error"
LAST_ATTEMPT = "last_attempt_at"
SHARED_CONFLICTS = "shared_conflicts"  # "1" once the server was seen publishing conflicts
LOG = "log"
LOG_KEPT = 50


@dataclass
class AckSummary:
    applied: int = 0
    merged: int = 0
    conflicts: int = 0
    conflict_ops: int = 0
    rejected: int = 0


@dataclass
class PageSummary:
    rows: int = 0
    kept_local: int = 0
    reconciled: int = 0
    quarantined: int = 0
    tables: set[str] = field(default_factory=set)
    max_hlc: str = ""


class LocalStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ----- state --------------------------------------------------------------------------

    def get_state(self, key: str, default: str = "") -> str:
        with self.db.engine.connect() as connection:
            value = connection.scalar(select(state_t.c.value).where(state_t.c.key == key))
        return default if value is None else str(value)

    def set_state(self, key: str, value: str) -> None:
        with self.db.engine.begin() as connection:
            _set_state(connection, key, value)

    def cursor(self) -> int:
        return int(self.get_state(CURSOR, "0") or 0)

    def add_log(self, line: str) -> None:
        with self.db.engine.begin() as connection:
            raw = connection.scalar(select(state_t.c.value).where(state_t.c.key == LOG))
            entries = json.loads(raw) if raw else []
            entries.append([datetime.now(UTC).isoformat(), line])
            _set_state(connection, LOG, json.dumps(entries[-LOG_KEPT:], ensure_ascii=False))

    def log(self) -> list[tuple[datetime, str]]:
        raw = self.get_state(LOG)
        return [(datetime.fromisoformat(at), line) for at, line in (json.loads(raw) if raw else [])]

    # ----- outbox -------------------------------------------------------------------------

    def pending_count(self) -> int:
        with self.db.engine.connect() as connection:
            return int(connection.scalar(select(func.count()).select_from(outbox_t)) or 0)

    def max_outbox_hlc(self) -> str:
        with self.db.engine.connect() as connection:
            return str(connection.scalar(select(func.max(outbox_t.c.hlc))) or "")

    def next_ops(self, limit: int, after_seq: int = 0) -> tuple[list[tuple[int, Op]], list[tuple[int, str]]]:
        """The next ops in order, and the entries that cannot even be sent (with the reason)."""
        with self.db.engine.connect() as connection:
            entries = connection.execute(
                select(outbox_t).where(outbox_t.c.seq > after_seq).order_by(outbox_t.c.seq).limit(limit)
            ).all()
        ops: list[tuple[int, Op]] = []
        broken: list[tuple[int, str]] = []
        for entry in entries:
            try:
                ops.append((entry.seq, _op_of(entry)))
            except (PydanticError, ValueError) as exc:
                broken.append((entry.seq, f"cannot be sent: {str(exc).splitlines()[0]}"))
        return ops, broken

    def acknowledge(self, sent: list[tuple[int, Op]], results: list[OpResult]) -> AckSummary:
        """Record the server's answer for a batch in one transaction: done ops leave the outbox,
        rejected ops become dead letters, conflicts go to the inbox."""
        summary = AckSummary()
        by_id = {result.op_id: result for result in results}
        now = datetime.now(UTC)
        with self.db.engine.begin() as connection:
            for seq, op in sent:
                result = by_id.get(op.op_id)
                if result is None:
                    continue  # not answered: stays queued
                if result.status == OpStatus.REJECTED:
                    _dead_letter(connection, seq, op, result.error or "rejected")
                    summary.rejected += 1
                    continue
                connection.execute(delete(outbox_t).where(outbox_t.c.seq == seq))
                if result.status == OpStatus.APPLIED:
                    summary.applied += 1
                elif result.status == OpStatus.MERGED:
                    summary.merged += 1
                else:
                    summary.conflict_ops += 1
                for record in result.conflicts:
                    _record_conflict(connection, record, now, conflict_id(op.op_id, record.field))
                    summary.conflicts += 1
        return summary

    def dead_letter_entries(self, entries: list[tuple[int, str]]) -> None:
        with self.db.engine.begin() as connection:
            for seq, reason in entries:
                entry = connection.execute(select(outbox_t).where(outbox_t.c.seq == seq)).first()
                if entry is None:
                    continue
                payload = {
                    "op_id": entry.op_id,
                    "entity": entry.entity,
                    "row_id": entry.row_id,
                    "op": entry.op,
                    "base_version": entry.base_version,
                    "changes": _loads_or_text(entry.changes_json),
                    "hlc": entry.hlc,
                }
                connection.execute(delete(outbox_t).where(outbox_t.c.seq == seq))
                connection.execute(
                    insert(dead_t).values(
                        op_id=entry.op_id,
                        entity=entry.entity,
                        row_id=entry.row_id,
                        payload_json=json.dumps(payload, ensure_ascii=False, default=str),
                        error=reason,
                        created_at=datetime.now(UTC),
                    )
                )

    def retry_dead_letter(self, op_id: str) -> bool:
        """Back to the end of the queue, with the same op_id (a rejected op was never applied)."""
        with self.db.engine.begin() as connection:
            letter = connection.execute(select(dead_t).where(dead_t.c.op_id == op_id)).first()
            if letter is None:
                return False
            payload = json.loads(letter.payload_json)
            connection.execute(
                insert(outbox_t).values(
                    op_id=payload["op_id"],
                    entity=payload["entity"],
                    row_id=payload["row_id"],
                    op=payload["op"],
                    base_version=payload.get("base_version"),
                    changes_json=json.dumps(payload.get("changes", {}), ensure_ascii=False, sort_keys=True),
                    hlc=payload["hlc"],
                    created_at=datetime.now(UTC),
                    attempts=0,
                    last_error="",
                )
            )
            connection.execute(delete(dead_t).where(dead_t.c.op_id == op_id))
        return True

    def discard_dead_letter(self, op_id: str) -> bool:
        """Give up a rejected change; the row is re-read from the server at the next sync."""
        with self.db.engine.begin() as connection:
            letter = connection.execute(select(dead_t).where(dead_t.c.op_id == op_id)).first()
            if letter is None:
                return False
            connection.execute(delete(dead_t).where(dead_t.c.op_id == op_id))
            table = TABLES.get(letter.entity)
            if table is not None:
                # No longer counted as synced: the sanity check finds it and re-pulls it.
                connection.execute(
                    update(table)
                    .where(table.c.id == letter.row_id, table.c.version.is_not(None))
                    .values(version=UNCONFIRMED)
                )
        return True

    def dead_letters(self) -> list[dict[str, Any]]:
        with self.db.engine.connect() as connection:
            rows = connection.execute(select(dead_t).order_by(dead_t.c.created_at)).all()
        return [dict(row._mapping) for row in rows]

    # ----- conflicts ----------------------------------------------------------------------

    def open_conflicts(self) -> list[dict[str, Any]]:
        with self.db.engine.connect() as connection:
            rows = connection.execute(
                select(conflict_t)
                .where(conflict_t.c.resolved_at.is_(None))
                .order_by(conflict_t.c.detected_at)
            ).all()
        return [dict(row._mapping) for row in rows]

    def open_conflict_count(self) -> int:
        with self.db.engine.connect() as connection:
            return int(
                connection.scalar(
                    select(func.count()).select_from(conflict_t).where(conflict_t.c.resolved_at.is_(None))
                )
                or 0
            )

    # ----- pull ---------------------------------------------------------------------------

    def apply_page(
        self, rows: list[PulledRow], next_cursor: int | None, recovery: str = "", cursor_key: str = CURSOR
    ) -> PageSummary:
        """One page and the cursor in one transaction: the cursor is never ahead of the data."""
        summary = PageSummary(rows=len(rows))
        with self._no_fk_checks() as connection, connection.begin():
            pending = _pending_fields(connection, [row.id for row in rows])
            by_entity: dict[str, list[PulledRow]] = defaultdict(list)
            for row in rows:
                if row.entity in TABLES:
                    by_entity[row.entity].append(row)
                if str(row.values.get("updated_hlc") or "") > summary.max_hlc:
                    summary.max_hlc = str(row.values.get("updated_hlc"))
            shared = [row for row in rows if row.entity == CONFLICT_ENTITY]
            if shared:
                _apply_conflicts(connection, shared)
                summary.tables.add(CONFLICT_ENTITY)
            for entity in SYNCED_MODELS:
                if entity not in by_entity:
                    continue
                self._apply_entity(connection, entity, by_entity[entity], pending, recovery, summary)
                summary.tables.add(entity)
            if next_cursor is not None:
                _set_state(connection, cursor_key, str(next_cursor))
        return summary

    def _apply_entity(
        self,
        connection: Connection,
        entity: str,
        rows: list[PulledRow],
        pending: dict[str, set[str]],
        recovery: str,
        summary: PageSummary,
    ) -> None:
        table = TABLES[entity]
        kinds = KINDS[entity]
        columns = [c.name for c in table.columns]
        decoded = [
            {name: decode_value(kinds[name], row.values.get(name)) for name in columns} for row in rows
        ]
        for values, row in zip(decoded, rows, strict=True):
            values["version"] = row.version
        local_ids = {row.id for row in rows if row.id in pending}
        if recovery == "epoch":
            local_ids |= {row.id for row in rows}
        local: dict[str, Any] = {}
        if local_ids:
            for chunk in _chunks(sorted(local_ids), 500):
                for existing in connection.execute(select(table).where(table.c.id.in_(chunk))):
                    local[existing.id] = existing
        reconcile_ops: list[dict[str, Any]] = []
        for values in decoded:
            mine = local.get(values["id"])
            if mine is None:
                continue
            kept = pending.get(values["id"], set())
            newer_here = str(mine.updated_hlc or "") > str(values.get("updated_hlc") or "")
            if recovery == "epoch" and not kept and mine.version == UNCONFIRMED and newer_here:
                # The server was restored: a row we hold newer than its copy goes back up.
                changes = {
                    name: {"old": encode_value(values[name]), "new": encode_value(getattr(mine, name))}
                    for name in columns
                    if name not in NOT_SENT and getattr(mine, name) != values[name]
                }
                if changes:
                    reconcile_ops.append(
                        _outbox_values(
                            entity, values["id"], "update", values["version"], changes, mine.updated_hlc
                        )
                    )
                    kept = set(changes)
                    summary.reconciled += 1
            for name in kept:
                if name in values:
                    values[name] = getattr(mine, name)
            if kept:
                summary.kept_local += 1
        fill_sort_keys(entity, decoded)  # derived here, never taken from the wire
        statement = sqlite_insert(table)
        statement = statement.on_conflict_do_update(
            index_elements=["id"], set_={name: statement.excluded[name] for name in columns if name != "id"}
        )
        indexed = search_index_in_one_go(connection, entity) if entity in SEARCHABLE else nullcontext()
        with indexed:
            _upsert(connection, entity, statement, decoded, summary)
        for op in reconcile_ops:
            connection.execute(insert(outbox_t).values(**op))

    @contextmanager
    def _no_fk_checks(self) -> Iterator[Connection]:
        """Pages arrive in version order, not dependency order: a row may name a parent that comes
        later in the same pull. The server checked every row; references settle when the pull ends."""
        with self.db.engine.connect() as connection:
            # On the driver connection, outside any transaction (inside one the pragma does nothing).
            raw = connection.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys = OFF")
            try:
                yield connection
            finally:
                if connection.in_transaction():
                    connection.rollback()
                raw.execute("PRAGMA foreign_keys = ON")

    # ----- recovery: restored server, purged tombstones, digest mismatch -------------------

    def begin_recovery(self, kind: str, entities: Iterable[str] | None = None, office_id: str = "") -> None:
        """Mark every synced row of our office unconfirmed and restart the pull from zero (outbox
        kept). Reference rows published by the central role are not ours to send again."""
        with self.db.engine.begin() as connection:
            for entity in entities or SYNCED_MODELS:
                table = TABLES[entity]
                statement = update(table).where(table.c.version.is_not(None))
                if office_id:
                    statement = statement.where(table.c.office_id == office_id)
                connection.execute(statement.values(version=UNCONFIRMED))
            connection.execute(update(outbox_t).where(outbox_t.c.base_version < 0).values(base_version=None))
            if entities is None:
                _set_state(connection, CURSOR, "0")
                _set_state(connection, RECOVERY, kind)

    def finish_recovery(self, kind: str, entities: Iterable[str] | None = None) -> int:
        """Rows the server did not send back: after a restore or a mismatch they go up again as
        inserts (never lost); past the tombstone horizon they were deleted there, so here too."""
        count = 0
        now = datetime.now(UTC)
        with self.db.engine.begin() as connection:
            for entity in entities or SYNCED_MODELS:
                table = TABLES[entity]
                missing = connection.execute(select(table).where(table.c.version == UNCONFIRMED)).all()
                for row in missing:
                    count += 1
                    if kind == "horizon" or (kind == "mismatch" and row.deleted_at is not None):
                        connection.execute(
                            update(table)
                            .where(table.c.id == row.id)
                            .values(version=None, deleted_at=row.deleted_at or now)
                        )
                        continue
                    changes = {
                        c.name: {"old": None, "new": encode_value(getattr(row, c.name))}
                        for c in table.columns
                        if c.name not in NOT_SENT and getattr(row, c.name) is not None
                    }
                    connection.execute(update(table).where(table.c.id == row.id).values(version=None))
                    if changes:
                        connection.execute(
                            insert(outbox_t).values(
                                **_outbox_values(
                                    entity, row.id, "insert", None, changes, row.updated_hlc or ""
                                )
                            )
                        )
            if entities is None:
                _set_state(connection, RECOVERY, "")
        return count

    # ----- sanity check -------------------------------------------------------------------

    def digests(self, office_id: str = "") -> dict[str, tuple[int, str]]:
        """Per entity: count and digest of (id, version) of the synced rows (of ``office_id``)."""
        found: dict[str, tuple[int, str]] = {}
        with self.db.engine.connect() as connection:
            for entity, table in TABLES.items():
                query = select(table.c.id, table.c.version).where(table.c.version > 0)
                if office_id:
                    query = query.where(table.c.office_id == office_id)
                pairs = connection.execute(query).all()
                count, digest = digest_of((row_id, version) for row_id, version in pairs)
                if count:
                    found[entity] = (count, digest)
        return found

    # ----- office identity ----------------------------------------------------------------

    def adopt_office(self, server_office_id: str) -> str:
        """Make this database's office the server's. An office set up locally and never synced
        takes the server's id (every row is re-stamped); a synced one must already match."""
        office = TABLES["office"]
        with self._no_fk_checks() as connection, connection.begin():
            rows = connection.execute(
                select(office.c.id, office.c.version).where(office.c.deleted_at.is_(None))
            ).all()
            if not rows:
                return server_office_id
            local_id, version = rows[0]
            if local_id == server_office_id:
                return local_id
            if version is not None:
                raise OfficeMismatch(local_id, server_office_id)
            for table in TABLES.values():
                connection.execute(
                    update(table).where(table.c.office_id == local_id).values(office_id=server_office_id)
                )
            connection.execute(update(office).where(office.c.id == local_id).values(id=server_office_id))
            connection.execute(
                update(outbox_t)
                .where(outbox_t.c.entity == "office", outbox_t.c.row_id == local_id)
                .values(row_id=server_office_id)
            )
        return server_office_id


def _upsert(
    connection: Connection, entity: str, statement: Any, decoded: list[dict[str, Any]], summary: PageSummary
) -> None:
    try:
        with connection.begin_nested():
            connection.execute(statement, decoded)
    except Exception:
        # One bad row must not wedge the pull: apply one by one, set aside what fails.
        for values in decoded:
            try:
                with connection.begin_nested():
                    connection.execute(statement, [values])
            except Exception as exc:
                summary.quarantined += 1
                connection.execute(
                    insert(dead_t).values(
                        op_id=new_id(),
                        entity=entity,
                        row_id=values["id"],
                        payload_json=json.dumps(
                            {k: encode_value(v) for k, v in values.items()}, ensure_ascii=False
                        ),
                        error=f"pulled row not applied: {str(getattr(exc, 'orig', exc))[:300]}",
                        created_at=datetime.now(UTC),
                    )
                )


class OfficeMismatch(Exception):
    def __init__(self, local_id: str, server_id: str) -> None:
        super().__init__(f"this database belongs to office {local_id}, the account to {server_id}")
        self.local_id = local_id
        self.server_id = server_id


def _set_state(connection: Connection, key: str, value: str) -> None:
    statement = sqlite_insert(state_t).values(key=key, value=value)
    connection.execute(statement.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def _op_of(entry: Any) -> Op:
    changes = json.loads(entry.changes_json or "{}")
    if not isinstance(changes, dict):
        raise ValueError("changes are not an object")
    base = entry.base_version if entry.base_version is not None and entry.base_version >= 0 else None
    return Op(
        op_id=entry.op_id,
        entity=entry.entity,
        row_id=entry.row_id,
        op=entry.op,
        base_version=base,
        changes=changes,
        hlc=entry.hlc,
    )


def _dead_letter(connection: Connection, seq: int, op: Op, error: str) -> None:
    connection.execute(delete(outbox_t).where(outbox_t.c.seq == seq))
    connection.execute(delete(dead_t).where(dead_t.c.op_id == op.op_id))
    connection.execute(
        insert(dead_t).values(
            op_id=op.op_id,
            entity=op.entity,
            row_id=op.row_id,
            payload_json=op.model_dump_json(),
            error=error,
            created_at=datetime.now(UTC),
        )
    )


def _record_conflict(connection: Connection, record: ConflictRecord, now: datetime, record_id: str) -> None:
    mine, theirs = (record.lost, record.kept) if record.lost_is_mine else (record.kept, record.lost)
    connection.execute(
        sqlite_insert(conflict_t)
        .on_conflict_do_nothing(index_elements=["id"])
        .values(
            id=record_id,
            entity=record.entity,
            row_id=record.row_id,
            field=record.field,
            local_json=json.dumps(mine, ensure_ascii=False),
            remote_json=json.dumps(theirs, ensure_ascii=False),
            kept_side="remote" if record.lost_is_mine else "local",
            policy=record.policy,
            detected_at=now,
            resolution="",
        )
    )


def _apply_conflicts(connection: Connection, rows: list[PulledRow]) -> None:
    """Conflicts of the office, from whichever desk they arose on: new ones join the inbox (seen
    from this desk: "mine" is the value this desk wrote if it wrote the kept one, otherwise the
    value that lost), and one resolved elsewhere leaves it. A resolution made here and not yet
    sent stays."""
    _set_state(connection, SHARED_CONFLICTS, "1")
    raw = connection.scalar(select(Setting.value_json).where(Setting.key == "device_id"))
    device = json.loads(raw) if raw else ""
    ids = [row.id for row in rows]
    known = {
        row.id: row.resolved_at
        for row in connection.execute(
            select(conflict_t.c.id, conflict_t.c.resolved_at).where(conflict_t.c.id.in_(ids))
        )
    }
    for row in rows:
        values = row.values
        resolved_at = _when(values.get("resolved_at"))
        if row.id in known:
            if known[row.id] is None and resolved_at is not None:
                connection.execute(
                    update(conflict_t)
                    .where(conflict_t.c.id == row.id)
                    .values(resolved_at=resolved_at, resolution=str(values.get("resolution") or "")[:16])
                )
            continue
        ours = bool(device) and values.get("kept_device") == device
        mine, theirs = (
            (values.get("kept"), values.get("lost")) if ours else (values.get("lost"), values.get("kept"))
        )
        connection.execute(
            insert(conflict_t).values(
                id=row.id,
                entity=str(values.get("entity") or ""),
                row_id=str(values.get("row_id") or ""),
                field=str(values.get("field") or ""),
                local_json=json.dumps(mine, ensure_ascii=False),
                remote_json=json.dumps(theirs, ensure_ascii=False),
                kept_side="local" if ours else "remote",
                policy=str(values.get("policy") or "")[:32],
                detected_at=_when(values.get("detected_at")) or datetime.now(UTC),
                resolved_at=resolved_at,
                resolution=str(values.get("resolution") or "")[:16],
            )
        )


def queue_resolution(connection: Connection, record_id: str, choice: str, hlc: str) -> None:
    """Tell the other desks that this conflict is resolved (only to a server that shares them)."""
    shared = connection.scalar(select(state_t.c.value).where(state_t.c.key == SHARED_CONFLICTS))
    if shared != "1":
        return
    changes = {"resolution": {"old": "", "new": choice}}
    connection.execute(
        insert(outbox_t).values(**_outbox_values(CONFLICT_ENTITY, record_id, "update", None, changes, hlc))
    )


def _when(raw: Any) -> datetime | None:
    if not isinstance(raw, str) or not raw:
        return None
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _pending_fields(connection: Connection, row_ids: list[str]) -> dict[str, set[str]]:
    pending: dict[str, set[str]] = defaultdict(set)
    for chunk in _chunks(row_ids, 500):
        for row_id, changes_json in connection.execute(
            select(outbox_t.c.row_id, outbox_t.c.changes_json).where(outbox_t.c.row_id.in_(chunk))
        ):
            try:
                pending[row_id].update(json.loads(changes_json or "{}"))
            except ValueError:
                continue
    return pending


def _outbox_values(
    entity: str, row_id: str, op: str, base_version: int | None, changes: dict[str, Any], hlc: str
) -> dict[str, Any]:
    return {
        "op_id": new_id(),
        "entity": entity,
        "row_id": row_id,
        "op": op,
        "base_version": base_version,
        "changes_json": json.dumps(changes, ensure_ascii=False, sort_keys=True),
        "hlc": hlc,
        "created_at": datetime.now(UTC),
        "attempts": 0,
        "last_error": "",
    }


def _loads_or_text(raw: str | None) -> Any:
    try:
        return json.loads(raw or "{}")
    except ValueError:
        return raw  # kept as it was, for whoever looks into it


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
