"""Applying pushed ops (DESIGN.md §3) in two phases, so that pushes of one office wait for each
other only as long as they must. A batch is one office's share of one push, or of several pushes
written together (``Pusher``, group commit), applied in the order they arrived.

The office's version counter is a row lock held until commit: whoever holds it writes the next
versions, and pushes of one office commit in version order, so a pull never sees version N+1
before N (the cursor stays safe). Everything that does not need the counter happens before it is
taken: the stored results of replayed ops are read, the batch's rows are locked (in id order, so
two batches never deadlock), every op is merged and checked in memory against those rows, with
versions counted from the counter as last seen. Only then is the counter taken, once for the whole
batch, the provisional versions are moved onto the real ones, and the batch is written in a few
set-wise statements. A concurrent push that claimed the same unique key, inserted the same row or
stored the same op first makes the write fail on a key: the batch is then worked out again from
what that push committed.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from app.server.group import GroupCommit
from app.server.merge import RowState, merge
from app.server.pipeline import Sender
from app.server.schema import SCHEMAS, InvalidValue
from app.server.store import (
    CENTRAL_ONLY,
    Caller,
    checker,
    conflict_t,
    digest_t,
    office_t,
    oplog_t,
    rows_t,
    unique_t,
)
from app.sync.digest import EMPTY_DIGEST, combine
from app.sync.hlc import parse_hlc
from app.sync.protocol import (
    CONFLICT_ENTITY,
    RESOLUTIONS,
    ConflictRecord,
    Op,
    OpResult,
    OpStatus,
    conflict_id,
)

log = logging.getLogger(__name__)

ATTEMPTS = 3
# Ops written together at most; one push may hold more (up to the protocol's MAX_PUSH_OPS).
GROUP_OPS = 2000


Push = tuple[Caller, list[Op]]
Answer = tuple[list[OpResult], int]  # the results of a push's ops, and its office's version after it


class Pusher:
    """The server's way in for pushes. Pushes that arrive while another is being written wait
    and are then written together, in one transaction (app/server/group.py): a burst of desks
    syncing at once costs about one take of the office counter and one commit, instead of each
    push queueing behind the others' round trips and commits. On PostgreSQL pushes are grouped
    by office (each office has its own counter); on SQLite, where the whole file has one writer
    at a time, pushes of every office are grouped."""

    def __init__(self, engine: Engine) -> None:
        self._by_office = engine.dialect.name != "sqlite"
        self._groups: GroupCommit[Push, Answer] = GroupCommit(
            together=lambda _key, pushes: push_together(engine, pushes),
            alone=lambda _key, one: push_together(engine, [one])[0],
            size=lambda one: len(one[1]),
            limit=GROUP_OPS,
        )

    def push(self, caller: Caller, ops: list[Op]) -> Answer:
        return self._groups.submit(caller.office_id if self._by_office else "", (caller, ops))


def push(engine: Engine, caller: Caller, ops: list[Op]) -> Answer:
    """One push on its own."""
    return push_together(engine, [(caller, ops)])[0]


def push_together(engine: Engine, pushes: list[Push]) -> list[Answer]:
    """Several pushes in one transaction: the same outcome as one after the other, in the order
    given, for one take of each office's counter and one commit."""
    by_office: dict[str, list[int]] = {}
    for index, (caller, _ops) in enumerate(pushes):
        by_office.setdefault(caller.office_id, []).append(index)
    for attempt in range(1, ATTEMPTS + 1):
        try:
            answers: dict[int, list[_Done]] = {}
            versions: dict[str, int] = {}
            with engine.begin() as connection:
                for office_id, indices in sorted(by_office.items()):
                    batch = _Batch(connection, office_id)
                    batch.load([op for index in indices for op in pushes[index][1]])
                    for index in indices:
                        answers[index] = batch.apply(*pushes[index])
                    versions[office_id] = batch.write()
            return [
                ([done.result for done in answers[index]], versions[caller.office_id])
                for index, (caller, _ops) in enumerate(pushes)
            ]
        except IntegrityError:
            if attempt == ATTEMPTS:
                raise
            log.info("a push of %s raced another push; working it out again", ", ".join(by_office))
    raise AssertionError("unreachable")


@dataclass
class _Row:
    entity: str
    state: RowState
    stored_version: int | None  # the version on disk before this batch; None for a new row
    written: bool = False


