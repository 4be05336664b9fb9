"""Calendar use cases without Qt: workflow, conflicts, invitations, emergencies, compliance, days."""

from __future__ import annotations

from datetime import UTC, date, timedelta

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.models import AuditEntry
from app.services import Services
from app.services.compliance import State
from app.services.schedule import ActivityFilter, NotAllowed
from app.services.vn_days import day_info
from tests.calendar_fixtures import activity, local, person


def audit_actions(services: Services, row_id: str) -> list[str]:
    with services.db.session() as session:
        return list(
            session.scalars(
                select(AuditEntry.action).where(AuditEntry.row_id == row_id).order_by(AuditEntry.seq)
            )
        )


def test_status_workflow_needs_a_manager_to_approve_and_is_audited(services: Services) -> None:
    row = activity(services, "Họp báo quý I", local(2026, 3, 26, 14))
    assert "approved" not in services.calendar.allowed_statuses("planned")
    with pytest.raises(NotAllowed):
        services.calendar.set_status(row.id, "approved")
    services.settings.set("user.role", "manager")
    assert services.calendar.allowed_statuses("planned") == ["approved", "postponed", "cancelled"]
    services.calendar.set_status(row.id, "approved")
    services.calendar.set_status(row.id, "preparing")
    with pytest.raises(ValidationError) as caught:
        services.calendar.set_status(row.id, "planned")
    assert caught.value.fields() == ["status"]
    services.calendar.set_status(row.id, "done")
    assert services.activities.get(row.id).status == "done"
    assert audit_actions(services, row.id) == ["insert", "status:approved", "status:preparing", "status:done"]


def test_double_booking_holiday_and_weekend_are_warnings(services: Services) -> None:
    spokesperson = person(services, "Trần Thị Bình")
    chair = person(services, "Lê Văn Cường")
    booked = activity(
        services,
        "Đối thoại doanh nghiệp",
        local(2026, 3, 4, 9),
        hours=3,
        type="dialogue",
        chair_id=spokesperson.id,
    )
    warnings = services.calendar.conflicts(
        local(2026, 3, 4, 10), local(2026, 3, 4, 11), chair_id=chair.id, spokesperson_id=spokesperson.id
    )
    assert [w.kind for w in warnings] == ["double_booked"]
    assert "Trần Thị Bình" in warnings[0].message.vi and warnings[0].other is not None
    assert warnings[0].other.activity.id == booked.id
    # the same activity being edited is not a conflict with itself
    assert (
        services.calendar.conflicts(
            local(2026, 3, 4, 10),
            local(2026, 3, 4, 11),
            spokesperson_id=spokesperson.id,
            ignore_ids=[booked.id],
        )
        == []
    )
    # no overlap, no warning
    assert (
        services.calendar.conflicts(
            local(2026, 3, 4, 12), local(2026, 3, 4, 13), spokesperson_id=spokesperson.id
        )
        == []
    )
    tet = services.calendar.conflicts(local(2026, 2, 17, 9), local(2026, 2, 17, 10))
    assert [w.kind for w in tet] == ["holiday"] and "Tết Nguyên Đán" in tet[0].message.vi
    sunday = services.calendar.conflicts(local(2026, 3, 8, 9), local(2026, 3, 8, 10))
    assert [w.kind for w in sunday] == ["weekend"]
    # 22/08/2026 is a Saturday worked in exchange for 31/08: no weekend warning
    assert services.calendar.conflicts(local(2026, 8, 22, 9), local(2026, 8, 22, 10)) == []
    # a conflict never blocks saving
    activity(services, "Họp báo ngày Tết", local(2026, 2, 17, 9), spokesperson_id=spokesperson.id)


def test_invitation_records_an_interaction_for_the_media_timeline(services: Services) -> None:
    agency = services.agencies.create({"name": "Báo Nhân Dân", "kind": "newspaper", "level": "central"})
    journalist = services.journalists.create({"full_name": "Phạm Minh Đức", "agency_id": agency.id})
    row = activity(
        services, "Họp báo chuyên đề chuyển đổi số", local(2026, 4, 9, 14), type="press_conference_thematic"
    )
    invitee = services.calendar.invite(row.id, journalist_id=journalist.id)
    services.calendar.invite(row.id, agency_id=agency.id)
    with pytest.raises(ValidationError):
        services.calendar.invite(row.id, journalist_id=journalist.id)
    timeline = services.interactions.list({"journalist_id": journalist.id})
    assert [(i.kind, i.activity_id) for i in timeline] == [("invitation", row.id)]
    assert "chuyển đổi số" in timeline[0].summary
    services.calendar.set_attendance(invitee.id, "attended")
    views = services.calendar.invitees(row.id)
    assert {(v.name, v.agency_name, v.attendance) for v in views} == {
        ("Phạm Minh Đức", "Báo Nhân Dân", "attended"),
        ("Báo Nhân Dân", "Báo Nhân Dân", "invited"),
    }


def test_emergency_statement_deadline_is_24_hours_after_the_case(services: Services) -> None:
    received = local(2026, 5, 10, 20, 30)
    row = activity(
        services,
        "Phát ngôn về sự cố môi trường",
        received,
        hours=1,
        type="emergency_statement",
        case_received_at=received,
    )
    assert row.statement_deadline == received + timedelta(hours=24)
    left = services.calendar.statement_time_left(row, now=received + timedelta(hours=20))
    assert left == timedelta(hours=4)
    later = received + timedelta(hours=2)
    updated = services.activities.update(row.id, {"case_received_at": later})
    assert updated.statement_deadline == later + timedelta(hours=24)
    done = services.activities.update(row.id, {"statement_made_at": later + timedelta(hours=5)})
    assert services.calendar.statement_time_left(done) is None


