"""The local e-mail outbox: press-release messages waiting for, or done with, the SMTP server.

Local to this PC (not synced): the message leaves from the computer that composed it. The
delivery result is recorded as a synced Interaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, enum_check, new_id, utcnow
from app.models.enums import MailStatus


class OutgoingMail(Base):
    __tablename__ = "email_outbox"
    __table_args__ = (enum_check("status", MailStatus),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    batch_id: Mapped[str] = mapped_column(String(36), index=True)
    journalist_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(Text)
    message: Mapped[bytes] = mapped_column(LargeBinary)  # the whole MIME message, as sent
    message_id: Mapped[str] = mapped_column(String(250), default="")
    status: Mapped[str] = mapped_column(String(16), default=MailStatus.QUEUED.value, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(120), default="")
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
