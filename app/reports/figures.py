"""The figures of the quarterly and annual reports, computed with SQL aggregates.

Everything returned is plain JSON (codes, numbers, ISO dates), so an issued report can freeze
it and reopen exactly as issued. Labels are added when the figures are laid out (``tables``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from app.models import (
    Activity,
    ActivityTopic,
    BudgetAdjustment,
    BudgetAllocation,
    CoverageItem,
    CoverageTopic,
    Expense,
    Interaction,
    Office,
    PolicyTopic,
    StaffMember,
    TrainingRecord,
)
from app.models import enums as e
from app.reports.occurrences import Occurrence, series_occurrences
from app.reports.periods import LOCAL_TZ, Period, next_quarter, quarter_period, spokesperson_year
from app.services import Services
from app.services.staffing import focal_point_coverage_on

FIGURES_VERSION = 1
QUESTION_DAYS = 30  # Press Law 2016 Art. 39
TOP_TOPICS = 15
PRESS_CONFERENCES = sorted(t.value for t in e.PRESS_CONFERENCE_TYPES)
INFORMATION_TYPES = [
    *PRESS_CONFERENCES,
    e.ActivityType.PRESS_RELEASE.value,
    e.ActivityType.PRESS_BRIEFING.value,
]
OPEN_STATUSES = [
    e.ActivityStatus.PLANNED.value,
    e.ActivityStatus.APPROVED.value,
    e.ActivityStatus.PREPARING.value,
]
DONE = e.ActivityStatus.DONE.value
SPEAKER_ROLES = (e.StaffRole.SPOKESPERSON.value, e.StaffRole.AUTHORISED_SPEAKER.value)
LOCAL_OFFSET = "+7 hours"  # Asia/Ho_Chi_Minh has kept UTC+7 without daylight saving since 1975
Progress = Callable[[float], None]


# ----- entry points ------------------------------------------------------------------------


def quarterly_figures(
    services: Services, year: int, quarter: int, today: date | None = None, progress: Progress | None = None
) -> dict[str, Any]:
    with services.db.session() as session:
        office = _office(session)
        rule = office["period_rule"]
        period = quarter_period(year, quarter, rule)
        return compute_quarterly(
            session, office, period, next_quarter(period, rule), rules_of(services), today, progress
        )


def annual_figures(
    services: Services, year: int, today: date | None = None, progress: Progress | None = None
) -> dict[str, Any]:
    with services.db.session() as session:
        office = _office(session)
        period = spokesperson_year(year)
        return compute_annual(session, office, period, rules_of(services), today, progress)


def _sections(steps: list[tuple[str, Callable[[], Any]]], progress: Progress | None) -> dict[str, Any]:
    """Each section's figures in turn, telling ``progress`` (0 to 1) after each one."""
    done: dict[str, Any] = {}
    for index, (name, compute) in enumerate(steps, start=1):
        done[name] = compute()
        if progress is not None:
            progress(index / len(steps))
    return done


@dataclass(frozen=True)
class Rules:
    """The legal rules the figures are measured against (the calendar's compliance settings)."""

    press_conferences_required: int = 1
    information_per_month: int = 1
    information_types: tuple[str, ...] = tuple(INFORMATION_TYPES)
    emergency_hours: int = 24
    question_days: int = QUESTION_DAYS
    press_conference_basis: str = "Nghị định 09/2017/NĐ-CP, Điều 5"
    information_basis: str = "Nghị định 09/2017/NĐ-CP, Điều 5"
    emergency_basis: str = "Nghị định 244/2026/NĐ-CP"
    press_question_basis: str = "Luật Báo chí 2016, Điều 39"

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "information_types": list(self.information_types)}


def rules_of(services: Services) -> Rules:
    rule = services.compliance.rule
    return Rules(
        press_conferences_required=int(rule("press_conferences_per_quarter")),
        information_per_month=int(rule("information_per_month")),
        information_types=tuple(str(t) for t in rule("information_types")),
        emergency_hours=int(rule("emergency_statement_hours")),
        question_days=int(rule("press_question_days")),
        press_conference_basis=str(rule("press_conference_basis")),
        information_basis=str(rule("information_basis")),
        emergency_basis=str(rule("emergency_basis")),
        press_question_basis=str(rule("press_question_basis")),
    )


