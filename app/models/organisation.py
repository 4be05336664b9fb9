"""The office itself, the units it tracks, policy topics, staff and their training."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced, UTCDateTime, enum_check, non_negative
from app.models.enums import PeriodRule, TopicKind, TopicStage, UnitKind


class Office(Synced, Base):
    __tablename__ = "office"
    __table_args__ = (enum_check("period_rule", PeriodRule),)

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    province: Mapped[str] = mapped_column(String(120))
    superior_body: Mapped[str] = mapped_column(String(300), default="")
    place_name: Mapped[str] = mapped_column(String(120), default="")
    symbol_suffix: Mapped[str] = mapped_column(String(40), default="UBND")
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    signer_title: Mapped[str] = mapped_column(String(200), default="")
    report_recipients: Mapped[str] = mapped_column(Text, default="")
    period_rule: Mapped[str] = mapped_column(String(32), default=PeriodRule.CALENDAR_QUARTER.value)


class Unit(Synced, Base):
    __tablename__ = "unit"
    __table_args__ = (enum_check("kind", UnitKind),)

    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(32), default=UnitKind.DEPARTMENT.value)
    focal_point_id: Mapped[str | None] = mapped_column(
        ForeignKey("staff_member.id", use_alter=True, name="fk_unit_focal_point_id_staff_member"),
        nullable=True,
        index=True,
    )
    notes: Mapped[str] = mapped_column(Text, default="")


class PolicyTopic(Synced, Base):
    __tablename__ = "policy_topic"
    __table_args__ = (enum_check("kind", TopicKind), enum_check("stage", TopicStage))

    name: Mapped[str] = mapped_column(String(300))
    field: Mapped[str] = mapped_column(String(120), default="")
    document_number: Mapped[str] = mapped_column(String(80), default="")
    kind: Mapped[str] = mapped_column(String(32), default=TopicKind.IN_FORCE.value)
    stage: Mapped[str] = mapped_column(String(32), default=TopicStage.IMPLEMENTATION.value)
    meets_407_criteria: Mapped[bool] = mapped_column(Boolean, default=False)
    lead_agency: Mapped[str] = mapped_column(String(300), default="")
    keywords: Mapped[str] = mapped_column(Text, default="")


class StaffMember(Synced, Base):
    __tablename__ = "staff_member"
    __table_args__ = (
        CheckConstraint(
            "authorised_to IS NULL OR authorised_from IS NULL OR authorised_to >= authorised_from",
            name="authorisation_order",
        ),
        CheckConstraint(
            "active_to IS NULL OR active_from IS NULL OR active_to >= active_from", name="active_order"
        ),
    )

    full_name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(200), default="")
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("unit.id"), nullable=True, index=True)
    roles: Mapped[str] = mapped_column(String(200), default="")
    decision_number: Mapped[str] = mapped_column(String(80), default="")
    decision_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    authorisation_scope: Mapped[str] = mapped_column(Text, default="")
    authorised_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    authorised_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    published_on_portal_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    active_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    active_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    name_key: Mapped[str] = mapped_column(Text, default="", server_default="")  # app/models/sort_keys.py


class TrainingRecord(Synced, Base):
    __tablename__ = "training_record"
    __table_args__ = (
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="date_order"),
        non_negative("hours"),
        non_negative("cost"),
    )
    __money_fields__ = ("cost",)

    staff_id: Mapped[str] = mapped_column(ForeignKey("staff_member.id"), index=True)
    course: Mapped[str] = mapped_column(String(300))
    organiser: Mapped[str] = mapped_column(String(300), default="")
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    hours: Mapped[int] = mapped_column(Integer, default=0)
    content_area: Mapped[str] = mapped_column(String(200), default="")
    certificate: Mapped[str] = mapped_column(String(200), default="")
    cost: Mapped[int] = mapped_column(BigInteger, default=0)
    expires_on: Mapped[date | None] = mapped_column(Date, nullable=True)
