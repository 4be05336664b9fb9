"""Three desks, random creates, edits and deletes, random partitions, restarts and sync orders:
after everyone syncs, every replica equals the server and every acknowledged write is either
the value that stands, superseded by a later write that saw it, or kept in a conflict record."""

from __future__ import annotations

import contextlib
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlalchemy import select
from sync_harness import (  # noqa: F401  (fixtures)
    Desk,
    Harness,
    LiveServer,
    assert_same_as_server,
    database_url,
    inject,
    memory_keyring_fixture,
    quick_argon2_fixture,
    server_kind_fixture,
    server_rows,
)

from app.server.models import OpLog, ServerConflict

DESKS = ("an", "binh", "cuong")
FIELDS = ("notes", "title")


class ThreeDesks(RuleBasedStateMachine):
    kind = "sqlite"

    def __init__(self) -> None:
        super().__init__()
        self._stack = contextlib.ExitStack()
        folder = Path(self._stack.enter_context(tempfile.TemporaryDirectory(prefix="sync-stateful-")))
        url = self._stack.enter_context(database_url(self.kind, folder))
        self.server = LiveServer(url)
        self.server.start()
        self.harness = Harness(self.server, folder)
        self.desks: dict[str, Desk] = {}
        for index, name in enumerate(DESKS):
            self.desks[name] = self.harness.desk(name, set_up=index == 0)
        self.partitioned: set[str] = set()
        for name in DESKS:
            self._route(name)
        self.counter = 0
        self.writes: dict[str, tuple[str, str, str]] = {}  # value -> (op id, row id, field)

    def _route(self, name: str) -> None:
        inject(self.desks[name], lambda _request, n=name: "before" if n in self.partitioned else None)

    def _value(self, name: str) -> str:
        self.counter += 1
        return f"{name}-{self.counter}"

    def _last_op(self, name: str) -> str:
        from app.models import OutboxEntry

        with self.desks[name].services.db.session() as session:
            return str(
                session.scalars(select(OutboxEntry.op_id).order_by(OutboxEntry.seq.desc()).limit(1)).one()
            )

    def _live_ids(self, name: str) -> list[str]:
        return sorted(j.id for j in self.desks[name].services.journalists.list())

    @rule(desk=st.sampled_from(DESKS))
    def create(self, desk: str) -> None:
        value = self._value(desk)
        row = self.desks[desk].services.journalists.create({"full_name": f"Nhà báo {value}", "notes": value})
        self.writes[value] = (self._last_op(desk), row.id, "notes")

    @rule(desk=st.sampled_from(DESKS), pick=st.integers(0, 50), field=st.sampled_from(FIELDS))
    def edit(self, desk: str, pick: int, field: str) -> None:
        ids = self._live_ids(desk)
        if not ids:
            return
        row_id = ids[pick % len(ids)]
        value = self._value(desk)
        self.desks[desk].services.journalists.update(row_id, {field: value})
        self.writes[value] = (self._last_op(desk), row_id, field)

    @rule(desk=st.sampled_from(DESKS), pick=st.integers(0, 50))
    def delete(self, desk: str, pick: int) -> None:
        ids = self._live_ids(desk)
        if ids:
            self.desks[desk].services.journalists.delete(ids[pick % len(ids)])

    @rule(desk=st.sampled_from(DESKS))
    def sync(self, desk: str) -> None:
        result = self.desks[desk].round()
        if desk in self.partitioned:
            assert (result.ok, result.failure) == (False, "offline")
        else:
            assert result.ok, result.summary()

    @rule(desk=st.sampled_from(DESKS))
    def partition(self, desk: str) -> None:
        self.partitioned.add(desk)

    @rule(desk=st.sampled_from(DESKS))
    def heal(self, desk: str) -> None:
        self.partitioned.discard(desk)

    @precondition(lambda self: self.counter > 0)
    @rule(desk=st.sampled_from(DESKS))
    def restart(self, desk: str) -> None:
        from app.services import open_services
        from app.sync.client import SecretStore, SyncClient

        old = self.desks[desk]
        folder = old.services.db.path.parent
        old.close()
        self.harness.desks.remove(old)
        services = open_services(folder, actor=desk)
        self.desks[desk] = Desk(desk, services, SyncClient(services, SecretStore()))
        self.harness.desks.append(self.desks[desk])
        self._route(desk)

    @invariant()
    def never_more_than_written(self) -> None:
        assert len(server_rows(self.server)) <= self.counter + 1

    def teardown(self) -> None:
        try:
            self._converge_and_check()
        finally:
            self.harness.close()
            self.server.close()
            self._stack.close()

    def _converge_and_check(self) -> None:
        self.partitioned.clear()
        for _ in range(2):
            for name in DESKS:
                assert self.desks[name].round().ok
        for name in DESKS:
            assert self.desks[name].sync.store.pending_count() == 0
            assert self.desks[name].sync.store.dead_letters() == []
            assert_same_as_server(self.desks[name], self.server)
        self._acknowledged_writes_survive()

    def _acknowledged_writes_survive(self) -> None:
        final = server_rows(self.server)
        with self.server.engine.connect() as connection:
            results = {
                op_id: json.loads(raw)
                for op_id, raw in connection.execute(select(OpLog.op_id, OpLog.result_json))
            }
            kept = {
                (row_id, field, json.loads(lost))
                for row_id, field, lost in connection.execute(
                    select(ServerConflict.row_id, ServerConflict.field, ServerConflict.lost_json)
                )
            }
        by_field: dict[tuple[str, str], list[tuple[int, str, bool]]] = {}
        for value, (op_id, row_id, field) in self.writes.items():
            result = results.get(op_id)
            if result is None:
                continue  # never acknowledged (the desk's data was checked above)
            lost = any(c["field"] == field and c["lost"] == value for c in result["conflicts"])
            by_field.setdefault((row_id, field), []).append((int(result["version"] or 0), value, lost))
        assert by_field or not self.writes
        for (row_id, field), acked in by_field.items():
            acked.sort()
            for position, (version, value, _lost) in enumerate(acked):
                standing = final.get(row_id, {}).get(field) == value
                superseded = any(v > version and not lost for v, _other, lost in acked[position + 1 :])
                in_conflict = (row_id, field, value) in kept
                assert standing or superseded or in_conflict, (row_id, field, value, final.get(row_id))


@pytest.mark.timeout(900)
def test_three_desks_converge_and_keep_every_acknowledged_write(server_kind: str) -> None:
    machine = type(f"ThreeDesks_{server_kind}", (ThreeDesks,), {"kind": server_kind})
    run = settings(
        max_examples=12 if server_kind == "sqlite" else 6,
        stateful_step_count=30,
        deadline=None,
        database=None,
        # Each step is real network and disk work: report the failing run as found, unshrunk.
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )(machine).TestCase
    run().runTest()
