"""Issued and draft reports, kept so that an issued report reopens exactly as issued."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced, UTCDateTime, enum_check
from app.models.enums import ReportKind, ReportStatus


class Report(Synced, Base):
    __tablename__ = "report"
    __table_args__ = (
        enum_check("kind", ReportKind),
        enum_check("status", ReportStatus),
        CheckConstraint("period BETWEEN 0 AND 4", name="period_range"),
    )

    kind: Mapped[str] = mapped_column(String(32))
    year: Mapped[int] = mapped_column(Integer)
    period: Mapped[int] = mapped_column(Integer, default=0)  # quarter 1-4; 0 for annual
    number: Mapped[str] = mapped_column(String(40), default="")
    symbol: Mapped[str] = mapped_column(String(80), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    assessment: Mapped[str] = mapped_column(Text, default="")
    next_tasks: Mapped[str] = mapped_column(Text, default="")
    recommendations: Mapped[str] = mapped_column(Text, default="")
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    signer_title: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(16), default=ReportStatus.DRAFT.value)
    issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    figures_json: Mapped[str] = mapped_column(Text, default="")  # frozen figures of an issued report
    file_sha256: Mapped[str] = mapped_column(String(64), default="")
