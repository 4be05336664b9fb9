"""The calendar's use cases: occurrences in a range, series edits, status workflow, conflicts,
invitations. Plain Python over the entity services; every write goes through them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import String, func, inspect, or_, select, text, type_coerce
from sqlalchemy.orm import Session

from app.errors import CommDeskError, FieldProblem, ValidationError
from app.i18n import Message
from app.models import (
    Activity,
    ActivityInvitee,
    ActivityTopic,
    Journalist,
    PolicyTopic,
    PressAgency,
    StaffMember,
)
from app.models import enums as e
from app.models.base import UTCDateTime
from app.services.labels import enum_label, field_label
from app.services.recurrence import (
    LOCAL_TZ,
    MAX_ACTIVITY_SPAN,
    format_exdates,
    occurrence_starts,
    parse_exdates,
    parse_rule,
    starts_before,
)
from app.services.rows import row_type, to_row

if TYPE_CHECKING:
    from app.services import Services

Scope = Literal["this", "following", "all"]
S = e.ActivityStatus

# Role of the person at this computer: the setting ``user.role`` ("manager" or "staff").
ROLE_SETTING = "user.role"
MANAGER = "manager"
STAFF = "staff"

# Status workflow: planned -> approved -> preparing -> done, with postponed / cancelled from any
# open state; a postponed or cancelled activity can be planned again.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.PLANNED: (S.APPROVED, S.POSTPONED, S.CANCELLED),
    S.APPROVED: (S.PREPARING, S.DONE, S.POSTPONED, S.CANCELLED, S.PLANNED),
    S.PREPARING: (S.DONE, S.POSTPONED, S.CANCELLED),
    S.DONE: (),
    S.POSTPONED: (S.PLANNED,),
    S.CANCELLED: (S.PLANNED,),
}
MANAGER_ONLY = frozenset({S.APPROVED})
# Fields an occurrence copies from its series when it is edited on its own.
OCCURRENCE_FIELDS = (
    "type",
    "nature",
    "status",
    "title",
    "description",
    "starts_at",
    "ends_at",
    "all_day",
    "location",
    "mode",
    "chair_id",
    "spokesperson_id",
    "planned_cost",
    "actual_cost",
    "reminder_minutes",
    "case_received_at",
    "statement_deadline",
    "statement_made_at",
)


class NotAllowed(CommDeskError):
    """The action needs a role the person at this computer does not have."""


@dataclass(frozen=True)
class Occurrence:
    """One appearance of an activity on the calendar."""

    activity: Any  # ActivityRow: a single activity, a series, or an edited occurrence
    starts_at: datetime  # UTC
    ends_at: datetime | None
    series_id: str | None = None  # the series this belongs to
    recurrence_start: datetime | None = None  # the series start this occurrence stands for

    @property
    def key(self) -> str:
        return f"{self.activity.id}@{self.starts_at.isoformat()}"

    @property
    def is_recurring(self) -> bool:
        return self.series_id is not None

    @property
    def is_exception(self) -> bool:
        return self.activity.series_id is not None

    def local_start(self) -> datetime:
        return self.starts_at.astimezone(LOCAL_TZ)

    def local_end(self) -> datetime:
        return (self.ends_at or self.starts_at).astimezone(LOCAL_TZ)

    def local_days(self) -> list[date]:
        """The local days this occurrence covers (an end at midnight does not reach that day)."""
        first = self.local_start().date()
        end = self.local_end()
        last = end.date()
        if self.ends_at is not None and end.time() == time(0) and last > first:
            last -= timedelta(days=1)
        return [first + timedelta(days=i) for i in range((last - first).days + 1)]


@dataclass(frozen=True)
class ActivityFilter:
    types: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    staff_id: str | None = None  # chair or spokesperson
    topic_id: str | None = None
    search: str = ""

    def is_empty(self) -> bool:
        return not (self.types or self.statuses or self.staff_id or self.topic_id or self.search.strip())


@dataclass(frozen=True)
class ConflictWarning:
    kind: str  # "double_booked", "holiday", "weekend"
    message: Message
    other: Occurrence | None = None


@dataclass(frozen=True)
class MoveResult:
    """What a move changed, so it can be undone."""

    activity_id: str
    created: bool  # a new edited occurrence was made for a series
    old_start: datetime
    old_end: datetime | None


@dataclass
class InviteeView:
    id: str
    agency_id: str | None
    journalist_id: str | None
    name: str
    agency_name: str
    attendance: str


@dataclass
class Choices:
    staff: list[tuple[str, str]]
    topics: list[tuple[str, str]]
    agencies: list[tuple[str, str]]
    journalists: list[tuple[str, str]]  # "name — agency"


@dataclass
class ActivityLinks:
    """An activity's topics and invitations as stored now, and who changed them last."""

    topic_ids: list[str]
    topic_names: dict[str, str]
    invitees: list[InviteeView]
    changed_by: str = ""
    changed_at: datetime | None = None


