"""Legal deadlines and compliance: what the Dashboard and the calendar show as due or missed.

The rules (DESIGN.md §2) and their legal basis are settings, because the law changes:
``compliance.<key>`` overrides each default of :data:`DEFAULTS`.

Stable entry points: ``ComplianceService.summary(now=None) -> ComplianceSummary`` and
``ComplianceService.overdue(now=None) -> list[OverdueItem]``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.sql import ColumnElement

from app.i18n import Message
from app.models import Activity, Interaction
from app.models import enums as e
from app.services.preferences import CHOICE, INT, PREFERENCES, TEXT, Preference, register
from app.services.recurrence import LOCAL_TZ

if TYPE_CHECKING:
    from app.services import Services

PRESS_CONFERENCES = sorted(str(t) for t in e.PRESS_CONFERENCE_TYPES)
LOCAL_OFFSET = "+7 hours"  # Asia/Ho_Chi_Minh, UTC+7 without daylight saving

DEFAULTS: dict[str, Any] = {
    "press_conferences_per_quarter": 1,
    "press_conference_basis": "Nghị định 09/2017/NĐ-CP, Điều 5 (giữ tại Nghị định 244/2026/NĐ-CP)",
    "information_per_month": 1,
    "information_types": [
        *PRESS_CONFERENCES,
        e.ActivityType.PRESS_RELEASE.value,
        e.ActivityType.PRESS_BRIEFING.value,
        e.ActivityType.PORTAL_POST.value,
    ],
    "information_basis": "Nghị định 09/2017/NĐ-CP, Điều 5 (giữ tại Nghị định 244/2026/NĐ-CP)",
    "emergency_statement_hours": 24,
    "emergency_basis": "Nghị định 244/2026/NĐ-CP",
    "press_question_days": 30,
    "press_question_basis": "Luật Báo chí 2016, Điều 39",
    "due_soon_days": 7,
}


M = Message
register(
    Preference(
        "user.role",
        CHOICE,
        "staff",
        M("Vai trò người dùng trên máy này", "Role of the user of this computer"),
        choices=("staff", "manager"),
    ),
    Preference(
        "compliance.press_conferences_per_quarter",
        INT,
        DEFAULTS["press_conferences_per_quarter"],
        M("Số cuộc họp báo tối thiểu mỗi quý", "Press conferences required per quarter"),
        minimum=0,
        maximum=100,
    ),
    Preference(
        "compliance.press_conference_basis",
        TEXT,
        DEFAULTS["press_conference_basis"],
        M("Căn cứ pháp lý (họp báo)", "Legal basis (press conferences)"),
    ),
    Preference(
        "compliance.information_per_month",
        INT,
        DEFAULTS["information_per_month"],
        M("Số lần cung cấp thông tin tối thiểu mỗi tháng", "Information activities required per month"),
        minimum=0,
        maximum=100,
    ),
    Preference(
        "compliance.information_basis",
        TEXT,
        DEFAULTS["information_basis"],
        M("Căn cứ pháp lý (cung cấp thông tin)", "Legal basis (monthly information)"),
    ),
    Preference(
        "compliance.emergency_statement_hours",
        INT,
        DEFAULTS["emergency_statement_hours"],
        M("Hạn phát ngôn khẩn cấp (giờ)", "Emergency statement deadline (hours)"),
        minimum=1,
        maximum=24 * 30,
    ),
    Preference(
        "compliance.emergency_basis",
        TEXT,
        DEFAULTS["emergency_basis"],
        M("Căn cứ pháp lý (phát ngôn khẩn cấp)", "Legal basis (emergency statements)"),
    ),
    Preference(
        "compliance.press_question_days",
        INT,
        DEFAULTS["press_question_days"],
        M("Hạn trả lời câu hỏi báo chí (ngày)", "Press questions answered within (days)"),
        minimum=1,
        maximum=365,
    ),
    Preference(
        "compliance.press_question_basis",
        TEXT,
        DEFAULTS["press_question_basis"],
        M("Căn cứ pháp lý (câu hỏi báo chí)", "Legal basis (press questions)"),
    ),
    Preference(
        "compliance.due_soon_days",
        INT,
        DEFAULTS["due_soon_days"],
        M("Cảnh báo sắp đến hạn trước (ngày)", "Warn of deadlines within (days)"),
        minimum=0,
        maximum=90,
    ),
)


class State(StrEnum):
    OK = "ok"  # met
    PENDING = "pending"  # not met yet, still time (something planned, or the period is running)
    AT_RISK = "at_risk"  # not met and nothing planned, or a deadline within the warning window
    MISSED = "missed"  # the deadline passed


STATE_ORDER = {State.OK: 0, State.PENDING: 1, State.AT_RISK: 2, State.MISSED: 3}


@dataclass(frozen=True)
class ComplianceCheck:
    code: str  # "press_conference_quarter", "monthly_information", "emergency_statements", "press_questions"
    title: Message
    legal_basis: str
    state: State
    detail: Message
    done: int = 0
    expected: int = 0
    due: datetime | None = None


@dataclass(frozen=True)
class OverdueItem:
    kind: str  # "emergency_statement", "press_question", "press_conference_quarter", "monthly_information", "activity_not_closed"
    title: Message
    due: datetime
    entity: str  # table of the row to open ("activity", "interaction") or "" for a period rule
    row_id: str
    overdue_by: timedelta


@dataclass
class ComplianceSummary:
    as_of: datetime
    checks: list[ComplianceCheck] = field(default_factory=list)

    @property
    def worst(self) -> State:
        return max((c.state for c in self.checks), key=STATE_ORDER.__getitem__, default=State.OK)

    def check(self, code: str) -> ComplianceCheck:
        return next(c for c in self.checks if c.code == code)


def quarter_bounds(day: date) -> tuple[date, date]:
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    end = date(day.year + (first_month == 10), 1 if first_month == 10 else first_month + 3, 1)
    return start, end


def month_bounds(day: date) -> tuple[date, date]:
    start = day.replace(day=1)
    end = date(day.year + (day.month == 12), 1 if day.month == 12 else day.month + 1, 1)
    return start, end


def _utc(day: date) -> datetime:
    return datetime.combine(day, time(0), LOCAL_TZ).astimezone(UTC)


def period_state(held: int, planned: int, expected: int) -> State:
    """A rule counted over a period (a quarter, a month): met, still reachable with what is
    planned, or at risk."""
    if held >= expected:
        return State.OK
    if held + planned >= expected:
        return State.PENDING
    return State.AT_RISK


@dataclass(frozen=True)
class _Emergency:
    id: str
    title: str
    case_received_at: datetime
    statement_made_at: datetime | None
    deadline: datetime


@dataclass(frozen=True)
class _Question:
    id: str
    summary: str
    due: date


class ComplianceService:
    def __init__(self, services: Services) -> None:
        self.services = services

    def rule(self, key: str) -> Any:
        name = f"compliance.{key}"
        if name in PREFERENCES:
            return self.services.preferences.get(name)
        return self.services.settings.get(name, DEFAULTS[key])  # lists: plain settings

    def rules(self) -> dict[str, Any]:
        """Every rule at once (one read of the settings), for a whole summary or overdue list."""
        names = [f"compliance.{key}" for key in DEFAULTS if f"compliance.{key}" in PREFERENCES]
        values = {
            name.removeprefix("compliance."): v for name, v in self.services.preferences.values(names).items()
        }
        stored = self.services.settings.all()
        for key, default in DEFAULTS.items():
            if key not in values:
                values[key] = stored.get(f"compliance.{key}", default)
        return values

    # ----- the panel -----------------------------------------------------------------------

    def summary(self, now: datetime | None = None) -> ComplianceSummary:
        now = now or datetime.now(UTC)
        rules = self.rules()
        summary = ComplianceSummary(as_of=now)
        summary.checks.append(self._press_conferences(now, rules))
        summary.checks.append(self._monthly_information(now, rules))
        summary.checks.append(self._emergency_statements(now, rules))
        summary.checks.append(self._press_questions(now, rules))
        return summary

    def _count(self, types: list[str], start: date, end: date, now: datetime) -> tuple[int, int]:
        """(held, planned) occurrences of ``types`` between two local dates."""
        from app.services.schedule import ActivityFilter

        occurrences = self.services.calendar.occurrences(
            _utc(start), _utc(end), ActivityFilter(types=frozenset(types))
        )
        held = planned = 0
        for occurrence in occurrences:
            status = occurrence.activity.status
            if status == e.ActivityStatus.DONE:
                held += 1
            elif status not in (e.ActivityStatus.CANCELLED, e.ActivityStatus.POSTPONED) and (
                occurrence.starts_at >= now
            ):
                planned += 1
        return held, planned

    def _period_check(
        self,
        code: str,
        title: Message,
        basis: str,
        types: list[str],
        expected: int,
        bounds: tuple[date, date],
        now: datetime,
        describe: Callable[[State, int, int], Message],
    ) -> ComplianceCheck:
        """A rule counted over a period: held and planned, the state, and its wording."""
        start, end = bounds
        held, planned = self._count(types, start, end, now)
        state = period_state(held, planned, expected)
        return ComplianceCheck(
            code, title, basis, state, describe(state, held, planned), held, expected, _utc(end)
        )

    def _press_conferences(self, now: datetime, rules: dict[str, Any]) -> ComplianceCheck:
        today = now.astimezone(LOCAL_TZ).date()
        start, end = quarter_bounds(today)
        expected = int(rules["press_conferences_per_quarter"])
        quarter = (start.month - 1) // 3 + 1
        days_left = (end - today).days

        def describe(state: State, held: int, planned: int) -> Message:
            if state == State.OK:
                return Message(
                    f"Quý {quarter}/{start.year}: đã họp báo {held} lần.",
                    f"Q{quarter} {start.year}: {held} press conference(s) held.",
                )
            if state == State.PENDING:
                return Message(
                    f"Quý {quarter}/{start.year}: đã họp {held}, đã lên lịch {planned}; cần {expected}.",
                    f"Q{quarter} {start.year}: {held} held, {planned} planned; {expected} required.",
                )
            return Message(
                f"Quý {quarter}/{start.year}: chưa đủ họp báo ({held}/{expected}), còn {days_left} ngày.",
                f"Q{quarter} {start.year}: not enough press conferences ({held}/{expected}), {days_left} days left.",
            )

        return self._period_check(
            "press_conference_quarter",
            Message("Họp báo định kỳ hằng quý", "Quarterly press conference"),
            str(rules["press_conference_basis"]),
            PRESS_CONFERENCES,
            expected,
            (start, end),
            now,
            describe,
        )

    def _monthly_information(self, now: datetime, rules: dict[str, Any]) -> ComplianceCheck:
        today = now.astimezone(LOCAL_TZ).date()
        start, end = month_bounds(today)
        label = f"{start.month:02d}/{start.year}"
        days_left = (end - today).days

        def describe(state: State, held: int, planned: int) -> Message:
            if state == State.OK:
                return Message(
                    f"Tháng {label}: đã cung cấp thông tin {held} lần.",
                    f"{label}: information provided {held} time(s).",
                )
            if state == State.PENDING:
                return Message(
                    f"Tháng {label}: đã lên lịch {planned} lần cung cấp thông tin.",
                    f"{label}: {planned} information activity(ies) planned.",
                )
            return Message(
                f"Tháng {label}: chưa cung cấp thông tin, còn {days_left} ngày.",
                f"{label}: no information provided yet, {days_left} days left.",
            )

        return self._period_check(
            "monthly_information",
            Message("Cung cấp thông tin định kỳ hằng tháng", "Monthly information"),
            str(rules["information_basis"]),
            list(rules["information_types"]),
            int(rules["information_per_month"]),
            (start, end),
            now,
            describe,
        )

    def _emergency_rows(self, hours: int, made_since: datetime | None) -> list[_Emergency]:
        """Emergency cases still open, and those answered since ``made_since`` (when given) —
        only the columns the checks read."""
        made: ColumnElement[bool] = Activity.statement_made_at.is_(None)
        if made_since is not None:
            made = or_(made, Activity.case_received_at >= made_since)
        query = select(
            Activity.id,
            Activity.title,
            Activity.case_received_at,
            Activity.statement_made_at,
            Activity.statement_deadline,
        ).where(
            Activity.deleted_at.is_(None),
            Activity.type == e.ActivityType.EMERGENCY_STATEMENT.value,
            Activity.case_received_at.is_not(None),
            Activity.status != e.ActivityStatus.CANCELLED.value,
            made,
        )
        rows = []
        with self.services.db.session() as session:
            for row_id, title, received, made_at, deadline in session.execute(query):
                assert received is not None  # in the query
                rows.append(
                    _Emergency(
                        row_id, title, received, made_at, deadline or received + timedelta(hours=hours)
                    )
                )
        return rows

    def _emergency_statements(self, now: datetime, rules: dict[str, Any]) -> ComplianceCheck:
        on_time = late = open_late = 0
        open_rows: list[_Emergency] = []
        hours = int(rules["emergency_statement_hours"])
        year_start = _utc(date(now.astimezone(LOCAL_TZ).year, 1, 1))
        for row in self._emergency_rows(hours, made_since=year_start):
            if row.statement_made_at is not None:
                if row.case_received_at >= year_start:
                    if row.statement_made_at <= row.deadline:
                        on_time += 1
                    else:
                        late += 1
            elif row.deadline < now:
                open_late += 1
            else:
                open_rows.append(row)
        nearest = min((r.deadline for r in open_rows), default=None)
        if open_late:
            state = State.MISSED
        elif open_rows:
            state = State.AT_RISK
        elif late:
            state = State.PENDING
        else:
            state = State.OK
        detail = Message(
            f"Năm nay: {on_time} đúng hạn, {late} trễ hạn; {len(open_rows)} đang chờ, {open_late} quá hạn {hours} giờ.",
            f"This year: {on_time} on time, {late} late; {len(open_rows)} open, {open_late} past {hours} h.",
        )
        return ComplianceCheck(
            "emergency_statements",
            Message(f"Phát ngôn khẩn cấp trong {hours} giờ", f"Emergency statements within {hours} h"),
            str(rules["emergency_basis"]),
            state,
            detail,
            on_time,
            on_time + late,
            nearest,
        )

    def _question_filter(self) -> list[ColumnElement[bool]]:
        return [
            Interaction.deleted_at.is_(None),
            Interaction.kind == e.InteractionKind.QUESTION_RECEIVED.value,
        ]

    def _unanswered(self, days: int) -> list[_Question]:
        query = select(
            Interaction.id, Interaction.summary, Interaction.occurred_at, Interaction.due_date
        ).where(*self._question_filter(), Interaction.answered_at.is_(None))
        with self.services.db.session() as session:
            return [
                _Question(row_id, summary or "", self.question_due_on(occurred, due_date, days))
                for row_id, summary, occurred, due_date in session.execute(query)
            ]

    def _answered(self, days: int) -> tuple[int, int]:
        """(on time, late) over every answered question, counted in SQL by the local day."""
        due = func.coalesce(
            func.date(Interaction.due_date), func.date(Interaction.occurred_at, LOCAL_OFFSET, f"+{days} days")
        )
        on_time = func.date(Interaction.answered_at, LOCAL_OFFSET) <= due
        query = select(
            func.count(Interaction.answered_at), func.coalesce(func.sum(case((on_time, 1), else_=0)), 0)
        ).where(*self._question_filter(), Interaction.answered_at.is_not(None))
        with self.services.db.session() as session:
            answered, in_time = session.execute(query).one()
        return int(in_time), int(answered) - int(in_time)

    @staticmethod
    def question_due_on(occurred_at: datetime, due_date: date | None, days: int) -> date:
        if due_date is not None:
            return due_date
        return occurred_at.astimezone(LOCAL_TZ).date() + timedelta(days=days)

    def question_due(self, row: Any) -> date:
        return self.question_due_on(row.occurred_at, row.due_date, int(self.rule("press_question_days")))

    def _press_questions(self, now: datetime, rules: dict[str, Any]) -> ComplianceCheck:
        today = now.astimezone(LOCAL_TZ).date()
        soon = int(rules["due_soon_days"])
        days = int(rules["press_question_days"])
        answered_on_time, answered_late = self._answered(days)
        overdue = due_soon = waiting = 0
        nearest: date | None = None
        for row in self._unanswered(days):
            if row.due < today:
                overdue += 1
            else:
                waiting += 1
                if (row.due - today).days <= soon:
                    due_soon += 1
                nearest = row.due if nearest is None else min(nearest, row.due)
        state = (
            State.MISSED if overdue else State.AT_RISK if due_soon else State.PENDING if waiting else State.OK
        )
        detail = Message(
            f"{waiting} câu hỏi đang chờ trả lời ({due_soon} sắp đến hạn), {overdue} quá hạn; "
            f"đã trả lời {answered_on_time} đúng hạn, {answered_late} trễ hạn.",
            f"{waiting} question(s) waiting ({due_soon} due soon), {overdue} overdue; "
            f"answered {answered_on_time} on time, {answered_late} late.",
        )
        return ComplianceCheck(
            "press_questions",
            Message(
                f"Trả lời câu hỏi báo chí trong {days} ngày", f"Press questions answered within {days} days"
            ),
            str(rules["press_question_basis"]),
            state,
            detail,
            answered_on_time,
            answered_on_time + answered_late,
            _utc(nearest) if nearest else None,
        )

    # ----- the overdue list ----------------------------------------------------------------

    def overdue(self, now: datetime | None = None) -> list[OverdueItem]:
        """Everything past its deadline, the longest overdue first."""
        now = now or datetime.now(UTC)
        rules = self.rules()
        items: list[OverdueItem] = []
        for row in self._emergency_rows(int(rules["emergency_statement_hours"]), made_since=None):
            if row.statement_made_at is None and row.deadline < now:
                items.append(
                    OverdueItem(
                        "emergency_statement",
                        Message(
                            f"Phát ngôn khẩn cấp quá hạn: {row.title}",
                            f"Emergency statement overdue: {row.title}",
                        ),
                        row.deadline,
                        "activity",
                        row.id,
                        now - row.deadline,
                    )
                )
        today = now.astimezone(LOCAL_TZ).date()
        for question in self._unanswered(int(rules["press_question_days"])):
            if question.due < today:
                summary = question.summary.strip().splitlines()[0:1]
                text = summary[0][:120] if summary else ""
                due_at = _utc(question.due + timedelta(days=1))
                items.append(
                    OverdueItem(
                        "press_question",
                        Message(
                            f"Câu hỏi báo chí chưa trả lời: {text}", f"Unanswered press question: {text}"
                        ),
                        due_at,
                        "interaction",
                        question.id,
                        now - due_at,
                    )
                )
        items.extend(self._missed_periods(now, rules))
        items.sort(key=lambda item: item.due)
        return items

    def _missed_periods(self, now: datetime, rules: dict[str, Any]) -> list[OverdueItem]:
        """The previous quarter without its press conference, the previous month without information."""
        today = now.astimezone(LOCAL_TZ).date()
        items: list[OverdueItem] = []
        first_use = self._first_activity_start()
        if first_use is None:
            return items
        this_quarter, _ = quarter_bounds(today)
        start, end = quarter_bounds(this_quarter - timedelta(days=1))
        held, _planned = self._count(PRESS_CONFERENCES, start, end, now)
        # a period before the office kept its calendar here is not reported as missed
        if held < int(rules["press_conferences_per_quarter"]) and first_use < _utc(end):
            quarter = (start.month - 1) // 3 + 1
            items.append(
                OverdueItem(
                    "press_conference_quarter",
                    Message(
                        f"Quý {quarter}/{start.year} không có họp báo",
                        f"No press conference in Q{quarter} {start.year}",
                    ),
                    _utc(end),
                    "",
                    "",
                    now - _utc(end),
                )
            )
        this_month, _ = month_bounds(today)
        start, end = month_bounds(this_month - timedelta(days=1))
        held, _planned = self._count(list(rules["information_types"]), start, end, now)
        if held < int(rules["information_per_month"]) and first_use < _utc(end):
            items.append(
                OverdueItem(
                    "monthly_information",
                    Message(
                        f"Tháng {start.month:02d}/{start.year} chưa cung cấp thông tin",
                        f"No information provided in {start.month:02d}/{start.year}",
                    ),
                    _utc(end),
                    "",
                    "",
                    now - _utc(end),
                )
            )
        return items

    def _first_activity_start(self) -> datetime | None:
        with self.services.db.session() as session:
            first = session.scalar(select(func.min(Activity.starts_at)).where(Activity.deleted_at.is_(None)))
        return first.replace(tzinfo=UTC) if first is not None and first.tzinfo is None else first

    def not_closed(self, now: datetime | None = None, days: int = 30) -> list[Any]:
        """Occurrences that ended in the last ``days`` days and are still open (not done,
        cancelled or postponed): the start-up reminder lists them as overdue."""
        now = now or datetime.now(UTC)
        found = []
        for occurrence in self.services.calendar.occurrences(now - timedelta(days=days), now):
            end = occurrence.ends_at or occurrence.starts_at
            if end < now and occurrence.activity.status in (
                e.ActivityStatus.PLANNED,
                e.ActivityStatus.APPROVED,
                e.ActivityStatus.PREPARING,
            ):
                found.append(occurrence)
        return found
