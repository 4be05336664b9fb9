"""The office's people: the spokesperson register, focal points, training and workload.

The services here extend the plain entity services of ``organisation.py`` with the questions
managers ask: who speaks for the office and under which decision, were the details published
on time, which units have no focal point, who was trained how much, who carried which events.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.i18n import Message
from app.models import Activity, Setting, StaffMember, TrainingRecord, Unit
from app.models import enums as e
from app.services.fields import LOCAL_TZ
from app.services.organisation import StaffService, TrainingService, UnitService
from app.services.preferences import INT, Preference, register
from app.services.recurrence import RecurrenceError, occurrence_starts
from app.text import sort_key

SPEAKER_ROLES = (e.StaffRole.SPOKESPERSON.value, e.StaffRole.AUTHORISED_SPEAKER.value)
# Decree 244/2026: the spokesperson's details are published within 24 hours of assignment.
PUBLICATION_HOURS_SETTING = "staff.publication_hours"
DEFAULT_PUBLICATION_HOURS = 24
register(
    Preference(
        PUBLICATION_HOURS_SETTING,
        INT,
        DEFAULT_PUBLICATION_HOURS,
        Message(
            "Thời hạn công bố người phát ngôn (giờ)", "Hours allowed to publish a spokesperson's details"
        ),
        minimum=1,
        maximum=30 * 24,
    )
)
EXPIRY_WARNING_DAYS = 30
CERTIFICATE_WARNING_DAYS = 60
ACTIVE_STATUSES = tuple(
    s.value for s in e.ActivityStatus if s not in (e.ActivityStatus.CANCELLED, e.ActivityStatus.POSTPONED)
)


def local_today() -> date:
    return datetime.now(LOCAL_TZ).date()


def _setting(session: Session, key: str, default: Any) -> Any:
    import json

    raw = session.scalar(select(Setting.value_json).where(Setting.key == key))
    return default if raw is None else json.loads(raw)


def roles_of(row: Any) -> list[str]:
    return [r for r in (row.roles or "").split(",") if r]


# ----- the 24-hour publication rule ---------------------------------------------------------


class Publication(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    PENDING = "pending"  # not yet published, still within the time allowed
    OVERDUE = "overdue"  # not yet published and the time allowed has passed
    NO_DECISION = "no_decision"  # no decision date: nothing to measure against


def publication_deadline(decision_date: date, hours: int = DEFAULT_PUBLICATION_HOURS) -> datetime:
    """The latest on-time publication moment, in UTC.

    A decision carries a date but not a time, so the hours are counted from the end of the
    decision day (Vietnam time): a publication after this moment is late whatever hour the
    decision was signed; one before it may have been on time and is given the benefit.
    """
    end_of_day = datetime.combine(decision_date + timedelta(days=1), time(0), tzinfo=LOCAL_TZ)
    return (end_of_day + timedelta(hours=hours)).astimezone(UTC)


def publication_check(
    decision_date: date | None,
    published_at: datetime | None,
    now: datetime | None = None,
    hours: int = DEFAULT_PUBLICATION_HOURS,
) -> Publication:
    if decision_date is None:
        return Publication.NO_DECISION
    deadline = publication_deadline(decision_date, hours)
    if published_at is not None:
        return Publication.ON_TIME if published_at <= deadline else Publication.LATE
    now = now or datetime.now(UTC)
    return Publication.PENDING if now <= deadline else Publication.OVERDUE


# ----- authorisation validity ---------------------------------------------------------------


class Authorisation(StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"  # valid, ends within EXPIRY_WARNING_DAYS
    EXPIRED = "expired"
    NOT_YET = "not_yet"
    UNDATED = "undated"  # no validity recorded


def authorisation_state(
    authorised_from: date | None,
    authorised_to: date | None,
    today: date | None = None,
    warning_days: int = EXPIRY_WARNING_DAYS,
) -> Authorisation:
    today = today or local_today()
    if authorised_from is None and authorised_to is None:
        return Authorisation.UNDATED
    if authorised_from is not None and today < authorised_from:
        return Authorisation.NOT_YET
    if authorised_to is not None:
        if today > authorised_to:
            return Authorisation.EXPIRED
        if (authorised_to - today).days <= warning_days:
            return Authorisation.EXPIRING
    return Authorisation.VALID


def is_active(row: Any, on: date) -> bool:
    return (row.active_from is None or row.active_from <= on) and (
        row.active_to is None or row.active_to >= on
    )


@dataclass(frozen=True)
class RegisterEntry:
    """One line of the spokesperson register, as published on the portal."""

    staff_id: str
    full_name: str
    position: str
    unit_name: str
    roles: tuple[str, ...]
    decision_number: str
    decision_date: date | None
    authorisation_scope: str
    authorised_from: date | None
    authorised_to: date | None
    phone: str
    email: str
    published_on_portal_at: datetime | None
    publication: Publication
    publication_deadline: datetime | None
    authorisation: Authorisation

    @property
    def is_spokesperson(self) -> bool:
        return e.StaffRole.SPOKESPERSON.value in self.roles

    @property
    def needs_attention(self) -> bool:
        return self.publication in (Publication.LATE, Publication.OVERDUE) or self.authorisation in (
            Authorisation.EXPIRED,
            Authorisation.EXPIRING,
        )


class StaffMemberService(StaffService):
    def conditions(self, filters: dict[str, Any]) -> Any:
        """Adds ``role`` (a StaffRole code the person holds) to the plain equality filters."""
        filters = dict(filters)
        role = filters.pop("role", None)
        yield from super().conditions(filters)
        if role is not None:
            yield StaffMember.roles.contains(role)  # no role code is part of another

    def publication_hours(self, session: Session) -> int:
        return int(_setting(session, PUBLICATION_HOURS_SETTING, DEFAULT_PUBLICATION_HOURS))

    def spokesperson_register(
        self, today: date | None = None, now: datetime | None = None, include_inactive: bool = False
    ) -> list[RegisterEntry]:
        """Spokespersons first, then authorised speakers; each with its publication and validity."""
        today = today or local_today()
        now = now or datetime.now(UTC)
        role_match = or_(*(StaffMember.roles.contains(role) for role in SPEAKER_ROLES))
        query = (
            select(StaffMember, Unit.name)
            .outerjoin(Unit, Unit.id == StaffMember.unit_id)
            .where(StaffMember.deleted_at.is_(None), role_match)
        )
        entries = []
        with self.ctx.db.session() as session:
            hours = self.publication_hours(session)
            for staff, unit_name in session.execute(query):
                roles = tuple(roles_of(staff))
                if not set(roles) & set(SPEAKER_ROLES):  # "contains" is a substring test
                    continue
                if not include_inactive and not is_active(staff, today):
                    continue
                entries.append(
                    RegisterEntry(
                        staff_id=staff.id,
                        full_name=staff.full_name,
                        position=staff.position,
                        unit_name=unit_name or "",
                        roles=roles,
                        decision_number=staff.decision_number,
                        decision_date=staff.decision_date,
                        authorisation_scope=staff.authorisation_scope,
                        authorised_from=staff.authorised_from,
                        authorised_to=staff.authorised_to,
                        phone=staff.phone,
                        email=staff.email,
                        published_on_portal_at=staff.published_on_portal_at,
                        publication=publication_check(
                            staff.decision_date, staff.published_on_portal_at, now, hours
                        ),
                        publication_deadline=(
                            publication_deadline(staff.decision_date, hours) if staff.decision_date else None
                        ),
                        authorisation=authorisation_state(staff.authorised_from, staff.authorised_to, today),
                    )
                )
        return sorted(entries, key=lambda x: (not x.is_spokesperson, sort_key(x.full_name)))

    def names(self, ids: list[str] | None = None) -> dict[str, str]:
        """id -> full name of every (or the given) staff member, for pickers and labels."""
        query = select(StaffMember.id, StaffMember.full_name).where(StaffMember.deleted_at.is_(None))
        if ids is not None:
            query = query.where(StaffMember.id.in_(ids))
        with self.ctx.db.session() as session:
            return {row_id: name for row_id, name in session.execute(query.order_by(StaffMember.name_key))}

    def workload(self, year: int) -> list[WorkloadRow]:
        """Activities chaired and spoken at per staff member per quarter, from the calendar.

        Cancelled and postponed activities do not count; a recurring series counts each of its
        occurrences in the year, less its exceptions and the occurrences edited on their own.
        """
        start = datetime(year, 1, 1, tzinfo=LOCAL_TZ)
        end = datetime(year + 1, 1, 1, tzinfo=LOCAL_TZ)
        counts: dict[str, WorkloadRow] = {}
        with self.ctx.db.session() as session:
            staff = {
                s.id: s for s in session.scalars(select(StaffMember).where(StaffMember.deleted_at.is_(None)))
            }
            single = select(Activity.starts_at, Activity.chair_id, Activity.spokesperson_id).where(
                Activity.deleted_at.is_(None),
                Activity.status.in_(ACTIVE_STATUSES),
                or_(Activity.chair_id.is_not(None), Activity.spokesperson_id.is_not(None)),
                or_(Activity.rrule == "", Activity.rrule.is_(None)),
                Activity.starts_at >= start,
                Activity.starts_at < end,
            )
            events: list[tuple[datetime, str | None, str | None]] = [
                (starts, chair, speaker) for starts, chair, speaker in session.execute(single)
            ]
            events += self._series_occurrences(session, start, end)
        for starts, chair, speaker in events:
            quarter = (starts.astimezone(LOCAL_TZ).month - 1) // 3
            for staff_id, as_chair in ((chair, True), (speaker, False)):
                if staff_id is None or staff_id not in staff:
                    continue
                row = counts.get(staff_id)
                if row is None:
                    row = counts[staff_id] = WorkloadRow(staff_id, staff[staff_id].full_name)
                (row.chaired if as_chair else row.spoke)[quarter] += 1
        for member in staff.values():
            if member.id not in counts and set(roles_of(member)) & set(SPEAKER_ROLES):
                counts[member.id] = WorkloadRow(member.id, member.full_name)  # zero is worth seeing
        return sorted(counts.values(), key=lambda r: (-r.total, sort_key(r.full_name)))

    @staticmethod
    def _series_occurrences(
        session: Session, start: datetime, end: datetime
    ) -> list[tuple[datetime, str | None, str | None]]:
        series = session.execute(
            select(
                Activity.id,
                Activity.starts_at,
                Activity.rrule,
                Activity.exdates,
                Activity.chair_id,
                Activity.spokesperson_id,
            ).where(
                Activity.deleted_at.is_(None),
                Activity.status.in_(ACTIVE_STATUSES),
                Activity.rrule != "",
                Activity.series_id.is_(None),
                Activity.starts_at < end,
                or_(Activity.chair_id.is_not(None), Activity.spokesperson_id.is_not(None)),
            )
        ).all()
        if not series:
            return []
        edited: dict[str, set[datetime]] = defaultdict(set)
        for series_id, original in session.execute(
            select(Activity.series_id, Activity.recurrence_start).where(
                Activity.series_id.in_([s[0] for s in series]), Activity.recurrence_start.is_not(None)
            )
        ):
            if series_id is not None and original is not None:
                edited[series_id].add(original)
        found = []
        for series_id, starts, rule, exdates, chair, speaker in series:
            try:
                # The calendar's own expansion: Vietnam wall-clock time, exceptions removed.
                moments = occurrence_starts(starts, None, rule, exdates, start, end)
            except (RecurrenceError, ValueError, TypeError):
                continue  # an unreadable rule is the calendar's to report; count nothing
            skipped = {moment.astimezone(UTC) for moment in edited[series_id]}
            found += [(moment, chair, speaker) for moment in moments if moment not in skipped]
        return found


@dataclass
class WorkloadRow:
    staff_id: str
    full_name: str
    chaired: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    spoke: list[int] = field(default_factory=lambda: [0, 0, 0, 0])

    @property
    def total(self) -> int:
        return sum(self.chaired) + sum(self.spoke)

    def quarter(self, index: int) -> int:
        return self.chaired[index] + self.spoke[index]


# ----- units and focal points ---------------------------------------------------------------


@dataclass(frozen=True)
class UnitFocus:
    unit_id: str
    name: str
    kind: str
    focal_point_id: str | None
    focal_point_name: str
    covered: bool  # has a focal point who is still active


@dataclass(frozen=True)
class FocalPointCoverage:
    units: list[UnitFocus]

    @property
    def total(self) -> int:
        return len(self.units)

    @property
    def covered(self) -> int:
        return sum(1 for u in self.units if u.covered)

    @property
    def share(self) -> float:
        """Covered units over all units, 0..1 (0 when the office tracks no units)."""
        return self.covered / self.total if self.units else 0.0

    @property
    def uncovered(self) -> list[UnitFocus]:
        return [u for u in self.units if not u.covered]


def focal_point_coverage_on(session: Session, on: date) -> FocalPointCoverage:
    """Which units have a communication focal point who is still on the staff and active ``on``
    that day. The one rule for the Staff workspace and the quarterly report alike."""
    query = (
        select(Unit, StaffMember)
        .outerjoin(StaffMember, (StaffMember.id == Unit.focal_point_id) & StaffMember.deleted_at.is_(None))
        .where(Unit.deleted_at.is_(None))
        .order_by(func.vi_sort_key(Unit.name))
    )
    return FocalPointCoverage(
        [
            UnitFocus(
                unit_id=unit.id,
                name=unit.name,
                kind=unit.kind,
                focal_point_id=person.id if person else None,
                focal_point_name=person.full_name if person else "",
                covered=person is not None and is_active(person, on),
            )
            for unit, person in session.execute(query)
        ]
    )


class UnitFocalService(UnitService):
    def focal_point_coverage(self, today: date | None = None) -> FocalPointCoverage:
        """Which units have an active communication focal point, and the share covered."""
        with self.ctx.db.session() as session:
            return focal_point_coverage_on(session, today or local_today())


# ----- training -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainingHours:
    staff_id: str
    full_name: str
    hours: int
    courses: int
    cost: int


@dataclass(frozen=True)
class ExpiringCertificate:
    training_id: str
    staff_id: str
    full_name: str
    course: str
    certificate: str
    expires_on: date
    expired: bool


@dataclass(frozen=True)
class TrainingPlan:
    """What the year asks for: courses scheduled, certificates to renew, people not yet trained."""

    year: int
    scheduled: list[Any]  # training rows starting after today in the year
    renewals: list[ExpiringCertificate]
    untrained: list[tuple[str, str]]  # (staff id, name): speakers and dedicated staff, no hours this year
    training_activities: list[Any]  # calendar activities of type "training" in the year


class TrainingRecordService(TrainingService):
    def create_for_many(self, staff_ids: list[str], values: dict[str, Any]) -> list[Any]:
        """One record per person for a course several people attended: all saved, or none."""
        return _create_for_many(self, staff_ids, values)

    def conditions(self, filters: dict[str, Any]) -> Any:
        """Adds ``year`` (courses started that year) to the plain equality filters."""
        filters = dict(filters)
        year = filters.pop("year", None)
        yield from super().conditions(filters)
        if year is not None:
            yield TrainingRecord.starts_on >= date(year, 1, 1)
            yield TrainingRecord.starts_on <= date(year, 12, 31)

    def hours_per_person(self, year: int) -> list[TrainingHours]:
        """Training hours, courses and cost per person for courses started in ``year``."""
        query = (
            select(TrainingRecord, StaffMember.full_name)
            .join(StaffMember, StaffMember.id == TrainingRecord.staff_id)
            .where(
                TrainingRecord.deleted_at.is_(None),
                StaffMember.deleted_at.is_(None),
                TrainingRecord.starts_on >= date(year, 1, 1),
                TrainingRecord.starts_on <= date(year, 12, 31),
            )
        )
        totals: dict[str, list[Any]] = {}
        with self.ctx.db.session() as session:
            for record, name in session.execute(query):
                entry = totals.setdefault(record.staff_id, [name, 0, 0, 0])
                entry[1] += record.hours or 0
                entry[2] += 1
                entry[3] += record.cost or 0
        rows = [TrainingHours(sid, n, h, c, cost) for sid, (n, h, c, cost) in totals.items()]
        return sorted(rows, key=lambda r: (-r.hours, sort_key(r.full_name)))

    def expiring_certificates(
        self, today: date | None = None, within_days: int = CERTIFICATE_WARNING_DAYS
    ) -> list[ExpiringCertificate]:
        """Certificates already expired or expiring within ``within_days``, soonest first.

        A certificate renewed by a later course of the same person and course name is left out.
        """
        today = today or local_today()
        horizon = today + timedelta(days=within_days)
        query = (
            select(TrainingRecord, StaffMember.full_name)
            .join(StaffMember, StaffMember.id == TrainingRecord.staff_id)
            .where(
                TrainingRecord.deleted_at.is_(None),
                StaffMember.deleted_at.is_(None),
                TrainingRecord.expires_on.is_not(None),
            )
        )
        latest: dict[tuple[str, str], tuple[TrainingRecord, str]] = {}
        with self.ctx.db.session() as session:
            for record, name in session.execute(query):
                key = (record.staff_id, record.course.casefold())
                known = latest.get(key)
                if known is None or record.expires_on > known[0].expires_on:  # type: ignore[operator]
                    latest[key] = (record, name)
            found = [
                ExpiringCertificate(
                    record.id,
                    record.staff_id,
                    name,
                    record.course,
                    record.certificate,
                    record.expires_on,  # type: ignore[arg-type]
                    record.expires_on < today,  # type: ignore[operator]
                )
                for record, name in latest.values()
                if record.expires_on <= horizon  # type: ignore[operator]
            ]
        return sorted(found, key=lambda c: (c.expires_on, sort_key(c.full_name)))

    def training_plan(self, year: int, today: date | None = None) -> TrainingPlan:
        today = today or local_today()
        year_end = date(year, 12, 31)
        with self.ctx.db.session() as session:
            scheduled = [
                self._row(r)
                for r in session.scalars(
                    select(TrainingRecord)
                    .where(
                        TrainingRecord.deleted_at.is_(None),
                        TrainingRecord.starts_on > today,
                        TrainingRecord.starts_on >= date(year, 1, 1),
                        TrainingRecord.starts_on <= year_end,
                    )
                    .order_by(TrainingRecord.starts_on)
                )
            ]
            activities = [
                self._row(a)
                for a in session.scalars(
                    select(Activity)
                    .where(
                        Activity.deleted_at.is_(None),
                        Activity.type == e.ActivityType.TRAINING.value,
                        Activity.status.in_(ACTIVE_STATUSES),
                        Activity.starts_at >= datetime(year, 1, 1, tzinfo=LOCAL_TZ),
                        Activity.starts_at < datetime(year + 1, 1, 1, tzinfo=LOCAL_TZ),
                    )
                    .order_by(Activity.starts_at)
                )
            ]
            members = list(session.scalars(select(StaffMember).where(StaffMember.deleted_at.is_(None))))
        trained = {row.staff_id for row in self.hours_per_person(year) if row.hours > 0}
        trained |= {r.staff_id for r in scheduled}
        key_roles = {*SPEAKER_ROLES, e.StaffRole.DEDICATED.value}
        untrained = sorted(
            (
                (m.id, m.full_name)
                for m in members
                if set(roles_of(m)) & key_roles and m.id not in trained and is_active(m, min(today, year_end))
            ),
            key=lambda x: sort_key(x[1]),
        )
        start_of_year = date(year, 1, 1)
        renewals = [
            c
            for c in self.expiring_certificates(today, within_days=max(0, (year_end - today).days))
            if c.expires_on >= start_of_year
        ]
        return TrainingPlan(year, scheduled, renewals, untrained, activities)

    @staticmethod
    def _row(obj: Any) -> Any:
        from app.services.rows import to_row

        return to_row(obj)


def _create_for_many(service: TrainingService, staff_ids: list[str], values: dict[str, Any]) -> list[Any]:
    from app.errors import FieldProblem, ValidationError
    from app.services.labels import field_label
    from app.services.rows import to_row

    if not staff_ids:
        raise ValidationError(
            [
                FieldProblem(
                    "staff_id",
                    field_label("staff_id"),
                    Message("chọn ít nhất một cán bộ", "choose at least one staff member"),
                )
            ]
        )
    with service.ctx.db.session() as session, session.begin():
        rows = [to_row(service.create_in(session, {**values, "staff_id": sid})) for sid in staff_ids]
    service.ctx.bus.publish({service.table})
    return rows
