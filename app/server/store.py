"""Push, pull and status against the server database (SQLAlchemy Core: one statement per need)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import cast

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select, update

from app.server.db import reading
from app.server.models import EntityDigestRow, OpLog, ServerConflict, ServerOffice, SyncRow, UniqueKey
from app.server.schema import RowChecker
from app.sync.digest import EMPTY_DIGEST, combine
from app.sync.protocol import (
    EntityDigest,
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


checker = RowChecker()


def warm() -> None:
    """What the first push would otherwise build for itself."""
    checker.warm()


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
    """Drop tombstones older than the horizon; cursors before them must re-pull everything.

    Locks are taken in the order a push takes them (rows by id, then the office, then its digests),
    so a purge and a push never wait for each other in a circle."""
    cutoff = datetime.now(UTC) - older_than
    purged = 0
    with engine.begin() as connection:
        doomed = connection.execute(
            select(rows_t.c.id, rows_t.c.office_id, rows_t.c.entity, rows_t.c.version)
            .where(rows_t.c.deleted.is_(True), rows_t.c.deleted_at < cutoff)
            .order_by(rows_t.c.id)
            .with_for_update()
        ).all()
        horizons: dict[str, int] = {}
        for row in doomed:
            horizons[row.office_id] = max(horizons.get(row.office_id, 0), row.version)
        greatest = func.max if connection.dialect.name == "sqlite" else func.greatest
        for office_id, version in sorted(horizons.items()):
            connection.execute(
                update(office_t)
                .where(office_t.c.id == office_id)
                .values(tombstone_horizon=greatest(office_t.c.tombstone_horizon, version))
            )
        for row in sorted(doomed, key=lambda r: (r.office_id, r.entity)):
            _update_digest(connection, row.office_id, row.entity, row.id, row.version, None)
            purged += 1
        ids = [row.id for row in doomed]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            connection.execute(delete(unique_t).where(unique_t.c.row_id.in_(chunk)))
            connection.execute(delete(rows_t).where(rows_t.c.id.in_(chunk)))
    return purged
