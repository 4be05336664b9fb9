"""Services for communication activities, their topics and invitees."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.errors import FieldProblem
from app.models import Activity, ActivityInvitee, ActivityTopic, Synced
from app.models import enums as e
from app.services.entity import EntityService, require_one_of
from app.services.fields import BOOL, DATETIME, ENUM, INT, MONEY, REF, TEXT, Field


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
