"""Soft delete, and the outbox and audit entries every write leaves behind."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.errors import NotFound, ValidationError
from app.models import AuditEntry, Journalist, OutboxEntry
from app.services import Services, open_services
from app.sync.hlc import parse_hlc


def outbox(services: Services) -> list[OutboxEntry]:
    with services.db.session() as session:
        return list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def audit(services: Services) -> list[AuditEntry]:
    with services.db.session() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


def test_create_writes_an_insert_with_new_values(services: Services) -> None:
    before = len(outbox(services))
    row = services.expenses.create(
        {"spent_on": "05/03/2026", "amount": "12.500.000", "description": "Họp báo"}
    )
    entries = outbox(services)[before:]
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.entity, entry.row_id, entry.op, entry.base_version) == ("expense", row.id, "insert", None)
    changes = json.loads(entry.changes_json)
    assert changes["amount"] == {"old": None, "new": 12_500_000}
    assert changes["spent_on"] == {"old": None, "new": "2026-03-05"}
    assert changes["description"] == {"old": None, "new": "Họp báo"}
    assert entry.hlc == row.updated_hlc
    assert row.updated_by == "tester" and row.office_id == services.ctx.office_id
    last = audit(services)[-1]
    assert (last.actor, last.entity, last.row_id, last.action) == ("tester", "expense", row.id, "insert")
    assert json.loads(last.changes_json) == changes


def test_update_writes_only_changed_fields_with_old_values_and_base_version(services: Services) -> None:
    row = services.activities.create(
        {
            "type": "press_release",
            "nature": "regular",
            "status": "planned",
            "mode": "online",
            "title": "Thông cáo",
            "starts_at": "2026-03-02T09:00:00+07:00",
        }
    )
    with services.db.session() as session, session.begin():  # as if the server had accepted it
        session.execute(update(services.activities.model).values(version=7))
    before = len(outbox(services))
    services.activities.update(row.id, {"title": "Thông cáo báo chí", "status": "planned", "planned_cost": 0})
    entries = outbox(services)[before:]
    assert [(e.op, e.base_version) for e in entries] == [("update", 7)]
    changes = json.loads(entries[0].changes_json)
    assert changes == {"title": {"old": "Thông cáo", "new": "Thông cáo báo chí"}}
    # a time given in Vietnam time is the same instant: no change, nothing written
    services.activities.update(row.id, {"starts_at": datetime(2026, 3, 2, 2, 0, tzinfo=UTC)})
    assert len(outbox(services)) == before + 1
    services.activities.update(row.id, {"starts_at": "2026-03-02T10:00:00+07:00"})
    changes = json.loads(outbox(services)[-1].changes_json)
    assert changes == {
        "starts_at": {"old": "2026-03-02T02:00:00+00:00", "new": "2026-03-02T03:00:00+00:00"},
    }
    assert audit(services)[-1].action == "update"


def test_soft_delete_hides_the_row_and_records_a_tombstone(services: Services) -> None:
    keep = services.journalists.create({"full_name": "Phan Văn Giữ"})
    gone = services.journalists.create({"full_name": "Phan Thị Xóa"})
    services.journalists.delete(gone.id)
    entry = outbox(services)[-1]
    assert (entry.op, entry.row_id) == ("delete", gone.id)
    changes = json.loads(entry.changes_json)
    assert list(changes) == ["deleted_at"] and changes["deleted_at"]["old"] is None
    assert datetime.fromisoformat(changes["deleted_at"]["new"]).tzinfo is not None
    with pytest.raises(NotFound) as caught:
        services.journalists.get(gone.id)
    assert "không tìm thấy" in caught.value.message.vi.lower() and "not found" in caught.value.message.en
    assert [r.id for r in services.journalists.list()] == [keep.id]
    assert services.journalists.count() == 1
    assert services.journalists.ids() == [keep.id]
    assert services.journalists.list(search="phan") == [services.journalists.get(keep.id)]
    assert {r.id for r in services.journalists.list(include_deleted=True)} == {keep.id, gone.id}
    with services.db.session() as session:  # the row is still there, as a tombstone for sync
        stored = session.get(Journalist, gone.id)
        assert stored is not None and stored.deleted_at is not None
    with pytest.raises(NotFound):
        services.journalists.delete(gone.id)
    with pytest.raises(NotFound):
        services.journalists.update(gone.id, {"full_name": "Sống lại"})
    assert outbox(services)[-1].op == "delete"  # the refused calls wrote nothing


def test_stamps_increase_in_write_order(services: Services) -> None:
    for number in range(30):
        row = services.units.create({"name": f"Phường {number}", "kind": "ward"})
        services.units.update(row.id, {"notes": "đầu mối"})
    stamps = [e.hlc for e in outbox(services)]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    physical = [parse_hlc(s)[0] for s in stamps]
    assert physical == sorted(physical)
    assert all(parse_hlc(s)[2] == services.device_id[-12:] for s in stamps)


def test_stamps_stay_ordered_when_the_wall_clock_goes_back(data_dir: Path) -> None:
    """A PC whose clock was set back must not stamp its new changes before its old ones."""
    first = open_services(data_dir, actor="tester")
    first.ctx.clock._wall_ms = lambda: 4_102_444_800_000  # the year 2100: a clock far ahead
    first.units.create({"name": "Sở Tư pháp", "kind": "department"})
    ahead = outbox(first)[-1].hlc
    first.close()
    second = open_services(data_dir, actor="tester")
    try:
        second.units.create({"name": "Sở Y tế", "kind": "department"})
        assert outbox(second)[-1].hlc > ahead
    finally:
        second.close()


def test_a_refused_write_in_a_shared_transaction_leaves_nothing(services: Services) -> None:
    before = (len(outbox(services)), len(audit(services)), services.units.count())
    published: list[frozenset[str]] = []
    services.bus.subscribe(published.append)
    with pytest.raises(ValidationError), services.db.session() as session, session.begin():
        services.units.create_in(session, {"name": "Sở Nội vụ", "kind": "department"})
        services.units.create_in(session, {"name": "", "kind": "department"})
    assert (len(outbox(services)), len(audit(services)), services.units.count()) == before
    assert published == []


def test_each_write_publishes_the_table_once(services: Services) -> None:
    published: list[frozenset[str]] = []
    services.bus.subscribe(published.append)
    row = services.topics.create({"name": "Học phí", "kind": "in_force", "stage": "issued"})
    services.topics.update(row.id, {"stage": "evaluation"})
    services.topics.delete(row.id)
    assert published == [frozenset({"policy_topic"})] * 3


def test_pending_changes_counts_the_outbox(services: Services) -> None:
    before = services.pending_changes()
    services.lists.create({"name": "Danh sách A"})
    assert services.pending_changes() == before + 1


def test_refused_first_run_set_up_leaves_no_phantom_office(bare_services: Services) -> None:
    with pytest.raises(ValidationError):
        bare_services.offices.set_up({"code": "", "name": "Văn phòng", "province": "", "period_rule": "x"})
    assert bare_services.ctx.office_id == ""
    row = bare_services.units.create({"name": "Sở Y tế", "kind": "department"})
    assert row.office_id == ""


def test_a_date_field_given_an_instant_takes_the_vietnam_day(services: Services) -> None:
    staff = services.staff.create({"full_name": "Hà Văn Ngày"})
    # 20:00 UTC on 1 March is 03:00 on 2 March in Vietnam
    row = services.trainings.create(
        {"staff_id": staff.id, "course": "Kỹ năng", "starts_on": datetime(2026, 3, 1, 20, 0, tzinfo=UTC)}
    )
    assert row.starts_on.isoformat() == "2026-03-02"
