"""Coverage trends and early warnings: counts by tone, spikes of negative coverage, a forecast.

Counts are SQL aggregates over the local day (Vietnam time, UTC+7 all year), so ten years of
coverage are summarised without loading a row into Python.

A day is a *spike* of negative coverage when, against the previous 14 days:
- its count is at least ``MIN_COUNT`` (a quiet topic going from 0 to 1 article is no news);
- a Poisson test says so: the exact conditional test of the day's rate against the baseline's
  rate (the day's share of day + baseline articles is binomial) gives p < ``ALPHA``;
- a robust z-score agrees: (count - median) / max(1.4826 * MAD, sqrt(mean * dispersion)) is at
  least ``Z_MIN``, where the dispersion (variance / mean of the baseline, at least 1) allows for
  news counts varying more than Poisson.
Requiring both keeps the Poisson test sensitive on quiet topics while the robust score stops
busy, noisy topics from raising false alarms. Consecutive spike days form one episode.

The negative share forecast for the next 7 days is an exponentially weighted estimate (half-life
7 days) of the share, with an 80% interval from a Beta posterior widened by the binomial noise
of the number of articles expected in that week.
"""

from __future__ import annotations

import builtins
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import case, func, literal_column, select
from sqlalchemy.sql import ColumnElement
from sqlalchemy.sql.elements import Label

from app.i18n import Message
from app.models import Activity, ActivityTopic, CoverageItem, CoverageTopic, PolicyTopic
from app.models import enums as e
from app.services.context import ServiceContext
from app.services.fields import LOCAL_TZ
from app.services.monitoring import local_day_start, local_today

BASELINE_DAYS = 14
ALPHA = 3e-4
Z_MIN = 3.5
MIN_COUNT = 4
WARNING_WINDOW_DAYS = 3
ACTIVITY_WINDOW_DAYS = 3
FORECAST_HORIZON_DAYS = 7
FORECAST_HALF_LIFE_DAYS = 7.0
FORECAST_HISTORY_DAYS = 56
INTERVAL_Z = 1.2816  # 80% two-sided

DAY = "day"
WEEK = "week"
SENTIMENTS = (e.Sentiment.POSITIVE.value, e.Sentiment.NEUTRAL.value, e.Sentiment.NEGATIVE.value)


@dataclass(frozen=True)
class Bucket:
    """Articles of one day or week (``start`` is the day, or the Monday of the week)."""

    start: date
    positive: int = 0
    neutral: int = 0
    negative: int = 0

    @property
    def total(self) -> int:
        return self.positive + self.neutral + self.negative

    @property
    def negative_share(self) -> float | None:
        return self.negative / self.total if self.total else None


@dataclass(frozen=True)
class TopicTotals:
    topic_id: str
    name: str
    field: str
    positive: int
    neutral: int
    negative: int

    @property
    def total(self) -> int:
        return self.positive + self.neutral + self.negative


@dataclass(frozen=True)
class Spike:
    day: date
    count: int
    expected: float  # mean of the baseline
    p_value: float
    z_score: float


@dataclass(frozen=True)
class ShareForecast:
    share: float
    low: float
    high: float
    expected_articles: float  # over the horizon
    horizon_days: int = FORECAST_HORIZON_DAYS
    level: float = 0.8


@dataclass(frozen=True)
class NearbyActivity:
    id: str
    title: str
    type: str
    status: str
    starts_at: datetime
    on_topic: bool  # the activity is about the warning's topic


@dataclass(frozen=True)
class CoverageWarning:
    """Negative coverage of a topic (or of everything, ``topic_id`` None) rose significantly."""

    topic_id: str | None
    topic_name: str
    first_day: date  # first spike day of the episode
    day: date  # the day with the most negative articles
    negative: int
    expected: float
    p_value: float
    z_score: float
    activities: tuple[NearbyActivity, ...] = ()
    headlines: tuple[tuple[str, str], ...] = ()  # (coverage id, headline) of that day
    forecast: ShareForecast | None = None
    key: str = field(default="")  # stable identity: notify once per warning

    @property
    def message(self) -> Message:
        day = self.day.strftime("%d/%m/%Y")
        usual_vi = f"{self.expected:.1f}".replace(".", ",")
        return Message(
            f"Tin tiêu cực về «{self.topic_name}» tăng đột biến: {self.negative} bài ngày {day} "
            f"(bình thường khoảng {usual_vi} bài/ngày).",
            f"Negative coverage of “{self.topic_name}” jumped: {self.negative} articles on {day} "
            f"(usually about {self.expected:.1f} a day).",
        )