@dataclass(frozen=True)
class TopicChanges:
    """Topics a person linked and unlinked, applied to whatever the activity has when saved."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


@dataclass
class ActivityDetails:
    activity: Any
    topic_ids: list[str] = field(default_factory=list)
    invitees: list[InviteeView] = field(default_factory=list)
    chair_name: str = ""
    spokesperson_name: str = ""
    topic_names: list[str] = field(default_factory=list)


DATETIME_POSITIONS = tuple(
    i for i, column in enumerate(inspect(Activity).columns) if isinstance(column.type, UTCDateTime)
)
# Datetime columns come back as their stored text; _rows parses them.
ACTIVITY_COLUMNS = tuple(
    type_coerce(column, String).label(column.key) if isinstance(column.type, UTCDateTime) else column
    for column in inspect(Activity).columns
)


def _utc_from_storage(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC)
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


# The condition of the partial index ix_activity_long_start (written the same way, so it is used).
# Literal SQL: with bound parameters for 1 and 10 SQLite would not match the index's condition.
CROSSES_A_DATE = text("substr(activity.ends_at, 1, 10) != substr(activity.starts_at, 1, 10)")


def _same(column: Any, value: str | None) -> Any:
    return column.is_(None) if value is None else column == value


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), LOCAL_TZ).astimezone(UTC)


class CalendarService:
    """Occurrences, series edits, status workflow, conflicts and invitations."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.activities = services.activities
        self.db = services.db

    # ----- reading -------------------------------------------------------------------------

    def occurrences(
        self, window_start: datetime, window_end: datetime, filters: ActivityFilter | None = None
    ) -> list[Occurrence]:
        """Every occurrence overlapping ``[window_start, window_end)``, series expanded, by start."""
        with self.db.session() as session:
            return self.occurrences_in(session, window_start, window_end, filters)

    def occurrences_in(
        self,
        session: Session,
        window_start: datetime,
        window_end: datetime,
        filters: ActivityFilter | None = None,
    ) -> list[Occurrence]:
        conditions = list(self._filter_conditions(filters))
        alive = Activity.deleted_at.is_(None)
        not_series = Activity.rrule == ""
        # Everything that starts in the window or the day before, through the starts_at index ...
        recent = select(*ACTIVITY_COLUMNS).where(
            alive,
            not_series,
            Activity.starts_at >= window_start - timedelta(days=1),
            Activity.starts_at < window_end,
            *conditions,
        )
        # ... and what started earlier and is still going: it crosses a date (partial index).
        long_running = select(*ACTIVITY_COLUMNS).where(
            alive,
            not_series,
            CROSSES_A_DATE,
            Activity.starts_at >= window_start - MAX_ACTIVITY_SPAN,
            Activity.starts_at < window_start - timedelta(days=1),
            Activity.ends_at >= window_start,
            *conditions,
        )
        candidates = [*self._rows(session, recent), *self._rows(session, long_running)]
        # (only through the partial index: a series_id condition would make SQLite scan the table)
        masters = [
            row
            for row in self._rows(
                session,
                select(*ACTIVITY_COLUMNS).where(alive, Activity.rrule != "", Activity.starts_at < window_end),
            )
            if row.series_id is None
        ]
        master_ids = [row.id for row in masters]
        shown_ids = self._matching_ids(session, master_ids, conditions)
        # Every edited occurrence of these series replaces the occurrence it stands for.
        replaced: dict[str, set[datetime]] = {}
        for chunk in range(0, len(master_ids), 500):
            for series_id, original in session.execute(
                select(Activity.series_id, Activity.recurrence_start).where(
                    alive, Activity.series_id.in_(master_ids[chunk : chunk + 500])
                )
            ):
                if series_id is not None and original is not None:
                    replaced.setdefault(series_id, set()).add(original)
        found: list[Occurrence] = []
        for row in candidates:
            finish = row.ends_at or row.starts_at
            if not (row.starts_at < window_end and (finish > window_start or row.starts_at >= window_start)):
                continue
            if row.series_id is None:
                found.append(Occurrence(row, row.starts_at, row.ends_at))
            else:
                found.append(Occurrence(row, row.starts_at, row.ends_at, row.series_id, row.recurrence_start))
        for row in masters:
            if row.id not in shown_ids:
                continue
            duration = (row.ends_at - row.starts_at) if row.ends_at is not None else None
            skip = replaced.get(row.id, set())
            for start in occurrence_starts(
                row.starts_at, row.ends_at, row.rrule, row.exdates, window_start, window_end
            ):
                if start in skip:
                    continue
                end = start + duration if duration is not None else None
                found.append(Occurrence(row, start, end, row.id, start))
        found.sort(key=lambda o: (o.starts_at, o.activity.title, o.activity.id))
        return found

    @staticmethod
    def _rows(session: Session, query: Any) -> list[Any]:
        """Plain row snapshots straight from the columns (no ORM objects: a view reads hundreds;
        stored UTC times are parsed here with ``fromisoformat``, much faster than the generic path)."""
        make = row_type(Activity)
        rows = []
        for values in session.execute(query):
            fields = list(values)
            for index in DATETIME_POSITIONS:
                text_value = fields[index]
                fields[index] = None if text_value is None else _utc_from_storage(text_value)
            rows.append(make(*fields))
        return rows

    def _matching_ids(self, session: Session, ids: Sequence[str], conditions: list[Any]) -> set[str]:
        if not conditions:
            return set(ids)
        found: set[str] = set()
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            found.update(session.scalars(select(Activity.id).where(Activity.id.in_(part), *conditions)))
        return found

    def _filter_conditions(self, filters: ActivityFilter | None) -> Iterable[Any]:
        if filters is None:
            return
        if filters.types:
            yield Activity.type.in_(sorted(filters.types))
        if filters.statuses:
            yield Activity.status.in_(sorted(filters.statuses))
        if filters.staff_id:
            yield or_(Activity.chair_id == filters.staff_id, Activity.spokesperson_id == filters.staff_id)
        if filters.topic_id:
            yield Activity.id.in_(
                select(ActivityTopic.activity_id).where(
                    ActivityTopic.topic_id == filters.topic_id, ActivityTopic.deleted_at.is_(None)
                )
            )
        if filters.search.strip():
            yield Activity.id.in_(self.activities.search_ids_query(filters.search))

    def occurrence_at(self, activity_id: str, start: datetime) -> Occurrence:
        """The occurrence of ``activity_id`` starting at ``start`` (for reopening after a change)."""
        row = self.activities.get(activity_id)
        if row.rrule:
            duration = (row.ends_at - row.starts_at) if row.ends_at else None
            return Occurrence(row, start, start + duration if duration else None, row.id, start)
        return Occurrence(row, row.starts_at, row.ends_at, row.series_id, row.recurrence_start)

    def details(self, activity_id: str) -> ActivityDetails:
        with self.db.session() as session:
            row = self._activity(session, activity_id)
            details = ActivityDetails(to_row(row))
            topics = session.execute(
                select(ActivityTopic.topic_id).where(
                    ActivityTopic.activity_id == activity_id, ActivityTopic.deleted_at.is_(None)
                )
            ).scalars()
            details.topic_ids = list(topics)
            if details.topic_ids:
                found = self.services.topics.get_many(details.topic_ids)
                details.topic_names = [found[t].name for t in details.topic_ids if t in found]
            staff_ids = [i for i in (row.chair_id, row.spokesperson_id) if i]
            people = self.services.staff.get_many(staff_ids) if staff_ids else {}
            details.chair_name = people[row.chair_id].full_name if row.chair_id in people else ""
            details.spokesperson_name = (
                people[row.spokesperson_id].full_name if row.spokesperson_id in people else ""
            )
            details.invitees = self._invitees_in(session, activity_id)
        return details

    def links(self, activity_id: str) -> ActivityLinks:
        """The topics and invitations of ``activity_id`` now (an open editor compares them)."""
        with self.db.session() as session:
            topic_ids = self._topic_ids_in(session, activity_id)
            names: dict[str, str] = {
                topic_id: name
                for topic_id, name in session.execute(
                    select(PolicyTopic.id, PolicyTopic.name).where(PolicyTopic.id.in_(topic_ids))
                )
            }
            links = ActivityLinks(topic_ids, names, self._invitees_in(session, activity_id))
            for model in (ActivityTopic, ActivityInvitee):  # removed links count: tombstones included
                last = session.execute(
                    select(model.updated_at, model.updated_by)
                    .where(model.activity_id == activity_id)
                    .order_by(model.updated_at.desc())
                    .limit(1)
                ).first()
                if last is not None and (links.changed_at is None or last[0] > links.changed_at):
                    links.changed_at, links.changed_by = last[0], last[1]
        return links

    def _invitees_in(self, session: Session, activity_id: str) -> list[InviteeView]:
        query = (
            select(ActivityInvitee, Journalist.full_name, PressAgency.name)
            .outerjoin(Journalist, Journalist.id == ActivityInvitee.journalist_id)
            .outerjoin(
                PressAgency,
                PressAgency.id == func.coalesce(ActivityInvitee.agency_id, Journalist.agency_id),
            )
            .where(ActivityInvitee.activity_id == activity_id, ActivityInvitee.deleted_at.is_(None))
            .order_by(PressAgency.name_key, Journalist.name_key)
        )
        views = []
        for invitee, journalist_name, agency_name in session.execute(query):
            views.append(
                InviteeView(
                    id=invitee.id,
                    agency_id=invitee.agency_id,
                    journalist_id=invitee.journalist_id,
                    name=journalist_name or agency_name or "",
                    agency_name=agency_name or "",
                    attendance=invitee.attendance,
                )
            )
        return views

    # ----- creating and editing ------------------------------------------------------------

    def create(self, values: dict[str, Any], topic_ids: Sequence[str] = ()) -> Any:
        with self.db.session() as session, session.begin():
            row = self.activities.create_in(session, self._with_defaults(values))
            self._set_topics_in(session, row.id, topic_ids)
            result = to_row(row)
        self._published()
        return result

    def _with_defaults(self, values: dict[str, Any]) -> dict[str, Any]:
        defaults = {
            "nature": e.ActivityNature.REGULAR.value,
            "status": e.ActivityStatus.PLANNED.value,
            "mode": e.ActivityMode.IN_PERSON.value,
        }
        return {**defaults, **{k: v for k, v in values.items() if v is not None or k not in defaults}}

    def edit(
        self,
        occurrence: Occurrence,
        values: dict[str, Any],
        scope: Scope = "all",
        topic_ids: Sequence[str] | None = None,
        topic_changes: TopicChanges | None = None,
    ) -> Any:
        """Change one occurrence, it and the following ones, or the whole series. Topics are
        either set outright (``topic_ids``) or changed (``topic_changes``: a link made or removed
        elsewhere meanwhile stays as it is)."""
        if "status" in values and values["status"] != occurrence.activity.status:
            self._check_transition(occurrence.activity.status, values["status"])
        values = self._keep_duration(occurrence, values)
        with self.db.session() as session, session.begin():
            row = self._edit_in(session, occurrence, values, scope)
            if topic_ids is not None:
                self._set_topics_in(session, row.id, topic_ids)
            if topic_changes is not None:
                current = self._topic_ids_in(session, row.id)
                kept = [t for t in current if t not in topic_changes.removed]
                self._set_topics_in(session, row.id, kept + [t for t in topic_changes.added if t not in kept])
            result = to_row(row)
        self._published()
        return result

    def _keep_duration(self, occurrence: Occurrence, values: dict[str, Any]) -> dict[str, Any]:
        """A new start without a new end keeps the occurrence's length."""
        if values.get("starts_at") is None or "ends_at" in values or occurrence.ends_at is None:
            return values
        start = self._aware(values["starts_at"])
        return {**values, "ends_at": start + (occurrence.ends_at - occurrence.starts_at)}

    def _edit_in(self, session: Session, occurrence: Occurrence, values: dict[str, Any], scope: Scope) -> Any:
        if not occurrence.is_recurring:
            return self.activities.update_in(session, occurrence.activity.id, values)
        if scope == "this":
            if occurrence.is_exception:
                values = {k: v for k, v in values.items() if k != "rrule"}
                return self.activities.update_in(session, occurrence.activity.id, values)
            return self._make_exception_in(session, occurrence, values)
        master = self._activity(session, occurrence.series_id or "")
        assert occurrence.recurrence_start is not None
        if scope == "following" and occurrence.recurrence_start > master.starts_at:
            return self._split_in(session, master, occurrence, values)
        return self._edit_series_in(session, master, occurrence, values)

    def _make_exception_in(self, session: Session, occurrence: Occurrence, values: dict[str, Any]) -> Any:
        master = occurrence.activity
        copied = {name: getattr(master, name) for name in OCCURRENCE_FIELDS}
        copied.update(starts_at=occurrence.starts_at, ends_at=occurrence.ends_at)
        copied.update({k: v for k, v in values.items() if k != "rrule"})
        copied.update(series_id=master.id, recurrence_start=occurrence.recurrence_start, rrule="", exdates="")
        row = self.activities.create_in(session, copied)
        self._set_topics_in(session, row.id, self._topic_ids_in(session, master.id))
        return row

    def _edit_series_in(
        self, session: Session, master: Activity, occurrence: Occurrence, values: dict[str, Any]
    ) -> Any:
        values = dict(values)
        delta = timedelta(0)
        if "starts_at" in values and values["starts_at"] is not None:
            new_start = self._aware(values["starts_at"])
            delta = new_start - occurrence.starts_at
            values["starts_at"] = master.starts_at + delta
            if values.get("ends_at") is not None:
                values["ends_at"] = values["starts_at"] + (self._aware(values["ends_at"]) - new_start)
        if delta:
            exdates = parse_exdates(master.exdates)
            values["exdates"] = format_exdates(d + delta for d in exdates)
            for child in self._exceptions_in(session, master.id):
                assert child.recurrence_start is not None
                self.activities.update_in(
                    session, child.id, {"recurrence_start": child.recurrence_start + delta}
                )
        if "rrule" in values:
            values["rrule"] = self._rule_text(values["rrule"], values.get("starts_at") or master.starts_at)
        elif delta:
            rule = parse_rule(master.rrule)
            if rule is not None:
                values["rrule"] = rule.text(values["starts_at"])
        return self.activities.update_in(session, master.id, values)

    def _split_in(
        self, session: Session, master: Activity, occurrence: Occurrence, values: dict[str, Any]
    ) -> Any:
        """ "This and following": end the series before the occurrence and start a new one there."""
        cut = occurrence.recurrence_start
        assert cut is not None
        rule = parse_rule(master.rrule)
        assert rule is not None
        new_rule = rule
        if rule.count() is not None:
            before = starts_before(master.starts_at, master.rrule, cut)
            new_rule = rule.with_count(max((rule.count() or 0) - before, 1))
            old_rule = rule.with_count(before)
        else:
            old_rule = rule.with_until(cut - timedelta(seconds=1))
        values = dict(values)
        new_start = self._aware(values.get("starts_at") or occurrence.starts_at)
        delta = new_start - occurrence.starts_at
        duration = (master.ends_at - master.starts_at) if master.ends_at is not None else None
        new_end: datetime | None = (new_start + duration) if duration is not None else None
        if values.get("ends_at") is not None:
            new_end = self._aware(values["ends_at"])
        exdates = parse_exdates(master.exdates)
        kept = [d for d in exdates if d < cut]
        moved = [d + delta for d in exdates if d >= cut]
        children = [c for c in self._exceptions_in(session, master.id) if (c.recurrence_start or cut) >= cut]
        self.activities.update_in(
            session, master.id, {"rrule": old_rule.text(master.starts_at), "exdates": format_exdates(kept)}
        )
        fresh = {name: getattr(master, name) for name in OCCURRENCE_FIELDS}
        fresh.update({k: v for k, v in values.items() if k != "rrule"})
        rule_source = values["rrule"] if "rrule" in values else new_rule.text(new_start)
        fresh.update(
            starts_at=new_start,
            ends_at=new_end,
            rrule=self._rule_text(rule_source, new_start),
            exdates=format_exdates(moved),
            series_id=None,
            recurrence_start=None,
            ical_uid="",
        )
        row = self.activities.create_in(session, fresh)
        self._set_topics_in(session, row.id, self._topic_ids_in(session, master.id))
        for child in children:
            assert child.recurrence_start is not None
            self.activities.update_in(
                session, child.id, {"series_id": row.id, "recurrence_start": child.recurrence_start + delta}
            )
        return row

    def _rule_text(self, text: str, start: datetime) -> str:
        rule = parse_rule(text or "")
        return rule.text(self._aware(start)) if rule is not None else ""

    @staticmethod
    def _aware(moment: Any) -> datetime:
        if isinstance(moment, str):
            moment = datetime.fromisoformat(moment)
        assert isinstance(moment, datetime)
        return moment if moment.tzinfo else moment.replace(tzinfo=LOCAL_TZ)

    def _activity(self, session: Session, activity_id: str) -> Activity:
        row = self.activities._load(session, activity_id)
        assert isinstance(row, Activity)
        return row

    def _exceptions_in(self, session: Session, master_id: str) -> list[Activity]:
        return list(
            session.scalars(
                select(Activity).where(Activity.series_id == master_id, Activity.deleted_at.is_(None))
            )
        )

    # ----- deleting ------------------------------------------------------------------------

    def delete(self, occurrence: Occurrence, scope: Scope = "all") -> None:
        with self.db.session() as session, session.begin():
            self._delete_in(session, occurrence, scope)
        self._published()

    def _delete_in(self, session: Session, occurrence: Occurrence, scope: Scope) -> None:
        if not occurrence.is_recurring:
            self.activities.delete_in(session, occurrence.activity.id)
            return
        master = self._activity(session, occurrence.series_id or "")
        cut = occurrence.recurrence_start
        assert cut is not None
        if scope == "following" and cut <= master.starts_at:
            scope = "all"
        if scope == "all":
            for child in self._exceptions_in(session, master.id):
                self.activities.delete_in(session, child.id)
            self.activities.delete_in(session, master.id)
        elif scope == "this":
            if occurrence.is_exception:
                self.activities.delete_in(session, occurrence.activity.id)
            exdates = parse_exdates(master.exdates) | {cut}
            self.activities.update_in(session, master.id, {"exdates": format_exdates(exdates)})
        else:
            rule = parse_rule(master.rrule)
            assert rule is not None
            if rule.count() is not None:
                trimmed = rule.with_count(starts_before(master.starts_at, master.rrule, cut))
            else:
                trimmed = rule.with_until(cut - timedelta(seconds=1))
            for child in self._exceptions_in(session, master.id):
                if (child.recurrence_start or cut) >= cut:
                    self.activities.delete_in(session, child.id)
            kept = [d for d in parse_exdates(master.exdates) if d < cut]
            self.activities.update_in(
                session, master.id, {"rrule": trimmed.text(master.starts_at), "exdates": format_exdates(kept)}
            )

    # ----- moving (drag and drop) ----------------------------------------------------------

    def move(self, occurrence: Occurrence, new_start: datetime, new_end: datetime | None) -> MoveResult:
        """Reschedule one occurrence (a series occurrence becomes an edited occurrence)."""
        values = {"starts_at": new_start, "ends_at": new_end}
        created = occurrence.is_recurring and not occurrence.is_exception
        row = self.edit(occurrence, values, scope="this")
        return MoveResult(row.id, created, occurrence.starts_at, occurrence.ends_at)

    def undo_move(self, result: MoveResult) -> None:
        if result.created:
            self.activities.delete(result.activity_id)
        else:
            self.activities.update(
                result.activity_id, {"starts_at": result.old_start, "ends_at": result.old_end}
            )

    # ----- status workflow -----------------------------------------------------------------

    def role(self) -> str:
        value = self.services.preferences.get(ROLE_SETTING)
        return value if value in (MANAGER, STAFF) else STAFF

    def allowed_statuses(self, current: str) -> list[str]:
        """The statuses the person at this computer may move an activity to from ``current``."""
        allowed = list(TRANSITIONS.get(current, ()))
        if self.role() != MANAGER:
            allowed = [s for s in allowed if s not in MANAGER_ONLY]
        return [str(s) for s in allowed]

    def _check_transition(self, current: str, wanted: str) -> None:
        if wanted not in TRANSITIONS.get(current, ()):
            raise ValidationError(
                [
                    FieldProblem(
                        "status",
                        field_label("status"),
                        Message(
                            f"không thể chuyển từ “{enum_label(e.ActivityStatus, current).vi}” sang "
                            f"“{enum_label(e.ActivityStatus, wanted).vi}”",
                            f"cannot go from “{enum_label(e.ActivityStatus, current).en}” to "
                            f"“{enum_label(e.ActivityStatus, wanted).en}”",
                        ),
                    )
                ]
            )
        if wanted in MANAGER_ONLY and self.role() != MANAGER:
            raise NotAllowed(
                Message(
                    "Chỉ lãnh đạo (vai trò quản lý) mới được phê duyệt hoạt động.",
                    "Only a manager can approve an activity.",
                )
            )

    def set_status(self, activity_id: str, status: str) -> Any:
        """Move an activity (or an edited occurrence) along the workflow; audited as ``status:<code>``."""
        current = self.activities.get(activity_id)
        self._check_transition(current.status, status)
        return self.activities.update(activity_id, {"status": status}, action=f"status:{status}")

    def set_occurrence_status(self, occurrence: Occurrence, status: str, scope: Scope = "this") -> Any:
        self._check_transition(occurrence.activity.status, status)
        if occurrence.is_recurring and not occurrence.is_exception and scope == "this":
            with self.db.session() as session, session.begin():
                row = self._make_exception_in(session, occurrence, {})
                self.activities.update_in(session, row.id, {"status": status}, action=f"status:{status}")
                result = to_row(row)
            self._published()
            return result
        target = (
            occurrence.series_id if occurrence.is_recurring and scope != "this" else occurrence.activity.id
        )
        return self.activities.update(
            target or occurrence.activity.id, {"status": status}, action=f"status:{status}"
        )

    # ----- conflicts -----------------------------------------------------------------------

    def conflicts(
        self,
        starts_at: datetime,
        ends_at: datetime | None,
        chair_id: str | None = None,
        spokesperson_id: str | None = None,
        all_day: bool = False,
        ignore_ids: Iterable[str] = (),
    ) -> list[ConflictWarning]:
        """Warnings the person may accept: double-booked people, public holidays, weekends."""
        starts_at = self._aware(starts_at)
        if all_day:
            first = starts_at.astimezone(LOCAL_TZ).date()
            last = self._aware(ends_at).astimezone(LOCAL_TZ).date() if ends_at else first
            window = (local_midnight(first), local_midnight(max(last, first) + timedelta(days=1)))
        else:
            end = self._aware(ends_at) if ends_at else starts_at + timedelta(hours=1)
            window = (starts_at, max(end, starts_at + timedelta(minutes=1)))
        warnings: list[ConflictWarning] = []
        people = {p for p in (chair_id, spokesperson_id) if p}
        ignored = set(ignore_ids)
        if people:
            names = {pid: row.full_name for pid, row in self.services.staff.get_many(sorted(people)).items()}
            for other in self.occurrences(*window):
                if other.activity.id in ignored or (other.series_id and other.series_id in ignored):
                    continue
                if other.activity.status in (S.CANCELLED, S.POSTPONED):
                    continue
                busy = {p for p in (other.activity.chair_id, other.activity.spokesperson_id) if p} & people
                for person in sorted(busy):
                    when = other.local_start().strftime("%H:%M %d/%m/%Y")
                    warnings.append(
                        ConflictWarning(
                            "double_booked",
                            Message(
                                f"{names.get(person, '?')} đã có lịch “{other.activity.title}” lúc {when}.",
                                f"{names.get(person, '?')} is already booked for “{other.activity.title}” at {when}.",
                            ),
                            other,
                        )
                    )
        day = window[0].astimezone(LOCAL_TZ).date()
        last_day = (window[1] - timedelta(seconds=1)).astimezone(LOCAL_TZ).date()
        days = self.services.holidays.day_calendar()
        while day <= last_day:
            info = days.day_info(day)
            stamp = day.strftime("%d/%m/%Y")
            if info.holiday is not None:
                warnings.append(
                    ConflictWarning(
                        "holiday",
                        Message(
                            f"Ngày {stamp} là ngày nghỉ lễ: {info.holiday.vi}.",
                            f"{stamp} is a public holiday: {info.holiday.en}.",
                        ),
                    )
                )
            elif info.is_weekend and not info.swapped_workday:
                warnings.append(
                    ConflictWarning(
                        "weekend",
                        Message(f"Ngày {stamp} là ngày nghỉ cuối tuần.", f"{stamp} falls on a weekend."),
                    )
                )
            day += timedelta(days=1)
        return warnings

    # ----- topics and invitations ----------------------------------------------------------

    def _topic_ids_in(self, session: Session, activity_id: str) -> list[str]:
        return list(
            session.scalars(
                select(ActivityTopic.topic_id).where(
                    ActivityTopic.activity_id == activity_id, ActivityTopic.deleted_at.is_(None)
                )
            )
        )

    def _set_topics_in(self, session: Session, activity_id: str, topic_ids: Sequence[str]) -> None:
        wanted = list(dict.fromkeys(topic_ids))
        existing = {
            link.topic_id: link
            for link in session.scalars(
                select(ActivityTopic).where(
                    ActivityTopic.activity_id == activity_id, ActivityTopic.deleted_at.is_(None)
                )
            )
        }
        for topic_id, link in existing.items():
            if topic_id not in wanted:
                self.services.activity_topics.delete_in(session, link.id)
        for topic_id in wanted:
            if topic_id not in existing:
                self.services.activity_topics.create_in(
                    session, {"activity_id": activity_id, "topic_id": topic_id}
                )

    def invite(
        self,
        activity_id: str,
        agency_id: str | None = None,
        journalist_id: str | None = None,
        staff_id: str | None = None,
    ) -> Any:
        """Invite an agency or a journalist; the invitation also enters their media timeline."""
        with self.db.session() as session, session.begin():
            activity = self._activity(session, activity_id)
            clash = session.scalar(
                select(ActivityInvitee.id).where(
                    ActivityInvitee.activity_id == activity_id,
                    ActivityInvitee.deleted_at.is_(None),
                    _same(ActivityInvitee.agency_id, agency_id),
                    _same(ActivityInvitee.journalist_id, journalist_id),
                )
            )
            if clash is not None:
                raise ValidationError(
                    [
                        FieldProblem(
                            "journalist_id" if journalist_id else "agency_id",
                            field_label("journalist_id" if journalist_id else "agency_id"),
                            Message("đã được mời", "is already invited"),
                        )
                    ]
                )
            invitee = self.services.invitees.create_in(
                session,
                {
                    "activity_id": activity_id,
                    "agency_id": agency_id,
                    "journalist_id": journalist_id,
                    "attendance": e.Attendance.INVITED.value,
                },
            )
            when = activity.starts_at.astimezone(LOCAL_TZ).strftime("%H:%M %d/%m/%Y")
            self.services.interactions.create_in(
                session,
                {
                    "journalist_id": journalist_id,
                    "agency_id": agency_id,
                    "kind": e.InteractionKind.INVITATION.value,
                    "activity_id": activity_id,
                    "occurred_at": datetime.now(UTC),
                    "summary": f"Mời dự: {activity.title} ({when})",
                    "staff_id": staff_id or activity.spokesperson_id or activity.chair_id,
                },
            )
            result = to_row(invitee)
        self.services.bus.publish({"activity_invitee", "interaction"})
        return result

    def set_attendance(self, invitee_id: str, attendance: str) -> Any:
        return self.services.invitees.update(invitee_id, {"attendance": attendance})

    def uninvite(self, invitee_id: str) -> None:
        self.services.invitees.delete(invitee_id)

    def invitees(self, activity_id: str) -> list[InviteeView]:
        with self.db.session() as session:
            return self._invitees_in(session, activity_id)

    def choices(self) -> Choices:
        """Ids and names for the editor's pickers, read in one go (no full rows)."""
        with self.db.session() as session:
            staff = session.execute(
                select(StaffMember.id, StaffMember.full_name)
                .where(StaffMember.deleted_at.is_(None))
                .order_by(StaffMember.name_key)
            ).all()
            topics = session.execute(
                select(PolicyTopic.id, PolicyTopic.name)
                .where(PolicyTopic.deleted_at.is_(None))
                .order_by(func.vi_sort_key(PolicyTopic.name))
            ).all()
            agencies = session.execute(
                select(PressAgency.id, PressAgency.name)
                .where(PressAgency.deleted_at.is_(None))
                .order_by(PressAgency.name_key)
            ).all()
            journalists = session.execute(
                select(Journalist.id, Journalist.full_name, PressAgency.name)
                .outerjoin(PressAgency, PressAgency.id == Journalist.agency_id)
                .where(Journalist.deleted_at.is_(None))
                .order_by(Journalist.name_key)
            ).all()
        return Choices(
            staff=[(i, n) for i, n in staff],
            topics=[(i, n) for i, n in topics],
            agencies=[(i, n) for i, n in agencies],
            journalists=[(i, f"{n} — {a}" if a else n) for i, n, a in journalists],
        )

    # ----- emergency statements ------------------------------------------------------------

    @staticmethod
    def statement_time_left(activity: Any, now: datetime | None = None) -> timedelta | None:
        """Time left before an open emergency statement is late (negative when late)."""
        if activity.statement_deadline is None or activity.statement_made_at is not None:
            return None
        return activity.statement_deadline - (now or datetime.now(UTC))

    def _published(self) -> None:
        self.services.bus.publish({"activity", "activity_topic"})
