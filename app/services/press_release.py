"""Sending a press release: one message per recipient, through the local e-mail outbox.

Composing puts one message per journalist in the ``email_outbox`` table; delivery takes the
waiting ones to the office's SMTP server whenever it can be reached. A message is marked
``sending`` in its own transaction before it is handed over and ``sent`` right after, with
the Interaction that records it, so none leaves twice: a crash in between leaves it
``sending`` for a person to check rather than sending it again blindly.
"""

from __future__ import annotations

import email.policy
import mimetypes
import smtplib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email import encoders, message_from_bytes
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr, make_msgid
from pathlib import Path
from typing import Any

from sqlalchemy import CursorResult, func, select, update
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential

from app.errors import CommDeskError
from app.i18n import Message
from app.models import Journalist, OutgoingMail, new_id, utcnow
from app.models.enums import InteractionKind, MailStatus
from app.services import preferences
from app.services.context import ServiceContext
from app.services.fields import EMAIL
from app.services.mailer import (
    MailServerUnreachable,
    MailSetupProblem,
    SmtpConnection,
    SmtpSettings,
    connect,
)
from app.services.media import DistributionListService, InteractionService, split_list
from app.services.rows import to_row
from app.services.settings import SettingsStore

MAX_ATTACHMENTS_BYTES = 20 * 1024 * 1024
DEFAULT_QUIET_DAYS = 7
RETRY_DELAYS_MIN = (1, 5, 15, 60, 240)  # minutes before retrying a message the server deferred
PITCH_KINDS = (InteractionKind.PITCH.value, InteractionKind.PRESS_RELEASE_SENT.value)
QUIET_DAYS_KEY = "media.pitch_quiet_days"

preferences.register(
    preferences.Preference(
        QUIET_DAYS_KEY,
        preferences.INT,
        DEFAULT_QUIET_DAYS,
        Message("Cảnh báo khi đã gợi ý đề tài trong vòng (ngày)", "Warn when pitched within (days)"),
        minimum=0,
        maximum=365,
    )
)


@dataclass(frozen=True)
class Recipient:
    journalist_id: str
    name: str
    email: str


@dataclass
class SendPlan:
    """Who will get the message, and who will not, and why."""

    recipients: list[Recipient] = field(default_factory=list)
    do_not_contact: list[tuple[str, str, str]] = field(default_factory=list)  # id, name, reason
    without_email: list[tuple[str, str]] = field(default_factory=list)
    recently_pitched: list[tuple[str, str, datetime]] = field(default_factory=list)
    quiet_days: int = DEFAULT_QUIET_DAYS


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes

    @classmethod
    def from_path(cls, path: Path) -> Attachment:
        try:
            return cls(path.name, path.read_bytes())
        except OSError as exc:
            raise CommDeskError(
                Message(
                    f"Không đọc được tệp đính kèm {path}: {exc}", f"Cannot read the attachment {path}: {exc}"
                )
            ) from exc


@dataclass
class DeliveryReport:
    sent: int = 0
    failed: int = 0
    waiting: int = 0
    cancelled: int = 0
    error: str = ""  # why delivery stopped early (e.g. the server cannot be reached)


