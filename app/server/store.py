"""Push, pull and status against the server database (SQLAlchemy Core: one statement per need)."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select, update

from app.server.db import reading
from app.server.merge import Outcome, RowState, merge
from app.server.models import EntityDigestRow, OpLog, ServerConflict, ServerOffice, SyncRow, UniqueKey
from app.server.schema import SCHEMAS, InvalidValue, RowChecker
from app.sync.digest import EMPTY_DIGEST, combine
from app.sync.hlc import parse_hlc
from app.sync.protocol import (
    CONFLICT_ENTITY,
    RESOLUTIONS,
    ConflictRecord,
    EntityDigest,
    Op,
    OpResult,
    OpStatus,
    conflict_id,
)

log = logging.getLogger(__name__)

rows_t = cast(Table, SyncRow.__table__)
office_t = cast(Table, ServerOffice.__table__)
oplog_t = cast(Table, OpLog.__table__)
digest_t = cast(Table, EntityDigestRow.__table__)
unique_t = cast(Table, UniqueKey.__table__)
conflict_t = cast(Table, ServerConflict.__table__)


@dataclass(frozen=True)
class Caller:
    office_id: str
    account_id: str
    username: str
    role: str
    device_id: str  # the server's device row
    client_device_id: str  # the desktop's own id: who changed a field, for merges


class CursorAhead(Exception):
    """The client's cursor is past this server's counter: the server went back in time."""


class CursorGone(Exception):
    """Tombstones the cursor would need were purged."""


_checker = RowChecker()


def warm() -> None:
    """What the first push would otherwise build while holding its office's counter."""
    _checker.warm()


# ----- push ---------------------------------------------------------------------------------


def push(engine: Engine, caller: Caller, ops: list[Op]) -> tuple[list[OpResult], int]:
    results: list[OpResult] = []
    with engine.begin() as connection:
        # Lock this office's counter for the whole batch: pushes of one office commit in version
        # order, so a pull never sees version N+1 before N is visible (the cursor is safe).
        office_version = connection.scalar(
            update(office_t)
            .where(office_t.c.id == caller.office_id)
            .values(version=office_t.c.version)
            .returning(office_t.c.version)
        )
        if office_version is None:
            raise LookupError("office not found")
        known = _stored_results(connection, [op.op_id for op in ops])
        for op in ops:
            stored = known.get(op.op_id)
            if stored is not None:
                office_of_op, result = stored
                if office_of_op != caller.office_id:
                    result = OpResult(op_id=op.op_id, status=OpStatus.REJECTED, error="unknown op")
                results.append(result)
                continue
            savepoint = connection.begin_nested()
            try:
                result = _apply(connection, caller, op)
                if result.status != OpStatus.REJECTED:
                    connection.execute(
                        insert(oplog_t).values(
                            op_id=op.op_id,
                            office_id=caller.office_id,
                            device_id=caller.device_id,
                            result_json=result.model_dump_json(),
                            at=datetime.now(UTC),
                        )
                    )
                    known[op.op_id] = (caller.office_id, result)
                savepoint.commit()
            except Exception as exc:
                savepoint.rollback()
                log.exception("op %s failed", op.op_id)
                result = OpResult(
                    op_id=op.op_id, status=OpStatus.REJECTED, error=f"server could not apply: {exc}"[:300]
                )
            results.append(result)
        office_version = connection.scalar(
            select(office_t.c.version).where(office_t.c.id == caller.office_id)
        )
    return results, int(office_version or 0)


def _stored_results(connection: Connection, op_ids: list[str]) -> dict[str, tuple[str, OpResult]]:
    found: dict[str, tuple[str, OpResult]] = {}
    if not op_ids:
        return found
    query = select(oplog_t.c.op_id, oplog_t.c.office_id, oplog_t.c.result_json).where(
        oplog_t.c.op_id.in_(op_ids)
    )
    for op_id, office_id, result_json in connection.execute(query):
        found[op_id] = (office_id, OpResult.model_validate_json(result_json))
    return found


def _rejected(op: Op, reason: str) -> OpResult:
    return OpResult(op_id=op.op_id, status=OpStatus.REJECTED, error=reason[:500])


