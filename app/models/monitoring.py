"""Press coverage of the province's policies."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
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
from app.models.enums import HandlingStatus, MediaType, Sentiment, SentimentSource


class CoverageItem(Synced, Base):
    __tablename__ = "coverage_item"
    __table_args__ = (
        enum_check("medium", MediaType),
        enum_check("sentiment", Sentiment),
        enum_check("sentiment_source", SentimentSource),
        enum_check("handling_status", HandlingStatus),
        CheckConstraint(
            "sentiment_confidence IS NULL OR (sentiment_confidence >= 0 AND sentiment_confidence <= 1)",
            name="confidence_range",
        ),
        non_negative("reach"),
        # Covering index for the trend aggregates: a range of days read from the index alone.
        Index("ix_coverage_item_trend", "published_at", "sentiment", "deleted_at", "id"),
        # Replies to the press past their deadline (the Dashboard), read from the index alone.
        Index(
            "ix_coverage_item_open_replies",
            "needs_action",
            "reply_deadline",
            "handling_status",
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )

    headline: Mapped[str] = mapped_column(String(500))
    summary: Mapped[str] = mapped_column(Text, default="")
    agency_id: Mapped[str | None] = mapped_column(ForeignKey("press_agency.id"), nullable=True, index=True)
    journalist_id: Mapped[str | None] = mapped_column(ForeignKey("journalist.id"), nullable=True, index=True)
    medium: Mapped[str] = mapped_column(String(16), default=MediaType.ONLINE.value)
    url: Mapped[str] = mapped_column(String(1000), default="", index=True)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    author: Mapped[str] = mapped_column(String(200), default="")
    sentiment: Mapped[str] = mapped_column(String(16), default=Sentiment.NEUTRAL.value)
    sentiment_source: Mapped[str] = mapped_column(String(16), default=SentimentSource.MANUAL.value)
    sentiment_confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    reach: Mapped[int | None] = mapped_column(Integer, nullable=True)
    needs_action: Mapped[bool] = mapped_column(Boolean, default=False)
    handling_status: Mapped[str] = mapped_column(String(16), default=HandlingStatus.NONE.value)
    reply_deadline: Mapped[date | None] = mapped_column(Date, nullable=True)
    activity_id: Mapped[str | None] = mapped_column(ForeignKey("activity.id"), nullable=True, index=True)


class CoverageTopic(Synced, Base):
    __tablename__ = "coverage_topic"
    __table_args__ = (
        UniqueConstraint("coverage_id", "topic_id", name="coverage_topic_pair"),
        Index("ix_coverage_topic_trend", "coverage_id", "deleted_at", "topic_id"),
        Index("ix_coverage_topic_by_topic", "topic_id", "deleted_at", "coverage_id"),
    )

    coverage_id: Mapped[str] = mapped_column(ForeignKey("coverage_item.id"), index=True)
    topic_id: Mapped[str] = mapped_column(ForeignKey("policy_topic.id"), index=True)