# ----- pure statistics (tested on synthetic series) --------------------------------------------


def poisson_upper_tail(count: int, mean: float) -> float:
    """P(X >= count) for X ~ Poisson(mean)."""
    if count <= 0:
        return 1.0
    mean = max(mean, 1e-9)

    def log_pmf(k: int) -> float:
        return -mean + k * math.log(mean) - math.lgamma(k + 1)

    if count > mean:
        total = 0.0
        k = count
        while True:
            term = math.exp(log_pmf(k))
            total += term
            if term < total * 1e-12 or k > count + 1000:
                return min(1.0, total)
            k += 1
    return max(0.0, 1.0 - sum(math.exp(log_pmf(k)) for k in range(count)))


def binomial_upper_tail(successes: int, trials: int, probability: float) -> float:
    """P(X >= successes) for X ~ Binomial(trials, probability)."""
    if successes <= 0:
        return 1.0
    if successes > trials:
        return 0.0
    log_p, log_q = math.log(probability), math.log1p(-probability)
    log_norm = math.lgamma(trials + 1)
    total = 0.0
    for k in range(successes, trials + 1):
        term = math.exp(
            log_norm - math.lgamma(k + 1) - math.lgamma(trials - k + 1) + k * log_p + (trials - k) * log_q
        )
        total += term
        if term < total * 1e-12:
            break
    return min(1.0, total)


def spike_test(count: int, baseline: Sequence[int]) -> Spike | None:
    """The test for one day against its baseline; None when the day is not a spike.

    The Poisson comparison is the exact conditional test of two rates (given the day's count
    and the baseline's sum, the day's share is binomial), so a baseline estimated from only 14
    days does not make the test over-eager. The robust score's scale allows for news counts
    varying more than Poisson (quasi-Poisson dispersion of the baseline).
    """
    days = len(baseline)
    if count < MIN_COUNT or days < BASELINE_DAYS // 2:
        return None
    mean = statistics.fmean(baseline)
    median = statistics.median(baseline)
    mad = statistics.median(abs(b - median) for b in baseline)
    dispersion = max(1.0, statistics.pvariance(baseline) / mean) if mean > 0 else 1.0
    sigma = max(1.4826 * mad, math.sqrt(max(mean, 1.0) * dispersion))
    z_score = (count - median) / sigma
    p_value = binomial_upper_tail(count, count + sum(baseline), 1.0 / (days + 1))
    if p_value < ALPHA and z_score >= Z_MIN:
        return Spike(date.min, count, mean, p_value, z_score)
    return None


def detect_spikes(days: Sequence[date], counts: Sequence[int]) -> list[Spike]:
    """Every spike day of a dense daily series, each tested on the 14 days before it."""
    spikes = []
    for index in range(len(counts)):
        baseline = counts[max(0, index - BASELINE_DAYS) : index]
        found = spike_test(counts[index], baseline)
        if found is not None:
            spikes.append(Spike(days[index], found.count, found.expected, found.p_value, found.z_score))
    return spikes


def episodes(spikes: Sequence[Spike]) -> list[list[Spike]]:
    """Spike days grouped into runs (a gap of one calm day still continues the run)."""
    runs: list[list[Spike]] = []
    for spike in sorted(spikes, key=lambda s: s.day):
        if runs and (spike.day - runs[-1][-1].day).days <= 2:
            runs[-1].append(spike)
        else:
            runs.append([spike])
    return runs


