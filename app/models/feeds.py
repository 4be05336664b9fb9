"""Local tables of the news-feed reader: subscriptions and the articles it proposes.

They stay on this PC: feed URLs travel between PCs on the press agency (``feed_urls``), and an
accepted proposal becomes a synced coverage item.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, enum_check, new_id, utcnow
from app.models.enums import ProposalStatus


class FeedSubscription(Base):
    __tablename__ = "feed_subscription"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    url: Mapped[str] = mapped_column(String(1000), unique=True)
    agency_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Conditional requests: the validators of the last full answer.
    etag: Mapped[str] = mapped_column(String(300), default="")
    last_modified: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    failures: Mapped[int] = mapped_column(Integer, default=0)
    next_check_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    items_seen: Mapped[int] = mapped_column(Integer, default=0)


class FeedProposal(Base):
    __tablename__ = "feed_proposal"
    __table_args__ = (enum_check("status", ProposalStatus),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    feed_id: Mapped[str] = mapped_column(ForeignKey("feed_subscription.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(1000), default="", index=True)
    folded_title: Mapped[str] = mapped_column(String(500), index=True)
    headline: Mapped[str] = mapped_column(String(500))
    summary: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(200), default="")
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    agency_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    topic_ids: Mapped[str] = mapped_column(Text, default="")  # comma-separated policy_topic ids
    sentiment: Mapped[str] = mapped_column(String(16), default="neutral")
    sentiment_confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default=ProposalStatus.PROPOSED.value, index=True)
    found_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    coverage_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
