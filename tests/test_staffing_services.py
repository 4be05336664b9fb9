"""The spokesperson register, the 24-hour rule, authorisation validity, focal points,
training and workload."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from app.services.fields import LOCAL_TZ
from app.services.staffing import (
    Authorisation,
    Publication,
    authorisation_state,
    publication_check,
    publication_deadline,
)

NOW = datetime(2026, 6, 15, 10, 0, tzinfo=UTC)
TODAY = date(2026, 6, 15)


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=LOCAL_TZ)


def test_publication_deadline_counts_from_the_end_of_the_decision_day() -> None:
    deadline = publication_deadline(date(2026, 3, 2))
    assert deadline == vn(2026, 3, 4, 0, 0)
    assert publication_deadline(date(2026, 3, 2), hours=48) == vn(2026, 3, 5, 0, 0)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (vn(2026, 3, 2, 8, 0), Publication.ON_TIME),  # the same day
        (vn(2026, 3, 3, 23, 59), Publication.ON_TIME),  # within 24 h of the end of the day
        (vn(2026, 3, 4, 0, 0), Publication.ON_TIME),  # exactly at the limit
        (vn(2026, 3, 4, 0, 1), Publication.LATE),
        (vn(2026, 4, 1, 9, 0), Publication.LATE),
    ],
)
def test_publication_check(published: datetime, expected: Publication) -> None:
    assert publication_check(date(2026, 3, 2), published) == expected


def test_unpublished_is_pending_then_overdue() -> None:
    decided = date(2026, 3, 2)
    assert publication_check(decided, None, now=vn(2026, 3, 3, 12, 0)) == Publication.PENDING
    assert publication_check(decided, None, now=vn(2026, 3, 4, 0, 1)) == Publication.OVERDUE
    assert publication_check(None, None) == Publication.NO_DECISION


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (None, None, Authorisation.UNDATED),
        (date(2026, 1, 1), None, Authorisation.VALID),
        (date(2026, 1, 1), date(2026, 12, 31), Authorisation.VALID),
        (date(2026, 1, 1), TODAY + timedelta(days=30), Authorisation.EXPIRING),
        (date(2026, 1, 1), TODAY, Authorisation.EXPIRING),  # the last valid day
        (date(2026, 1, 1), TODAY - timedelta(days=1), Authorisation.EXPIRED),
        (TODAY + timedelta(days=1), None, Authorisation.NOT_YET),
        (None, date(2025, 12, 31), Authorisation.EXPIRED),
    ],
)
def test_authorisation_state(start: date | None, end: date | None, expected: Authorisation) -> None:
    assert authorisation_state(start, end, TODAY) == expected


@pytest.fixture
def people(services):
    unit = services.units.create({"name": "Sở Thông tin và Truyền thông", "kind": "department"})
    spokes = services.staff.create(
        {
            "full_name": "Trần Thị Bình",
            "position": "Chánh Văn phòng",
            "unit_id": unit.id,
            "roles": ["spokesperson", "head"],
            "decision_number": "15/QĐ-UBND",
            "decision_date": "2026-01-05",
            "authorised_from": "2026-01-05",
            "authorised_to": "2026-06-30",
            "phone": "0243 825 1234",
            "email": "binh@example.gov.vn",
            "published_on_portal_at": vn(2026, 1, 6, 16, 0),
        }
    )
    late = services.staff.create(
        {
            "full_name": "Lê Văn Cường",
            "position": "Phó Chánh Văn phòng",
            "roles": "authorised_speaker",
            "decision_number": "16/QĐ-UBND",
            "decision_date": "2026-01-05",
            "authorised_to": "2026-03-31",
            "published_on_portal_at": vn(2026, 1, 9, 8, 0),
        }
    )
    unpublished = services.staff.create(
        {"full_name": "Phạm Minh Đức", "roles": "authorised_speaker", "decision_date": "2026-06-14"}
    )
    officer = services.staff.create({"full_name": "Ngô Thu Hà", "roles": "dedicated,part_time"})
    left = services.staff.create(
        {"full_name": "Đỗ Văn Em", "roles": "spokesperson", "active_to": "2025-12-31"}
    )
    return {
        "unit": unit,
        "spokes": spokes,
        "late": late,
        "unpublished": unpublished,
        "officer": officer,
        "left": left,
    }


def test_spokesperson_register(services, people) -> None:
    register = services.staff.spokesperson_register(today=TODAY, now=NOW)
    assert [r.full_name for r in register] == ["Trần Thị Bình", "Lê Văn Cường", "Phạm Minh Đức"]
    first, late, pending = register
    assert first.unit_name == "Sở Thông tin và Truyền thông"
    assert first.publication == Publication.ON_TIME
    assert first.authorisation == Authorisation.EXPIRING
    assert first.is_spokesperson and first.needs_attention
    assert late.publication == Publication.LATE and late.authorisation == Authorisation.EXPIRED
    assert pending.publication == Publication.PENDING
    assert pending.publication_deadline == vn(2026, 6, 16, 0, 0)
    later = services.staff.spokesperson_register(today=TODAY, now=vn(2026, 6, 16, 0, 1))
    assert later[2].publication == Publication.OVERDUE
    everyone = services.staff.spokesperson_register(today=TODAY, now=NOW, include_inactive=True)
    assert "Đỗ Văn Em" in [r.full_name for r in everyone]


def test_publication_hours_come_from_settings(services, people) -> None:
    services.settings.set("staff.publication_hours", 96)
    register = services.staff.spokesperson_register(today=TODAY, now=NOW)
    assert register[1].publication == Publication.ON_TIME


def test_authorisation_dates_in_order(services) -> None:
    from app.errors import ValidationError

    with pytest.raises(ValidationError) as caught:
        services.staff.create(
            {"full_name": "A", "authorised_from": "2026-05-01", "authorised_to": "2026-04-30"}
        )
    assert caught.value.fields() == ["authorised_to"]


def test_focal_point_coverage(services, people) -> None:
    units = services.units
    units.update(people["unit"].id, {"focal_point_id": people["officer"].id})
    units.create({"name": "Sở Y tế", "kind": "department", "focal_point_id": people["left"].id})
    units.create({"name": "UBND phường Ba Đình", "kind": "ward"})
    gone = services.staff.create({"full_name": "Người đã xóa"})
    units.create({"name": "Sở Tài chính", "kind": "department", "focal_point_id": gone.id})
    services.staff.delete(gone.id)
    coverage = units.focal_point_coverage(today=TODAY)
    assert coverage.total == 4 and coverage.covered == 1
    assert coverage.share == pytest.approx(0.25)
    assert [u.name for u in coverage.uncovered] == ["Sở Tài chính", "Sở Y tế", "UBND phường Ba Đình"]
    assert units.focal_point_coverage(today=date(2025, 6, 1)).covered == 2  # Đỗ Văn Em still active then


def test_empty_coverage_is_zero(services) -> None:
    coverage = services.units.focal_point_coverage()
    assert (coverage.total, coverage.covered, coverage.share) == (0, 0, 0.0)


def test_training_hours_expiry_and_plan(services, people) -> None:
    t = services.trainings
    binh, ha, cuong = people["spokes"].id, people["officer"].id, people["late"].id
    t.create(
        {
            "staff_id": binh,
            "course": "Kỹ năng phát ngôn",
            "starts_on": "2026-02-01",
            "hours": 16,
            "cost": "2.000.000",
            "certificate": "CC-01",
            "expires_on": "2026-07-01",
        }
    )
    t.create({"staff_id": binh, "course": "Truyền thông khủng hoảng", "starts_on": "2026-04-10", "hours": 8})
    t.create({"staff_id": ha, "course": "Truyền thông khủng hoảng", "starts_on": "2026-04-10", "hours": 8})
    t.create(
        {
            "staff_id": ha,
            "course": "Năm trước",
            "starts_on": "2025-04-10",
            "hours": 40,
            "certificate": "X",
            "expires_on": "2026-05-01",
        }
    )
    t.create(
        {
            "staff_id": cuong,
            "course": "Kỹ năng phát ngôn",
            "starts_on": "2023-01-01",
            "hours": 8,
            "expires_on": "2025-01-01",
        }
    )
    t.create(
        {
            "staff_id": cuong,
            "course": "Kỹ năng phát ngôn",
            "starts_on": "2025-01-01",
            "hours": 8,
            "expires_on": "2027-01-01",
        }
    )  # renewed: the old certificate is not flagged
    t.create({"staff_id": ha, "course": "Báo chí số", "starts_on": "2026-10-01", "hours": 24})
    hours = t.hours_per_person(2026)
    assert [(h.full_name, h.hours, h.courses) for h in hours] == [
        ("Ngô Thu Hà", 32, 2),
        ("Trần Thị Bình", 24, 2),
    ]
    assert hours[1].cost == 2_000_000
    expiring = t.expiring_certificates(today=TODAY)
    assert [(c.full_name, c.course, c.expired) for c in expiring] == [
        ("Ngô Thu Hà", "Năm trước", True),
        ("Trần Thị Bình", "Kỹ năng phát ngôn", False),
    ]
    plan = t.training_plan(2026, today=TODAY)
    assert [r.course for r in plan.scheduled] == ["Báo chí số"]
    assert [c.course for c in plan.renewals] == ["Năm trước", "Kỹ năng phát ngôn"]
    # speakers and dedicated staff with no training this year: Cường and Đức (Hà is scheduled)
    assert [name for _id, name in plan.untrained] == ["Lê Văn Cường", "Phạm Minh Đức"]


def test_workload_per_quarter(services, people) -> None:
    binh, cuong = people["spokes"].id, people["late"].id

    def activity(when, chair=None, speaker=None, status="done", **extra):
        return services.activities.create(
            {
                "type": "press_conference_regular",
                "nature": "regular",
                "status": status,
                "mode": "in_person",
                "title": "Họp báo",
                "starts_at": when,
                "chair_id": chair,
                "spokesperson_id": speaker,
                **extra,
            }
        )

    activity(vn(2026, 1, 1, 0, 30), chair=binh, speaker=cuong)  # 31 Dec UTC, Q1 in Vietnam
    activity(vn(2026, 5, 5, 9), chair=binh)
    activity(vn(2026, 5, 6, 9), speaker=binh, status="cancelled")
    activity(vn(2025, 12, 31, 23), chair=binh)
    series = activity(
        vn(2026, 10, 5, 8),
        speaker=cuong,
        rrule="FREQ=WEEKLY;COUNT=4",
        exdates=vn(2026, 10, 12, 8).astimezone(UTC).isoformat(),
    )
    activity(vn(2026, 10, 20, 9), speaker=binh, series_id=series.id, recurrence_start=vn(2026, 10, 19, 8))
    rows = {r.full_name: r for r in services.staff.workload(2026)}
    assert rows["Trần Thị Bình"].chaired == [1, 1, 0, 0]
    assert rows["Trần Thị Bình"].spoke == [0, 0, 0, 1]
    # the series: 5, 12 (excluded), 19 (edited on its own, given to Bình), 26 October
    assert rows["Lê Văn Cường"].spoke == [1, 0, 0, 2]
    assert rows["Phạm Minh Đức"].total == 0  # a speaker with nothing is still listed
    assert "Ngô Thu Hà" not in rows
