"""Pushes of one office written together (app/server/push.py) give the same outcome as one after
the other: conflicts between them are found, replays apply once, unique keys are claimed once,
versions stay gap-free and the digests match the rows. On SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sync_harness import database_url, server_kind_fixture  # noqa: F401  (fixture)

from app.server import admin
from app.server.db import make_server_engine, migrate
from app.server.models import OpLog, SyncRow
from app.server.push import Pusher, push, push_together
from app.server.store import Caller, office_status
from app.sync.digest import digest_of
from app.sync.protocol import CONFLICT_ENTITY, Op, OpStatus

KEY_TAKEN = "another activity_topic record already has these values"


@pytest.fixture(name="server")
def server_fixture(server_kind: str, tmp_path: Path) -> Iterator[tuple[str, Engine, str]]:
    with database_url(server_kind, tmp_path) as url:
        engine = make_server_engine(url)
        migrate(engine)
        office_id = admin.create_office(engine, "UBND-A")
        try:
            yield url, engine, office_id
        finally:
            engine.dispose()


def _desk(office_id: str, name: str) -> Caller:
    return Caller(office_id, str(uuid.uuid4()), name, "staff", str(uuid.uuid4()), str(uuid.uuid4()))


def _op(
    entity: str, row_id: str, changes: dict, kind: str = "insert", base: int | None = None, hlc: int = 1
) -> Op:
    return Op(
        op_id=str(uuid.uuid4()),
        entity=entity,
        row_id=row_id,
        op=kind,
        base_version=base,
        changes={name: {"old": old, "new": new} for name, (old, new) in changes.items()},
        hlc=f"{100000000000000 + hlc}-00000-desk",
    )


def _topic(row_id: str, activity: str, topic: str) -> Op:
    return _op("activity_topic", row_id, {"activity_id": (None, activity), "topic_id": (None, topic)})


def _check_office(engine: Engine, office_id: str, inserts_only: bool = False) -> None:
    """Each row at its own version, the latest the office's (1..N without gaps when every op
    inserted a row), and the stored digests equal the rows."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(SyncRow.id, SyncRow.entity, SyncRow.version)
            .where(SyncRow.office_id == office_id)
            .order_by(SyncRow.version)
        ).all()
    version, _horizon, digests = office_status(engine, office_id)
    versions = [row.version for row in rows]
    assert len(set(versions)) == len(versions) and versions[-1] == version
    if inserts_only:
        assert versions == list(range(1, version + 1))
    expected = {}
    for entity in {row.entity for row in rows if row.entity != CONFLICT_ENTITY}:
        count, digest = digest_of((row.id, row.version) for row in rows if row.entity == entity)
        expected[entity] = (count, digest)
    assert {entity: (d.count, d.digest) for entity, d in digests.items()} == expected


def test_the_same_field_changed_by_two_desks_in_one_group(server: tuple[str, Engine, str]) -> None:
    _url, engine, office_id = server
    an, binh = _desk(office_id, "an"), _desk(office_id, "binh")
    row_id = str(uuid.uuid4())
    (created,), _ = push(engine, an, [_op("journalist", row_id, {"full_name": (None, "Trần Thị Lan")})])
    base = created.version
    first = _op(
        "journalist", row_id, {"full_name": ("Trần Thị Lan", "Trần Thị Lan Anh")}, "update", base, hlc=5
    )
    second = _op("journalist", row_id, {"full_name": ("Trần Thị Lan", "Trần Lan")}, "update", base, hlc=9)
    (answers_an, office_version), (answers_binh, _) = push_together(engine, [(an, [first]), (binh, [second])])
    assert answers_an[0].status == OpStatus.APPLIED
    assert answers_binh[0].status == OpStatus.CONFLICT
    (conflict,) = answers_binh[0].conflicts
    assert (conflict.kept, conflict.lost, conflict.policy) == ("Trần Lan", "Trần Thị Lan Anh", "last_writer")
    assert answers_binh[0].version == answers_an[0].version + 1
    assert office_version == answers_binh[0].version + 1  # the conflict record took the last one
    _check_office(engine, office_id)


def test_a_replay_inside_a_group_applies_once(server: tuple[str, Engine, str]) -> None:
    _url, engine, office_id = server
    an = _desk(office_id, "an")
    op = _op("journalist", str(uuid.uuid4()), {"full_name": (None, "Lê Văn Hải")})
    ((first, _), (again, _)) = push_together(engine, [(an, [op]), (an, [op])])
    assert first == again and first[0].status == OpStatus.APPLIED
    (later,), _ = push(engine, an, [op])
    assert later == first[0]
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(OpLog)) == 1
    _check_office(engine, office_id)