def forecast_share(
    negatives: Sequence[int], totals: Sequence[int], horizon_days: int = FORECAST_HORIZON_DAYS
) -> ShareForecast | None:
    """Negative share of the next ``horizon_days`` from a daily history (oldest first)."""
    if len(negatives) != len(totals):
        raise ValueError("negatives and totals differ in length")
    decay = math.log(2) / FORECAST_HALF_LIFE_DAYS
    weighted_negative = weighted_total = weight_sum = 0.0
    for age, (negative, total) in enumerate(zip(reversed(negatives), reversed(totals), strict=True)):
        weight = math.exp(-decay * age)
        weighted_negative += weight * negative
        weighted_total += weight * total
        weight_sum += weight
    if weighted_total < 1.0:
        return None
    # Beta(1 + negatives, 1 + others) over the weighted counts.
    alpha = 1.0 + weighted_negative
    beta = 1.0 + weighted_total - weighted_negative
    share = alpha / (alpha + beta)
    posterior_var = alpha * beta / ((alpha + beta) ** 2 * (alpha + beta + 1))
    expected = max(1.0, weighted_total / weight_sum * horizon_days)
    spread = INTERVAL_Z * math.sqrt(posterior_var + share * (1 - share) / expected)
    return ShareForecast(share, max(0.0, share - spread), min(1.0, share + spread), expected, horizon_days)


# ----- the service ------------------------------------------------------------------------------


# published_at is stored as naive UTC text "YYYY-MM-DD HH:MM:SS.ffffff"; Vietnam is UTC+7 all
# year, so an article is on the next local day from 17:00 UTC. Grouping on the text (the UTC day
# and that one flag) is several times cheaper than date arithmetic on every row; the covering
# index ix_coverage_item_trend lets SQLite read the whole range from the index alone.
_UTC_DAY: Label[Any] = literal_column("substr(coverage_item.published_at, 1, 10)").label("utc_day")
_LATE: Label[Any] = literal_column("substr(coverage_item.published_at, 12, 2) >= '17'").label("late")
# The same expression as the index of migration 0006 (SQLite matches index expressions exactly).
_LOCAL_DAY: Any = literal_column("date(coverage_item.published_at, '+7 hours')")


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


