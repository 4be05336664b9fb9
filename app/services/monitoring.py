"""Services for press coverage: the coverage log, its filters, bulk changes and the reply workflow."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from app.errors import FieldProblem
from app.i18n import Message
from app.models import Activity, CoverageItem, CoverageTopic, Journalist, PolicyTopic, PressAgency, Synced
from app.models import enums as e
from app.services.entity import EntityService
from app.services.fields import (
    BOOL,
    DATE,
    DATETIME,
    ENUM,
    FLOAT,
    INT,
    LOCAL_TZ,
    REF,
    TEXT,
    URL_KIND,
    Field,
    is_empty,
)
from app.services.labels import field_label
from app.services.rows import to_row
from app.services.sentiment import Suggestion, suggest_sentiment

# An article that needs an answer is answered within 30 days of its publication, like a press
# question (Press Law 2016, Art. 39).
REPLY_DAYS = 30
OPEN_STATUSES = (e.HandlingStatus.OPEN.value, e.HandlingStatus.IN_PROGRESS.value)
DONE_STATUSES = (e.HandlingStatus.ANSWERED.value, e.HandlingStatus.CLOSED.value)
# Filters beyond plain column equality, understood by CoverageService.conditions.
NAMED_FILTERS = ("topic_id", "published_from", "published_to", "overdue", "open_action")


def local_today() -> date:
    return datetime.now(LOCAL_TZ).date()


def reply_deadline_for(published_at: datetime | None) -> date:
    """The day an answer to an article is due: 30 days after it appeared (Vietnam time)."""
    day = published_at.astimezone(LOCAL_TZ).date() if published_at is not None else local_today()
    return day + timedelta(days=REPLY_DAYS)


def local_day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=LOCAL_TZ)


@dataclass(frozen=True)
class CoverageLinks:
    """Names of what an article is linked to, for lists and forms."""

    agency: str
    journalist: str
    activity: str
    topics: tuple[tuple[str, str], ...]  # (topic id, name)


@dataclass(frozen=True)
class OverdueReply:
    id: str
    headline: str
    agency: str
    published_at: datetime
    reply_deadline: date
    days_late: int
    handling_status: str


class CoverageService(EntityService):
    model = CoverageItem
    fields = {
        "headline": Field(TEXT, required=True),
        "summary": Field(TEXT, max_len=20000),
        "agency_id": Field(REF, ref="press_agency"),
        "journalist_id": Field(REF, ref="journalist"),
        "medium": Field(ENUM, enum=e.MediaType, required=True),
        "url": Field(URL_KIND),
        "published_at": Field(DATETIME, required=True),
        "author": Field(TEXT),
        "sentiment": Field(ENUM, enum=e.Sentiment, required=True),
        "sentiment_source": Field(ENUM, enum=e.SentimentSource, required=True),
        "sentiment_confidence": Field(FLOAT, minimum=0, maximum=1),
        "reach": Field(INT, minimum=0),
        "needs_action": Field(BOOL),
        "handling_status": Field(ENUM, enum=e.HandlingStatus, required=True),
        "reply_deadline": Field(DATE),
        "activity_id": Field(REF, ref="activity"),
    }
    default_order = "published_at"

    # ----- tone: suggested unless a person said otherwise ------------------------------------

    @staticmethod
    def suggest(headline: str, summary: str = "") -> Suggestion:
        return suggest_sentiment(headline, summary)

    def _with_tone(self, values: dict[str, Any], current: Synced | None) -> dict[str, Any]:
        values = dict(values)
        if not is_empty(values.get("sentiment")):
            # A tone given without its source was chosen by a person: it is manual from now on.
            if is_empty(values.get("sentiment_source")):
                values["sentiment_source"] = e.SentimentSource.MANUAL.value
            if values["sentiment_source"] == e.SentimentSource.MANUAL.value:
                values["sentiment_confidence"] = None
            return values
        manual = current is not None and current.sentiment_source == e.SentimentSource.MANUAL.value  # type: ignore[attr-defined]
        text_changed = "headline" in values or "summary" in values
        if manual or (current is not None and not text_changed):
            return values
        headline = values.get("headline", getattr(current, "headline", "")) or ""
        summary = values.get("summary", getattr(current, "summary", "")) or ""
        if not isinstance(headline, str) or not isinstance(summary, str) or not headline.strip():
            return values  # validation will name the problem
        suggestion = self.suggest(headline, summary)
        values["sentiment"] = suggestion.sentiment
        values["sentiment_source"] = e.SentimentSource.AUTOMATIC.value
        values["sentiment_confidence"] = suggestion.confidence
        return values

    def _with_workflow(self, values: dict[str, Any], current: Synced | None) -> dict[str, Any]:
        """Flagging an article as needing action opens it and sets its 30-day reply deadline."""
        values = dict(values)
        needs_action = values.get("needs_action", getattr(current, "needs_action", False))
        if needs_action is True or needs_action in ("true", "1", "có", 1):
            status = values.get("handling_status", getattr(current, "handling_status", None))
            if is_empty(status) or status == e.HandlingStatus.NONE.value:
                values["handling_status"] = e.HandlingStatus.OPEN.value
            deadline = values.get("reply_deadline", getattr(current, "reply_deadline", None))
            if is_empty(deadline):
                published = values.get("published_at", getattr(current, "published_at", None))
                if isinstance(published, datetime):
                    values["reply_deadline"] = reply_deadline_for(published)
                elif isinstance(published, str) and published.strip():
                    try:
                        parsed = datetime.fromisoformat(published.strip())
                    except ValueError:
                        return values
                    aware = parsed if parsed.tzinfo else parsed.replace(tzinfo=LOCAL_TZ)
                    values["reply_deadline"] = reply_deadline_for(aware)
        elif current is None and is_empty(values.get("handling_status")):
            values["handling_status"] = e.HandlingStatus.NONE.value
        return values

    def create_in(self, session: Session, values: dict[str, Any]) -> Synced:
        values = self._with_workflow(self._with_tone(values, None), None)
        values.setdefault("medium", e.MediaType.ONLINE.value)
        return super().create_in(session, values)

    def update_in(
        self, session: Session, row_id: str, values: dict[str, Any], action: str | None = None
    ) -> Synced:
        current = self._load(session, row_id)
        values = self._with_workflow(self._with_tone(values, current), current)
        return super().update_in(session, row_id, values, action)

    def check(self, session: Session, merged: dict[str, Any], current: Synced | None) -> list[FieldProblem]:
        problems = []
        if merged.get("sentiment_source") == e.SentimentSource.AUTOMATIC.value and merged.get(
            "sentiment_confidence"
        ) in (None, ""):
            problems.append(
                FieldProblem(
                    "sentiment_confidence",
                    field_label("sentiment_confidence"),
                    Message(
                        "cần có khi sắc thái do máy gợi ý",
                        "is needed when the tone was suggested automatically",
                    ),
                )
            )
        return problems

    def set_sentiment(self, ids: Sequence[str], sentiment: str) -> int:
        """A person's tone for several articles at once; returns how many changed."""
        return self._bulk(ids, {"sentiment": sentiment, "sentiment_source": e.SentimentSource.MANUAL.value})

    def rescore(self, ids: Sequence[str] | None = None) -> int:
        """Suggest the tone again (after a lexicon update); manual labels are left as they are."""
        with self.ctx.db.session() as session, session.begin():
            query = select(CoverageItem).where(
                CoverageItem.deleted_at.is_(None),
                CoverageItem.sentiment_source == e.SentimentSource.AUTOMATIC.value,
            )
            if ids is not None:
                query = query.where(CoverageItem.id.in_(list(ids)))
            changed = 0
            for row in session.scalars(query):
                suggestion = self.suggest(row.headline, row.summary or "")
                if (row.sentiment, row.sentiment_confidence) != (suggestion.sentiment, suggestion.confidence):
                    super().update_in(
                        session,
                        row.id,
                        {
                            "sentiment": suggestion.sentiment,
                            "sentiment_source": e.SentimentSource.AUTOMATIC.value,
                            "sentiment_confidence": suggestion.confidence,
                        },
                        "rescore",
                    )
                    changed += 1
        if changed:
            self.ctx.bus.publish({self.table})
        return changed

    def _bulk(self, ids: Sequence[str], values: dict[str, Any]) -> int:
        changed = 0
        with self.ctx.db.session() as session, session.begin():
            for row_id in dict.fromkeys(ids):
                before = session.get(CoverageItem, row_id)
                stamp = before.updated_hlc if before is not None else None
                row = self.update_in(session, row_id, values, "bulk")
                changed += row.updated_hlc != stamp
        if changed:
            self.ctx.bus.publish({self.table})
        return changed

    # ----- the reply workflow -----------------------------------------------------------------

    def flag_for_action(self, row_id: str, deadline: date | None = None) -> Any:
        values: dict[str, Any] = {"needs_action": True}
        if deadline is not None:
            values["reply_deadline"] = deadline
        return self.update(row_id, values, "needs_action")

    def mark_answered(self, row_id: str, activity_id: str | None = None) -> Any:
        values: dict[str, Any] = {"handling_status": e.HandlingStatus.ANSWERED.value}
        if activity_id:
            values["activity_id"] = activity_id
        return self.update(row_id, values, "answered")

    def overdue(self, today: date | None = None) -> builtins.list[OverdueReply]:
        """Articles needing an answer whose deadline has passed, the longest overdue first."""
        today = today or local_today()
        query = (
            select(CoverageItem, PressAgency.name)
            .outerjoin(PressAgency, PressAgency.id == CoverageItem.agency_id)
            .where(*self.conditions({"overdue": today}), CoverageItem.deleted_at.is_(None))
            .order_by(CoverageItem.reply_deadline, CoverageItem.id)
        )
        with self.ctx.db.session() as session:
            return [
                OverdueReply(
                    id=row.id,
                    headline=row.headline,
                    agency=agency or "",
                    published_at=row.published_at,
                    reply_deadline=row.reply_deadline or today,
                    days_late=(today - (row.reply_deadline or today)).days,
                    handling_status=row.handling_status,
                )
                for row, agency in session.execute(query)
            ]

    def overdue_count(self, today: date | None = None) -> int:
        return self.count({"overdue": today or local_today()})

    # ----- filters ------------------------------------------------------------------------------

    def conditions(self, filters: dict[str, Any]) -> Iterable[ColumnElement[bool]]:
        """Column equality plus: topic_id, published_from / published_to (dates, Vietnam time,
        both included), overdue (a date: deadline before it, still open) and open_action."""
        plain = {k: v for k, v in filters.items() if k not in NAMED_FILTERS and v is not None}
        yield from super().conditions(plain)
        topic = filters.get("topic_id")
        if topic:
            topics = list(topic) if isinstance(topic, list | tuple | set | frozenset) else [topic]
            yield exists().where(
                CoverageTopic.coverage_id == CoverageItem.id,
                CoverageTopic.topic_id.in_(topics),
                CoverageTopic.deleted_at.is_(None),
            )
        start = filters.get("published_from")
        if start:
            yield CoverageItem.published_at >= local_day_start(_as_date(start))
        end = filters.get("published_to")
        if end:
            yield CoverageItem.published_at < local_day_start(_as_date(end) + timedelta(days=1))
        if filters.get("open_action"):
            yield and_(CoverageItem.needs_action.is_(True), CoverageItem.handling_status.in_(OPEN_STATUSES))
        overdue = filters.get("overdue")
        if overdue:
            today = overdue if isinstance(overdue, date) else local_today()
            yield and_(
                CoverageItem.needs_action.is_(True),
                CoverageItem.handling_status.not_in(DONE_STATUSES),
                CoverageItem.reply_deadline.is_not(None),
                CoverageItem.reply_deadline < today,
            )

    # ----- links --------------------------------------------------------------------------------

    def links(self, ids: Sequence[str]) -> dict[str, CoverageLinks]:
        """Agency, journalist, activity and topic names of several articles, in four queries."""
        result: dict[str, CoverageLinks] = {}
        with self.ctx.db.session() as session:
            for start in range(0, len(ids), 500):
                chunk = list(ids[start : start + 500])
                names = session.execute(
                    select(CoverageItem.id, PressAgency.name, Journalist.full_name, Activity.title)
                    .outerjoin(PressAgency, PressAgency.id == CoverageItem.agency_id)
                    .outerjoin(Journalist, Journalist.id == CoverageItem.journalist_id)
                    .outerjoin(Activity, Activity.id == CoverageItem.activity_id)
                    .where(CoverageItem.id.in_(chunk))
                ).all()
                topics: dict[str, list[tuple[str, str]]] = {}
                for coverage_id, topic_id, name in session.execute(
                    select(CoverageTopic.coverage_id, PolicyTopic.id, PolicyTopic.name)
                    .join(PolicyTopic, PolicyTopic.id == CoverageTopic.topic_id)
                    .where(CoverageTopic.coverage_id.in_(chunk), CoverageTopic.deleted_at.is_(None))
                    .order_by(func.vi_sort_key(PolicyTopic.name))
                ):
                    topics.setdefault(coverage_id, []).append((topic_id, name))
                for row_id, agency, journalist, activity in names:
                    result[row_id] = CoverageLinks(
                        agency or "", journalist or "", activity or "", tuple(topics.get(row_id, ()))
                    )
        return result

    def topic_ids(self, coverage_id: str) -> builtins.list[str]:
        with self.ctx.db.session() as session:
            return list(
                session.scalars(
                    select(CoverageTopic.topic_id).where(
                        CoverageTopic.coverage_id == coverage_id, CoverageTopic.deleted_at.is_(None)
                    )
                )
            )

    def save_with_topics(
        self,
        row_id: str | None,
        values: dict[str, Any],
        topic_ids: Sequence[str],
        topics: CoverageTopicService,
    ) -> Any:
        """Create or update an article and set its topics, in one transaction."""
        with self.ctx.db.session() as session, session.begin():
            if row_id is None:
                row = self.create_in(session, values)
            else:
                row = self.update_in(session, row_id, values)
            topics.replace_in(session, row.id, topic_ids)
            result = to_row(row)
        self.ctx.bus.publish({self.table, topics.table})
        return result

    def sentiment_counts(
        self, filters: dict[str, Any] | None = None, search: str | None = None
    ) -> dict[str, int]:
        """How many matching articles have each tone (for the log's summary line)."""
        query = (
            self.query(filters, search)
            .with_only_columns(CoverageItem.sentiment, func.count())
            .group_by(CoverageItem.sentiment)
            .order_by(None)
        )
        with self.ctx.db.session() as session:
            return {str(s): int(n) for s, n in session.execute(query)}