class PressReleaseService:
    def __init__(
        self,
        ctx: ServiceContext,
        settings: SettingsStore,
        interactions: InteractionService,
        lists: DistributionListService,
    ) -> None:
        self.ctx = ctx
        self.settings = settings
        self.interactions = interactions
        self.lists = lists
        self._delivering = threading.Lock()
        # Replaced in tests; tenacity's wait between connection attempts.
        self.connect_wait = wait_exponential(multiplier=1, min=1, max=8)
        self.connect_attempts = 3

    # ----- who receives it ------------------------------------------------------------------

    def plan(
        self,
        journalist_ids: Sequence[str] = (),
        list_ids: Sequence[str] = (),
        quiet_days: int | None = None,
        now: datetime | None = None,
    ) -> SendPlan:
        """The recipients of the chosen people and lists; do-not-contact always left out."""
        quiet_days = self.quiet_days() if quiet_days is None else quiet_days
        wanted = list(dict.fromkeys(journalist_ids))
        for list_id in list_ids:
            wanted.extend(j for j in self.lists.member_ids(list_id) if j not in wanted)
        wanted = list(dict.fromkeys(wanted))
        plan = SendPlan(quiet_days=quiet_days)
        with self.ctx.db.session() as session:
            people = {
                j.id: j
                for start in range(0, len(wanted), 500)
                for j in session.scalars(
                    select(Journalist).where(
                        Journalist.id.in_(wanted[start : start + 500]), Journalist.deleted_at.is_(None)
                    )
                )
            }
        for journalist_id in wanted:
            person = people.get(journalist_id)
            if person is None:
                continue
            if person.do_not_contact:
                plan.do_not_contact.append((person.id, person.full_name, person.do_not_contact_reason))
                continue
            emails = [e for e in split_list(person.emails) if EMAIL.match(e)]
            if not emails:
                plan.without_email.append((person.id, person.full_name))
                continue
            plan.recipients.append(Recipient(person.id, person.full_name, emails[0]))
        if quiet_days > 0 and plan.recipients:
            since = (now or utcnow()) - timedelta(days=quiet_days)
            last = self.interactions.last_contact([r.journalist_id for r in plan.recipients], PITCH_KINDS)
            for r in plan.recipients:
                when = last.get(r.journalist_id)
                if when is not None and when >= since:
                    plan.recently_pitched.append((r.journalist_id, r.name, when))
        return plan

    def quiet_days(self) -> int:
        try:
            return int(self.settings.get(QUIET_DAYS_KEY, DEFAULT_QUIET_DAYS))
        except (TypeError, ValueError):
            return DEFAULT_QUIET_DAYS

    # ----- composing ------------------------------------------------------------------------

    def queue(
        self,
        subject: str,
        body: str,
        recipients: Sequence[Recipient],
        attachments: Sequence[Attachment] = (),
    ) -> str:
        """Put one message per recipient in the outbox; returns the batch id."""
        problems = []
        if not subject.strip():
            problems.append(Message("Cần nhập tiêu đề thư.", "The subject is required."))
        if not body.strip():
            problems.append(Message("Cần nhập nội dung thư.", "The message body is required."))
        if not recipients:
            problems.append(Message("Chưa có người nhận nào.", "There is no recipient."))
        if sum(len(a.data) for a in attachments) > MAX_ATTACHMENTS_BYTES:
            problems.append(
                Message("Tệp đính kèm vượt quá 20 MB.", "The attachments are larger than 20 MB in total.")
            )
        if problems:
            raise CommDeskError(Message(" ".join(p.vi for p in problems), " ".join(p.en for p in problems)))
        config = SmtpSettings.load(self.settings)
        batch_id = new_id()
        with self.ctx.db.session() as session, session.begin():
            blocked = set(
                session.scalars(
                    select(Journalist.id).where(
                        Journalist.id.in_([r.journalist_id for r in recipients]), Journalist.do_not_contact
                    )
                )
            )
            for recipient in dict.fromkeys(recipients):
                if recipient.journalist_id in blocked:
                    continue
                message = compose(config.sender, recipient, subject, body, attachments)
                message_id = message_from_bytes(message)["Message-ID"]
                session.add(
                    OutgoingMail(
                        id=new_id(),
                        batch_id=batch_id,
                        journalist_id=recipient.journalist_id,
                        recipient=recipient.email,
                        subject=subject.strip(),
                        message=message,
                        message_id=str(message_id),
                        status=MailStatus.QUEUED.value,
                        created_by=self.ctx.actor,
                    )
                )
        self.ctx.bus.publish({"email_outbox"})
        return batch_id

    # ----- delivering -----------------------------------------------------------------------

    def waiting_count(self) -> int:
        with self.ctx.db.session() as session:
            return int(
                session.scalar(select(func.count()).where(OutgoingMail.status == MailStatus.QUEUED.value))
                or 0
            )

    def outbox(self, limit: int = 500) -> list[Any]:
        query = select(OutgoingMail).order_by(OutgoingMail.created_at.desc(), OutgoingMail.id).limit(limit)
        with self.ctx.db.session() as session:
            return [to_row(m) for m in session.scalars(query)]

    def deliver(
        self,
        now: Callable[[], datetime] = utcnow,
        opener: Callable[[SmtpSettings], SmtpConnection] = connect,
    ) -> DeliveryReport:
        """Send every waiting message that is due; safe to call from a timer (never overlaps)."""
        report = DeliveryReport()
        if not self._delivering.acquire(blocking=False):
            report.waiting = self.waiting_count()
            return report
        try:
            return self._deliver(report, now, opener)
        finally:
            self._delivering.release()

    def _due_ids(self, moment: datetime) -> list[str]:
        query = (
            select(OutgoingMail.id)
            .where(OutgoingMail.status == MailStatus.QUEUED.value)
            .where((OutgoingMail.next_attempt_at.is_(None)) | (OutgoingMail.next_attempt_at <= moment))
            .order_by(OutgoingMail.created_at, OutgoingMail.id)
        )
        with self.ctx.db.session() as session:
            return list(session.scalars(query))

    def _deliver(
        self,
        report: DeliveryReport,
        now: Callable[[], datetime],
        opener: Callable[[SmtpSettings], SmtpConnection],
    ) -> DeliveryReport:
        due = self._due_ids(now())
        if not due:
            report.waiting = self.waiting_count()
            return report
        config = SmtpSettings.load(self.settings)

        @retry(
            retry=retry_if_exception_type(MailServerUnreachable),
            stop=stop_after_attempt(self.connect_attempts),
            wait=self.connect_wait,
            reraise=True,
        )
        def open_connection() -> SmtpConnection:
            connection = opener(config)
            connection.open()
            return connection

        try:
            connection = open_connection()
        except (MailServerUnreachable, MailSetupProblem) as exc:
            report.error = str(exc)
            report.waiting = self.waiting_count()
            return report
        try:
            for mail_id in due:
                outcome = self._send_one(connection, config, mail_id, now)
                if outcome == "sent":
                    report.sent += 1
                elif outcome == "failed":
                    report.failed += 1
                elif outcome == "cancelled":
                    report.cancelled += 1
                elif outcome.startswith("lost:"):
                    report.error = outcome[5:]
                    break
        finally:
            connection.close()
            report.waiting = self.waiting_count()
            self.ctx.bus.publish({"email_outbox", "interaction"})
        return report

    def _claim(self, mail_id: str) -> tuple[OutgoingMail, bool] | None:
        """Mark the message ``sending`` if it is still queued; also tells if its person is blocked."""
        with self.ctx.db.session() as session, session.begin():
            claimed = _changed(
                session.execute(
                    update(OutgoingMail)
                    .where(OutgoingMail.id == mail_id, OutgoingMail.status == MailStatus.QUEUED.value)
                    .values(status=MailStatus.SENDING.value, attempts=OutgoingMail.attempts + 1)
                )
            )
            if not claimed:
                return None
            mail = session.get(OutgoingMail, mail_id)
            assert mail is not None
            person = session.get(Journalist, mail.journalist_id) if mail.journalist_id else None
            blocked = person is not None and (person.do_not_contact or person.deleted_at is not None)
            if blocked:
                mail.status = MailStatus.CANCELLED.value
                mail.last_error = "do not contact"
            session.flush()
            session.expunge(mail)
            return mail, blocked

    def _send_one(
        self, connection: SmtpConnection, config: SmtpSettings, mail_id: str, now: Callable[[], datetime]
    ) -> str:
        claimed = self._claim(mail_id)
        if claimed is None:
            return "skipped"
        mail, blocked = claimed
        if blocked:
            return "cancelled"
        try:
            connection.send(config.sender, mail.recipient, mail.message)
        except smtplib.SMTPRecipientsRefused as exc:
            self._finish(mail, MailStatus.FAILED, now(), _smtp_reason(exc))
            return "failed"
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code >= 500:
                self._finish(mail, MailStatus.FAILED, now(), _smtp_reason(exc))
                return "failed"
            self._defer(mail, now(), _smtp_reason(exc))
            return "deferred"
        except (OSError, smtplib.SMTPException) as exc:
            # The connection dropped: whether the server took the message is unknown only if it
            # dropped after the data was sent; smtplib raises before that point, so retry later.
            self._defer(mail, now(), str(exc))
            return f"lost:{exc}"
        self._finish(mail, MailStatus.SENT, now(), "")
        return "sent"

    def _defer(self, mail: OutgoingMail, moment: datetime, reason: str) -> None:
        delay = RETRY_DELAYS_MIN[min(mail.attempts, len(RETRY_DELAYS_MIN)) - 1]
        with self.ctx.db.session() as session, session.begin():
            session.execute(
                update(OutgoingMail)
                .where(OutgoingMail.id == mail.id)
                .values(
                    status=MailStatus.QUEUED.value,
                    last_error=reason,
                    next_attempt_at=moment + timedelta(minutes=delay),
                )
            )

    def _finish(self, mail: OutgoingMail, status: MailStatus, moment: datetime, reason: str) -> None:
        """Record the outcome and its Interaction in one transaction."""
        with self.ctx.db.session() as session, session.begin():
            session.execute(
                update(OutgoingMail)
                .where(OutgoingMail.id == mail.id)
                .values(
                    status=status.value,
                    last_error=reason,
                    sent_at=moment if status == MailStatus.SENT else None,
                )
            )
            if mail.journalist_id and session.get(Journalist, mail.journalist_id) is not None:
                sent = status == MailStatus.SENT
                summary = (
                    f"Thông cáo báo chí gửi tới {mail.recipient}: {mail.subject}"
                    if sent
                    else f"Không gửi được thông cáo tới {mail.recipient}: {mail.subject} — {reason}"
                )
                self.interactions.create_in(
                    session,
                    {
                        "journalist_id": mail.journalist_id,
                        "kind": (
                            InteractionKind.PRESS_RELEASE_SENT if sent else InteractionKind.DELIVERY_FAILED
                        ).value,
                        "occurred_at": moment,
                        "summary": summary,
                    },
                )

    def requeue(self, mail_ids: Sequence[str]) -> int:
        """Put failed or uncertain (``sending``) messages back in the queue, at a person's request."""
        with self.ctx.db.session() as session, session.begin():
            count = _changed(
                session.execute(
                    update(OutgoingMail)
                    .where(
                        OutgoingMail.id.in_(list(mail_ids)),
                        OutgoingMail.status.in_([MailStatus.FAILED.value, MailStatus.SENDING.value]),
                    )
                    .values(status=MailStatus.QUEUED.value, next_attempt_at=None)
                )
            )
        self.ctx.bus.publish({"email_outbox"})
        return int(count)


