"""Stable codes stored in the database. Labels for people live in ``app.services.labels``."""

from enum import StrEnum


class PeriodRule(StrEnum):
    CALENDAR_QUARTER = "calendar_quarter"
    CUTOFF_15TH = "cutoff_15th"


class UnitKind(StrEnum):
    DEPARTMENT = "department"
    BOARD = "board"
    SECTOR = "sector"
    DISTRICT = "district"
    COMMUNE = "commune"
    WARD = "ward"
    OTHER = "other"


class TopicKind(StrEnum):
    DRAFT_POLICY = "draft_policy"
    IN_FORCE = "in_force"


class TopicStage(StrEnum):
    PROPOSAL = "proposal"
    DRAFTING_CONSULTATION = "drafting_consultation"
    ISSUED = "issued"
    IMPLEMENTATION = "implementation"
    EVALUATION = "evaluation"


class ActivityType(StrEnum):
    PRESS_CONFERENCE_REGULAR = "press_conference_regular"
    PRESS_CONFERENCE_THEMATIC = "press_conference_thematic"
    PRESS_CONFERENCE_ADHOC = "press_conference_adhoc"
    PRESS_RELEASE = "press_release"
    INTERVIEW = "interview"
    DIALOGUE = "dialogue"
    TALK_SHOW = "talk_show"
    PORTAL_POST = "portal_post"
    SOCIAL_POST = "social_post"
    PRESS_BRIEFING = "press_briefing"
    WRITTEN_REPLY = "written_reply"
    CORRECTION_REQUEST = "correction_request"
    EMERGENCY_STATEMENT = "emergency_statement"
    POLICY_CONSULTATION = "policy_consultation"
    TRAINING = "training"
    OTHER = "other"


PRESS_CONFERENCE_TYPES = frozenset(
    {
        ActivityType.PRESS_CONFERENCE_REGULAR,
        ActivityType.PRESS_CONFERENCE_THEMATIC,
        ActivityType.PRESS_CONFERENCE_ADHOC,
    }
)


class ActivityNature(StrEnum):
    REGULAR = "regular"
    AD_HOC = "ad_hoc"


class ActivityStatus(StrEnum):
    PLANNED = "planned"
    APPROVED = "approved"
    PREPARING = "preparing"
    DONE = "done"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class ActivityMode(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"


class Attendance(StrEnum):
    INVITED = "invited"
    CONFIRMED = "confirmed"
    DECLINED = "declined"
    ATTENDED = "attended"
    ABSENT = "absent"


class MediaType(StrEnum):
    PRINT = "print"
    ONLINE = "online"
    RADIO = "radio"
    TV = "tv"


class AgencyKind(StrEnum):
    NEWSPAPER = "newspaper"
    MAGAZINE = "magazine"
    BROADCASTER = "broadcaster"
    NEWS_AGENCY = "news_agency"
    MULTIMEDIA_FLAGSHIP = "multimedia_flagship"


class HolidayOverrideKind(StrEnum):
    """A change to the public-holiday schedule announced by the government for one day."""

    DAY_OFF = "day_off"  # declared a day off (e.g. an extra Tết day or a compensating day off)
    WORKDAY = "workday"  # declared a working day (e.g. a Saturday worked in exchange)


class AgencyLevel(StrEnum):
    CENTRAL = "central"
    LOCAL = "local"


class InteractionKind(StrEnum):
    INVITATION = "invitation"
    PITCH = "pitch"
    INTERVIEW = "interview"
    QUESTION_RECEIVED = "question_received"
    REPLY_SENT = "reply_sent"
    CORRECTION_REQUEST = "correction_request"
    PRESS_RELEASE_SENT = "press_release_sent"
    DELIVERY_FAILED = "delivery_failed"


class StaffRole(StrEnum):
    HEAD = "head"
    SPOKESPERSON = "spokesperson"
    AUTHORISED_SPEAKER = "authorised_speaker"
    DEDICATED = "dedicated"
    PART_TIME = "part_time"
    COLLABORATOR = "collaborator"


class FundingSource(StrEnum):
    STATE_BUDGET_PROVINCIAL = "state_budget_provincial"
    STATE_BUDGET_CENTRAL = "state_budget_central"
    PROGRAMME = "programme"
    SPONSORSHIP = "sponsorship"
    OTHER = "other"


class TaskCategory(StrEnum):
    PRESS_CONFERENCES = "press_conferences"
    MEDIA_COMMISSIONING = "media_commissioning"
    TRAINING = "training"
    MONITORING = "monitoring"
    PUBLICATIONS = "publications"
    EQUIPMENT = "equipment"
    OTHER = "other"


class Sentiment(StrEnum):
    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


class SentimentSource(StrEnum):
    MANUAL = "manual"
    AUTOMATIC = "automatic"


class HandlingStatus(StrEnum):
    NONE = "none"
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    ANSWERED = "answered"
    CLOSED = "closed"


class ProposalStatus(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    DISMISSED = "dismissed"


class ReportKind(StrEnum):
    QUARTERLY = "quarterly"
    ANNUAL_SPOKESPERSON = "annual_spokesperson"


class ReportStatus(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"


class OutboxOp(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


class MailStatus(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"  # handed to the server; left so after a crash, never re-sent blindly
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"  # e.g. the recipient became do-not-contact before it left