class CoverageTopicService(EntityService):
    model = CoverageTopic
    fields = {
        "coverage_id": Field(REF, ref="coverage_item", required=True),
        "topic_id": Field(REF, ref="policy_topic", required=True),
    }

    def add_topic(self, coverage_ids: Sequence[str], topic_id: str) -> int:
        """Put several articles under a topic (bulk action); returns how many were added."""
        added = 0
        with self.ctx.db.session() as session, session.begin():
            for coverage_id in dict.fromkeys(coverage_ids):
                added += self.link_in(session, coverage_id, topic_id)
        if added:
            self.ctx.bus.publish({self.table})
        return added

    def remove_topic(self, coverage_ids: Sequence[str], topic_id: str) -> int:
        removed = 0
        with self.ctx.db.session() as session, session.begin():
            for link in session.scalars(
                select(CoverageTopic).where(
                    CoverageTopic.coverage_id.in_(list(coverage_ids)),
                    CoverageTopic.topic_id == topic_id,
                    CoverageTopic.deleted_at.is_(None),
                )
            ):
                self.delete_in(session, link.id)
                removed += 1
        if removed:
            self.ctx.bus.publish({self.table})
        return removed

    def link_in(self, session: Session, coverage_id: str, topic_id: str) -> bool:
        existing = session.scalar(
            select(CoverageTopic).where(
                CoverageTopic.coverage_id == coverage_id, CoverageTopic.topic_id == topic_id
            )
        )
        if existing is None:
            self.create_in(session, {"coverage_id": coverage_id, "topic_id": topic_id})
            return True
        if existing.deleted_at is not None:
            # The pair is unique in the table: bring the removed link back instead of a new row.
            removed_at = existing.deleted_at
            existing.deleted_at = None
            self.ctx.record(
                session, existing, e.OutboxOp.UPDATE, {"deleted_at": (removed_at, None)}, "restore"
            )
            session.flush()
            return True
        return False

    def replace_in(self, session: Session, coverage_id: str, topic_ids: Sequence[str]) -> None:
        wanted = set(topic_ids)
        for link in session.scalars(
            select(CoverageTopic).where(
                CoverageTopic.coverage_id == coverage_id, CoverageTopic.deleted_at.is_(None)
            )
        ):
            if link.topic_id not in wanted:
                self.delete_in(session, link.id)
        for topic_id in topic_ids:
            self.link_in(session, coverage_id, topic_id)


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.astimezone(LOCAL_TZ).date() if value.tzinfo else value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