def _apply(connection: Connection, caller: Caller, op: Op) -> OpResult:
    if op.entity == CONFLICT_ENTITY:
        return _resolve_conflict(connection, caller, op)
    schema = SCHEMAS.get(op.entity)
    if schema is None:
        return _rejected(op, f"unknown entity {op.entity!r}")
    if op.entity == "office" and op.row_id != caller.office_id:
        return _rejected(op, "an office may change only its own office record")
    if op.entity in CENTRAL_ONLY and caller.role != "central":
        return _rejected(op, f"{op.entity} is published by the central role only")
    row = connection.execute(
        select(
            rows_t.c.office_id, rows_t.c.entity, rows_t.c.version, rows_t.c.data, rows_t.c.field_meta
        ).where(rows_t.c.id == op.row_id)
    ).first()
    if row is not None and (row.office_id != caller.office_id or row.entity != op.entity):
        return _rejected(op, f"{op.entity} {op.row_id} is not on the server")
    current = RowState(json.loads(row.data), json.loads(row.field_meta), row.version) if row else None
    try:
        outcome = merge(schema, current, op, caller.client_device_id)
    except InvalidValue as exc:
        return _rejected(op, str(exc))
    if outcome.status == OpStatus.REJECTED:
        return _rejected(op, outcome.error)
    version = current.version if current else None
    if outcome.changed:
        problem = _write(connection, caller, op, current, outcome)
        if problem:
            return _rejected(op, problem)
        version = outcome.data["version"]
    for record in outcome.conflicts:
        _publish_conflict(connection, caller, op, record, current)
        connection.execute(
            insert(conflict_t).values(
                office_id=caller.office_id,
                entity=record.entity,
                row_id=record.row_id,
                field=record.field,
                kept_json=json.dumps(record.kept, ensure_ascii=False),
                lost_json=json.dumps(record.lost, ensure_ascii=False),
                policy=record.policy,
                op_id=op.op_id,
                at=datetime.now(UTC),
            )
        )
    return OpResult(op_id=op.op_id, status=outcome.status, version=version, conflicts=outcome.conflicts)


def _write(connection: Connection, caller: Caller, op: Op, current: RowState | None, outcome: Outcome) -> str:
    data = outcome.data
    previous_hlc = str(data.get("updated_hlc") or "")
    data["id"] = op.row_id
    data["office_id"] = caller.office_id
    data["updated_hlc"] = max(op.hlc, previous_hlc)
    data["updated_at"] = datetime.fromtimestamp(parse_hlc(data["updated_hlc"])[0] / 1000, UTC).isoformat()
    data["updated_by"] = caller.username
    problem = _checker.check(op.entity, data)
    if problem:
        return f"the row would not be valid: {problem}"
    problem = _claim_unique_keys(connection, caller.office_id, op.entity, op.row_id, data)
    if problem:
        return problem
    version = _next_version(connection, caller.office_id)
    data["version"] = version
    meta = dict(current.meta) if current else {}
    for name in outcome.changed:
        meta[name] = [version, op.hlc, caller.client_device_id]
    values: dict[str, Any] = {
        "version": version,
        "data": json.dumps(data, ensure_ascii=False, sort_keys=True),
        "field_meta": json.dumps(meta, sort_keys=True),
        "deleted": data.get("deleted_at") is not None,
        "deleted_at": datetime.fromisoformat(data["deleted_at"]) if data.get("deleted_at") else None,
    }
    if current is None:
        connection.execute(
            insert(rows_t).values(id=op.row_id, office_id=caller.office_id, entity=op.entity, **values)
        )
    else:
        connection.execute(update(rows_t).where(rows_t.c.id == op.row_id).values(**values))
    _update_digest(
        connection, caller.office_id, op.entity, op.row_id, current.version if current else None, version
    )
    return ""


def _next_version(connection: Connection, office_id: str) -> int:
    return int(
        connection.scalar(
            update(office_t)
            .where(office_t.c.id == office_id)
            .values(version=office_t.c.version + 1)
            .returning(office_t.c.version)
        )
    )


# ----- conflicts: the office's, seen and resolved on every desk -------------------------------


