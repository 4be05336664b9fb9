"""What the Dashboard shows, gathered from the services in one background call (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from app.i18n import Message
from app.models import CoverageItem, DeadLetter
from app.models import enums as e
from app.reports.periods import LOCAL_TZ
from app.services import Services
from app.services.labels import enum_label
from app.sync.local import LAST_ERROR, LAST_SUCCESS, LocalStore

UPCOMING_SHOWN = 8
OVERDUE_SHOWN = 5
ACTIVE_STATUSES = {
    e.ActivityStatus.PLANNED.value,
    e.ActivityStatus.APPROVED.value,
    e.ActivityStatus.PREPARING.value,
    e.ActivityStatus.DONE.value,
}


@dataclass(frozen=True)
class UpcomingItem:
    starts_at: datetime  # local
    title: str
    type_label: Message
    status: str


@dataclass(frozen=True)
class CheckLine:
    title: Message
    state: str  # ok, pending, at_risk, missed
    detail: Message


@dataclass(frozen=True)
class Budget:
    year: int
    allocated: int
    spent: int
    overspent_allocations: int
    year_elapsed: float  # share of the year gone, to read the burn against

    @property
    def share_spent(self) -> float | None:
        return self.spent / self.allocated if self.allocated > 0 else None


@dataclass(frozen=True)
class SyncSummary:
    server: str = ""
    pending: int = 0
    last_success: datetime | None = None  # UTC
    last_error: str = ""  # of the last round, "" when it went through
    conflicts: int = 0  # waiting for someone to look at them on the Sync page
    refused: int = 0  # changes the server refused for good


@dataclass
class DashboardData:
    now: datetime
    today_count: int = 0
    week_count: int = 0
    upcoming: list[UpcomingItem] = field(default_factory=list)
    overdue_count: int = 0
    overdue: list[tuple[Message, int]] = field(default_factory=list)  # (title, days overdue)
    compliance: list[CheckLine] = field(default_factory=list)
    worst_state: str = "ok"
    budget: Budget | None = None
    warnings: list[Message] = field(default_factory=list)
    negative_this_week: int = 0
    coverage_replies_overdue: int = 0
    sync: SyncSummary = field(default_factory=SyncSummary)


def gather(services: Services, now: datetime | None = None) -> DashboardData:
    now = now or datetime.now(UTC)
    local_now = now.astimezone(LOCAL_TZ)
    today = local_now.date()
    data = DashboardData(now=now)
    _upcoming(services, data, today)
    _overdue(services, data, now, today)
    _compliance(services, data, now)
    _budget(services, data, today)
    _coverage(services, data, today)
    data.sync = sync_summary(services)
    return data


def sync_summary(services: Services) -> SyncSummary:
    """The sync tile on its own: cheap enough to re-read after every sync round."""
    store = LocalStore(services.db)
    raw = store.get_state(LAST_SUCCESS)
    with services.db.session() as session:
        refused = int(session.scalar(select(func.count()).select_from(DeadLetter)) or 0)
    return SyncSummary(
        server=str(services.preferences.get("sync.server_url") or ""),
        pending=services.pending_changes(),
        last_success=datetime.fromisoformat(raw) if raw else None,
        last_error=store.get_state(LAST_ERROR),
        conflicts=store.open_conflict_count(),
        refused=refused,
    )


def _local_midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=LOCAL_TZ).astimezone(UTC)


def _upcoming(services: Services, data: DashboardData, today: date) -> None:
    start, tomorrow = _local_midnight(today), _local_midnight(today + timedelta(days=1))
    end = _local_midnight(today + timedelta(days=8))
    occurrences = [
        o for o in services.calendar.occurrences(start, end) if o.activity.status in ACTIVE_STATUSES
    ]
    data.today_count = sum(1 for o in occurrences if o.starts_at < tomorrow)
    data.week_count = len(occurrences)
    data.upcoming = [
        UpcomingItem(
            o.starts_at.astimezone(LOCAL_TZ),
            o.activity.title,
            enum_label(e.ActivityType, o.activity.type),
            o.activity.status,
        )
        for o in occurrences[:UPCOMING_SHOWN]
    ]


def _overdue(services: Services, data: DashboardData, now: datetime, today: date) -> None:
    items = services.compliance.overdue(now)
    data.overdue_count = len(items)
    longest = sorted(items, key=lambda item: item.overdue_by, reverse=True)
    data.overdue = [(item.title, max(0, item.overdue_by.days)) for item in longest[:OVERDUE_SHOWN]]


def _compliance(services: Services, data: DashboardData, now: datetime) -> None:
    summary = services.compliance.summary(now)
    data.compliance = [CheckLine(c.title, str(c.state), c.detail) for c in summary.checks]
    data.worst_state = str(summary.worst)


def _budget(services: Services, data: DashboardData, today: date) -> None:
    summary = services.allocations.summary(today.year, None, today)
    start = date(today.year, 1, 1)
    days = (date(today.year + 1, 1, 1) - start).days
    data.budget = Budget(
        year=today.year,
        allocated=summary.overall.allocated,
        spent=summary.overall.spent,
        overspent_allocations=len(summary.overspent),
        year_elapsed=((today - start).days + 1) / days,
    )


def _coverage(services: Services, data: DashboardData, today: date) -> None:
    data.warnings = [w.message for w in services.trends.current_warnings(today)]
    data.coverage_replies_overdue = services.coverage.overdue_count(today)
    since = _local_midnight(today - timedelta(days=6))
    with services.db.session() as session:
        data.negative_this_week = int(
            session.scalar(
                select(func.count()).where(
                    CoverageItem.deleted_at.is_(None),
                    CoverageItem.sentiment == e.Sentiment.NEGATIVE.value,
                    CoverageItem.published_at >= since,
                )
            )
            or 0
        )
