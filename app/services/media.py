"""Services for press agencies, journalists, interactions and distribution lists."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, literal_column, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement, Select

from app.errors import FieldProblem, NotFound
from app.i18n import Message
from app.models import (
    Activity,
    ActivityInvitee,
    DistributionList,
    DistributionListMember,
    Interaction,
    Journalist,
    PressAgency,
    Synced,
    new_id,
    utcnow,
)
from app.models import enums as e
from app.models.enums import OutboxOp
from app.services.entity import EntityService, require_one_of
from app.services.fields import (
    BOOL,
    DATE,
    DATETIME,
    EMAIL_KIND,
    EMAILS,
    ENUM,
    ENUM_SET,
    LOCAL_TZ,
    PHONE,
    PHONES,
    REF,
    TEXT,
    URL_KIND,
    URLS,
    Field,
)
from app.services.labels import field_label
from app.services.rows import to_row
from app.text import fold

# Press Law 2016, Art. 39: a press question is answered within 30 days.
QUESTION_ANSWER_DAYS = 30
# A press card "expires soon" within this many days.
CARD_WARNING_DAYS = 90

CARD_EXPIRED = "expired"
CARD_EXPIRING = "expiring"
CARD_VALID = "valid"
CARD_NONE = "none"


def local_today() -> date:
    return datetime.now(LOCAL_TZ).date()


def card_state(expires: date | None, today: date | None = None) -> str:
    """Whether a press card is expired, expires within 90 days, is valid, or is not recorded."""
    if expires is None:
        return CARD_NONE
    today = today or local_today()
    if expires < today:
        return CARD_EXPIRED
    if expires <= today + timedelta(days=CARD_WARNING_DAYS):
        return CARD_EXPIRING
    return CARD_VALID


def split_list(text: str | None) -> list[str]:
    """'a, b; c' -> ['a', 'b', 'c'] (beats, e-mails and phones are stored comma-separated)."""
    if not text:
        return []
    parts = text.replace(";", ",").replace("\n", ",").split(",")
    return [p.strip() for p in parts if p.strip()]


def _in_set(column: Any, code: str) -> ColumnElement[bool]:
    """``code`` is one of the comma-separated codes stored in ``column``."""
    return ("," + func.replace(column, " ", "") + ",").like(f"%,{code},%")


# How the notes of an agency created by a contacts import begin (app/services/contacts_import.py).
IMPORT_NOTE_START = "Tạo tự động khi nhập danh bạ"


class AgencyService(EntityService):
    model = PressAgency
    fields = {
        "name": Field(TEXT, required=True),
        "short_name": Field(TEXT),
        "media_types": Field(ENUM_SET, enum=e.MediaType),
        "kind": Field(ENUM, enum=e.AgencyKind, required=True),
        "governing_body": Field(TEXT),
        "level": Field(ENUM, enum=e.AgencyLevel, required=True),
        "licence_number": Field(TEXT),
        "phone": Field(PHONE),
        "email": Field(EMAIL_KIND),
        "address": Field(TEXT),
        "website": Field(URL_KIND),
        "feed_urls": Field(URLS, max_len=10000),
        "notes": Field(TEXT, max_len=20000),
    }
    default_order = "name"

    def conditions(self, filters: dict[str, Any]) -> Iterable[ColumnElement[bool]]:
        """Adds ``media_type`` (one code of the agency's media types) and ``created_by_import``
        (agencies an import created whose notes still say they need checking)."""
        filters = dict(filters)
        media_type = filters.pop("media_type", None)
        if media_type:
            yield _in_set(PressAgency.media_types, media_type)
        if filters.pop("created_by_import", None):
            yield PressAgency.notes.like(f"{IMPORT_NOTE_START}%")
        yield from super().conditions(filters)

    def journalist_counts(self) -> dict[str, int]:
        query = (
            select(Journalist.agency_id, func.count())
            .where(Journalist.deleted_at.is_(None), Journalist.agency_id.is_not(None))
            .group_by(Journalist.agency_id)
        )
        with self.ctx.db.session() as session:
            return {str(agency_id): int(n) for agency_id, n in session.execute(query)}

    def names(self) -> builtins.list[tuple[str, str]]:
        """(id, name) of every agency, by name: for pickers and filters."""
        query = (
            select(PressAgency.id, PressAgency.name)
            .where(PressAgency.deleted_at.is_(None))
            .order_by(PressAgency.name_key, PressAgency.id)
        )
        with self.ctx.db.session() as session:
            return [(row_id, name) for row_id, name in session.execute(query)]


class JournalistService(EntityService):
    model = Journalist
    fields = {
        "full_name": Field(TEXT, required=True),
        "agency_id": Field(REF, ref="press_agency"),
        "title": Field(TEXT),
        "press_card_number": Field(TEXT),
        "press_card_issued": Field(DATE),
        "press_card_expires": Field(DATE),
        "resident_correspondent": Field(BOOL),
        "beats": Field(TEXT),
        "phones": Field(PHONES),
        "emails": Field(EMAILS),
        "do_not_contact": Field(BOOL),
        "do_not_contact_reason": Field(TEXT),
        "owner_staff_id": Field(REF, ref="staff_member"),
        "notes": Field(TEXT, max_len=20000),
    }
    ordered_pairs = (("press_card_issued", "press_card_expires"),)
    default_order = "full_name"

    def check(self, session: Session, merged: dict[str, Any], current: Synced | None) -> list[FieldProblem]:
        problems = []
        if merged.get("do_not_contact") and not (merged.get("do_not_contact_reason") or "").strip():
            problems.append(
                FieldProblem(
                    "do_not_contact_reason",
                    field_label("do_not_contact_reason"),
                    Message("cần ghi lý do không liên hệ", "give the reason not to contact"),
                )
            )
        return problems

    def conditions(self, filters: dict[str, Any]) -> Iterable[ColumnElement[bool]]:
        """Adds the named filters of the journalist list.

        ``media_type`` and ``level`` (of the journalist's agency), ``beat`` (accent-insensitive
        part of a beat), ``card`` (``expired`` or ``expiring`` within 90 days).
        """
        filters = dict(filters)
        media_type = filters.pop("media_type", None)
        level = filters.pop("level", None)
        beat = filters.pop("beat", None)
        card = filters.pop("card", None)
        today = filters.pop("today", None) or local_today()
        if media_type or level:
            agencies = select(PressAgency.id).where(PressAgency.deleted_at.is_(None))
            if media_type:
                agencies = agencies.where(_in_set(PressAgency.media_types, media_type))
            if level:
                agencies = agencies.where(PressAgency.level == level)
            yield Journalist.agency_id.in_(agencies)
        if beat:
            yield func.fold(Journalist.beats).like(f"%{fold(beat).strip()}%")
        if card == CARD_EXPIRED:
            yield Journalist.press_card_expires < today
        elif card == CARD_EXPIRING:
            yield and_(
                Journalist.press_card_expires >= today,
                Journalist.press_card_expires <= today + timedelta(days=CARD_WARNING_DAYS),
            )
        elif card == CARD_NONE:
            yield Journalist.press_card_expires.is_(None)
        yield from super().conditions(filters)

    def _ordered(self, query: Select[Any], order_by: str | None, descending: bool) -> Select[Any]:
        if order_by != "agency":
            return super()._ordered(query, order_by, descending)
        agency_name = (
            select(PressAgency.name_key).where(PressAgency.id == Journalist.agency_id).scalar_subquery()
        )
        primary = agency_name.desc() if descending else agency_name.asc()
        return query.order_by(primary, Journalist.name_key, Journalist.id)

    def beats(self) -> builtins.list[str]:
        """Every beat in use, once each (case and accents as first written), sorted by folded text."""
        # in the order rows were written (rowid), whatever index the planner picks
        query = (
            select(Journalist.beats)
            .where(Journalist.deleted_at.is_(None), Journalist.beats != "")
            .order_by(literal_column("journalist.rowid"))
        )
        seen: dict[str, str] = {}
        with self.ctx.db.session() as session:
            for text in session.scalars(query):
                for beat in split_list(text):
                    seen.setdefault(fold(beat), beat)
        return [seen[key] for key in sorted(seen)]

    def of_agency(self, agency_id: str) -> builtins.list[Any]:
        return self.list(filters={"agency_id": agency_id})


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the history with a journalist or an agency."""

    interaction: Any
    journalist_name: str
    activity_title: str
    attendance: str  # the invitee's attendance code for invitations, else ""
    overdue: bool


@dataclass(frozen=True)
class AwaitingAnswer:
    interaction: Any
    journalist_name: str
    agency_name: str
    days_left: int  # negative when overdue

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


class InteractionService(EntityService):
    model = Interaction
    fields = {
        "journalist_id": Field(REF, ref="journalist"),
        "agency_id": Field(REF, ref="press_agency"),
        "kind": Field(ENUM, enum=e.InteractionKind, required=True),
        "activity_id": Field(REF, ref="activity"),
        "occurred_at": Field(DATETIME, required=True),
        "summary": Field(TEXT, max_len=20000),
        "staff_id": Field(REF, ref="staff_member"),
        "due_date": Field(DATE),
        "answered_at": Field(DATETIME),
    }
    ordered_pairs = (("occurred_at", "answered_at"),)
    default_order = "occurred_at"

    def check(self, session: Session, merged: dict[str, Any], current: Synced | None) -> list[FieldProblem]:
        return require_one_of(merged, ("journalist_id", "agency_id"))

    def create_in(self, session: Session, values: dict[str, Any]) -> Synced:
        """A press question without a due date gets one 30 days after it was received."""
        if values.get("kind") == e.InteractionKind.QUESTION_RECEIVED.value and not values.get("due_date"):
            values = {**values, "due_date": question_due_date(values.get("occurred_at"))}
        return super().create_in(session, values)

    def timeline(
        self, journalist_id: str | None = None, agency_id: str | None = None, today: date | None = None
    ) -> builtins.list[TimelineEntry]:
        """Newest first. For an agency: its own interactions and those of its journalists."""
        today = today or local_today()
        query = select(Interaction).where(Interaction.deleted_at.is_(None))
        if journalist_id is not None:
            query = query.where(Interaction.journalist_id == journalist_id)
        elif agency_id is not None:
            members = select(Journalist.id).where(Journalist.agency_id == agency_id)
            query = query.where(
                or_(Interaction.agency_id == agency_id, Interaction.journalist_id.in_(members))
            )
        else:
            raise ValueError("a timeline needs a journalist or an agency")
        query = query.order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        entries = []
        with self.ctx.db.session() as session:
            interactions = list(session.scalars(query))
            names = _names(session, Journalist, Journalist.full_name, {i.journalist_id for i in interactions})
            activity_ids = {i.activity_id for i in interactions if i.activity_id}
            titles = _names(session, Activity, Activity.title, activity_ids)
            attendance: dict[tuple[str, str | None], str] = {}
            if activity_ids:
                invitees = select(
                    ActivityInvitee.activity_id, ActivityInvitee.journalist_id, ActivityInvitee.attendance
                ).where(ActivityInvitee.activity_id.in_(activity_ids), ActivityInvitee.deleted_at.is_(None))
                for activity, journalist, state in session.execute(invitees):
                    attendance[(activity, journalist)] = state
            for obj in interactions:
                row = to_row(obj)
                entries.append(
                    TimelineEntry(
                        interaction=row,
                        journalist_name=names.get(obj.journalist_id or "", ""),
                        activity_title=titles.get(obj.activity_id or "", ""),
                        attendance=attendance.get((obj.activity_id or "", obj.journalist_id), "")
                        if obj.kind == e.InteractionKind.INVITATION.value
                        else "",
                        overdue=_is_overdue(row, today),
                    )
                )
        return entries

    def awaiting_answer(self, today: date | None = None) -> builtins.list[AwaitingAnswer]:
        """Press questions not answered yet, the soonest due first."""
        today = today or local_today()
        query = (
            select(Interaction, Journalist.full_name, PressAgency.name)
            .outerjoin(Journalist, Journalist.id == Interaction.journalist_id)
            .outerjoin(
                PressAgency,
                PressAgency.id == func.coalesce(Interaction.agency_id, Journalist.agency_id),
            )
            .where(
                Interaction.deleted_at.is_(None),
                Interaction.kind == e.InteractionKind.QUESTION_RECEIVED.value,
                Interaction.answered_at.is_(None),
            )
            .order_by(Interaction.due_date.is_(None), Interaction.due_date, Interaction.occurred_at)
        )
        found = []
        with self.ctx.db.session() as session:
            for obj, journalist_name, agency_name in session.execute(query):
                due = obj.due_date or question_due_date(obj.occurred_at)
                found.append(
                    AwaitingAnswer(to_row(obj), journalist_name or "", agency_name or "", (due - today).days)
                )
        return found

    def overdue_count(self, today: date | None = None) -> int:
        today = today or local_today()
        query = select(func.count()).where(
            Interaction.deleted_at.is_(None),
            Interaction.kind == e.InteractionKind.QUESTION_RECEIVED.value,
            Interaction.answered_at.is_(None),
            Interaction.due_date < today,
        )
        with self.ctx.db.session() as session:
            return int(session.scalar(query) or 0)

    def answer(self, question_id: str, answered_at: datetime | None = None, summary: str = "") -> Any:
        """Mark a press question answered and log the reply, in one transaction."""
        answered_at = answered_at or utcnow()
        with self.ctx.db.session() as session, session.begin():
            question = self.update_in(session, question_id, {"answered_at": answered_at}, action="answer")
            self.create_in(
                session,
                {
                    "kind": e.InteractionKind.REPLY_SENT.value,
                    "journalist_id": question.journalist_id,  # type: ignore[attr-defined]
                    "agency_id": question.agency_id,  # type: ignore[attr-defined]
                    "activity_id": question.activity_id,  # type: ignore[attr-defined]
                    "occurred_at": answered_at,
                    "summary": summary,
                },
            )
            result = to_row(question)
        self.ctx.bus.publish({self.table})
        return result

    def last_contact(self, journalist_ids: Sequence[str], kinds: Sequence[str]) -> dict[str, datetime]:
        """The latest interaction of the given kinds with each journalist."""
        found: dict[str, datetime] = {}
        with self.ctx.db.session() as session:
            for start in range(0, len(journalist_ids), 500):
                chunk = list(journalist_ids[start : start + 500])
                query = (
                    select(Interaction.journalist_id, func.max(Interaction.occurred_at))
                    .where(
                        Interaction.deleted_at.is_(None),
                        Interaction.journalist_id.in_(chunk),
                        Interaction.kind.in_(list(kinds)),
                    )
                    .group_by(Interaction.journalist_id)
                )
                for journalist_id, when in session.execute(query):
                    found[str(journalist_id)] = _aware(when)
        return found


def question_due_date(occurred_at: Any) -> date:
    """The day a press question must be answered by: 30 days after it arrived (Vietnam time)."""
    if isinstance(occurred_at, str) and occurred_at.strip():
        occurred_at = datetime.fromisoformat(occurred_at.strip())
    if isinstance(occurred_at, datetime):
        local = occurred_at.astimezone(LOCAL_TZ) if occurred_at.tzinfo else occurred_at
        day = local.date()
    elif isinstance(occurred_at, date):
        day = occurred_at
    else:
        day = local_today()
    return day + timedelta(days=QUESTION_ANSWER_DAYS)


def _is_overdue(row: Any, today: date) -> bool:
    return (
        row.kind == e.InteractionKind.QUESTION_RECEIVED.value
        and row.answered_at is None
        and row.due_date is not None
        and row.due_date < today
    )


def _aware(value: datetime) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _names(session: Session, model: Any, column: Any, ids: Iterable[str | None]) -> dict[str, str]:
    wanted = [i for i in ids if i]
    found: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for row_id, name in session.execute(select(model.id, column).where(model.id.in_(chunk))):
            found[row_id] = name
    return found


class DistributionListService(EntityService):
    model = DistributionList
    fields = {"name": Field(TEXT, required=True), "description": Field(TEXT, max_len=4000)}
    default_order = "name"

    def member_counts(self) -> dict[str, int]:
        query = (
            select(DistributionListMember.list_id, func.count())
            .join(Journalist, Journalist.id == DistributionListMember.journalist_id)
            .where(DistributionListMember.deleted_at.is_(None), Journalist.deleted_at.is_(None))
            .group_by(DistributionListMember.list_id)
        )
        with self.ctx.db.session() as session:
            return {list_id: int(n) for list_id, n in session.execute(query)}

    def member_ids(self, list_id: str) -> builtins.list[str]:
        query = (
            select(Journalist.id)
            .join(DistributionListMember, DistributionListMember.journalist_id == Journalist.id)
            .where(
                DistributionListMember.list_id == list_id,
                DistributionListMember.deleted_at.is_(None),
                Journalist.deleted_at.is_(None),
            )
            .order_by(Journalist.name_key, Journalist.id)
        )
        with self.ctx.db.session() as session:
            return list(session.scalars(query))

    def lists_of(self, journalist_id: str) -> builtins.list[Any]:
        query = (
            select(DistributionList)
            .join(DistributionListMember, DistributionListMember.list_id == DistributionList.id)
            .where(
                DistributionListMember.journalist_id == journalist_id,
                DistributionListMember.deleted_at.is_(None),
                DistributionList.deleted_at.is_(None),
            )
            .order_by(func.vi_sort_key(DistributionList.name))
        )
        with self.ctx.db.session() as session:
            return [to_row(obj) for obj in session.scalars(query)]

    def add_members(self, list_id: str, journalist_ids: Sequence[str]) -> int:
        """Add journalists to a list (those already in it are left alone); returns how many joined."""
        with self.ctx.db.session() as session, session.begin():
            self._load(session, list_id)
            added = sum(add_member_in(self, session, list_id, j) for j in dict.fromkeys(journalist_ids))
        self.ctx.bus.publish({"distribution_list_member"})
        return added

    def remove_members(self, list_id: str, journalist_ids: Sequence[str]) -> int:
        wanted = set(journalist_ids)
        with self.ctx.db.session() as session, session.begin():
            members = session.scalars(
                select(DistributionListMember).where(
                    DistributionListMember.list_id == list_id,
                    DistributionListMember.deleted_at.is_(None),
                )
            )
            removed = 0
            for member in list(members):
                if member.journalist_id in wanted:
                    member.deleted_at = utcnow()
                    self.ctx.record(
                        session, member, OutboxOp.DELETE, {"deleted_at": (None, member.deleted_at)}
                    )
                    removed += 1
        self.ctx.bus.publish({"distribution_list_member"})
        return removed

    def create_with_members(self, values: dict[str, Any], journalist_ids: Sequence[str]) -> Any:
        with self.ctx.db.session() as session, session.begin():
            row = self.create_in(session, values)
            for journalist_id in dict.fromkeys(journalist_ids):
                add_member_in(self, session, row.id, journalist_id)
            result = to_row(row)
        self.ctx.bus.publish({self.table, "distribution_list_member"})
        return result


def add_member_in(owner: EntityService, session: Session, list_id: str, journalist_id: str) -> bool:
    """Put a journalist on a list in the caller's transaction; revives a removed membership.

    The pair is unique in the table, so a membership removed earlier comes back rather than a
    second row being made.
    """
    journalist = session.get(Journalist, journalist_id)
    if journalist is None or journalist.deleted_at is not None:
        raise NotFound(Message("Không tìm thấy nhà báo.", "The journalist was not found."))
    existing = session.scalar(
        select(DistributionListMember).where(
            DistributionListMember.list_id == list_id, DistributionListMember.journalist_id == journalist_id
        )
    )
    if existing is not None and existing.deleted_at is None:
        return False
    if existing is not None:
        removed_at, existing.deleted_at = existing.deleted_at, None
        owner.ctx.record(session, existing, OutboxOp.UPDATE, {"deleted_at": (removed_at, None)}, "restore")
        session.flush()
        return True
    member = DistributionListMember(
        id=new_id(), office_id=owner.ctx.office_id, list_id=list_id, journalist_id=journalist_id
    )
    session.add(member)
    owner.ctx.record(
        session, member, OutboxOp.INSERT, {"list_id": (None, list_id), "journalist_id": (None, journalist_id)}
    )
    session.flush()
    return True


class ListMemberService(EntityService):
    model = DistributionListMember
    fields = {
        "list_id": Field(REF, ref="distribution_list", required=True),
        "journalist_id": Field(REF, ref="journalist", required=True),
    }