def _publish_conflict(
    connection: Connection, caller: Caller, op: Op, record: ConflictRecord, current: RowState | None
) -> None:
    """The conflict goes into the office's pull stream (entity ``sync_conflict``, a version of the
    office counter, not counted in the digests), so every desk of the office lists it. Its id is
    derived from the op and the field, so the pushing desk, which records it from the push answer,
    holds the same record."""
    meta = current.meta.get(record.field) if current else None
    other_device = str(meta[2]) if meta and len(meta) > 2 else ""
    mine = caller.client_device_id
    data = {
        "id": conflict_id(op.op_id, record.field),
        "entity": record.entity,
        "row_id": record.row_id,
        "field": record.field,
        "kept": record.kept,
        "lost": record.lost,
        "kept_hlc": record.kept_hlc,
        "lost_hlc": record.lost_hlc,
        "kept_device": other_device if record.lost_is_mine else mine,
        "lost_device": mine if record.lost_is_mine else other_device,
        "policy": record.policy,
        "detected_at": datetime.now(UTC).isoformat(),
        "resolved_at": None,
        "resolution": "",
        "resolved_by": "",
    }
    if connection.scalar(select(rows_t.c.id).where(rows_t.c.id == data["id"])) is not None:
        return
    version = _next_version(connection, caller.office_id)
    connection.execute(
        insert(rows_t).values(
            id=data["id"],
            office_id=caller.office_id,
            entity=CONFLICT_ENTITY,
            version=version,
            data=json.dumps(data, ensure_ascii=False, sort_keys=True),
            field_meta="{}",
            deleted=False,
            deleted_at=None,
        )
    )


def _resolve_conflict(connection: Connection, caller: Caller, op: Op) -> OpResult:
    """A desk resolved a conflict: it is marked resolved for the whole office (the first resolution
    counts; the chosen value itself travels as an ordinary edit of the record)."""
    change = op.changes.get("resolution")
    choice = change.new if change is not None else None
    if op.op != "update" or not isinstance(choice, str) or choice not in RESOLUTIONS:
        return _rejected(op, f"a conflict is resolved with resolution = {' | '.join(RESOLUTIONS)}")
    row = connection.execute(
        select(rows_t.c.office_id, rows_t.c.entity, rows_t.c.version, rows_t.c.data).where(
            rows_t.c.id == op.row_id
        )
    ).first()
    if row is None or row.office_id != caller.office_id or row.entity != CONFLICT_ENTITY:
        # Recorded before conflicts were shared, or never here: nothing to tell the others.
        return OpResult(op_id=op.op_id, status=OpStatus.APPLIED)
    data = json.loads(row.data)
    if data.get("resolved_at"):
        return OpResult(op_id=op.op_id, status=OpStatus.APPLIED, version=row.version)
    version = _next_version(connection, caller.office_id)
    data.update(resolved_at=datetime.now(UTC).isoformat(), resolution=choice, resolved_by=caller.username)
    connection.execute(
        update(rows_t)
        .where(rows_t.c.id == op.row_id)
        .values(version=version, data=json.dumps(data, ensure_ascii=False, sort_keys=True))
    )
    return OpResult(op_id=op.op_id, status=OpStatus.APPLIED, version=version)


def _claim_unique_keys(
    connection: Connection, office_id: str, entity: str, row_id: str, data: dict[str, Any]
) -> str:
    wanted = set()
    for columns in SCHEMAS[entity].unique_sets:
        values = [data.get(c) for c in columns]
        if any(v is None for v in values):
            continue
        wanted.add(f"{entity}:{','.join(columns)}:{json.dumps(values, ensure_ascii=False)}"[:600])
    held = set(connection.scalars(select(unique_t.c.key).where(unique_t.c.row_id == row_id)))
    for key in wanted - held:
        owner = connection.scalar(
            select(unique_t.c.row_id).where(unique_t.c.office_id == office_id, unique_t.c.key == key)
        )
        if owner is not None and owner != row_id:
            return f"another {entity} record already has these values ({key.split(':', 2)[1]})"
    if held - wanted:
        connection.execute(
            delete(unique_t).where(unique_t.c.row_id == row_id, unique_t.c.key.in_(held - wanted))
        )
    for key in wanted - held:
        connection.execute(insert(unique_t).values(office_id=office_id, key=key, row_id=row_id))
    return ""


def _update_digest(
    connection: Connection,
    office_id: str,
    entity: str,
    row_id: str,
    old_version: int | None,
    new_version: int | None,
) -> None:
    where = (digest_t.c.office_id == office_id) & (digest_t.c.entity == entity)
    existing = connection.execute(select(digest_t.c.count, digest_t.c.digest).where(where)).first()
    count, digest = (int(existing[0]), str(existing[1])) if existing else (0, EMPTY_DIGEST)
    if old_version is not None:
        digest = combine(digest, row_id, old_version)
        count -= 1
    if new_version is not None:
        digest = combine(digest, row_id, new_version)
        count += 1
    if existing is None:
        connection.execute(
            insert(digest_t).values(office_id=office_id, entity=entity, count=count, digest=digest)
        )
    else:
        connection.execute(update(digest_t).where(where).values(count=count, digest=digest))


