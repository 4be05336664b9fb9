"""News feeds: RSS/Atom subscriptions per press agency, fetched when online, proposing articles.

Fetching is split in two so the network never holds the database: :meth:`FeedService.download`
does the HTTP request (conditional, with the ETag / Last-Modified of the last full answer) and
touches no table; :meth:`FeedService.record` parses the answer with feedparser, keeps the items
that match a policy topic's keywords (accent-insensitive), drops those already known (same URL,
or same folded headline), and stores the rest as proposals for a person to accept or dismiss.

A feed that cannot be reached or read is skipped quietly: the error is kept on the subscription
(shown in the feed list) and the next try waits longer each time (15 min, 30 min ... 6 h).
"""

from __future__ import annotations

import builtins
import calendar
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import __version__
from app.errors import FieldProblem, NotFound, ValidationError
from app.i18n import Message
from app.models import CoverageItem, FeedProposal, FeedSubscription, PolicyTopic, PressAgency, utcnow
from app.models import enums as e
from app.services.context import ServiceContext
from app.services.fields import URL
from app.services.labels import field_label
from app.services.media import AgencyService, split_list
from app.services.monitoring import CoverageService, CoverageTopicService
from app.services.rows import to_row
from app.services.sentiment import suggest_sentiment
from app.text import fold

if TYPE_CHECKING:  # loaded on first use: both are slow to import and start-up needs neither
    import httpx

CHECK_INTERVAL = timedelta(minutes=30)
FIRST_RETRY = timedelta(minutes=15)
LONGEST_RETRY = timedelta(hours=6)
TIMEOUT_SECONDS = 20.0
MAX_FEED_BYTES = 5_000_000
DUPLICATE_WINDOW = timedelta(days=30)
# A date more than a day in the future is a wrong date: the time it was found is used instead.
FUTURE_TOLERANCE = timedelta(days=1)
USER_AGENT = f"CommDesk/{__version__} (feed reader)"
TRACKING_PARAMETERS = re.compile(r"^(utm_\w+|fbclid|gclid|zarsrc|zarsrc\w*)$", re.IGNORECASE)
TAGS = re.compile(r"<[^>]+>")
SPACES = re.compile(r"\s+")
NOT_WORD = re.compile(r"[^0-9a-z]+")

TABLES = frozenset({"feed_subscription", "feed_proposal"})


@dataclass(frozen=True)
class FeedRow:
    id: str
    url: str
    agency_id: str | None
    agency_name: str
    title: str
    active: bool
    last_checked_at: datetime | None
    last_success_at: datetime | None
    last_error: str
    failures: int
    next_check_at: datetime | None
    items_seen: int
    waiting: int  # proposals not yet decided


@dataclass(frozen=True)
class ProposalRow:
    id: str
    feed_id: str
    url: str
    headline: str
    summary: str
    author: str
    published_at: datetime | None
    agency_id: str | None
    agency_name: str
    topic_ids: tuple[str, ...]
    topic_names: tuple[str, ...]
    sentiment: str
    sentiment_confidence: float | None
    status: str
    found_at: datetime
    coverage_id: str | None


@dataclass(frozen=True)
class Download:
    """What one HTTP request for a feed brought back (or why it failed)."""

    feed_id: str
    status_code: int | None
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    error: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status_code == 304


@dataclass(frozen=True)
class FetchOutcome:
    feed_id: str
    url: str
    state: str  # "updated", "not_modified" or "failed"
    proposed: tuple[ProposalRow, ...] = ()
    items: int = 0
    error: str = ""


def normalise_url(url: str) -> str:
    """The URL with tracking parameters, the fragment and a trailing slash removed."""
    parts = urlsplit(url.strip())
    if not parts.scheme:
        return url.strip()
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not TRACKING_PARAMETERS.match(k)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def folded_title(headline: str) -> str:
    """The headline without marks, case or punctuation: the key for duplicate headlines."""
    return NOT_WORD.sub(" ", fold(headline)).strip()


def plain_text(value: str) -> str:
    return SPACES.sub(" ", html.unescape(TAGS.sub(" ", value or ""))).strip()


def topic_keywords(keywords: str) -> list[str]:
    """Folded keyword phrases of a topic (separated by commas, semicolons or new lines)."""
    found = []
    for phrase in split_list(keywords):
        folded = folded_title(phrase)
        if folded:
            found.append(folded)
    return found