def _changed(result: Any) -> int:
    assert isinstance(result, CursorResult)
    return int(result.rowcount)


def _smtp_reason(exc: smtplib.SMTPException) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        parts = [f"{code} {text.decode(errors='replace')}" for code, text in exc.recipients.values()]
        return "; ".join(parts)
    if isinstance(exc, smtplib.SMTPResponseException):
        text = (
            exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else exc.smtp_error
        )
        return f"{exc.smtp_code} {text}"
    return str(exc)


def compose(
    sender: str, recipient: Recipient, subject: str, body: str, attachments: Sequence[Attachment]
) -> bytes:
    """One message to one person (no one sees the other recipients), ready for SMTP.

    Built with the classic MIME classes and ``Header``: Python 3.11's default policy drops
    the space between folded RFC 2047 words, which garbles long Vietnamese subjects.
    """
    text = MIMEText(body, "plain", "utf-8")
    message: MIMEText | MIMEMultipart = text
    if attachments:
        message = MIMEMultipart()
        message.attach(text)
        for attachment in attachments:
            kind, _ = mimetypes.guess_type(attachment.filename)
            maintype, _, subtype = (kind or "application/octet-stream").partition("/")
            part = MIMEBase(maintype, subtype)
            part.set_payload(attachment.data)
            encoders.encode_base64(part)
            part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", attachment.filename))
            message.attach(part)
    message["From"] = sender
    message["To"] = formataddr((recipient.name, recipient.email), charset="utf-8")
    message["Subject"] = Header(subject.strip(), "utf-8")  # type: ignore[assignment]
    message["Date"] = format_datetime(utcnow())
    message["Message-ID"] = make_msgid(domain=sender.partition("@")[2] or None)
    return message.as_bytes(policy=email.policy.compat32.clone(linesep="\r\n"))


def attachment_paths(paths: Sequence[str | Path]) -> list[Attachment]:
    return [Attachment.from_path(Path(p)) for p in paths]


def recipients_of(plan: SendPlan, skip_recently_pitched: bool) -> list[Recipient]:
    if not skip_recently_pitched:
        return list(plan.recipients)
    recent = {j for j, _, _ in plan.recently_pitched}
    return [r for r in plan.recipients if r.journalist_id not in recent]


__all__ = [
    "Attachment",
    "DeliveryReport",
    "PressReleaseService",
    "Recipient",
    "SendPlan",
    "attachment_paths",
    "compose",
    "recipients_of",
]