# ----- pull ---------------------------------------------------------------------------------


def pull_page(
    engine: Engine,
    office_id: str,
    since: int,
    limit: int,
    entity: str | None = None,
    entities: tuple[str, ...] | None = None,
) -> tuple[list[tuple[str, str, int, str, bool]], int, bool]:
    """Rows after ``since`` in version order: (entity, id, version, data JSON, deleted)."""
    with reading(engine) as connection:
        office = connection.execute(
            select(office_t.c.version, office_t.c.tombstone_horizon).where(office_t.c.id == office_id)
        ).first()
        if office is None:
            raise LookupError("office not found")
        if since > office.version:
            raise CursorAhead()
        if 0 < since < office.tombstone_horizon:
            raise CursorGone()
        query = select(rows_t.c.entity, rows_t.c.id, rows_t.c.version, rows_t.c.data, rows_t.c.deleted).where(
            rows_t.c.office_id == office_id, rows_t.c.version > since
        )
        if entity is not None:
            query = query.where(rows_t.c.entity == entity)
        if entities is not None:
            query = query.where(rows_t.c.entity.in_(entities))
        rows = [tuple(r) for r in connection.execute(query.order_by(rows_t.c.version).limit(limit + 1))]
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = rows[-1][2] if rows else since
    if not has_more and entity is None and entities is None:
        next_cursor = max(next_cursor, since)
    if not has_more and entities is not None:
        # Everything of this office up to its counter was seen (pushes commit in version order).
        next_cursor = max(next_cursor, since, int(office.version))
    return rows, next_cursor, has_more  # type: ignore[return-value]


# Published by the central role, read by every office (DESIGN.md §3, reference data).
REFERENCE_ENTITIES = ("press_agency", "holiday_override")
# Reference data that only the central role may write (offices keep their own press agencies).
CENTRAL_ONLY = ("holiday_override",)


def reference_office(engine: Engine) -> str | None:
    """The office whose accounts hold the central role: its reference rows reach every office."""
    from app.server.models import Account

    with reading(engine) as connection:
        return connection.scalar(
            select(Account.office_id).where(Account.role == "central").order_by(Account.created_at).limit(1)
        )


def office_status(engine: Engine, office_id: str) -> tuple[int, int, dict[str, EntityDigest]]:
    with reading(engine) as connection:
        office = connection.execute(
            select(office_t.c.version, office_t.c.tombstone_horizon).where(office_t.c.id == office_id)
        ).first()
        if office is None:
            raise LookupError("office not found")
        digests = {
            entity: EntityDigest(count=count, digest=digest)
            for entity, count, digest in connection.execute(
                select(digest_t.c.entity, digest_t.c.count, digest_t.c.digest).where(
                    digest_t.c.office_id == office_id
                )
            )
            if count
        }
    return office.version, office.tombstone_horizon, digests


def purge_tombstones(engine: Engine, older_than: timedelta) -> int:
    """Drop tombstones older than the horizon; cursors before them must re-pull everything."""
    cutoff = datetime.now(UTC) - older_than
    purged = 0
    with engine.begin() as connection:
        doomed = connection.execute(
            select(rows_t.c.id, rows_t.c.office_id, rows_t.c.entity, rows_t.c.version).where(
                rows_t.c.deleted.is_(True), rows_t.c.deleted_at < cutoff
            )
        ).all()
        horizons: dict[str, int] = {}
        for row in doomed:
            _update_digest(connection, row.office_id, row.entity, row.id, row.version, None)
            horizons[row.office_id] = max(horizons.get(row.office_id, 0), row.version)
            purged += 1
        ids = [row.id for row in doomed]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            connection.execute(delete(unique_t).where(unique_t.c.row_id.in_(chunk)))
            connection.execute(delete(rows_t).where(rows_t.c.id.in_(chunk)))
        for office_id, version in horizons.items():
            connection.execute(
                update(office_t)
                .where(office_t.c.id == office_id)
                .values(tombstone_horizon=func.max(office_t.c.tombstone_horizon, version))
                if connection.dialect.name == "sqlite"
                else update(office_t)
                .where(office_t.c.id == office_id)
                .values(tombstone_horizon=func.greatest(office_t.c.tombstone_horizon, version))
            )
    return purged
