"""Communication activities: the calendar."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced, UTCDateTime, enum_check, non_negative
from app.models.enums import (
    ActivityMode,
    ActivityNature,
    ActivityStatus,
    ActivityType,
    Attendance,
    HolidayOverrideKind,
)


class Activity(Synced, Base):
    __tablename__ = "activity"
    __table_args__ = (
        enum_check("type", ActivityType),
        enum_check("nature", ActivityNature),
        enum_check("status", ActivityStatus),
        enum_check("mode", ActivityMode),
        CheckConstraint("ends_at IS NULL OR ends_at >= starts_at", name="time_order"),
        non_negative("planned_cost"),
        non_negative("actual_cost"),
        non_negative("reminder_minutes"),
        # Calendar views read a date range; these keep the rare rows that need more than the
        # starts_at range (repeating series, activities crossing a date) out of a table scan.
        Index("ix_activity_series_start", "starts_at", sqlite_where=text("rrule != ''")),
        Index(
            "ix_activity_long_start",
            "starts_at",
            sqlite_where=text("substr(ends_at, 1, 10) != substr(starts_at, 1, 10)"),
        ),
        # Emergency cases (the 24-hour rule) straight from the index, not by a scan of every row.
        Index("ix_activity_emergency", "type", "case_received_at", sqlite_where=text("deleted_at IS NULL")),
    )
    __money_fields__ = ("planned_cost", "actual_cost")

    type: Mapped[str] = mapped_column(String(40))
    nature: Mapped[str] = mapped_column(String(16), default=ActivityNature.REGULAR.value)
    status: Mapped[str] = mapped_column(String(16), default=ActivityStatus.PLANNED.value, index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    location: Mapped[str] = mapped_column(String(300), default="")
    mode: Mapped[str] = mapped_column(String(16), default=ActivityMode.IN_PERSON.value)
    chair_id: Mapped[str | None] = mapped_column(ForeignKey("staff_member.id"), nullable=True, index=True)
    spokesperson_id: Mapped[str | None] = mapped_column(
        ForeignKey("staff_member.id"), nullable=True, index=True
    )
    planned_cost: Mapped[int] = mapped_column(BigInteger, default=0)
    actual_cost: Mapped[int] = mapped_column(BigInteger, default=0)
    # RFC 5545 recurrence: RRULE text and excluded occurrence starts (ISO, UTC, one per line).
    rrule: Mapped[str] = mapped_column(Text, default="")
    exdates: Mapped[str] = mapped_column(Text, default="")
    # An edited single occurrence points at its series and the start it replaces.
    series_id: Mapped[str | None] = mapped_column(ForeignKey("activity.id"), nullable=True, index=True)
    recurrence_start: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    reminder_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    case_received_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    statement_deadline: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    statement_made_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    ical_uid: Mapped[str] = mapped_column(String(255), default="", index=True)


class ActivityTopic(Synced, Base):
    __tablename__ = "activity_topic"
    __table_args__ = (UniqueConstraint("activity_id", "topic_id", name="activity_topic_pair"),)

    activity_id: Mapped[str] = mapped_column(ForeignKey("activity.id"), index=True)
    topic_id: Mapped[str] = mapped_column(ForeignKey("policy_topic.id"), index=True)


class ActivityInvitee(Synced, Base):
    __tablename__ = "activity_invitee"
    __table_args__ = (
        enum_check("attendance", Attendance),
        CheckConstraint("agency_id IS NOT NULL OR journalist_id IS NOT NULL", name="has_invitee"),
    )

    activity_id: Mapped[str] = mapped_column(ForeignKey("activity.id"), index=True)
    agency_id: Mapped[str | None] = mapped_column(ForeignKey("press_agency.id"), nullable=True, index=True)
    journalist_id: Mapped[str | None] = mapped_column(ForeignKey("journalist.id"), nullable=True, index=True)
    attendance: Mapped[str] = mapped_column(String(16), default=Attendance.INVITED.value)


class HolidayOverride(Synced, Base):
    """A day the government moves in or out of the public-holiday schedule, published centrally
    (reference data: every office receives it read-only)."""

    __tablename__ = "holiday_override"
    __table_args__ = (enum_check("kind", HolidayOverrideKind),)

    day: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    decision: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
