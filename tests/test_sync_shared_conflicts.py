"""A conflict belongs to the office: every desk of the office lists it, any colleague can resolve
it, once, and then it leaves every inbox."""

from __future__ import annotations

import httpx
from sync_harness import (  # noqa: F401  (fixtures)
    Desk,
    Harness,
    clash_on_notes,
    harness_fixture,
    live_server_fixture,
    memory_keyring_fixture,
    quick_argon2_fixture,
    server_kind_fixture,
)

from app.sync.conflicts import KEEP_MINE, KEEP_THEIRS, ConflictInbox
from app.sync.hlc import HybridLogicalClock
from app.sync.protocol import (
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
    Op,
    OpStatus,
    PushRequest,
    conflict_id,
)


def test_every_desk_of_the_office_sees_the_conflict_and_one_resolution_clears_it(
    harness: Harness,
) -> None:
    a, b, c, row_id = clash_on_notes(harness)
    other_office = harness.desk("dung", office="UBND-B", set_up=True)
    for desk in (a, c, b, other_office):
        desk.ok_round()

    seen = {desk.name: ConflictInbox(desk.services).open() for desk in (a, b, c)}
    assert all(len(found) == 1 for found in seen.values()), seen
    assert len({found[0].id for found in seen.values()}) == 1  # one record, not one per desk
    # Each desk sees it from where it stands: binh's value was kept, An's lost.
    assert (seen["binh"][0].mine, seen["binh"][0].theirs, seen["binh"][0].kept_side) == (
        "của Bình",
        "của An",
        "local",
    )
    assert (seen["an"][0].mine, seen["an"][0].theirs, seen["an"][0].kept_side) == (
        "của An",
        "của Bình",
        "remote",
    )
    assert (seen["chi"][0].mine, seen["chi"][0].theirs) == ("của An", "của Bình")
    assert seen["chi"][0].record_label == "Lê Văn Tám" and seen["chi"][0].field == "notes"
    assert ConflictInbox(other_office.services).open() == []  # another office's conflict stays there

    # Chi restores An's text; the choice and the resolution reach everyone.
    ConflictInbox(c.services).resolve(seen["chi"][0].id, KEEP_MINE)
    assert c.ok_round().pushed == 2
    for desk in (a, b, c):
        desk.ok_round()
        assert ConflictInbox(desk.services).open() == []
        assert desk.services.journalists.get(row_id).notes == "của An"
        assert desk.sync.store.pending_count() == 0 and desk.sync.store.dead_letters() == []

    # A desk that logs in later gets the record as resolved history, not as work.
    late = harness.desk("lan")
    late.ok_round()
    assert ConflictInbox(late.services).open() == []


def test_two_desks_resolving_at_once_resolve_it_once(harness: Harness) -> None:
    a, b, c, row_id = clash_on_notes(harness)
    a.ok_round()
    c.ok_round()
    for desk in (a, b):
        (conflict,) = ConflictInbox(desk.services).open()
        ConflictInbox(desk.services).resolve(conflict.id, KEEP_THEIRS if desk is a else KEEP_MINE)
    # Both kept binh's value (theirs for An, mine for binh): no edit, only the resolutions travel.
    assert a.ok_round().pushed == 1
    assert b.ok_round().pushed == 1
    for desk in (a, b, c):
        desk.ok_round()
        assert ConflictInbox(desk.services).open() == []
        assert desk.services.journalists.get(row_id).notes == "của Bình"
        assert desk.sync.store.dead_letters() == []
    with harness.server.engine.connect() as connection:
        from sqlalchemy import select

        from app.server.models import SyncRow
        from app.sync.protocol import CONFLICT_ENTITY

        (data,) = connection.execute(select(SyncRow.data).where(SyncRow.entity == CONFLICT_ENTITY)).one()
    assert '"resolved_by": "an"' in data or '"resolved_by": "binh"' in data


def test_resolutions_that_do_not_fit_are_answered_per_op(harness: Harness) -> None:
    """An unknown conflict id (or another office's) changes nothing; a made-up choice is refused."""
    a, b, _c, _row_id = clash_on_notes(harness)
    (conflict,) = ConflictInbox(b.services).open()
    outsider = harness.desk("dung", office="UBND-B", set_up=True)
    outsider.ok_round()
    clock = HybridLogicalClock(node="test")

    def resolution(record_id: str, choice: object) -> Op:
        return Op.model_validate(
            {
                "op_id": conflict_id(record_id, str(choice)),
                "entity": "sync_conflict",
                "row_id": record_id,
                "op": "update",
                "changes": {"resolution": {"old": "", "new": choice}},
                "hlc": clock.now(),
            }
        )

    transport = outsider.sync.engine().transport
    transport.refresh()
    ops = [
        resolution(conflict.id, "mine"),  # another office's conflict: nothing happens
        resolution(conflict_id("00000000-0000-4000-8000-000000000000", "notes"), "theirs"),
        resolution(conflict.id, "whatever"),
    ]
    with httpx.Client(base_url=harness.server.url, timeout=30) as client:
        response = client.post(
            "/sync/push",
            content=PushRequest(ops=ops).model_dump_json(),
            headers={
                "Authorization": f"Bearer {transport.access_token}",
                PROTOCOL_HEADER: str(PROTOCOL_VERSION),
                SCHEMA_HEADER: str(SCHEMA_VERSION),
                "Content-Type": "application/json",
            },
        )
    assert response.status_code == 200
    statuses = [result["status"] for result in response.json()["results"]]
    assert statuses == [OpStatus.APPLIED, OpStatus.APPLIED, OpStatus.REJECTED]
    for desk in (a, b):
        desk.ok_round()
        assert len(ConflictInbox(desk.services).open()) == 1
