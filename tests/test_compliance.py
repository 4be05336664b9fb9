"""Compliance counted at the edges: local midnight for press answers, this year's emergency
statements, the held / planned / at-risk ladder shared by the quarterly and monthly checks."""

from __future__ import annotations

from datetime import UTC, timedelta

from app.services import Services
from app.services.compliance import State, period_state
from tests.calendar_fixtures import activity, local


def test_period_state_ladder() -> None:
    assert period_state(held=1, planned=0, expected=1) == State.OK
    assert period_state(held=0, planned=1, expected=1) == State.PENDING
    assert period_state(held=1, planned=1, expected=3) == State.AT_RISK
    assert period_state(held=0, planned=0, expected=0) == State.OK


def test_press_answers_are_on_time_by_the_local_day(services: Services) -> None:
    agency = services.agencies.create({"name": "Báo Tuổi Trẻ", "kind": "newspaper", "level": "central"})

    def question(summary: str, answered_hour: int | None = None, answered_day: int = 1) -> None:
        values = {
            "agency_id": agency.id,
            "kind": "question_received",
            "occurred_at": local(2026, 4, 1, 9),  # due 01/05/2026
            "summary": summary,
        }
        if answered_hour is not None:
            values["answered_at"] = local(2026, 5, answered_day, answered_hour, 30)
        services.interactions.create(values)

    question("Đúng hạn, gần nửa đêm", answered_hour=23)  # 16:30 UTC on the due day
    question("Trễ nửa giờ", answered_hour=0, answered_day=2)  # 17:30 UTC, still 01/05 in UTC
    question("Chưa trả lời")
    now = local(2026, 5, 20, 12).astimezone(UTC)
    check = services.compliance.summary(now).check("press_questions")
    assert (check.done, check.expected) == (1, 2)
    assert check.state == State.MISSED
    assert "0 câu hỏi đang chờ trả lời (0 sắp đến hạn), 1 quá hạn" in check.detail.vi
    assert "đã trả lời 1 đúng hạn, 1 trễ hạn" in check.detail.vi
    overdue = [i for i in services.compliance.overdue(now) if i.kind == "press_question"]
    assert [str(i.title.vi) for i in overdue] == ["Câu hỏi báo chí chưa trả lời: Chưa trả lời"]
    assert overdue[0].overdue_by == now - local(2026, 5, 2, 0).astimezone(UTC)


def test_emergency_statements_count_this_year_and_every_open_case(services: Services) -> None:
    def case(title: str, received: object, answered_after: timedelta | None) -> None:
        row = activity(
            services, title, received, hours=1, type="emergency_statement", case_received_at=received
        )
        if answered_after is not None:
            services.activities.update(row.id, {"statement_made_at": received + answered_after})  # type: ignore[operator]

    case("Năm trước, trễ", local(2025, 6, 1, 8), timedelta(hours=30))  # not this year: not counted
    case("Đúng hạn", local(2026, 2, 1, 8), timedelta(hours=23))
    case("Trễ hạn", local(2026, 3, 1, 8), timedelta(hours=25))
    case("Mở từ năm trước", local(2025, 12, 30, 8), None)  # open cases count whenever they came
    case("Đang chờ", local(2026, 5, 20, 2), None)
    now = local(2026, 5, 20, 12).astimezone(UTC)
    check = services.compliance.summary(now).check("emergency_statements")
    assert (check.done, check.expected) == (1, 2)
    assert check.state == State.MISSED
    assert check.detail.vi == "Năm nay: 1 đúng hạn, 1 trễ hạn; 1 đang chờ, 1 quá hạn 24 giờ."
    assert check.due == local(2026, 5, 21, 2).astimezone(UTC)
    overdue = [i for i in services.compliance.overdue(now) if i.kind == "emergency_statement"]
    assert [i.title.vi for i in overdue] == ["Phát ngôn khẩn cấp quá hạn: Mở từ năm trước"]
