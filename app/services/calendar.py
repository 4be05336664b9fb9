"""Services for communication activities, their topics and invitees."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.errors import FieldProblem
from app.i18n import Message
from app.models import Activity, ActivityInvitee, ActivityTopic, Synced
from app.models import enums as e
from app.services.entity import EntityService, require_one_of
from app.services.fields import BOOL, DATETIME, ENUM, INT, MONEY, REF, TEXT, Field
from app.services.labels import field_label
from app.services.recurrence import MAX_ACTIVITY_SPAN, RecurrenceError, parse_rule

DEFAULT_EMERGENCY_HOURS = 24


class ActivityService(EntityService):
    model = Activity
    fields = {
        "type": Field(ENUM, enum=e.ActivityType, required=True),
        "nature": Field(ENUM, enum=e.ActivityNature, required=True),
        "status": Field(ENUM, enum=e.ActivityStatus, required=True),
        "title": Field(TEXT, required=True),
        "description": Field(TEXT, max_len=20000),
        "starts_at": Field(DATETIME, required=True),
        "ends_at": Field(DATETIME),
        "all_day": Field(BOOL),
        "location": Field(TEXT),
        "mode": Field(ENUM, enum=e.ActivityMode, required=True),
        "chair_id": Field(REF, ref="staff_member"),
        "spokesperson_id": Field(REF, ref="staff_member"),
        "planned_cost": Field(MONEY),
        "actual_cost": Field(MONEY),
        "rrule": Field(TEXT, max_len=1000),
        "exdates": Field(TEXT, max_len=100000),
        "series_id": Field(REF, ref="activity"),
        "recurrence_start": Field(DATETIME),
        "reminder_minutes": Field(INT, minimum=0, maximum=60 * 24 * 30),
        "case_received_at": Field(DATETIME),
        "statement_deadline": Field(DATETIME),
        "statement_made_at": Field(DATETIME),
        "ical_uid": Field(TEXT),
    }
    ordered_pairs = (("starts_at", "ends_at"), ("case_received_at", "statement_made_at"))
    default_order = "starts_at"
    # Hours from receiving an emergency case to the statement deadline (configurable by setting).
    emergency_hours: int = DEFAULT_EMERGENCY_HOURS

    def validate(self, session: Session, values: dict[str, Any], current: Synced | None) -> dict[str, Any]:
        cleaned = super().validate(session, values, current)
        kind = cleaned.get("type", getattr(current, "type", None))
        received = cleaned.get("case_received_at", getattr(current, "case_received_at", None))
        if (
            kind == e.ActivityType.EMERGENCY_STATEMENT
            and received is not None
            and "statement_deadline" not in values
            and ("case_received_at" in cleaned or getattr(current, "statement_deadline", None) is None)
        ):
            cleaned["statement_deadline"] = received + timedelta(hours=self.emergency_hours)
        return cleaned

    def check(self, session: Session, merged: dict[str, Any], current: Synced | None) -> list[FieldProblem]:
        problems = []
        start, end = merged.get("starts_at"), merged.get("ends_at")
        if start is not None and end is not None and end - start > MAX_ACTIVITY_SPAN:
            problems.append(
                FieldProblem(
                    "ends_at",
                    field_label("ends_at"),
                    Message(
                        "một hoạt động kéo dài tối đa một năm; hãy dùng lịch lặp lại",
                        "an activity lasts at most a year; use a repeating series instead",
                    ),
                )
            )
        if merged.get("rrule"):
            try:
                parse_rule(merged["rrule"])
            except RecurrenceError as exc:
                problems.append(
                    FieldProblem(
                        "rrule",
                        field_label("rrule"),
                        Message(f"quy tắc lặp không hợp lệ ({exc})", f"is not a valid rule ({exc})"),
                    )
                )
            if merged.get("series_id"):
                problems.append(
                    FieldProblem(
                        "rrule",
                        field_label("rrule"),
                        Message(
                            "một lần lặp đã sửa không thể tự lặp lại",
                            "an edited occurrence cannot repeat itself",
                        ),
                    )
                )
        if merged.get("series_id") and merged.get("recurrence_start") is None:
            problems.append(
                FieldProblem(
                    "recurrence_start",
                    field_label("recurrence_start"),
                    Message("cần cho lần lặp đã sửa", "is needed for an edited occurrence"),
                )
            )
        return problems


class ActivityTopicService(EntityService):
    model = ActivityTopic
    fields = {
        "activity_id": Field(REF, ref="activity", required=True),
        "topic_id": Field(REF, ref="policy_topic", required=True),
    }


class InviteeService(EntityService):
    model = ActivityInvitee
    fields = {
        "activity_id": Field(REF, ref="activity", required=True),
        "agency_id": Field(REF, ref="press_agency"),
        "journalist_id": Field(REF, ref="journalist"),
        "attendance": Field(ENUM, enum=e.Attendance, required=True),
    }

    def check(self, session: Session, merged: dict[str, Any], current: Synced | None) -> list[FieldProblem]:
        return require_one_of(merged, ("agency_id", "journalist_id"))