def test_compliance_summary_and_overdue_list(services: Services) -> None:
    now = local(2026, 5, 20, 12).astimezone(UTC)
    summary = services.compliance.summary(now)
    assert summary.check("press_conference_quarter").state == State.AT_RISK
    assert summary.check("monthly_information").state == State.AT_RISK
    assert summary.check("emergency_statements").state == State.OK
    assert summary.check("press_questions").state == State.OK
    assert "09/2017" in summary.check("press_conference_quarter").legal_basis

    assert services.compliance.overdue(now) == []  # nothing kept here yet: no period is reported
    activity(services, "Tập huấn đầu năm", local(2026, 1, 15, 8), type="training", status="done")
    activity(services, "Họp báo quý II", local(2026, 6, 25, 14))
    release = activity(services, "Thông cáo tháng 5", local(2026, 5, 5, 9), type="press_release")
    services.activities.update(release.id, {"status": "done"})
    received = local(2026, 5, 18, 8)
    late_case = activity(
        services, "Sự cố sạt lở", received, hours=1, type="emergency_statement", case_received_at=received
    )
    agency = services.agencies.create({"name": "Báo Tuổi Trẻ", "kind": "newspaper", "level": "central"})
    question = services.interactions.create(
        {
            "agency_id": agency.id,
            "kind": "question_received",
            "occurred_at": local(2026, 4, 1, 9),
            "summary": "Hỏi về giải phóng mặt bằng",
        }
    )
    summary = services.compliance.summary(now)
    assert summary.check("press_conference_quarter").state == State.PENDING
    assert summary.check("monthly_information").state == State.OK
    assert summary.check("emergency_statements").state == State.MISSED
    assert summary.check("press_questions").state == State.MISSED
    assert summary.worst == State.MISSED

    overdue = services.compliance.overdue(now)
    kinds = {item.kind: item for item in overdue}
    assert kinds["emergency_statement"].row_id == late_case.id
    assert kinds["press_question"].row_id == question.id
    assert kinds["press_question"].due == local(2026, 5, 2, 0).astimezone(
        UTC
    )  # due 01/05, overdue from 02/05
    assert "press_conference_quarter" in kinds  # Q1 2026 had none
    assert "monthly_information" in kinds  # April had none

    # legal basis and limits are settings
    services.preferences.set("compliance.press_conferences_per_quarter", 0)
    assert services.compliance.summary(now).check("press_conference_quarter").state == State.OK
    services.preferences.set("compliance.press_conference_basis", "Nghị định mới")
    assert services.compliance.summary(now).check("press_conference_quarter").legal_basis == "Nghị định mới"


def test_occurrence_filters(services: Services) -> None:
    spokesperson = person(services, "Hoàng Thu Hà")
    topic = services.topics.create({"name": "Chuyển đổi số", "kind": "in_force", "stage": "implementation"})
    first = services.calendar.create(
        {
            "type": "interview",
            "title": "Phỏng vấn về chuyển đổi số",
            "starts_at": local(2026, 3, 3),
            "spokesperson_id": spokesperson.id,
        },
        topic_ids=[topic.id],
    )
    activity(services, "Họp báo thường kỳ", local(2026, 3, 5))
    window = (local(2026, 3, 1, 0), local(2026, 4, 1, 0))
    assert len(services.calendar.occurrences(*window)) == 2
    for filters in (
        ActivityFilter(types=frozenset({"interview"})),
        ActivityFilter(staff_id=spokesperson.id),
        ActivityFilter(topic_id=topic.id),
        ActivityFilter(search="chuyen doi so"),
    ):
        assert [o.activity.id for o in services.calendar.occurrences(*window, filters)] == [first.id]
    details = services.calendar.details(first.id)
    assert details.topic_names == ["Chuyển đổi số"] and details.spokesperson_name == "Hoàng Thu Hà"


def test_multi_day_activity_shows_on_each_day(services: Services) -> None:
    row = activity(services, "Hội nghị tập huấn", local(2026, 3, 30, 8), hours=60, type="training")
    found = services.calendar.occurrences(local(2026, 4, 1, 0), local(2026, 4, 2, 0))
    assert [o.activity.id for o in found] == [row.id]
    assert found[0].local_days() == [date(2026, 3, 30), date(2026, 3, 31), date(2026, 4, 1)]


def test_tet_2026_and_lunar_dates() -> None:
    tet = day_info(date(2026, 2, 17))
    assert tet.holiday is not None and tet.holiday.vi == "Tết Nguyên Đán"
    assert (tet.lunar_day, tet.lunar_month) == (1, 1) and tet.lunar_label() == "1/1"
    assert day_info(date(2026, 2, 16)).holiday.vi.startswith("Giao thừa")  # type: ignore[union-attr]
    assert day_info(date(2026, 2, 1)).lunar_label() == "14"
    assert day_info(date(2026, 8, 22)).swapped_workday and not day_info(date(2026, 8, 22)).is_day_off
    assert day_info(date(2026, 4, 26)).holiday is not None  # Hùng Kings' Day, 10/3 lunar


def test_activity_longer_than_a_year_is_refused(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        activity(services, "Quá dài", local(2026, 1, 1), hours=24 * 400)
    assert caught.value.fields() == ["ends_at"]