def _office(session: Session) -> dict[str, Any]:
    office = session.scalars(
        select(Office).where(Office.deleted_at.is_(None)).order_by(Office.updated_at).limit(1)
    ).first()
    if office is None:
        return {
            "name": "",
            "province": "",
            "superior_body": "",
            "place_name": "",
            "symbol_suffix": "UBND",
            "signer_name": "",
            "signer_title": "",
            "report_recipients": "",
            "period_rule": e.PeriodRule.CALENDAR_QUARTER.value,
        }
    return {
        "name": office.name,
        "province": office.province,
        "superior_body": office.superior_body,
        "place_name": office.place_name or office.province,
        "symbol_suffix": office.symbol_suffix,
        "signer_name": office.signer_name,
        "signer_title": office.signer_title,
        "report_recipients": office.report_recipients,
        "period_rule": office.period_rule,
    }


def compute_quarterly(
    session: Session,
    office: dict[str, Any],
    period: Period,
    following: Period,
    rules: Rules,
    today: date | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    day = today or datetime.now(LOCAL_TZ).date()
    scope: list[ActivityScope] = []
    s = _sections(
        [
            ("scope", lambda: scope.append(ActivityScope(session, period, office["period_rule"], rules))),
            ("activities", lambda: activity_figures(scope[0])),
            ("direction", lambda: direction_figures(session, scope[0])),
            ("compliance", lambda: compliance_figures(session, scope[0])),
            ("spokesperson", lambda: spokesperson_figures(session, scope[0])),
            ("press", lambda: press_figures(session, scope[0])),
            ("coverage", lambda: coverage_figures(session, period)),
            ("staff", lambda: staff_figures(session, period, day)),
            ("budget", lambda: budget_figures(session, period)),
            ("plan", lambda: plan_figures(session, following)),
        ],
        progress,
    )
    return {
        "version": FIGURES_VERSION,
        "kind": e.ReportKind.QUARTERLY.value,
        "office": office,
        "period": period.to_dict(),
        "next_period": following.to_dict(),
        "computed_on": day.isoformat(),
        "direction": s["direction"],
        "activities": s["activities"],
        "rules": rules.to_dict(),
        "compliance": s["compliance"],
        "spokesperson": s["spokesperson"],
        "press": s["press"],
        "coverage": s["coverage"],
        "staff": s["staff"],
        "budget": s["budget"],
        "plan": s["plan"],
    }


def compute_annual(
    session: Session,
    office: dict[str, Any],
    period: Period,
    rules: Rules,
    today: date | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    scope: list[ActivityScope] = []
    s = _sections(
        [
            ("scope", lambda: scope.append(ActivityScope(session, period, office["period_rule"], rules))),
            ("spokesperson", lambda: spokesperson_figures(session, scope[0])),
            ("speakers", lambda: speaker_list(session, period)),
            ("press_conferences_by_month", lambda: press_conferences_by_month(scope[0])),
        ],
        progress,
    )
    return {
        "version": FIGURES_VERSION,
        "kind": e.ReportKind.ANNUAL_SPOKESPERSON.value,
        "office": office,
        "period": period.to_dict(),
        "computed_on": (today or datetime.now(LOCAL_TZ).date()).isoformat(),
        "spokesperson": s["spokesperson"],
        "speakers": s["speakers"],
        "press_conferences_by_month": s["press_conferences_by_month"],
    }


# ----- activities --------------------------------------------------------------------------


def month_key(moment: datetime, rule: str) -> str:
    """'YYYY-MM' of the reporting month: under the 15th-to-14th rule, the 15th opens the next."""
    local = moment.astimezone(LOCAL_TZ).date()
    if rule == e.PeriodRule.CUTOFF_15TH.value and local.day >= 15:
        local = (local.replace(day=1) + timedelta(days=32)).replace(day=1)
    return f"{local.year:04d}-{local.month:02d}"


def _month_sql(column: Any, rule: str) -> ColumnElement[str]:
    if rule == e.PeriodRule.CUTOFF_15TH.value:
        return func.strftime("%Y-%m", column, LOCAL_OFFSET, "-14 days", "start of month", "+1 month")
    return func.strftime("%Y-%m", column, LOCAL_OFFSET)


def period_months(period: Period, rule: str) -> list[str]:
    if rule == e.PeriodRule.CUTOFF_15TH.value and period.kind == "quarter":
        first = date(period.year, 3 * period.number - 2, 1)
        return [f"{first.year:04d}-{first.month + i:02d}" for i in range(3)]
    if rule == e.PeriodRule.CUTOFF_15TH.value:
        return [f"{period.year:04d}-{m:02d}" for m in range(1, 13)]
    return [f"{y:04d}-{m:02d}" for y, m in period.months()]


class ActivityScope:
    """The activities of a period: single rows by SQL, plus occurrences of recurring series."""

    def __init__(self, session: Session, period: Period, rule: str, rules: Rules | None = None) -> None:
        self.session = session
        self.rules = rules or Rules()
        self.period = period
        self.rule = rule
        self.start = period.start_utc
        self.end = period.end_utc
        self.occurrences: list[Occurrence] = series_occurrences(session, self.start, self.end)

    def where(self) -> list[ColumnElement[bool]]:
        return [
            Activity.deleted_at.is_(None),
            Activity.rrule == "",
            Activity.starts_at >= self.start,
            Activity.starts_at < self.end,
        ]

    def grouped(self, *keys: Any) -> list[tuple[Any, ...]]:
        """Counts of single activities grouped by ``keys``; callers add ``occurrences`` themselves."""
        rows = self.session.execute(select(*keys, func.count()).where(*self.where()).group_by(*keys)).all()
        return [tuple(r) for r in rows]

    def count(self, types: list[str] | None = None, statuses: list[str] | None = None) -> int:
        conditions = self.where()
        if types is not None:
            conditions.append(Activity.type.in_(types))
        if statuses is not None:
            conditions.append(Activity.status.in_(statuses))
        single = int(self.session.scalar(select(func.count()).where(*conditions)) or 0)
        recurring = sum(
            1
            for o in self.occurrences
            if (types is None or o.type in types) and (statuses is None or o.status in statuses)
        )
        return single + recurring


def activity_figures(scope: ActivityScope) -> dict[str, Any]:
    by_type: dict[str, dict[str, int]] = {t.value: {"total": 0, "done": 0} for t in e.ActivityType}
    by_status: dict[str, int] = {s.value: 0 for s in e.ActivityStatus}
    months = period_months(scope.period, scope.rule)
    groups = list(TYPE_GROUPS)
    by_month = {m: {"total": 0, "done": 0, **{g: 0 for g in groups}} for m in months}

    month = _month_sql(Activity.starts_at, scope.rule)
    for type_code, status, month_code, n in scope.grouped(Activity.type, Activity.status, month):
        _tally(by_type, by_status, by_month, type_code, status, month_code, n)
    for o in scope.occurrences:
        _tally(by_type, by_status, by_month, o.type, o.status, month_key(o.starts_at, scope.rule), 1)

    return {
        "total": sum(by_status.values()),
        "done": by_status[DONE],
        "by_type": by_type,
        "by_status": by_status,
        "by_month": [{"month": m, **values} for m, values in by_month.items()],
        "by_topic": activity_topics(scope),
    }


# Families of activity types for the chart of activities by month and type.
TYPE_GROUPS: dict[str, list[str]] = {
    "press_conferences": PRESS_CONFERENCES,
    "releases_and_posts": ["press_release", "portal_post", "social_post"],
    "interviews_and_dialogues": ["interview", "dialogue", "talk_show", "press_briefing"],
    "replies_and_statements": ["written_reply", "correction_request", "emergency_statement"],
    "other": ["policy_consultation", "training", "other"],
}
_GROUP_OF = {code: group for group, codes in TYPE_GROUPS.items() for code in codes}


def _tally(
    by_type: dict[str, dict[str, int]],
    by_status: dict[str, int],
    by_month: dict[str, dict[str, int]],
    type_code: str,
    status: str,
    month_code: str,
    n: int,
) -> None:
    entry = by_type.setdefault(type_code, {"total": 0, "done": 0})
    entry["total"] += n
    by_status[status] = by_status.get(status, 0) + n
    if status == DONE:
        entry["done"] += n
    if month_code in by_month:
        bucket = by_month[month_code]
        bucket["total"] += n
        if status == DONE:
            bucket["done"] += n
            bucket[_GROUP_OF.get(type_code, "other")] += n


def activity_topics(scope: ActivityScope) -> list[dict[str, Any]]:
    rows = scope.session.execute(
        select(
            ActivityTopic.topic_id,
            func.count(),
            func.sum(case((Activity.status == DONE, 1), else_=0)),
        )
        .join(Activity, Activity.id == ActivityTopic.activity_id)
        .where(ActivityTopic.deleted_at.is_(None), *scope.where())
        .group_by(ActivityTopic.topic_id)
    ).all()
    totals: dict[str, list[int]] = {topic: [int(n), int(done or 0)] for topic, n, done in rows}
    if scope.occurrences:
        per_series = Counter(o.series_id for o in scope.occurrences)
        done_series = Counter(o.series_id for o in scope.occurrences if o.status == DONE)
        links = scope.session.execute(
            select(ActivityTopic.activity_id, ActivityTopic.topic_id).where(
                ActivityTopic.deleted_at.is_(None), ActivityTopic.activity_id.in_(list(per_series))
            )
        ).all()
        for activity_id, topic_id in links:
            entry = totals.setdefault(topic_id, [0, 0])
            entry[0] += per_series[activity_id]
            entry[1] += done_series[activity_id]
    names = _topic_names(scope.session, list(totals))
    ranked = sorted(totals.items(), key=lambda item: (-item[1][0], names.get(item[0], "")))
    return _top_rows(
        [{"topic": names.get(t, ""), "total": v[0], "done": v[1]} for t, v in ranked], ("total", "done")
    )


def _top_rows(rows: list[dict[str, Any]], numbers: tuple[str, ...]) -> list[dict[str, Any]]:
    """The largest TOP_TOPICS rows, the rest folded into one row whose topic is empty."""
    if len(rows) <= TOP_TOPICS:
        return rows
    rest = rows[TOP_TOPICS:]
    folded: dict[str, Any] = {"topic": None, "others": len(rest)}
    for key in numbers:
        folded[key] = sum(r[key] for r in rest)
    return [*rows[:TOP_TOPICS], folded]


def _topic_names(session: Session, ids: list[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = select(PolicyTopic.id, PolicyTopic.name).where(PolicyTopic.id.in_(chunk))
        names.update((row[0], row[1]) for row in session.execute(query))
    return names


def press_conferences_by_month(scope: ActivityScope) -> list[dict[str, Any]]:
    month = _month_sql(Activity.starts_at, scope.rule)
    counts: Counter[str] = Counter()
    conditions = [*scope.where(), Activity.type.in_(PRESS_CONFERENCES), Activity.status == DONE]
    for month_code, n in scope.session.execute(
        select(month, func.count()).where(*conditions).group_by(month)
    ):
        counts[month_code] += int(n)
    for o in scope.occurrences:
        if o.type in PRESS_CONFERENCES and o.status == DONE:
            counts[month_key(o.starts_at, scope.rule)] += 1
    return [{"month": m, "count": counts[m]} for m in period_months(scope.period, scope.rule)]


# ----- I. direction and plans --------------------------------------------------------------


def direction_figures(session: Session, scope: ActivityScope) -> dict[str, Any]:
    live = PolicyTopic.deleted_at.is_(None)
    by_stage = {s.value: 0 for s in e.TopicStage}
    for stage, n in session.execute(
        select(PolicyTopic.stage, func.count()).where(live).group_by(PolicyTopic.stage)
    ):
        by_stage[stage] = int(n)
    drafts, meets_407 = session.execute(
        select(
            func.sum(case((PolicyTopic.kind == e.TopicKind.DRAFT_POLICY.value, 1), else_=0)),
            func.sum(case((PolicyTopic.meets_407_criteria.is_(True), 1), else_=0)),
        ).where(live)
    ).one()
    consultation = [e.ActivityType.POLICY_CONSULTATION.value]
    return {
        "topics_total": sum(by_stage.values()),
        "topics_by_stage": by_stage,
        "draft_policies": int(drafts or 0),
        "meets_407": int(meets_407 or 0),
        "consultations_done": scope.count(consultation, [DONE]),
        "plan": {
            "scheduled": scope.count(),
            "done": scope.count(statuses=[DONE]),
            "postponed": scope.count(statuses=[e.ActivityStatus.POSTPONED.value]),
            "cancelled": scope.count(statuses=[e.ActivityStatus.CANCELLED.value]),
            "open": scope.count(statuses=OPEN_STATUSES),
        },
    }


# ----- II. compliance and the six spokesperson indicators ----------------------------------


def emergency_figures(scope: ActivityScope) -> dict[str, int]:
    """Emergency cases received in the period; the deadline is the one set, or receipt + N hours."""
    period = scope.period
    received = func.coalesce(Activity.case_received_at, Activity.starts_at)
    rows = scope.session.execute(
        select(Activity.case_received_at, Activity.statement_deadline, Activity.statement_made_at).where(
            Activity.deleted_at.is_(None),
            Activity.type == e.ActivityType.EMERGENCY_STATEMENT.value,
            Activity.status != e.ActivityStatus.CANCELLED.value,
            received >= period.start_utc,
            received < period.end_utc,
        )
    ).all()
    hours = timedelta(hours=scope.rules.emergency_hours)
    cases = spoken = with_deadline = on_time = 0
    for case_received, deadline, made in rows:
        cases += 1
        spoken += made is not None
        if deadline is None and case_received is not None:
            deadline = case_received + hours
        if deadline is not None:
            with_deadline += 1
            on_time += made is not None and made <= deadline
    return {"cases": cases, "spoken": spoken, "with_deadline": with_deadline, "on_time": on_time}


def question_figures(session: Session, period: Period, days: int = QUESTION_DAYS) -> dict[str, int]:
    """Press questions received in the period, and how they were answered (within ``days``)."""
    occurred_local = func.date(Interaction.occurred_at, LOCAL_OFFSET)
    due = func.coalesce(func.date(Interaction.due_date), func.date(occurred_local, f"+{int(days)} days"))
    answered = and_(Interaction.answered_at.is_not(None), Interaction.answered_at < period.end_utc)
    on_time = and_(answered, func.date(Interaction.answered_at, LOCAL_OFFSET) <= due)
    overdue = and_(~answered, due < literal(period.last.isoformat()))
    received, n_answered, n_on_time, n_overdue = session.execute(
        select(
            func.count(),
            func.sum(case((answered, 1), else_=0)),
            func.sum(case((on_time, 1), else_=0)),
            func.sum(case((overdue, 1), else_=0)),
        ).where(
            Interaction.deleted_at.is_(None),
            Interaction.kind == e.InteractionKind.QUESTION_RECEIVED.value,
            Interaction.occurred_at >= period.start_utc,
            Interaction.occurred_at < period.end_utc,
        )
    ).one()
    return {
        "received": int(received or 0),
        "answered": int(n_answered or 0),
        "on_time": int(n_on_time or 0),
        "overdue": int(n_overdue or 0),
    }


def _coverage_where(period: Period) -> list[ColumnElement[bool]]:
    return [
        CoverageItem.deleted_at.is_(None),
        CoverageItem.published_at >= period.start_utc,
        CoverageItem.published_at < period.end_utc,
    ]


def spokesperson_figures(session: Session, scope: ActivityScope) -> dict[str, Any]:
    """The six indicators of the annual spokesperson report (Decree 244/2026/NĐ-CP Art. 10)."""
    period = scope.period
    emergency = emergency_figures(scope)
    questions = question_figures(session, period, scope.rules.question_days)
    cases = int(
        session.scalar(
            select(func.count()).where(*_coverage_where(period), CoverageItem.needs_action.is_(True))
        )
        or 0
    )
    replies = [e.ActivityType.WRITTEN_REPLY.value, e.ActivityType.CORRECTION_REQUEST.value]
    return {
        "press_conferences": {"value": scope.count(PRESS_CONFERENCES, [DONE]), "of": None},
        "press_briefings": {"value": scope.count([e.ActivityType.PRESS_BRIEFING.value], [DONE]), "of": None},
        "press_requests": {"value": questions["answered"], "of": questions["received"]},
        "emergency_cases": {"value": emergency["spoken"], "of": emergency["cases"]},
        "statements_on_time": {"value": emergency["on_time"], "of": emergency["with_deadline"]},
        "replies_and_corrections": {"value": scope.count(replies, [DONE]), "of": cases},
    }


def compliance_figures(session: Session, scope: ActivityScope) -> dict[str, Any]:
    period = scope.period
    information_types = list(scope.rules.information_types)
    month = _month_sql(Activity.starts_at, scope.rule)
    informed: Counter[str] = Counter()
    conditions = [*scope.where(), Activity.type.in_(information_types), Activity.status == DONE]
    for month_code, n in session.execute(select(month, func.count()).where(*conditions).group_by(month)):
        informed[month_code] += int(n)
    for o in scope.occurrences:
        if o.type in information_types and o.status == DONE:
            informed[month_key(o.starts_at, scope.rule)] += 1
    months = period_months(period, scope.rule)
    return {
        "press_conferences_held": scope.count(PRESS_CONFERENCES, [DONE]),
        "press_conferences_required": scope.rules.press_conferences_required,
        "information_required_per_month": scope.rules.information_per_month,
        "information_by_month": [{"month": m, "count": informed[m]} for m in months],
        "emergency": emergency_figures(scope),
        "questions": question_figures(session, period, scope.rules.question_days),
        "speakers_published": speakers_published(session, period),
    }


def speakers_published(session: Session, period: Period) -> dict[str, int]:
    """Spokespersons assigned in the period, and those published on the portal within 24 h."""
    rows = session.execute(
        select(StaffMember.roles, StaffMember.decision_date, StaffMember.published_on_portal_at).where(
            StaffMember.deleted_at.is_(None),
            StaffMember.decision_date >= period.first,
            StaffMember.decision_date <= period.last,
        )
    ).all()
    assigned = on_time = 0
    for roles, decided, published in rows:
        if decided is None or not set(roles.split(",")) & set(SPEAKER_ROLES):
            continue
        assigned += 1
        if published is not None and published.astimezone(LOCAL_TZ).date() <= decided + timedelta(days=1):
            on_time += 1
    return {"assigned": assigned, "published_on_time": on_time}


def speaker_list(session: Session, period: Period) -> list[dict[str, Any]]:
    rows = session.execute(
        select(
            StaffMember.full_name,
            StaffMember.position,
            StaffMember.roles,
            StaffMember.decision_number,
            StaffMember.decision_date,
            StaffMember.phone,
            StaffMember.email,
        )
        .where(*_active_staff(period))
        .order_by(StaffMember.name_key)
    ).all()
    speakers = []
    for name, position, roles, number, decided, phone, email in rows:
        codes = [r for r in roles.split(",") if r in SPEAKER_ROLES]
        if not codes:
            continue
        speakers.append(
            {
                "name": name,
                "position": position,
                "role": codes[0],
                "decision_number": number,
                "decision_date": decided.isoformat() if decided else None,
                "phone": phone,
                "email": email,
            }
        )
    return speakers


# ----- III. press relations and coverage ---------------------------------------------------


def press_figures(session: Session, scope: ActivityScope) -> dict[str, Any]:
    period = scope.period
    by_kind = {k.value: 0 for k in e.InteractionKind}
    rows = session.execute(
        select(Interaction.kind, func.count())
        .where(
            Interaction.deleted_at.is_(None),
            Interaction.occurred_at >= period.start_utc,
            Interaction.occurred_at < period.end_utc,
        )
        .group_by(Interaction.kind)
    )
    for kind, n in rows:
        by_kind[kind] = int(n)
    journalists = session.scalar(
        select(func.count(func.distinct(Interaction.journalist_id))).where(
            Interaction.deleted_at.is_(None),
            Interaction.occurred_at >= period.start_utc,
            Interaction.occurred_at < period.end_utc,
        )
    )
    return {
        "interactions_total": sum(by_kind.values()),
        "interactions_by_kind": by_kind,
        "journalists_worked_with": int(journalists or 0),
        "questions": question_figures(session, period, scope.rules.question_days),
    }


def coverage_figures(session: Session, period: Period) -> dict[str, Any]:
    where = _coverage_where(period)
    by_sentiment = {s.value: 0 for s in e.Sentiment}
    for sentiment, n in session.execute(
        select(CoverageItem.sentiment, func.count()).where(*where).group_by(CoverageItem.sentiment)
    ):
        by_sentiment[sentiment] = int(n)
    by_medium = {m.value: 0 for m in e.MediaType}
    for medium, n in session.execute(
        select(CoverageItem.medium, func.count()).where(*where).group_by(CoverageItem.medium)
    ):
        by_medium[medium] = int(n)
    handled_states = [e.HandlingStatus.ANSWERED.value, e.HandlingStatus.CLOSED.value]
    needs_action, handled = session.execute(
        select(
            func.count(),
            func.sum(case((CoverageItem.handling_status.in_(handled_states), 1), else_=0)),
        ).where(*where, CoverageItem.needs_action.is_(True))
    ).one()

    per_topic: dict[str, dict[str, int]] = defaultdict(lambda: {s.value: 0 for s in e.Sentiment})
    for topic_id, sentiment, n in session.execute(
        select(CoverageTopic.topic_id, CoverageItem.sentiment, func.count())
        .join(CoverageItem, CoverageItem.id == CoverageTopic.coverage_id)
        .where(CoverageTopic.deleted_at.is_(None), *where)
        .group_by(CoverageTopic.topic_id, CoverageItem.sentiment)
    ):
        per_topic[topic_id][sentiment] = int(n)
    names = _topic_names(session, list(per_topic))
    topic_rows: list[dict[str, Any]] = [
        {"topic": names.get(t, ""), **counts, "total": sum(counts.values())}
        for t, counts in per_topic.items()
    ]
    topic_rows.sort(key=lambda r: (-int(r["total"]), str(r["topic"])))
    return {
        "total": sum(by_sentiment.values()),
        "by_sentiment": by_sentiment,
        "by_medium": by_medium,
        "needs_action": int(needs_action or 0),
        "handled": int(handled or 0),
        "by_topic": _top_rows(topic_rows, ("positive", "neutral", "negative", "total")),
    }


# ----- IV. staff and training --------------------------------------------------------------


def _active_staff(period: Period) -> list[ColumnElement[bool]]:
    return [
        StaffMember.deleted_at.is_(None),
        or_(StaffMember.active_from.is_(None), StaffMember.active_from <= period.last),
        or_(StaffMember.active_to.is_(None), StaffMember.active_to >= period.first),
    ]


def staff_figures(session: Session, period: Period, today: date) -> dict[str, Any]:
    padded = literal(",") + StaffMember.roles + literal(",")
    role_sums = [func.sum(case((func.instr(padded, f",{r.value},") > 0, 1), else_=0)) for r in e.StaffRole]
    row = session.execute(select(func.count(), *role_sums).where(*_active_staff(period))).one()
    by_role = {r.value: int(row[i + 1] or 0) for i, r in enumerate(e.StaffRole)}

    # Units covered on the last day of the period (or today, for a period still running): the
    # Staff workspace's rule, so a focal point who left mid-quarter counts in neither.
    coverage_on = min(period.last, today)
    coverage = focal_point_coverage_on(session, coverage_on)

    in_period = [
        TrainingRecord.deleted_at.is_(None),
        TrainingRecord.starts_on >= period.first,
        TrainingRecord.starts_on <= period.last,
    ]
    courses, people, hours, cost = session.execute(
        select(
            func.count(),
            func.count(func.distinct(TrainingRecord.staff_id)),
            func.sum(TrainingRecord.hours),
            func.sum(TrainingRecord.cost),
        ).where(*in_period)
    ).one()
    by_area = [
        {"area": area, "records": int(n), "people": int(p), "hours": int(h or 0)}
        for area, n, p, h in session.execute(
            select(
                TrainingRecord.content_area,
                func.count(),
                func.count(func.distinct(TrainingRecord.staff_id)),
                func.sum(TrainingRecord.hours),
            )
            .where(*in_period)
            .group_by(TrainingRecord.content_area)
            .order_by(func.sum(TrainingRecord.hours).desc(), TrainingRecord.content_area)
        )
    ]
    return {
        "active_total": int(row[0] or 0),
        "by_role": by_role,
        "units_total": coverage.total,
        "units_with_focal_point": coverage.covered,
        "focal_points_on": coverage_on.isoformat(),
        "training": {
            "records": int(courses or 0),
            "people": int(people or 0),
            "hours": int(hours or 0),
            "cost": int(cost or 0),
        },
        "training_by_area": _top_area_rows(by_area),
    }


def _top_area_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if len(rows) <= TOP_TOPICS:
        return rows
    rest = rows[TOP_TOPICS:]
    return [
        *rows[:TOP_TOPICS],
        {
            "area": None,
            "others": len(rest),
            "records": sum(r["records"] for r in rest),
            "people": sum(r["people"] for r in rest),  # people may repeat across areas
            "hours": sum(r["hours"] for r in rest),
        },
    ]


# ----- V. budget ---------------------------------------------------------------------------


def budget_figures(session: Session, period: Period) -> dict[str, Any]:
    """Allocations of the fiscal year (with adjustments decided by the period's end) and spending."""
    fiscal_year = period.year
    year_first = date(fiscal_year, 1, 1)
    allocations = {
        row.id: (row.funding_source, row.task_category, int(row.amount))
        for row in session.execute(
            select(
                BudgetAllocation.id,
                BudgetAllocation.funding_source,
                BudgetAllocation.task_category,
                BudgetAllocation.amount,
            ).where(BudgetAllocation.deleted_at.is_(None), BudgetAllocation.fiscal_year == fiscal_year)
        )
    }
    in_year = BudgetAllocation.fiscal_year == fiscal_year
    adjustments = dict(
        session.execute(
            select(BudgetAdjustment.allocation_id, func.sum(BudgetAdjustment.amount))
            .join(BudgetAllocation, BudgetAllocation.id == BudgetAdjustment.allocation_id)
            .where(
                BudgetAdjustment.deleted_at.is_(None),
                BudgetAllocation.deleted_at.is_(None),
                in_year,
                or_(BudgetAdjustment.decision_date.is_(None), BudgetAdjustment.decision_date <= period.last),
            )
            .group_by(BudgetAdjustment.allocation_id)
        ).all()
    )
    in_period = and_(Expense.spent_on >= period.first, Expense.spent_on <= period.last)
    to_date = and_(Expense.spent_on >= min(year_first, period.first), Expense.spent_on <= period.last)
    spending = session.execute(
        select(
            Expense.allocation_id,
            func.sum(case((in_period, Expense.amount), else_=0)),
            func.sum(case((to_date, Expense.amount), else_=0)),
        )
        .where(Expense.deleted_at.is_(None), Expense.spent_on <= period.last)
        .group_by(Expense.allocation_id)
    ).all()
    spent: dict[str | None, tuple[int, int]] = {
        allocation_id: (int(p or 0), int(y or 0)) for allocation_id, p, y in spending
    }

    def blank() -> dict[str, int]:
        return {"allocated": 0, "adjustments": 0, "spent_period": 0, "spent_to_date": 0}

    by_source = {s.value: blank() for s in e.FundingSource}
    by_task = {t.value: blank() for t in e.TaskCategory}
    for allocation_id, (source, task, amount) in allocations.items():
        adjusted = int(adjustments.get(allocation_id) or 0)
        period_spent, year_spent = spent.get(allocation_id, (0, 0))
        for bucket in (by_source.setdefault(source, blank()), by_task.setdefault(task, blank())):
            bucket["allocated"] += amount
            bucket["adjustments"] += adjusted
            bucket["spent_period"] += period_spent
            bucket["spent_to_date"] += year_spent
    unallocated_period, unallocated_to_date = spent.get(None, (0, 0))
    totals = blank()
    for bucket in by_source.values():
        for key in totals:
            totals[key] += bucket[key]
    return {
        "fiscal_year": fiscal_year,
        "to_date_from": min(year_first, period.first).isoformat(),
        "by_source": by_source,
        "by_task": by_task,
        "totals": totals,
        "unallocated": {"spent_period": unallocated_period, "spent_to_date": unallocated_to_date},
    }


# ----- VII. next quarter's plan ------------------------------------------------------------


def plan_figures(session: Session, period: Period) -> list[dict[str, Any]]:
    rows = session.execute(
        select(Activity.starts_at, Activity.type, Activity.title, Activity.location, Activity.status)
        .where(
            Activity.deleted_at.is_(None),
            Activity.rrule == "",
            Activity.starts_at >= period.start_utc,
            Activity.starts_at < period.end_utc,
            Activity.status.in_(OPEN_STATUSES),
        )
        .order_by(Activity.starts_at, Activity.title)
    ).all()
    planned = [(r.starts_at, r.type, r.title, r.location, r.status) for r in rows]
    for o in series_occurrences(session, period.start_utc, period.end_utc):
        if o.status in OPEN_STATUSES:
            planned.append((o.starts_at, o.type, o.title, o.location, o.status))
    planned.sort(key=lambda p: (p[0], p[2]))
    return [
        {
            "starts_at": starts.astimezone(UTC).isoformat(),
            "type": type_code,
            "title": title,
            "location": location,
            "status": status,
        }
        for starts, type_code, title, location, status in planned
    ]


def percent(value: int, of: int | None) -> float | None:
    """value/of in percent with one decimal, or None when there is nothing to measure against."""
    if not of:
        return None
    return round(100.0 * value / of, 1)
