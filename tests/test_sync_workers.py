"""Several server worker processes on one database (``commdesk-server serve --workers 2``): desks
pushing to the same office at once get strictly increasing versions with no gaps or duplicates,
every op is applied once, and a batch replayed to whichever worker answers changes nothing."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select
from sync_harness import (  # noqa: F401  (fixtures)
    Desk,
    Harness,
    ProcessServer,
    assert_same_as_server,
    database_url,
    memory_keyring_fixture,
    office_version,
    quick_argon2_fixture,
    server_kind_fixture,
)

from app.server.models import OpLog, SyncRow
from app.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER, SCHEMA_VERSION

DESKS = 4
RECORDS_PER_DESK = 25


@pytest.fixture(name="workers_harness")
def workers_harness_fixture(server_kind: str, tmp_path: Path) -> Iterator[Harness]:
    with database_url(server_kind, tmp_path) as url:
        server = ProcessServer(url, tmp_path, workers=2)
        harness = Harness(server, tmp_path)
        try:
            server.start()
            yield harness
        finally:
            harness.close()
            server.close()


def _all_at_once(desks: list[Desk]) -> None:
    """One round on every desk at the same moment; every round must succeed."""
    failures: list[str] = []
    barrier = threading.Barrier(len(desks))

    def run(desk: Desk) -> None:
        barrier.wait()
        result = desk.round()
        if not result.ok:
            failures.append(f"{desk.name}: {result.summary()}")

    threads = [threading.Thread(target=run, args=(desk,)) for desk in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not failures, failures


def _versions(harness: Harness, office_id: str) -> list[int]:
    with harness.server.engine.connect() as connection:
        return list(
            connection.scalars(
                select(SyncRow.version).where(SyncRow.office_id == office_id).order_by(SyncRow.version)
            )
        )


def _op_count(harness: Harness, office_id: str) -> int:
    with harness.server.engine.connect() as connection:
        return int(
            connection.scalar(select(func.count()).select_from(OpLog).where(OpLog.office_id == office_id))
            or 0
        )


def test_concurrent_pushes_to_one_office_across_workers(workers_harness: Harness) -> None:
    harness = workers_harness
    first = harness.desk("an", set_up=True)
    first.ok_round()
    desks = [first] + [harness.desk(f"desk{n}") for n in range(1, DESKS)]
    sent: list[tuple[bytes, dict[str, object]]] = []

    def keep(response: httpx.Response) -> None:
        if response.request.url.path == "/sync/push" and response.status_code == 200:
            response.read()
            sent.append((response.request.content, response.json()))

    for desk in desks:
        # Small batches: many short push transactions from every desk interleave on both workers.
        desk.sync.engine().push_batch = 5
    desks[1].sync.engine().transport.http.event_hooks["response"].append(keep)
    office_id = first.services.ctx.office_id

    # Inserts only: every op takes exactly one version, so the versions are exactly 1..N.
    for desk in desks:
        for number in range(RECORDS_PER_DESK):
            desk.services.journalists.create({"full_name": f"Phóng viên {desk.name} số {number}"})
    _all_at_once(desks)
    versions = _versions(harness, office_id)
    assert versions == list(range(1, len(versions) + 1))
    assert len(versions) == 1 + DESKS * RECORDS_PER_DESK  # the office record and every journalist
    assert office_version(harness.server, office_id) == len(versions)
    assert _op_count(harness, office_id) == len(versions)

    # Everyone edits the same records at once: each write takes its own version, none is lost.
    for desk in desks:
        desk.round()
    shared = first.services.journalists.ids()[:10]
    for desk in desks:
        for row_id in shared:
            desk.services.journalists.update(row_id, {"notes": f"ghi chú của {desk.name}"})
        desk.services.journalists.update(
            desk.services.journalists.ids()[-1 - desks.index(desk)], {"emails": f"{desk.name}@baochi.vn"}
        )
    ops_before = _op_count(harness, office_id)
    _all_at_once(desks)
    versions = _versions(harness, office_id)
    assert len(set(versions)) == len(versions)
    assert versions[-1] == office_version(harness.server, office_id)
    assert _op_count(harness, office_id) == ops_before + DESKS * 11
    for desk in desks:
        assert desk.round().ok
    for desk in desks:
        desk.ok_round()
        assert desk.sync.store.pending_count() == 0
        assert_same_as_server(desk, harness.server)
    written = {f"ghi chú của {desk.name}" for desk in desks}
    assert all(first.services.journalists.get(row_id).notes in written for row_id in shared)

    # Replays of batches already answered, many at once on fresh connections (either worker):
    # the stored results come back and nothing changes.
    assert sent
    version_before = office_version(harness.server, office_id)
    ops_before = _op_count(harness, office_id)
    rows_before = _rows(harness, office_id)
    token = desks[1].sync.engine().transport.access_token
    headers = {
        "Authorization": f"Bearer {token}",
        PROTOCOL_HEADER: str(PROTOCOL_VERSION),
        SCHEMA_HEADER: str(SCHEMA_VERSION),
        "Content-Type": "application/json",
    }
    answers: list[tuple[dict[str, object], dict[str, object]]] = []
    errors: list[str] = []

    def replay(body: bytes, original: dict[str, object]) -> None:
        with httpx.Client(base_url=harness.server.url, timeout=60) as client:
            response = client.post("/sync/push", content=body, headers=headers)
        if response.status_code != 200:
            errors.append(f"{response.status_code} {response.text[:200]}")
            return
        answers.append((original, response.json()))

    threads = [threading.Thread(target=replay, args=item) for item in sent * 3]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert len(answers) == 3 * len(sent)
    for original, again in answers:
        assert again["results"] == original["results"]
    assert office_version(harness.server, office_id) == version_before
    assert _op_count(harness, office_id) == ops_before
    assert _rows(harness, office_id) == rows_before


def _rows(harness: Harness, office_id: str) -> dict[str, tuple[int, dict[str, object]]]:
    with harness.server.engine.connect() as connection:
        return {
            row_id: (version, json.loads(data))
            for row_id, version, data in connection.execute(
                select(SyncRow.id, SyncRow.version, SyncRow.data).where(SyncRow.office_id == office_id)
            )
        }
