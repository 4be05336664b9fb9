"""Round trips and merges between desktops through a real server (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

from sync_harness import (  # noqa: F401  (fixtures)
    Harness,
    harness_fixture,
    live_server_fixture,
    memory_keyring_fixture,
    quick_argon2_fixture,
    rows_of,
    server_kind_fixture,
)

from app.models import SyncConflict


def test_a_record_travels_to_another_desk(harness: Harness) -> None:
    a = harness.desk("an", set_up=True)
    b = harness.desk("binh")
    journalist = a.services.journalists.create({"full_name": "Nguyễn Văn Hùng", "notes": "Báo Nhân Dân"})
    first = a.ok_round()
    assert first.pushed == 2 and first.pending == 0
    b.ok_round()
    got = b.services.journalists.get(journalist.id)
    assert got.full_name == "Nguyễn Văn Hùng"
    assert got.version is not None
    assert b.services.offices.current().code == "UBND-A"
    # Search works on pulled rows (the FTS triggers ran on the bulk upsert).
    assert [j.id for j in b.services.journalists.list(search="nguyen van hung")] == [journalist.id]
    assert rows_of(a.services, "journalist") == rows_of(b.services, "journalist")


def test_different_fields_both_survive(harness: Harness) -> None:
    a = harness.desk("an", set_up=True)
    b = harness.desk("binh")
    activity = a.services.activities.create(
        {
            "type": "press_conference_regular",
            "nature": "regular",
            "status": "planned",
            "title": "Họp báo quý I",
            "starts_at": datetime(2026, 3, 30, 2, 0, tzinfo=UTC),
            "mode": "in_person",
        }
    )
    a.ok_round()
    b.ok_round()
    a.services.activities.update(activity.id, {"starts_at": datetime(2026, 3, 31, 2, 0, tzinfo=UTC)})
    b.services.activities.update(activity.id, {"location": "Hội trường tầng 3"})
    a.ok_round()
    result = b.ok_round()
    assert result.merged == 1 and result.conflicts == 0
    a.ok_round()
    for desk in (a, b):
        row = desk.services.activities.get(activity.id)
        assert row.starts_at == datetime(2026, 3, 31, 2, 0, tzinfo=UTC)
        assert row.location == "Hội trường tầng 3"
    assert rows_of(a.services, "activity") == rows_of(b.services, "activity")


def test_same_field_has_a_deterministic_winner_and_the_loser_is_kept(harness: Harness) -> None:
    a = harness.desk("an", set_up=True)
    b = harness.desk("binh")
    journalist = a.services.journalists.create({"full_name": "Trần Thị Mai"})
    a.ok_round()
    b.ok_round()
    a.services.journalists.update(journalist.id, {"notes": "ghi chú của An"})
    b.services.journalists.update(journalist.id, {"notes": "ghi chú của Bình"})  # later HLC: wins
    a.ok_round()
    result = b.ok_round()
    assert result.conflicts == 1
    a.ok_round()
    assert a.services.journalists.get(journalist.id).notes == "ghi chú của Bình"
    assert b.services.journalists.get(journalist.id).notes == "ghi chú của Bình"
    with b.services.db.session() as session:
        conflicts = session.query(SyncConflict).all()
        assert len(conflicts) == 1
        conflict = conflicts[0]
        assert (conflict.field, conflict.kept_side) == ("notes", "local")
        assert conflict.local_json == '"ghi chú của Bình"' and conflict.remote_json == '"ghi chú của An"'


def test_money_fields_are_never_overwritten_silently(harness: Harness) -> None:
    a = harness.desk("an", set_up=True)
    b = harness.desk("binh")
    activity = a.services.activities.create(
        {
            "type": "press_release",
            "nature": "regular",
            "status": "planned",
            "title": "Thông cáo báo chí",
            "starts_at": datetime(2026, 4, 1, 2, 0, tzinfo=UTC),
            "mode": "online",
            "planned_cost": 5_000_000,
        }
    )
    a.ok_round()
    b.ok_round()
    a.services.activities.update(activity.id, {"planned_cost": 6_000_000})
    b.services.activities.update(activity.id, {"planned_cost": 7_500_000})
    a.ok_round()
    result = b.ok_round()
    assert result.conflicts == 1
    # The first amount stays until someone decides; the other is in the inbox.
    assert b.services.activities.get(activity.id).planned_cost == 6_000_000
    with b.services.db.session() as session:
        conflict = session.query(SyncConflict).one()
        assert (conflict.policy, conflict.kept_side, conflict.local_json) == (
            "money_reject",
            "remote",
            "7500000",
        )


def test_edit_beats_delete_and_flags_a_conflict(harness: Harness) -> None:
    a = harness.desk("an", set_up=True)
    b = harness.desk("binh")
    journalist = a.services.journalists.create({"full_name": "Lê Văn Tám"})
    a.ok_round()
    b.ok_round()
    a.services.journalists.delete(journalist.id)
    b.services.journalists.update(journalist.id, {"title": "Phóng viên"})
    a.ok_round()
    result = b.ok_round()
    assert result.conflicts == 1
    a.ok_round()
    for desk in (a, b):
        row = desk.services.journalists.get(journalist.id)
        assert row.title == "Phóng viên" and row.deleted_at is None


def test_delete_after_an_edit_elsewhere_keeps_the_edit(harness: Harness) -> None:
    a = harness.desk("an", set_up=True)
    b = harness.desk("binh")
    journalist = a.services.journalists.create({"full_name": "Phạm Thu Hà"})
    a.ok_round()
    b.ok_round()
    b.services.journalists.update(journalist.id, {"title": "Biên tập viên"})
    b.ok_round()
    a.services.journalists.delete(journalist.id)  # a never saw the edit
    result = a.ok_round()
    assert result.conflicts == 1
    row = a.services.journalists.get(journalist.id)
    assert row.deleted_at is None and row.title == "Biên tập viên"
    with a.services.db.session() as session:
        conflict = session.query(SyncConflict).one()
        assert (conflict.field, conflict.policy, conflict.kept_side) == (
            "deleted_at",
            "edit_beats_delete",
            "remote",
        )


def test_deleted_staff_still_named_by_a_new_activity_elsewhere(harness: Harness) -> None:
    a = harness.desk("an", set_up=True)
    b = harness.desk("binh")
    staff = a.services.staff.create({"full_name": "Đỗ Minh Quân", "roles": ["spokesperson"]})
    a.ok_round()
    b.ok_round()
    a.services.staff.delete(staff.id)
    activity = b.services.activities.create(
        {
            "type": "press_conference_thematic",
            "nature": "ad_hoc",
            "status": "planned",
            "title": "Họp báo chuyên đề",
            "starts_at": datetime(2026, 5, 5, 2, 0, tzinfo=UTC),
            "mode": "in_person",
            "spokesperson_id": staff.id,
        }
    )
    a.ok_round()
    b.ok_round()
    a.ok_round()
    # The soft-deleted staff row stays, so the activity keeps a valid reference on every desk.
    for desk in (a, b):
        assert desk.services.activities.get(activity.id).spokesperson_id == staff.id
        assert rows_of(desk.services, "staff_member")[staff.id]["deleted_at"] is not None
    assert rows_of(a.services, "activity") == rows_of(b.services, "activity")