def match_topics(text: str, topics: Sequence[tuple[str, list[str]]]) -> list[str]:
    """Ids of the topics one of whose keywords appears in ``text`` as whole words, marks ignored."""
    haystack = f" {folded_title(text)} "
    return [topic_id for topic_id, keywords in topics if any(f" {k} " in haystack for k in keywords)]


def retry_delay(failures: int) -> timedelta:
    return min(LONGEST_RETRY, FIRST_RETRY * (2 ** min(10, max(0, failures - 1))))


class FeedService:
    def __init__(
        self,
        ctx: ServiceContext,
        coverage: CoverageService,
        coverage_topics: CoverageTopicService,
        agencies: AgencyService,
    ) -> None:
        self.ctx = ctx
        self.coverage = coverage
        self.coverage_topics = coverage_topics
        self.agencies = agencies

    # ----- subscriptions ---------------------------------------------------------------------

    def add(self, url: str, agency_id: str | None = None) -> FeedRow:
        """Subscribe to a feed; with an agency, the URL is also kept on the agency (shared)."""
        url = (url or "").strip()
        if not URL.match(url):
            raise ValidationError(
                [
                    FieldProblem(
                        "url",
                        field_label("url"),
                        Message(
                            f"'{url}' không phải địa chỉ web hợp lệ (http/https)",
                            f"'{url}' is not a valid web address (http/https)",
                        ),
                    )
                ]
            )
        with self.ctx.db.session() as session, session.begin():
            if agency_id:
                agency = session.get(PressAgency, agency_id)
                if agency is None or agency.deleted_at is not None:
                    raise NotFound(
                        Message("Không tìm thấy cơ quan báo chí.", "The press agency was not found.")
                    )
                urls = split_list(agency.feed_urls)
                if url not in urls:
                    self.agencies.update_in(session, agency_id, {"feed_urls": [*urls, url]})
            existing = session.scalar(select(FeedSubscription).where(FeedSubscription.url == url))
            if existing is None:
                existing = FeedSubscription(url=url, agency_id=agency_id)
                session.add(existing)
            else:
                existing.active = True
                existing.agency_id = agency_id or existing.agency_id
            session.flush()
            feed_id = existing.id
        self.ctx.bus.publish({"feed_subscription", "press_agency"} if agency_id else {"feed_subscription"})
        return self.get(feed_id)

    def subscribe_agency_feeds(self) -> int:
        """Subscribe to every feed URL recorded on a press agency; returns how many were new."""
        added = 0
        with self.ctx.db.session() as session, session.begin():
            known = set(session.scalars(select(FeedSubscription.url)))
            for agency_id, urls in session.execute(
                select(PressAgency.id, PressAgency.feed_urls).where(
                    PressAgency.deleted_at.is_(None), PressAgency.feed_urls != ""
                )
            ):
                for url in split_list(urls):
                    if url not in known and URL.match(url):
                        session.add(FeedSubscription(url=url, agency_id=agency_id))
                        known.add(url)
                        added += 1
        if added:
            self.ctx.bus.publish({"feed_subscription"})
        return added

    def remove(self, feed_id: str) -> None:
        """Stop following a feed here; its undecided proposals go with it."""
        with self.ctx.db.session() as session, session.begin():
            feed = session.get(FeedSubscription, feed_id)
            if feed is None:
                return
            for proposal in session.scalars(
                select(FeedProposal).where(
                    FeedProposal.feed_id == feed_id, FeedProposal.status == e.ProposalStatus.PROPOSED.value
                )
            ):
                session.delete(proposal)
            feed.active = False
        self.ctx.bus.publish(TABLES)

    def get(self, feed_id: str) -> FeedRow:
        rows = [r for r in self.list(include_inactive=True) if r.id == feed_id]
        if not rows:
            raise NotFound(Message("Không tìm thấy nguồn tin.", "The feed was not found."))
        return rows[0]

    def list(self, include_inactive: bool = False) -> builtins.list[FeedRow]:
        waiting = (
            select(FeedProposal.feed_id, func.count().label("n"))
            .where(FeedProposal.status == e.ProposalStatus.PROPOSED.value)
            .group_by(FeedProposal.feed_id)
            .subquery()
        )
        query = (
            select(FeedSubscription, PressAgency.name, waiting.c.n)
            .outerjoin(PressAgency, PressAgency.id == FeedSubscription.agency_id)
            .outerjoin(waiting, waiting.c.feed_id == FeedSubscription.id)
            .order_by(PressAgency.name_key, FeedSubscription.url)
        )
        if not include_inactive:
            query = query.where(FeedSubscription.active.is_(True))
        with self.ctx.db.session() as session:
            return [
                FeedRow(
                    id=feed.id,
                    url=feed.url,
                    agency_id=feed.agency_id,
                    agency_name=agency or "",
                    title=feed.title,
                    active=feed.active,
                    last_checked_at=feed.last_checked_at,
                    last_success_at=feed.last_success_at,
                    last_error=feed.last_error,
                    failures=feed.failures,
                    next_check_at=feed.next_check_at,
                    items_seen=feed.items_seen,
                    waiting=int(n or 0),
                )
                for feed, agency, n in session.execute(query)
            ]

    def due(self, now: datetime | None = None) -> builtins.list[FeedRow]:
        """Active feeds whose next check has come (never checked, or waited long enough)."""
        now = now or utcnow()
        return [f for f in self.list() if f.next_check_at is None or f.next_check_at <= now]

    # ----- fetching ------------------------------------------------------------------------------

    @staticmethod
    def client() -> httpx.Client:
        import httpx

        return httpx.Client(
            timeout=TIMEOUT_SECONDS, follow_redirects=True, headers={"User-Agent": USER_AGENT}
        )

    def download(
        self, feed: FeedRow, client: httpx.Client, etag: str = "", last_modified: str = ""
    ) -> Download:
        """One conditional GET; never raises for network trouble (it is reported instead)."""
        import httpx

        headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            with client.stream("GET", feed.url, headers=headers) as response:
                if response.status_code == 304:
                    return Download(feed.id, 304, headers=dict(response.headers))
                if response.status_code >= 400:
                    return Download(
                        feed.id,
                        response.status_code,
                        error=str(
                            Message(
                                f"Máy chủ trả lời lỗi HTTP {response.status_code}",
                                f"The server answered HTTP {response.status_code}",
                            )
                        ),
                    )
                chunks = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > MAX_FEED_BYTES:
                        return Download(
                            feed.id,
                            response.status_code,
                            error=str(
                                Message("Nguồn tin quá lớn (trên 5 MB)", "The feed is too large (over 5 MB)")
                            ),
                        )
                    chunks.append(chunk)
                return Download(feed.id, response.status_code, b"".join(chunks), dict(response.headers))
        except httpx.TimeoutException:
            reason = Message("Hết thời gian chờ máy chủ", "The server did not answer in time")
        except httpx.ConnectError as exc:
            reason = Message(f"Không kết nối được ({exc})", f"Could not connect ({exc})")
        except (httpx.HTTPError, OSError) as exc:
            reason = Message(f"Lỗi mạng: {exc}", f"Network error: {exc}")
        return Download(feed.id, None, error=str(reason))

    def validators(self, feed_id: str) -> tuple[str, str]:
        with self.ctx.db.session() as session:
            feed = session.get(FeedSubscription, feed_id)
            return (feed.etag, feed.last_modified) if feed is not None else ("", "")

    def record(self, download: Download, now: datetime | None = None) -> FetchOutcome:
        """Store what a download brought: new proposals, validators, or the error and a retry."""
        now = now or utcnow()
        parsed = None
        error = download.error
        if not error and not download.not_modified:
            import feedparser

            parsed = feedparser.parse(download.content, response_headers=_lower_keys(download.headers))
            if parsed.bozo and not parsed.entries:
                reason = getattr(parsed, "bozo_exception", "")
                error = str(
                    Message(
                        f"Nội dung không phải RSS/Atom hợp lệ ({reason})",
                        f"The content is not valid RSS/Atom ({reason})",
                    )
                )
        with self.ctx.db.session() as session, session.begin():
            feed = session.get(FeedSubscription, download.feed_id)
            if feed is None:
                raise NotFound(Message("Không tìm thấy nguồn tin.", "The feed was not found."))
            feed.last_checked_at = now
            if error:
                feed.failures += 1
                feed.last_error = error[:2000]
                feed.next_check_at = now + retry_delay(feed.failures)
                return FetchOutcome(feed.id, feed.url, "failed", error=feed.last_error)
            feed.failures = 0
            feed.last_error = ""
            feed.last_success_at = now
            feed.next_check_at = now + CHECK_INTERVAL
            if download.not_modified or parsed is None:
                return FetchOutcome(feed.id, feed.url, "not_modified")
            headers = _lower_keys(download.headers)
            feed.etag = headers.get("etag", "")[:300]
            feed.last_modified = headers.get("last-modified", "")[:100]
            title = plain_text(parsed.feed.get("title", ""))
            if title:
                feed.title = title[:300]
            feed.items_seen += len(parsed.entries)
            proposed = self._propose(session, feed, parsed.entries, now)
            result = FetchOutcome(feed.id, feed.url, "updated", tuple(proposed), len(parsed.entries))
        self.ctx.bus.publish(TABLES)
        return result

    def fetch(
        self, feeds: Sequence[FeedRow] | None = None, client: httpx.Client | None = None
    ) -> builtins.list[FetchOutcome]:
        """Fetch feeds one after the other (the command line; the app uses download + record)."""
        feeds = self.list() if feeds is None else feeds
        own = client is None
        client = client or self.client()
        try:
            outcomes = []
            for feed in feeds:
                etag, last_modified = self.validators(feed.id)
                outcomes.append(self.record(self.download(feed, client, etag, last_modified)))
            return outcomes
        finally:
            if own:
                client.close()

    def _propose(
        self, session: Session, feed: FeedSubscription, entries: Sequence[Any], now: datetime
    ) -> builtins.list[ProposalRow]:
        topics = [
            (topic_id, topic_keywords(keywords))
            for topic_id, keywords in session.execute(
                select(PolicyTopic.id, PolicyTopic.keywords).where(
                    PolicyTopic.deleted_at.is_(None), PolicyTopic.keywords != ""
                )
            )
        ]
        topics = [(topic_id, words) for topic_id, words in topics if words]
        proposed: list[FeedProposal] = []
        seen_urls: set[str] = set()
        seen_titles: set[str] = set()
        for entry in entries:
            headline = plain_text(entry.get("title", ""))
            summary = plain_text(entry.get("summary", "") or entry.get("description", ""))
            if not headline:
                if not summary:
                    continue
                headline = summary[:200]
            headline = headline[:500]
            matched = match_topics(f"{headline} {summary}", topics)
            if not matched:
                continue
            link = entry.get("link", "") or ""
            url = normalise_url(link) if URL.match(link.strip()) else ""
            title_key = folded_title(headline)[:500]
            published = _entry_time(entry, now)
            if (url and url in seen_urls) or title_key in seen_titles:
                continue
            if self._known(session, url, title_key, published or now):
                continue
            seen_urls.add(url)
            seen_titles.add(title_key)
            suggestion = suggest_sentiment(headline, summary)
            proposal = FeedProposal(
                feed_id=feed.id,
                url=url[:1000],
                folded_title=title_key,
                headline=headline,
                summary=summary[:20000],
                author=plain_text(entry.get("author", ""))[:200],
                published_at=published,
                agency_id=feed.agency_id,
                topic_ids=",".join(matched),
                sentiment=suggestion.sentiment,
                sentiment_confidence=suggestion.confidence,
                found_at=now,
            )
            session.add(proposal)
            proposed.append(proposal)
        session.flush()
        return self._rows(session, proposed)

    def _known(self, session: Session, url: str, title_key: str, when: datetime) -> bool:
        """Already proposed or already in the coverage log, by URL or by folded headline."""
        if url:
            if session.scalar(select(FeedProposal.id).where(FeedProposal.url == url).limit(1)):
                return True
            if session.scalar(
                select(CoverageItem.id)
                .where(CoverageItem.url == url, CoverageItem.deleted_at.is_(None))
                .limit(1)
            ):
                return True
        if session.scalar(select(FeedProposal.id).where(FeedProposal.folded_title == title_key).limit(1)):
            return True
        # The log has no folded-headline column: compare within a month of the article.
        nearby = session.scalars(
            select(CoverageItem.headline).where(
                CoverageItem.deleted_at.is_(None),
                CoverageItem.published_at >= when - DUPLICATE_WINDOW,
                CoverageItem.published_at <= when + DUPLICATE_WINDOW,
            )
        )
        return any(folded_title(h) == title_key for h in nearby)

    # ----- proposals -----------------------------------------------------------------------------

    def proposals(
        self, status: str = e.ProposalStatus.PROPOSED.value, limit: int | None = None, offset: int = 0
    ) -> builtins.list[ProposalRow]:
        query = (
            select(FeedProposal)
            .where(FeedProposal.status == status)
            .order_by(func.coalesce(FeedProposal.published_at, FeedProposal.found_at).desc(), FeedProposal.id)
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        with self.ctx.db.session() as session:
            return self._rows(session, list(session.scalars(query)))

    def proposal_count(self, status: str = e.ProposalStatus.PROPOSED.value) -> int:
        with self.ctx.db.session() as session:
            return int(
                session.scalar(
                    select(func.count()).select_from(FeedProposal).where(FeedProposal.status == status)
                )
                or 0
            )

    def accept(self, proposal_id: str, overrides: dict[str, Any] | None = None) -> Any:
        """Put a proposed article in the coverage log (with its topics); returns the new item."""
        with self.ctx.db.session() as session, session.begin():
            proposal = session.get(FeedProposal, proposal_id)
            if proposal is None or proposal.status != e.ProposalStatus.PROPOSED.value:
                raise NotFound(
                    Message("Bài đề xuất không còn chờ duyệt.", "The proposed article is no longer waiting.")
                )
            values: dict[str, Any] = {
                "headline": proposal.headline,
                "summary": proposal.summary,
                "url": proposal.url,
                "published_at": proposal.published_at or proposal.found_at,
                "author": proposal.author,
                "agency_id": proposal.agency_id
                if proposal.agency_id and session.get(PressAgency, proposal.agency_id) is not None
                else None,
                "medium": e.MediaType.ONLINE.value,
            }
            values.update(overrides or {})
            item = self.coverage.create_in(session, values)
            topic_ids = [
                t for t in proposal.topic_ids.split(",") if t and session.get(PolicyTopic, t) is not None
            ]
            for topic_id in topic_ids:
                self.coverage_topics.link_in(session, item.id, topic_id)
            proposal.status = e.ProposalStatus.ACCEPTED.value
            proposal.decided_at = utcnow()
            proposal.coverage_id = item.id
            session.flush()
            result = to_row(item)
        self.ctx.bus.publish({"coverage_item", "coverage_topic", "feed_proposal", "feed_subscription"})
        return result

    def dismiss(self, proposal_ids: Sequence[str]) -> int:
        with self.ctx.db.session() as session, session.begin():
            changed = 0
            for proposal in session.scalars(
                select(FeedProposal).where(
                    FeedProposal.id.in_(list(proposal_ids)),
                    FeedProposal.status == e.ProposalStatus.PROPOSED.value,
                )
            ):
                proposal.status = e.ProposalStatus.DISMISSED.value
                proposal.decided_at = utcnow()
                changed += 1
        if changed:
            self.ctx.bus.publish(TABLES)
        return changed

    def _rows(self, session: Session, proposals: Sequence[FeedProposal]) -> builtins.list[ProposalRow]:
        topic_ids = {t for p in proposals for t in p.topic_ids.split(",") if t}
        agency_ids = {p.agency_id for p in proposals if p.agency_id}
        topic_names = dict(
            session.execute(
                select(PolicyTopic.id, PolicyTopic.name).where(PolicyTopic.id.in_(topic_ids))
            ).all()
        )
        agency_names = dict(
            session.execute(
                select(PressAgency.id, PressAgency.name).where(PressAgency.id.in_(agency_ids))
            ).all()
        )
        rows = []
        for p in proposals:
            ids = tuple(t for t in p.topic_ids.split(",") if t)
            rows.append(
                ProposalRow(
                    id=p.id,
                    feed_id=p.feed_id,
                    url=p.url,
                    headline=p.headline,
                    summary=p.summary,
                    author=p.author,
                    published_at=p.published_at,
                    agency_id=p.agency_id,
                    agency_name=agency_names.get(p.agency_id, "") if p.agency_id else "",
                    topic_ids=ids,
                    topic_names=tuple(topic_names.get(t, "") for t in ids),
                    sentiment=p.sentiment,
                    sentiment_confidence=p.sentiment_confidence,
                    status=p.status,
                    found_at=p.found_at,
                    coverage_id=p.coverage_id,
                )
            )
        return rows


def _lower_keys(headers: dict[str, str]) -> dict[str, str]:
    return {k.lower(): v for k, v in headers.items()}


def _entry_time(entry: Any, now: datetime) -> datetime | None:
    """The entry's publication time, or None when it is missing or plainly wrong."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                when = datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
            except (OverflowError, ValueError, TypeError):
                continue
            if when > now + FUTURE_TOLERANCE or when.year < 1990:
                return None
            return when
    return None
