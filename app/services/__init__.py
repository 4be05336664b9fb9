"""Use cases over the local database: plain Python, no Qt. Widgets talk only to these."""

from __future__ import annotations

import getpass
from pathlib import Path

from sqlalchemy import func, select

from app.db import Database, open_database
from app.models import OutboxEntry, SyncState, new_id
from app.paths import backup_dir, database_path
from app.services.budget import AdjustmentService, AllocationService, ExpenseService
from app.services.calendar import ActivityService, ActivityTopicService, InviteeService
from app.services.changes import ChangeBus
from app.services.compliance import ComplianceService
from app.services.contacts_export import ContactExporter
from app.services.contacts_import import ContactImporter
from app.services.context import LAST_HLC_KEY, ServiceContext
from app.services.duplicates import DuplicateService
from app.services.feeds import FeedService
from app.services.holidays import ROLE_SETTING, HolidayOverrideService
from app.services.media import (
    AgencyService,
    DistributionListService,
    InteractionService,
    JournalistService,
    ListMemberService,
)
from app.services.monitoring import CoverageService, CoverageTopicService
from app.services.organisation import OfficeService, TopicService
from app.services.preferences import Preferences
from app.services.press_release import PressReleaseService
from app.services.reports import ReportService
from app.services.schedule import CalendarService
from app.services.settings import SettingsStore
from app.services.staffing import StaffMemberService, TrainingRecordService, UnitFocalService
from app.services.trends import TrendService
from app.sync.hlc import HybridLogicalClock


class Services:
    """Every service of one open database, sharing one context."""

    def __init__(self, db: Database, actor: str | None = None) -> None:
        self.db = db
        self.settings = SettingsStore(db)
        self.preferences = Preferences(self.settings)
        self.preferences.upgrade()
        device_id = self.settings.get("device_id")
        if not device_id:
            device_id = new_id()
            self.settings.set("device_id", device_id)
        self.device_id: str = device_id
        self.ctx = ServiceContext(
            db=db,
            clock=HybridLogicalClock(node=device_id[-12:]),
            bus=ChangeBus(),
            actor=actor or _login_name(),
        )
        self._resume_clock()
        self.offices = OfficeService(self.ctx)
        self.units = UnitFocalService(self.ctx)
        self.topics = TopicService(self.ctx)
        self.staff = StaffMemberService(self.ctx)
        self.trainings = TrainingRecordService(self.ctx)
        self.agencies = AgencyService(self.ctx)
        self.journalists = JournalistService(self.ctx)
        self.activities = ActivityService(self.ctx)
        self.activity_topics = ActivityTopicService(self.ctx)
        self.invitees = InviteeService(self.ctx)
        self.interactions = InteractionService(self.ctx)
        self.lists = DistributionListService(self.ctx)
        self.list_members = ListMemberService(self.ctx)
        self.allocations = AllocationService(self.ctx)
        self.adjustments = AdjustmentService(self.ctx)
        self.expenses = ExpenseService(self.ctx)
        self.coverage = CoverageService(self.ctx)
        self.coverage_topics = CoverageTopicService(self.ctx)
        self.trends = TrendService(self.ctx)
        self.feeds = FeedService(self.ctx, self.coverage, self.coverage_topics, self.agencies)
        self.reports = ReportService(self.ctx)
        self.duplicates = DuplicateService(self.journalists, self.interactions, self.invitees)
        self.press_releases = PressReleaseService(self.ctx, self.settings, self.interactions, self.lists)
        self.holidays = HolidayOverrideService(
            self.ctx, lambda: str(self.settings.get(ROLE_SETTING, "") or "")
        )
        self.calendar = CalendarService(self)
        self.compliance = ComplianceService(self)
        self.activities.emergency_hours = int(self.preferences.get("compliance.emergency_statement_hours"))
        self.contacts_import = ContactImporter(self.journalists, self.agencies)
        self.contacts_export = ContactExporter(self.ctx)
        office = self.offices.current()
        if office is not None:
            self.ctx.office_id = office.id
        elif adopted := self.settings.get("sync.office_id"):  # app.sync.client.OFFICE_ID
            # Logged in to sync before the office row arrived: still write for that office.
            self.ctx.office_id = str(adopted)

    def _resume_clock(self) -> None:
        """Continue after the last stamp this database handed out, even if the PC clock went back."""
        with self.db.session() as session:
            last = session.get(SyncState, LAST_HLC_KEY)
            if last is not None and last.value:
                self.ctx.clock.observe(last.value)

    def pending_changes(self) -> int:
        """Local changes not yet accepted by the server."""
        with self.db.session() as session:
            return int(session.scalar(select(func.count()).select_from(OutboxEntry)) or 0)

    @property
    def bus(self) -> ChangeBus:
        return self.ctx.bus

    def close(self) -> None:
        self.db.close()


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "local"


def open_services(data: Path, actor: str | None = None) -> Services:
    db = open_database(database_path(data), backup_dir(data))
    try:
        return Services(db, actor)
    except BaseException:
        db.close()
        raise