@dataclass
class _Done:
    op_id: str
    result: OpResult
    device_id: str = ""  # the server's device row that pushed it

    @property
    def logged(self) -> bool:
        return self.result.status != OpStatus.REJECTED  # a rejected op may apply after a fix


@dataclass
class _Checkpoint:
    rows: dict[str, _Row | None]
    claims: dict[str, str | None]
    held: dict[str, set[str]]
    next_offset: int
    conflicts: int
    done: int


@dataclass
class _Batch:
    connection: Connection
    office_id: str
    caller: Caller | None = None  # whose ops are being applied
    rows: dict[str, _Row | None] = field(default_factory=dict)
    # Unique keys as this batch leaves them: key -> owning row (None: released).
    claims: dict[str, str | None] = field(default_factory=dict)
    held: dict[str, set[str]] = field(default_factory=dict)  # row -> keys it held before the batch
    seen_version: int = 0
    next_offset: int = 1
    conflict_rows: list[dict[str, Any]] = field(default_factory=list)
    done: list[_Done] = field(default_factory=list)  # applied in this batch, in order
    stored: dict[str, _Done] = field(default_factory=dict)  # op id -> its result, for replays
    foreign: set[str] = field(default_factory=set)  # ids of rows that belong to another office

    # ----- phase 1: read, lock the rows, merge in memory --------------------------------------

    def load(self, ops: list[Op]) -> None:
        self.stored = {op_id: _Done(op_id, result) for op_id, result in self._stored_results(ops).items()}
        self._lock_rows(sorted({op.row_id for op in ops}))
        office_version = self.connection.scalar(
            select(office_t.c.version).where(office_t.c.id == self.office_id)
        )
        if office_version is None:
            raise LookupError("office not found")
        self.seen_version = int(office_version)

    def apply(self, caller: Caller, ops: list[Op]) -> list[_Done]:
        """One desk's ops, in order; the answer to each (results final after ``write``)."""
        self.caller = caller
        answers = []
        for op in ops:
            if op.op_id in self.stored:
                answers.append(self.stored[op.op_id])
                continue
            checkpoint = self._checkpoint()
            try:
                result = self._apply(op)
            except Exception as exc:
                self._restore(checkpoint)
                log.exception("op %s failed", op.op_id)
                result = _rejected(op, f"server could not apply: {exc}")
            done = _Done(op.op_id, result, caller.device_id)
            self.done.append(done)
            answers.append(done)
            if done.logged:
                self.stored[op.op_id] = done
        return answers

    @property
    def _who(self) -> Caller:
        assert self.caller is not None, "apply() names whose ops these are"
        return self.caller

    def _stored_results(self, ops: list[Op]) -> dict[str, OpResult]:
        """Replays get the stored result back; an op id of another office is not theirs to see."""
        query = select(oplog_t.c.op_id, oplog_t.c.office_id, oplog_t.c.result_json).where(
            oplog_t.c.op_id.in_([op.op_id for op in ops])
        )
        return {
            op_id: (
                OpResult.model_validate_json(result_json)
                if office_id == self.office_id
                else OpResult(op_id=op_id, status=OpStatus.REJECTED, error="unknown op")
            )
            for op_id, office_id, result_json in self.connection.execute(query)
        }

    def _lock_rows(self, row_ids: list[str]) -> None:
        """The office's rows the batch touches, locked in id order; ids held by another office are
        noted (never locked: a push of one office must not wait on another's)."""
        for row_id in row_ids:
            self.rows[row_id] = None
        query = (
            select(rows_t.c.id, rows_t.c.entity, rows_t.c.version, rows_t.c.data, rows_t.c.field_meta)
            .where(rows_t.c.id.in_(row_ids), rows_t.c.office_id == self.office_id)
            .order_by(rows_t.c.id)
            .with_for_update()
        )
        for row in self.connection.execute(query):
            state = RowState(json.loads(row.data), json.loads(row.field_meta), row.version)
            self.rows[row.id] = _Row(row.entity, state, row.version)
        missing = [row_id for row_id, row in self.rows.items() if row is None]
        if missing:
            self.foreign.update(self.connection.scalars(select(rows_t.c.id).where(rows_t.c.id.in_(missing))))

    def _checkpoint(self) -> _Checkpoint:
        return _Checkpoint(
            dict(self.rows),
            dict(self.claims),
            {k: set(v) for k, v in self.held.items()},
            self.next_offset,
            len(self.conflict_rows),
            len(self.done),
        )

    def _restore(self, checkpoint: _Checkpoint) -> None:
        self.rows = checkpoint.rows
        self.claims = checkpoint.claims
        self.held = checkpoint.held
        self.next_offset = checkpoint.next_offset
        del self.conflict_rows[checkpoint.conflicts :]
        del self.done[checkpoint.done :]

    def _new_version(self) -> int:
        """A provisional version: the real one is known once the counter is taken (``write``)."""
        version = self.seen_version + self.next_offset
        self.next_offset += 1
        return version

    def _apply(self, op: Op) -> OpResult:
        caller = self._who
        if op.entity == CONFLICT_ENTITY:
            return self._resolve_conflict(op)
        schema = SCHEMAS.get(op.entity)
        if schema is None:
            return _rejected(op, f"unknown entity {op.entity!r}")
        if op.entity == "office" and op.row_id != caller.office_id:
            return _rejected(op, "an office may change only its own office record")
        if op.entity in CENTRAL_ONLY and caller.role != "central":
            return _rejected(op, f"{op.entity} is published by the central role only")
        row = self.rows.get(op.row_id)
        if op.row_id in self.foreign or (row is not None and row.entity != op.entity):
            return _rejected(op, f"{op.entity} {op.row_id} is not on the server")
        current = row.state if row else None
        try:
            outcome = merge(schema, current, op, caller.client_device_id)
        except InvalidValue as exc:
            return _rejected(op, str(exc))
        if outcome.status == OpStatus.REJECTED:
            return _rejected(op, outcome.error)
        version = current.version if current else None
        if outcome.changed:
            problem = self._write_row(op, row, outcome.data, outcome.changed)
            if problem:
                return _rejected(op, problem)
            version = outcome.data["version"]
        for record in outcome.conflicts:
            self._publish_conflict(op, record, current)
        return OpResult(op_id=op.op_id, status=outcome.status, version=version, conflicts=outcome.conflicts)

    def _write_row(self, op: Op, row: _Row | None, data: dict[str, Any], changed: set[str]) -> str:
        caller = self._who
        previous_hlc = str(data.get("updated_hlc") or "")
        data["id"] = op.row_id
        data["office_id"] = caller.office_id
        data["updated_hlc"] = max(op.hlc, previous_hlc)
        data["updated_at"] = datetime.fromtimestamp(parse_hlc(data["updated_hlc"])[0] / 1000, UTC).isoformat()
        data["updated_by"] = caller.username
        problem = checker.check(op.entity, data)
        if problem:
            return f"the row would not be valid: {problem}"
        problem = self._claim_unique_keys(op.entity, op.row_id, data)
        if problem:
            return problem
        version = self._new_version()
        data["version"] = version
        meta = dict(row.state.meta) if row else {}
        for name in changed:
            meta[name] = [version, op.hlc, caller.client_device_id]
        self.rows[op.row_id] = _Row(
            op.entity,
            RowState(data, meta, version),
            row.stored_version if row else None,
            written=True,
        )
        return ""

    def _claim_unique_keys(self, entity: str, row_id: str, data: dict[str, Any]) -> str:
        if not SCHEMAS[entity].unique_sets:
            return ""
        wanted = set()
        for columns in SCHEMAS[entity].unique_sets:
            values = [data.get(c) for c in columns]
            if any(v is None for v in values):
                continue
            wanted.add(f"{entity}:{','.join(columns)}:{json.dumps(values, ensure_ascii=False)}"[:600])
        holding = self._keys_of(row_id)
        for key in wanted - holding:
            owner = self._owner(key)
            if owner is not None and owner != row_id:
                return f"another {entity} record already has these values ({key.split(':', 2)[1]})"
        for key in holding - wanted:
            self.claims[key] = None
        for key in wanted - holding:
            self.claims[key] = row_id
        return ""

    def _keys_of(self, row_id: str) -> set[str]:
        if row_id not in self.held:
            self.held[row_id] = set(
                self.connection.scalars(select(unique_t.c.key).where(unique_t.c.row_id == row_id))
            )
        keys = {key for key in self.held[row_id] if self.claims.get(key, row_id) == row_id}
        return keys | {key for key, owner in self.claims.items() if owner == row_id}

    def _owner(self, key: str) -> str | None:
        if key in self.claims:
            return self.claims[key]
        owner = self.connection.scalar(
            select(unique_t.c.row_id).where(unique_t.c.office_id == self.office_id, unique_t.c.key == key)
        )
        return str(owner) if owner is not None else None

    # ----- conflicts: the office's, seen and resolved on every desk -------------------------

    def _publish_conflict(self, op: Op, record: ConflictRecord, current: RowState | None) -> None:
        """The conflict goes into the office's pull stream (entity ``sync_conflict``, a version of
        the office counter, not counted in the digests), so every desk of the office lists it. Its
        id is derived from the op and the field, so the pushing desk, which records it from the
        push answer, holds the same record."""
        caller = self._who
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
        self.rows[data["id"]] = _Row(
            CONFLICT_ENTITY, RowState(data, {}, self._new_version()), None, written=True
        )
        self.conflict_rows.append(
            {
                "office_id": caller.office_id,
                "entity": record.entity,
                "row_id": record.row_id,
                "field": record.field,
                "kept_json": json.dumps(record.kept, ensure_ascii=False),
                "lost_json": json.dumps(record.lost, ensure_ascii=False),
                "policy": record.policy,
                "op_id": op.op_id,
                "at": datetime.now(UTC),
            }
        )

    def _resolve_conflict(self, op: Op) -> OpResult:
        """A desk resolved a conflict: it is marked resolved for the whole office (the first
        resolution counts; the chosen value itself travels as an ordinary edit of the record)."""
        change = op.changes.get("resolution")
        choice = change.new if change is not None else None
        if op.op != "update" or not isinstance(choice, str) or choice not in RESOLUTIONS:
            return _rejected(op, f"a conflict is resolved with resolution = {' | '.join(RESOLUTIONS)}")
        row = self.rows.get(op.row_id)
        if row is None or row.entity != CONFLICT_ENTITY or op.row_id in self.foreign:
            # Recorded before conflicts were shared, or never here: nothing to tell the others.
            return OpResult(op_id=op.op_id, status=OpStatus.APPLIED)
        if row.state.data.get("resolved_at"):
            return OpResult(op_id=op.op_id, status=OpStatus.APPLIED, version=row.state.version)
        data = dict(row.state.data)
        data.update(
            resolved_at=datetime.now(UTC).isoformat(), resolution=choice, resolved_by=self._who.username
        )
        version = self._new_version()
        self.rows[op.row_id] = _Row(
            CONFLICT_ENTITY, RowState(data, {}, version), row.stored_version, written=True
        )
        return OpResult(op_id=op.op_id, status=OpStatus.APPLIED, version=version)

    # ----- phase 2: take the counter, write ----------------------------------------------------

    def write(self) -> int:
        """Writes the batch; returns the office's version after it. On PostgreSQL the counter and
        the digests are taken in one round trip and every write is sent in a second one."""
        used = self.next_offset - 1
        written = [(row_id, row) for row_id, row in self.rows.items() if row is not None and row.written]
        counted = [(row_id, row) for row_id, row in written if row.entity != CONFLICT_ENTITY]
        entities = sorted({row.entity for _row_id, row in counted})
        sender = Sender(self.connection)
        with sender.pipeline():
            taken, digests = self.seen_version, []
            if used:
                counter, digests = sender.fetch(
                    update(office_t)
                    .where(office_t.c.id == self.office_id)
                    .values(version=office_t.c.version + used)
                    .returning(office_t.c.version),
                    select(digest_t.c.entity, digest_t.c.count, digest_t.c.digest)
                    .where(digest_t.c.office_id == self.office_id, digest_t.c.entity.in_(entities))
                    .order_by(digest_t.c.entity)
                    .with_for_update(),
                )
                taken = int(counter[0][0])
            shift = taken - used - self.seen_version
            for _row_id, row in written:
                _shift_row(row.state, self.seen_version, shift)
            self._write_claims(sender)
            self._write_rows(sender, written)
            self._write_digests(sender, counted, {entity: (int(n), str(d)) for entity, n, d in digests})
            sender.execute(insert(conflict_t), self.conflict_rows)
            self._write_log(sender, shift)
        return taken

    def _write_rows(self, sender: Sender, written: list[tuple[str, _Row]]) -> None:
        new, changed = [], []
        for row_id, row in written:
            data = row.state.data
            values = {
                "version": row.state.version,
                "data": json.dumps(data, ensure_ascii=False, sort_keys=True),
                "field_meta": json.dumps(row.state.meta, sort_keys=True),
                "deleted": data.get("deleted_at") is not None,
                "deleted_at": datetime.fromisoformat(data["deleted_at"]) if data.get("deleted_at") else None,
            }
            if row.stored_version is None:
                new.append({"id": row_id, "office_id": self.office_id, "entity": row.entity, **values})
            else:
                changed.append({"row_id": row_id, **values})
        sender.execute(insert(rows_t), new)
        sender.execute(
            update(rows_t)
            .where(rows_t.c.id == bindparam("row_id"))
            .values(
                {name: bindparam(name) for name in ("version", "data", "field_meta", "deleted", "deleted_at")}
            ),
            changed,
        )

    def _write_digests(
        self, sender: Sender, counted: list[tuple[str, _Row]], existing: dict[str, tuple[int, str]]
    ) -> None:
        totals = {row.entity: existing.get(row.entity, (0, EMPTY_DIGEST)) for _row_id, row in counted}
        for row_id, row in counted:
            count, digest = totals[row.entity]
            if row.stored_version is not None:
                digest = combine(digest, row_id, row.stored_version)
                count -= 1
            totals[row.entity] = (count + 1, combine(digest, row_id, row.state.version))
        office_id = self.office_id
        sender.execute(
            insert(digest_t),
            [
                {"office_id": office_id, "entity": entity, "count": count, "digest": digest}
                for entity, (count, digest) in totals.items()
                if entity not in existing
            ],
        )
        sender.execute(
            update(digest_t)
            .where(digest_t.c.office_id == office_id, digest_t.c.entity == bindparam("d_entity"))
            .values(count=bindparam("count"), digest=bindparam("digest")),
            [
                {"d_entity": entity, "count": count, "digest": digest}
                for entity, (count, digest) in totals.items()
                if entity in existing
            ],
        )

    def _write_claims(self, sender: Sender) -> None:
        """Keys released or passed to another row in the batch are deleted, then the new owners'
        inserted: a key some other push claimed meanwhile fails here, on the table's key."""
        owner_on_disk = {key: row_id for row_id, keys in self.held.items() for key in keys}
        sender.execute(
            unique_t.delete().where(
                unique_t.c.office_id == bindparam("u_office"), unique_t.c.key == bindparam("u_key")
            ),
            [
                {"u_office": self.office_id, "u_key": key}
                for key, owner in self.claims.items()
                if key in owner_on_disk and owner_on_disk[key] != owner
            ],
        )
        sender.execute(
            insert(unique_t),
            [
                {"office_id": self.office_id, "key": key, "row_id": owner}
                for key, owner in self.claims.items()
                if owner is not None and owner_on_disk.get(key) != owner
            ],
        )

    def _write_log(self, sender: Sender, shift: int) -> None:
        now = datetime.now(UTC)
        entries = []
        for done in self.done:
            if not done.logged:
                continue
            result = done.result
            if shift and result.version is not None and result.version > self.seen_version:
                result = result.model_copy(update={"version": result.version + shift})
                done.result = result  # the answer to the desk carries the same version
            entries.append(
                {
                    "op_id": done.op_id,
                    "office_id": self.office_id,
                    "device_id": done.device_id,
                    "result_json": result.model_dump_json(),
                    "at": now,
                }
            )
        sender.execute(insert(oplog_t), entries)


def _shift_row(state: RowState, seen: int, shift: int) -> None:
    """Provisional versions (above ``seen``) move onto the versions the counter gave."""
    if not shift:
        return
    state.version += shift
    if "version" in state.data:
        state.data["version"] = state.version
    state.meta = {
        name: [entry[0] + shift, *entry[1:]] if entry and entry[0] > seen else entry
        for name, entry in state.meta.items()
    }


def _rejected(op: Op, reason: str) -> OpResult:
    return OpResult(op_id=op.op_id, status=OpStatus.REJECTED, error=reason[:500])