class TrendService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ----- counts --------------------------------------------------------------------------

    def _range(self, start: date | None, end: date | None) -> tuple[date, date]:
        # The first and last live articles, each found at its end of ix_coverage_item_trend;
        # min() and max() under the deleted_at condition read the whole index instead.
        live = select(CoverageItem.published_at).where(CoverageItem.deleted_at.is_(None)).limit(1)
        with self.ctx.db.session() as session:
            first = session.scalar(live.order_by(CoverageItem.published_at))
            last = session.scalar(live.order_by(CoverageItem.published_at.desc()))
        today = local_today()
        if start is None:
            start = first.astimezone(LOCAL_TZ).date() if first is not None else today
        if end is None:
            end = max(today, last.astimezone(LOCAL_TZ).date()) if last is not None else today
        return start, end

    def _where(self, start: date, end: date) -> list[ColumnElement[bool]]:
        return [
            CoverageItem.deleted_at.is_(None),
            CoverageItem.published_at >= local_day_start(start),
            CoverageItem.published_at < local_day_start(end + timedelta(days=1)),
        ]

    def series(
        self,
        granularity: str = DAY,
        start: date | None = None,
        end: date | None = None,
        topic_id: str | None = None,
    ) -> list[Bucket]:
        """Counts by tone per day or per week from ``start`` to ``end``, with empty periods."""
        start, end = self._range(start, end)
        if topic_id is None:
            # Every article: the expression index ix_coverage_item_local_day hands SQLite the
            # days in order (migration 0006), so there is nothing to sort.
            query = (
                select(_LOCAL_DAY, literal_column("0"), CoverageItem.sentiment, func.count())
                .where(
                    CoverageItem.deleted_at.is_(None),
                    _LOCAL_DAY.between(start.isoformat(), end.isoformat()),
                )
                .group_by(_LOCAL_DAY, CoverageItem.sentiment)
            )
        else:
            query = (
                select(_UTC_DAY, _LATE, CoverageItem.sentiment, func.count())
                .where(*self._where(start, end))
                .join(CoverageTopic, CoverageTopic.coverage_id == CoverageItem.id)
                .where(CoverageTopic.topic_id == topic_id, CoverageTopic.deleted_at.is_(None))
                .group_by(literal_column("utc_day"), literal_column("late"), CoverageItem.sentiment)
            )
        with self.ctx.db.session() as session:
            rows = session.execute(query).all()
        return _dense(rows, granularity, start, end)

    def series_by_topic(
        self, granularity: str = DAY, start: date | None = None, end: date | None = None
    ) -> dict[str, list[Bucket]]:
        """The same counts for every topic at once (one query)."""
        start, end = self._range(start, end)
        query = (
            select(CoverageTopic.topic_id, _UTC_DAY, _LATE, CoverageItem.sentiment, func.count())
            .join(CoverageTopic, CoverageTopic.coverage_id == CoverageItem.id)
            .where(*self._where(start, end), CoverageTopic.deleted_at.is_(None))
            .group_by(
                CoverageTopic.topic_id,
                literal_column("utc_day"),
                literal_column("late"),
                CoverageItem.sentiment,
            )
        )
        grouped: dict[str, list[Any]] = {}
        with self.ctx.db.session() as session:
            for topic_id, utc_day, late, sentiment, count in session.execute(query):
                grouped.setdefault(topic_id, []).append((utc_day, late, sentiment, count))
        return {topic: _dense(rows, granularity, start, end) for topic, rows in grouped.items()}

    def topic_totals(self, start: date | None = None, end: date | None = None) -> list[TopicTotals]:
        """Articles per topic and tone over a period, the most covered topics first."""
        start, end = self._range(start, end)
        # One group per topic, its tones summed in the same pass: grouping by topic and tone, with
        # the topic's name and field carried along, had SQLite sort every article-topic pair with
        # all of that and look up the topic's row for each (2 to 3 times slower over ten years).
        # The names are read once per topic afterwards.
        tones = [
            func.sum(case((CoverageItem.sentiment == tone, 1), else_=0)).label(tone) for tone in SENTIMENTS
        ]
        counts = (
            select(CoverageTopic.topic_id, *tones)
            .join(CoverageItem, CoverageItem.id == CoverageTopic.coverage_id)
            .where(*self._where(start, end), CoverageTopic.deleted_at.is_(None))
            .group_by(CoverageTopic.topic_id)
            .subquery()
        )
        query = select(
            PolicyTopic.id, PolicyTopic.name, PolicyTopic.field, *(counts.c[tone] for tone in SENTIMENTS)
        ).join(counts, counts.c.topic_id == PolicyTopic.id)
        with self.ctx.db.session() as session:
            result = [
                TopicTotals(topic_id, name, topic_field or "", positive, neutral, negative)
                for topic_id, name, topic_field, positive, neutral, negative in session.execute(query)
            ]
        return sorted(result, key=lambda t: (-t.total, t.name))

    # ----- warnings ------------------------------------------------------------------------------

    def current_warnings(self, today: date | None = None) -> builtins.list[CoverageWarning]:
        """Warnings whose spike falls in the last 3 days up to ``today`` (Vietnam time), the
        strongest first. Each names the topic (None: all coverage), the counts, the test, the
        office's activities of the surrounding days, sample headlines and the share forecast."""
        today = today or local_today()
        return self.warnings_between(today - timedelta(days=WARNING_WINDOW_DAYS - 1), today)

    def warnings_between(self, first: date, last: date) -> builtins.list[CoverageWarning]:
        """Every warning episode whose strongest day lies between ``first`` and ``last``."""
        history_start = first - timedelta(days=max(BASELINE_DAYS, FORECAST_HISTORY_DAYS))
        overall = self.series(DAY, history_start, last)
        per_topic = self.series_by_topic(DAY, history_start, last)
        names = self._topic_names(list(per_topic))
        candidates: list[tuple[str | None, str, list[Bucket], list[Spike]]] = []
        for topic_id, buckets in [(None, overall), *per_topic.items()]:
            days = [b.start for b in buckets]
            spikes = [s for s in detect_spikes(days, [b.negative for b in buckets]) if s.day >= first]
            if spikes:
                name = (
                    names.get(topic_id, "") if topic_id else str(Message("Toàn bộ tin bài", "All coverage"))
                )
                candidates.append((topic_id, name, buckets, spikes))
        warnings = []
        for topic_id, name, buckets, spikes in candidates:
            for run in episodes(spikes):
                peak = max(run, key=lambda s: (s.z_score, s.count))
                upto = [b for b in buckets if b.start <= run[-1].day][-FORECAST_HISTORY_DAYS:]
                warnings.append(
                    CoverageWarning(
                        topic_id=topic_id,
                        topic_name=name,
                        first_day=run[0].day,
                        day=peak.day,
                        negative=peak.count,
                        expected=peak.expected,
                        p_value=peak.p_value,
                        z_score=peak.z_score,
                        activities=tuple(self.activities_near(peak.day, topic_id)),
                        headlines=tuple(self.negative_headlines(peak.day, topic_id)),
                        forecast=forecast_share([b.negative for b in upto], [b.total for b in upto]),
                        key=f"{topic_id or '*'}:{run[0].day.isoformat()}",
                    )
                )
        # Topic warnings before the overall one, the strongest first.
        return sorted(warnings, key=lambda w: (w.topic_id is None, -w.z_score, w.topic_name))

    def activities_near(self, day: date, topic_id: str | None) -> builtins.list[NearbyActivity]:
        """The office's activities from 3 days before to 3 days after ``day``; those about the
        topic first, then by time."""
        start = local_day_start(day - timedelta(days=ACTIVITY_WINDOW_DAYS))
        end = local_day_start(day + timedelta(days=ACTIVITY_WINDOW_DAYS + 1))
        with self.ctx.db.session() as session:
            rows = session.scalars(
                select(Activity)
                .where(
                    Activity.deleted_at.is_(None),
                    Activity.starts_at >= start,
                    Activity.starts_at < end,
                    Activity.status != e.ActivityStatus.CANCELLED.value,
                )
                .order_by(Activity.starts_at)
                .limit(200)
            ).all()
            on_topic: set[str] = set()
            if topic_id is not None and rows:
                on_topic = set(
                    session.scalars(
                        select(ActivityTopic.activity_id).where(
                            ActivityTopic.topic_id == topic_id,
                            ActivityTopic.deleted_at.is_(None),
                            ActivityTopic.activity_id.in_([r.id for r in rows]),
                        )
                    )
                )
            found = [
                NearbyActivity(r.id, r.title, r.type, r.status, r.starts_at, r.id in on_topic) for r in rows
            ]
        return sorted(found, key=lambda a: (not a.on_topic, a.starts_at))[:12]

    def negative_headlines(
        self, day: date, topic_id: str | None, limit: int = 5
    ) -> builtins.list[tuple[str, str]]:
        query = (
            select(CoverageItem.id, CoverageItem.headline)
            .where(
                *self._where(day, day),
                CoverageItem.sentiment == e.Sentiment.NEGATIVE.value,
            )
            .order_by(CoverageItem.reach.desc(), CoverageItem.published_at)
            .limit(limit)
        )
        if topic_id is not None:
            query = query.join(CoverageTopic, CoverageTopic.coverage_id == CoverageItem.id).where(
                CoverageTopic.topic_id == topic_id, CoverageTopic.deleted_at.is_(None)
            )
        with self.ctx.db.session() as session:
            return [(str(i), str(h)) for i, h in session.execute(query)]

    def forecast(self, topic_id: str | None = None, today: date | None = None) -> ShareForecast | None:
        """The negative share expected over the next 7 days, from the last 8 weeks."""
        today = today or local_today()
        buckets = self.series(DAY, today - timedelta(days=FORECAST_HISTORY_DAYS - 1), today, topic_id)
        return forecast_share([b.negative for b in buckets], [b.total for b in buckets])

    def _topic_names(self, ids: builtins.list[str]) -> dict[str | None, str]:
        if not ids:
            return {}
        with self.ctx.db.session() as session:
            return dict(
                session.execute(select(PolicyTopic.id, PolicyTopic.name).where(PolicyTopic.id.in_(ids))).all()
            )


def _dense(rows: Sequence[Any], granularity: str, start: date, end: date) -> list[Bucket]:
    """Buckets from (UTC day, after 17:00 UTC, sentiment, count) rows, every period present."""
    counts: dict[date, dict[str, int]] = {}
    one_day = timedelta(days=1)
    for utc_day, late, sentiment, count in rows:
        day = date.fromisoformat(str(utc_day)) + (one_day if late else timedelta(0))
        if granularity != DAY:
            day = week_start(day)
        per_tone = counts.setdefault(day, {})
        per_tone[sentiment] = per_tone.get(sentiment, 0) + int(count)
    step = timedelta(days=1 if granularity == DAY else 7)
    current = start if granularity == DAY else week_start(start)
    last = end if granularity == DAY else week_start(end)
    buckets = []
    while current <= last:
        found = counts.get(current, {})
        buckets.append(
            Bucket(current, found.get("positive", 0), found.get("neutral", 0), found.get("negative", 0))
        )
        current += step
    return buckets
