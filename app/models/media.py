"""Press agencies, journalists, interactions and distribution lists."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced, UTCDateTime, enum_check
from app.models.enums import AgencyKind, AgencyLevel, InteractionKind


class PressAgency(Synced, Base):
    __tablename__ = "press_agency"
    __table_args__ = (enum_check("kind", AgencyKind), enum_check("level", AgencyLevel))

    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(80), default="")
    media_types: Mapped[str] = mapped_column(String(80), default="")  # comma-separated MediaType codes
    kind: Mapped[str] = mapped_column(String(32), default=AgencyKind.NEWSPAPER.value)
    governing_body: Mapped[str] = mapped_column(String(300), default="")
    level: Mapped[str] = mapped_column(String(16), default=AgencyLevel.CENTRAL.value)
    licence_number: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    feed_urls: Mapped[str] = mapped_column(Text, default="")  # one URL per line
    notes: Mapped[str] = mapped_column(Text, default="")
    name_key: Mapped[str] = mapped_column(Text, default="", server_default="")  # app/models/sort_keys.py


class Journalist(Synced, Base):
    __tablename__ = "journalist"
    __table_args__ = (
        CheckConstraint(
            "press_card_expires IS NULL OR press_card_issued IS NULL OR press_card_expires >= press_card_issued",
            name="card_dates",
        ),
    )

    full_name: Mapped[str] = mapped_column(String(200))
    agency_id: Mapped[str | None] = mapped_column(ForeignKey("press_agency.id"), nullable=True, index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    press_card_number: Mapped[str] = mapped_column(String(40), default="")
    press_card_issued: Mapped[date | None] = mapped_column(Date, nullable=True)
    press_card_expires: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    resident_correspondent: Mapped[bool] = mapped_column(Boolean, default=False)
    beats: Mapped[str] = mapped_column(String(300), default="")  # comma-separated tags
    phones: Mapped[str] = mapped_column(String(200), default="")  # comma-separated
    emails: Mapped[str] = mapped_column(String(500), default="")  # comma-separated
    do_not_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    do_not_contact_reason: Mapped[str] = mapped_column(String(300), default="")
    owner_staff_id: Mapped[str | None] = mapped_column(
        ForeignKey("staff_member.id"), nullable=True, index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    name_key: Mapped[str] = mapped_column(Text, default="", server_default="")  # app/models/sort_keys.py


class Interaction(Synced, Base):
    __tablename__ = "interaction"
    __table_args__ = (
        enum_check("kind", InteractionKind),
        CheckConstraint("agency_id IS NOT NULL OR journalist_id IS NOT NULL", name="has_counterpart"),
    )

    journalist_id: Mapped[str | None] = mapped_column(ForeignKey("journalist.id"), nullable=True, index=True)
    agency_id: Mapped[str | None] = mapped_column(ForeignKey("press_agency.id"), nullable=True, index=True)
    kind: Mapped[str] = mapped_column(String(32))
    activity_id: Mapped[str | None] = mapped_column(ForeignKey("activity.id"), nullable=True, index=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff_member.id"), nullable=True, index=True)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class DistributionList(Synced, Base):
    __tablename__ = "distribution_list"

    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")


class DistributionListMember(Synced, Base):
    __tablename__ = "distribution_list_member"
    __table_args__ = (UniqueConstraint("list_id", "journalist_id", name="list_member_pair"),)

    list_id: Mapped[str] = mapped_column(ForeignKey("distribution_list.id"), index=True)
    journalist_id: Mapped[str] = mapped_column(ForeignKey("journalist.id"), index=True)
