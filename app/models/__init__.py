"""The SQLAlchemy models: every synced entity of DESIGN.md §2 and the local-only tables."""

from app.models.base import Base, Synced, new_id, utcnow
from app.models.budget import BudgetAdjustment, BudgetAllocation, Expense
from app.models.calendar import Activity, ActivityInvitee, ActivityTopic, HolidayOverride
from app.models.feeds import FeedProposal, FeedSubscription
from app.models.local import AuditEntry, DeadLetter, OutboxEntry, Setting, SyncConflict, SyncState
from app.models.mail import OutgoingMail
from app.models.media import DistributionList, DistributionListMember, Interaction, Journalist, PressAgency
from app.models.monitoring import CoverageItem, CoverageTopic
from app.models.organisation import Office, PolicyTopic, StaffMember, TrainingRecord, Unit
from app.models.reports import Report
from app.models.sort_keys import listen as _listen_for_sort_keys

# Synced entities by table name, in an order where every row's references come earlier.
SYNCED_MODELS: dict[str, type[Synced]] = {
    model.__tablename__: model  # type: ignore[attr-defined]
    for model in (
        Office,
        HolidayOverride,
        Unit,
        PolicyTopic,
        StaffMember,
        TrainingRecord,
        PressAgency,
        Journalist,
        Activity,
        ActivityTopic,
        ActivityInvitee,
        Interaction,
        DistributionList,
        DistributionListMember,
        BudgetAllocation,
        BudgetAdjustment,
        Expense,
        CoverageItem,
        CoverageTopic,
        Report,
    )
}
_listen_for_sort_keys(SYNCED_MODELS.values())

__all__ = [
    "SYNCED_MODELS",
    "Activity",
    "ActivityInvitee",
    "ActivityTopic",
    "AuditEntry",
    "Base",
    "BudgetAdjustment",
    "BudgetAllocation",
    "CoverageItem",
    "CoverageTopic",
    "DeadLetter",
    "DistributionList",
    "DistributionListMember",
    "Expense",
    "FeedProposal",
    "FeedSubscription",
    "HolidayOverride",
    "Interaction",
    "Journalist",
    "Office",
    "OutboxEntry",
    "OutgoingMail",
    "PolicyTopic",
    "PressAgency",
    "Report",
    "Setting",
    "StaffMember",
    "Synced",
    "SyncConflict",
    "SyncState",
    "TrainingRecord",
    "Unit",
    "new_id",
    "utcnow",
]