def test_a_unique_key_is_claimed_once_in_a_group(server: tuple[str, Engine, str]) -> None:
    _url, engine, office_id = server
    activity, topic = str(uuid.uuid4()), str(uuid.uuid4())
    ((one, _), (two, _)) = push_together(
        engine,
        [
            (_desk(office_id, "an"), [_topic(str(uuid.uuid4()), activity, topic)]),
            (_desk(office_id, "binh"), [_topic(str(uuid.uuid4()), activity, topic)]),
        ],
    )
    assert one[0].status == OpStatus.APPLIED
    assert two[0].status == OpStatus.REJECTED and KEY_TAKEN in two[0].error
    _check_office(engine, office_id)


def test_a_key_released_and_claimed_in_one_batch(server: tuple[str, Engine, str]) -> None:
    _url, engine, office_id = server
    an = _desk(office_id, "an")
    activity, old_topic, new_topic = (str(uuid.uuid4()) for _ in range(3))
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    (created,), _ = push(engine, an, [_topic(first, activity, old_topic)])
    moved = _op(
        "activity_topic", first, {"topic_id": (old_topic, new_topic)}, "update", created.version, hlc=2
    )
    answers, _ = push(engine, an, [moved, _topic(second, activity, old_topic)])
    assert [answer.status for answer in answers] == [OpStatus.APPLIED, OpStatus.APPLIED]
    # Both keys are held now: the old pair by the second row, the new pair by the first.
    answers, _ = push(
        engine,
        an,
        [_topic(str(uuid.uuid4()), activity, old_topic), _topic(str(uuid.uuid4()), activity, new_topic)],
    )
    assert [answer.status for answer in answers] == [OpStatus.REJECTED, OpStatus.REJECTED]
    _check_office(engine, office_id)


def test_pushes_of_two_offices_in_one_transaction(server: tuple[str, Engine, str]) -> None:
    """On SQLite the pushes of every office are grouped: each office keeps its own counter."""
    _url, engine, office_a = server
    office_b = admin.create_office(engine, "UBND-B")
    a1, b1, a2 = _desk(office_a, "an"), _desk(office_b, "binh"), _desk(office_a, "chi")

    def create(name: str) -> Op:
        return _op("journalist", str(uuid.uuid4()), {"full_name": (None, name)})

    answers = push_together(
        engine, [(a1, [create("A1"), create("A2")]), (b1, [create("B1")]), (a2, [create("A3")])]
    )
    assert [[result.version for result in results] for results, _version in answers] == [[1, 2], [1], [3]]
    assert [version for _results, version in answers] == [3, 1, 3]
    _check_office(engine, office_a, inserts_only=True)
    _check_office(engine, office_b, inserts_only=True)


def test_workers_racing_for_one_key(server: tuple[str, Engine, str]) -> None:
    """Separate engines stand for separate server workers: whichever commits first holds the key,
    the others are told so (a clash on the key table is worked out again, never a server error)."""
    url, _engine, office_id = server
    activity, topic = str(uuid.uuid4()), str(uuid.uuid4())
    engines = [make_server_engine(url) for _ in range(6)]
    barrier = threading.Barrier(len(engines))
    answers: list[object] = []

    def race(engine: Engine) -> None:
        barrier.wait()
        try:
            answers.append(
                push(engine, _desk(office_id, "x"), [_topic(str(uuid.uuid4()), activity, topic)])[0][0]
            )
        except Exception as exc:
            answers.append(exc)

    threads = [threading.Thread(target=race, args=(engine,)) for engine in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for engine in engines:
        engine.dispose()
    statuses = sorted(getattr(answer, "status", repr(answer)) for answer in answers)
    assert statuses == [OpStatus.APPLIED] + [OpStatus.REJECTED] * 5
    assert all(KEY_TAKEN in answer.error for answer in answers if answer.status == OpStatus.REJECTED)  # type: ignore[attr-defined]
    _check_office(_engine, office_id)


def test_many_desks_at_once_through_the_pusher(server: tuple[str, Engine, str]) -> None:
    _url, engine, office_id = server
    pusher = Pusher(engine)
    desks = [_desk(office_id, f"desk{n}") for n in range(12)]
    barrier = threading.Barrier(len(desks))
    failures: list[str] = []

    def work(desk: Caller) -> None:
        barrier.wait()
        for number in range(3):
            ops = [
                _op("journalist", str(uuid.uuid4()), {"full_name": (None, f"{desk.username} {number} {i}")})
                for i in range(3)
            ]
            answers, office_version = pusher.push(desk, ops)
            if [a.status for a in answers] != [OpStatus.APPLIED] * 3 or office_version < max(
                a.version or 0 for a in answers
            ):
                failures.append(f"{desk.username}: {answers}")

    threads = [threading.Thread(target=work, args=(desk,)) for desk in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not failures
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(OpLog)) == 12 * 3 * 3
    _check_office(engine, office_id, inserts_only=True)
