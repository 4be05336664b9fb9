"""A small, known data set for quarter I of 2026, with the figures it must give, counted by hand.

Times are given in local time (UTC+7) and include edge cases: an activity at 00:30 on 1 January
(inside the quarter, although it is still 31 December in UTC) and one at 00:30 on 1 April
(outside it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from app.services import Services

VN = timezone(timedelta(hours=7))
RECIPIENTS = "Bộ Văn hóa, Thể thao và Du lịch\nThường trực Tỉnh ủy\nChủ tịch, các PCT UBND tỉnh"


def local(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VN)


@dataclass
class Expected:
    activities_total: int = 0
    activities_done: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [total, done]
    by_month_done: dict[str, int] = field(default_factory=dict)
    press_conferences: int = 0
    press_briefings: int = 0
    questions_received: int = 0
    questions_answered: int = 0
    questions_on_time: int = 0
    questions_overdue: int = 0
    emergency_cases: int = 0
    emergency_spoken: int = 0
    with_deadline: int = 0
    on_time: int = 0
    replies: int = 0
    coverage_cases: int = 0
    coverage_by_sentiment: dict[str, int] = field(default_factory=dict)
    coverage_handled: int = 0
    staff_active: int = 0
    spokespersons: int = 0
    units_total: int = 0
    units_with_focal_point: int = 0
    training_hours: int = 0
    training_people: int = 0
    allocated: int = 0
    adjustments: int = 0
    spent_period: int = 0
    spent_to_date: int = 0
    unallocated_period: int = 0
    plan: list[str] = field(default_factory=list)


def add_activity(services: Services, expected: Expected | None, **values: Any) -> Any:
    """Create an activity; when it falls in quarter I of 2026, count it in ``expected`` too."""
    row = services.activities.create(
        {"nature": "regular", "mode": "in_person", "status": "done", "title": "Hoạt động", **values}
    )
    starts = values["starts_at"].astimezone(VN)
    if expected is not None and date(2026, 1, 1) <= starts.date() <= date(2026, 3, 31):
        _count(expected, values["type"], values.get("status", "done"), f"2026-{starts.month:02d}")
    return row


def _count(expected: Expected, type_code: str, status: str, month: str) -> None:
    expected.activities_total += 1
    entry = expected.by_type.setdefault(type_code, [0, 0])
    entry[0] += 1
    if status == "done":
        expected.activities_done += 1
        entry[1] += 1
        expected.by_month_done[month] = expected.by_month_done.get(month, 0) + 1
        if type_code.startswith("press_conference"):
            expected.press_conferences += 1
        if type_code == "press_briefing":
            expected.press_briefings += 1
        if type_code in ("written_reply", "correction_request"):
            expected.replies += 1


def build_quarter(services: Services) -> Expected:
    x = Expected()
    office = services.offices.current()
    services.offices.update(office.id, {"report_recipients": RECIPIENTS})

    topic_a = services.topics.create({"name": "Chuyển đổi số", "kind": "in_force", "stage": "implementation"})
    topic_b = services.topics.create(
        {
            "name": "Nghị quyết về học phí",
            "kind": "draft_policy",
            "stage": "drafting_consultation",
            "meets_407_criteria": True,
        }
    )

    # Staff: four active in the quarter, one who left in 2025.
    speaker = services.staff.create(
        {
            "full_name": "Trần Thị Bình",
            "position": "Phó Chánh Văn phòng",
            "roles": "spokesperson,head",
            "decision_number": "15/QĐ-UBND",
            "decision_date": date(2026, 1, 10),
            "published_on_portal_at": local(2026, 1, 11, 8),
        }
    )
    authorised = services.staff.create(
        {
            "full_name": "Lê Văn Cường",
            "roles": "authorised_speaker",
            "decision_number": "20/QĐ-UBND",
            "decision_date": date(2026, 2, 1),
            "published_on_portal_at": local(2026, 2, 5, 8),  # late: more than 24 h
        }
    )
    dedicated = services.staff.create({"full_name": "Phạm Thu Dung", "roles": "dedicated"})
    services.staff.create(
        {"full_name": "Hoàng Minh Em", "roles": "part_time,collaborator", "active_from": date(2025, 6, 1)}
    )
    services.staff.create(
        {
            "full_name": "Vũ Văn Giang",
            "roles": "dedicated",
            "active_from": date(2020, 1, 1),
            "active_to": date(2025, 12, 31),
        }
    )
    x.staff_active = 4
    x.spokespersons = 1

    for name, focal in (
        ("Sở Tài chính", speaker.id),
        ("Sở Y tế", dedicated.id),
        ("Sở Nội vụ", authorised.id),
        ("Xã An Bình", None),
    ):
        services.units.create({"name": name, "kind": "department", "focal_point_id": focal})
    x.units_total, x.units_with_focal_point = 4, 3

    # Activities, including the local-midnight edges of the quarter.
    add_activity(
        services,
        x,
        type="press_conference_regular",
        title="Họp báo định kỳ quý I",
        starts_at=local(2026, 1, 1, 0, 30),
    )
    add_activity(
        services,
        x,
        type="press_conference_thematic",
        title="Họp báo chuyên đề học phí",
        starts_at=local(2026, 3, 20),
    )
    add_activity(
        services,
        x,
        type="press_conference_adhoc",
        title="Họp báo đột xuất",
        starts_at=local(2026, 2, 2),
        status="cancelled",
    )
    add_activity(
        services, x, type="press_release", title="Thông cáo tháng 4", starts_at=local(2026, 4, 1, 0, 30)
    )
    add_activity(
        services, x, type="press_release", title="Thông cáo cuối năm", starts_at=local(2025, 12, 31, 23, 0)
    )
    for month in (1, 2, 3):
        add_activity(
            services,
            x,
            type="press_briefing",
            title=f"Giao ban báo chí tháng {month}",
            starts_at=local(2026, month, 12),
        )
    add_activity(
        services,
        x,
        type="interview",
        title="Trả lời phỏng vấn VTV",
        starts_at=local(2026, 2, 14),
        status="postponed",
    )
    add_activity(services, x, type="written_reply", title="Trả lời Báo Nhân Dân", starts_at=local(2026, 3, 3))
    add_activity(
        services, x, type="correction_request", title="Đề nghị cải chính", starts_at=local(2026, 3, 5)
    )
    add_activity(
        services,
        x,
        type="portal_post",
        title="Đăng tin chính sách",
        starts_at=local(2026, 1, 15),
        status="planned",
    )
    consultation = add_activity(
        services,
        x,
        type="policy_consultation",
        title="Lấy ý kiến dự thảo học phí",
        starts_at=local(2026, 2, 20),
    )
    services.activity_topics.create({"activity_id": consultation.id, "topic_id": topic_b.id})

    # A monthly series from 25 January: the February occurrence is excluded, the March one is
    # edited into its own row (counted once, as that row).
    series = services.activities.create(
        {
            "type": "social_post",
            "nature": "regular",
            "mode": "online",
            "status": "done",
            "title": "Bản tin chính sách hằng tháng",
            "starts_at": local(2026, 1, 25, 10),
            "rrule": "FREQ=MONTHLY;COUNT=6",
            "exdates": local(2026, 2, 25, 10).astimezone(UTC).isoformat(),
        }
    )
    services.activity_topics.create({"activity_id": series.id, "topic_id": topic_a.id})
    _count(x, "social_post", "done", "2026-01")
    add_activity(
        services,
        x,
        type="social_post",
        title="Bản tin chính sách tháng 3 (dời ngày)",
        starts_at=local(2026, 3, 27, 10),
        series_id=series.id,
        recurrence_start=local(2026, 3, 25, 10),
    )

    # Emergency statements: received in the quarter; two with a deadline, one of them on time.
    for received, deadline, made in (
        (local(2026, 1, 5, 8), local(2026, 1, 6, 8), local(2026, 1, 5, 20)),
        (local(2026, 2, 9, 8), local(2026, 2, 10, 8), local(2026, 2, 11, 9)),
        (local(2026, 3, 9, 8), None, None),
    ):
        add_activity(
            services,
            x,
            type="emergency_statement",
            title="Phát ngôn khẩn cấp",
            starts_at=received,
            case_received_at=received,
            statement_deadline=deadline,
            statement_made_at=made,
            status="done" if made else "preparing",
        )
    # The third has no deadline set: receipt + 24 h applies.
    x.emergency_cases, x.emergency_spoken, x.with_deadline, x.on_time = 3, 2, 3, 1

    # Press questions: on time, late, overdue and unanswered, not yet due.
    agency = services.agencies.create({"name": "Báo Nhân Dân", "kind": "newspaper", "level": "central"})
    journalist = services.journalists.create({"full_name": "Nguyễn Hữu Khánh", "agency_id": agency.id})
    for occurred, answered in (
        (local(2026, 1, 3), local(2026, 1, 20)),
        (local(2026, 1, 4), local(2026, 2, 25)),
        (local(2026, 2, 1), None),
        (local(2026, 3, 25), None),
    ):
        services.interactions.create(
            {
                "kind": "question_received",
                "journalist_id": journalist.id,
                "occurred_at": occurred,
                "answered_at": answered,
                "summary": "Câu hỏi của báo chí",
            }
        )
    x.questions_received, x.questions_answered, x.questions_on_time, x.questions_overdue = 4, 2, 1, 1

    # Coverage: ten items in the quarter, one outside.
    sentiments = ["positive"] * 5 + ["neutral"] * 3 + ["negative"] * 2
    for i, sentiment in enumerate(sentiments):
        item = services.coverage.create(
            {
                "headline": f"Tin bài số {i + 1}",
                "medium": "online",
                "published_at": local(2026, 1 + i % 3, 10 + i),
                "sentiment": sentiment,
                "sentiment_source": "manual",
                "handling_status": "answered" if i == 8 else ("open" if sentiment == "negative" else "none"),
                "needs_action": sentiment == "negative" or i == 7,
            }
        )
        services.coverage_topics.create(
            {"coverage_id": item.id, "topic_id": (topic_a if i % 2 else topic_b).id}
        )
    services.coverage.create(
        {
            "headline": "Tin bài năm trước",
            "medium": "print",
            "published_at": local(2025, 12, 20),
            "sentiment": "negative",
            "sentiment_source": "manual",
            "handling_status": "none",
        }
    )
    x.coverage_by_sentiment = {"positive": 5, "neutral": 3, "negative": 2}
    x.coverage_cases, x.coverage_handled = 3, 1

    for staff, hours, start in (
        (speaker, 16, date(2026, 1, 12)),
        (speaker, 8, date(2026, 3, 2)),
        (dedicated, 24, date(2026, 2, 3)),
    ):
        services.trainings.create(
            {
                "staff_id": staff.id,
                "course": "Kỹ năng phát ngôn",
                "starts_on": start,
                "hours": hours,
                "content_area": "Phát ngôn",
            }
        )
    services.trainings.create(
        {"staff_id": dedicated.id, "course": "Khóa cũ", "starts_on": date(2025, 11, 1), "hours": 40}
    )
    x.training_hours, x.training_people = 48, 2

    press = services.allocations.create(
        {
            "fiscal_year": 2026,
            "funding_source": "state_budget_provincial",
            "task_category": "press_conferences",
            "amount": 100_000_000,
        }
    )
    training = services.allocations.create(
        {
            "fiscal_year": 2026,
            "funding_source": "programme",
            "task_category": "training",
            "amount": 50_000_000,
        }
    )
    services.allocations.create(
        {
            "fiscal_year": 2025,
            "funding_source": "programme",
            "task_category": "training",
            "amount": 70_000_000,
        }
    )
    services.adjustments.create(
        {"allocation_id": press.id, "amount": 20_000_000, "decision_date": date(2026, 3, 1)}
    )
    services.adjustments.create(
        {"allocation_id": press.id, "amount": -5_000_000, "decision_date": date(2026, 5, 1)}
    )
    services.expenses.create({"spent_on": date(2026, 2, 1), "amount": 30_000_000, "allocation_id": press.id})
    services.expenses.create({"spent_on": date(2026, 4, 5), "amount": 5_000_000, "allocation_id": press.id})
    services.expenses.create(
        {"spent_on": date(2026, 3, 10), "amount": 12_500_000, "allocation_id": training.id}
    )
    services.expenses.create({"spent_on": date(2026, 1, 5), "amount": 1_000_000})
    x.allocated, x.adjustments = 150_000_000, 20_000_000
    x.spent_period = x.spent_to_date = 42_500_000
    x.unallocated_period = 1_000_000

    # Next quarter: three planned activities and a cancelled one that is not in the plan.
    for title, day, status in (
        ("Họp báo định kỳ quý II", local(2026, 4, 10), "planned"),
        ("Đối thoại với doanh nghiệp", local(2026, 5, 15), "approved"),
        ("Tọa đàm chuyển đổi số", local(2026, 6, 20), "preparing"),
        ("Hoạt động đã hủy", local(2026, 5, 1), "cancelled"),
    ):
        add_activity(services, None, type="dialogue", title=title, starts_at=day, status=status)
    x.plan = ["Họp báo định kỳ quý II", "Đối thoại với doanh nghiệp", "Tọa đàm chuyển đổi số"]
    return x
