"""Trends and early warnings: spike detection on synthetic series, forecasts, and the service."""

from __future__ import annotations

import math
import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from app.services import Services
from app.services.trends import (
    ALPHA,
    detect_spikes,
    episodes,
    forecast_share,
    poisson_upper_tail,
)

START = date(2025, 1, 1)


def days(n: int) -> list[date]:
    return [START + timedelta(days=i) for i in range(n)]


def poisson(rng: random.Random, mean: float) -> int:
    # Knuth's method: fine for the small means of daily article counts.
    limit, k, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k


def overdispersed(rng: random.Random, mean: float, shape: float) -> int:
    """Negative binomial as a gamma-Poisson mixture: news counts vary more than Poisson."""
    return poisson(rng, rng.gammavariate(shape, mean / shape))


def test_poisson_tail_matches_known_values() -> None:
    assert poisson_upper_tail(0, 3.0) == 1.0
    assert poisson_upper_tail(1, 2.0) == pytest.approx(1 - math.exp(-2))
    # P(X >= 10 | 2) = 4.65e-5 (tables)
    assert poisson_upper_tail(10, 2.0) == pytest.approx(4.6498e-5, rel=1e-3)
    assert poisson_upper_tail(3, 5.0) == pytest.approx(1 - math.exp(-5) * (1 + 5 + 12.5))


@pytest.mark.parametrize("mean", [0.2, 0.7, 2.0, 5.0, 12.0, 30.0])
def test_no_false_alarm_in_calm_poisson_series(mean: float) -> None:
    for seed in range(5):
        rng = random.Random(seed * 1000 + int(mean * 10))
        counts = [poisson(rng, mean) for _ in range(365)]
        assert detect_spikes(days(365), counts) == [], (mean, seed)


@pytest.mark.parametrize("mean", [1.0, 4.0, 10.0])
def test_rare_false_alarms_in_calm_but_overdispersed_series(mean: float) -> None:
    # Counts that vary more than Poisson (variance mean + mean²/20) have real outliers: allow
    # at most one alarm per series-year, where a plain Poisson test raises many.
    alarms = 0
    for seed in range(5):
        rng = random.Random(seed)
        counts = [overdispersed(rng, mean, shape=20.0) for _ in range(365)]
        alarms += len(detect_spikes(days(365), counts))
    assert alarms <= 5


def test_no_false_alarm_on_a_slow_rise_or_a_weekly_rhythm() -> None:
    rng = random.Random(7)
    rising = [poisson(rng, 1 + i / 60) for i in range(365)]  # doubles over two months, steadily
    weekly = [poisson(rng, 6.0 if (START + timedelta(days=i)).weekday() < 5 else 1.5) for i in range(365)]
    assert detect_spikes(days(365), rising) == []
    assert detect_spikes(days(365), weekly) == []


def test_known_spikes_are_reported_on_their_days() -> None:
    rng = random.Random(42)
    counts = [poisson(rng, 2.0) for _ in range(200)]
    counts[60] = 14  # a scandal
    counts[130] = 12  # a smaller storm
    quiet = [poisson(rng, 0.3) for _ in range(200)]
    quiet[90] = 6  # a quiet topic suddenly in the news
    found = [s.day for s in detect_spikes(days(200), counts)]
    assert found == [START + timedelta(days=60), START + timedelta(days=130)]
    spike = detect_spikes(days(200), quiet)
    assert [s.day for s in spike] == [START + timedelta(days=90)]
    assert spike[0].p_value < ALPHA and spike[0].z_score >= 3


def test_a_spike_lasting_days_is_one_episode() -> None:
    rng = random.Random(3)
    counts = [poisson(rng, 1.5) for _ in range(60)]
    counts[40:43] = [12, 15, 11]
    runs = episodes(detect_spikes(days(60), counts))
    assert len(runs) == 1 and runs[0][0].day == START + timedelta(days=40)


def test_forecast_share_is_near_the_truth_with_an_honest_interval() -> None:
    rng = random.Random(11)
    totals = [poisson(rng, 20.0) for _ in range(56)]
    negatives = [sum(rng.random() < 0.3 for _ in range(t)) for t in totals]
    forecast = forecast_share(negatives, totals)
    assert forecast is not None
    assert forecast.low < 0.3 < forecast.high
    assert abs(forecast.share - 0.3) < 0.06
    few = forecast_share([n // 10 for n in negatives], [max(1, t // 10) for t in totals])
    assert few is not None and (few.high - few.low) > (forecast.high - forecast.low)
    assert forecast_share([0] * 10, [0] * 10) is None


def test_forecast_follows_a_recent_change() -> None:
    totals = [10] * 56
    negatives = [1] * 42 + [6] * 14  # the last two weeks turned negative
    forecast = forecast_share(negatives, totals)
    assert forecast is not None and forecast.share > 0.35


# ----- the service over a real database -----------------------------------------------------------


def _topic(services: Services, name: str) -> str:
    return services.topics.create({"name": name, "kind": "in_force", "stage": "implementation"}).id


def _article(services: Services, day: date, sentiment: str, topic_id: str | None, hour: int = 3) -> str:
    row = services.coverage.create(
        {
            "headline": f"Tin ngày {day.isoformat()} số {random.random():.6f}",
            "medium": "online",
            "published_at": datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC),
            "sentiment": sentiment,
        }
    )
    if topic_id:
        services.coverage_topics.add_topic([row.id], topic_id)
    return row.id


def test_counts_by_local_day_and_week(services: Services) -> None:
    topic = _topic(services, "Bảng giá đất")
    monday = date(2026, 3, 2)
    _article(services, monday, "negative", topic)
    _article(services, monday, "positive", None)
    # 18:00 UTC on Monday is 01:00 on Tuesday in Vietnam.
    _article(services, monday, "negative", topic, hour=18)
    _article(services, monday + timedelta(days=7), "neutral", topic)
    daily = services.trends.series("day", monday, monday + timedelta(days=8))
    assert (daily[0].negative, daily[0].positive, daily[1].negative) == (1, 1, 1)
    weekly = services.trends.series("week", monday, monday + timedelta(days=8), topic_id=topic)
    assert [(b.start, b.negative, b.neutral) for b in weekly] == [
        (monday, 2, 0),
        (monday + timedelta(7), 0, 1),
    ]
    totals = services.trends.topic_totals(monday, monday + timedelta(days=13))
    assert [(t.name, t.negative, t.neutral, t.total) for t in totals] == [("Bảng giá đất", 2, 1, 3)]
    by_topic = services.trends.series_by_topic("day", monday, monday + timedelta(days=1))
    assert [b.negative for b in by_topic[topic]] == [1, 1]


def test_warning_for_a_topic_with_the_activities_of_those_days(services: Services) -> None:
    land = _topic(services, "Bảng giá đất")
    calm = _topic(services, "Tiêm chủng")
    today = date(2026, 3, 20)
    rng = random.Random(5)
    for offset in range(30, 0, -1):
        day = today - timedelta(days=offset)
        for _ in range(poisson(rng, 0.6)):
            _article(services, day, "negative", land)
        _article(services, day, "positive", calm)
    for _ in range(9):
        _article(services, today - timedelta(days=1), "negative", land)
    services.activities.create(
        {
            "type": "press_conference_thematic",
            "nature": "ad_hoc",
            "status": "done",
            "title": "Họp báo về bảng giá đất",
            "starts_at": datetime(2026, 3, 18, 2, 0, tzinfo=UTC),
            "mode": "in_person",
        }
    )
    warnings = services.trends.current_warnings(today)
    assert [w.topic_name for w in warnings][0] == "Bảng giá đất"
    warning = warnings[0]
    assert warning.day == today - timedelta(days=1) and warning.negative >= 9
    assert warning.expected < 1.5 and warning.p_value < ALPHA
    assert [a.title for a in warning.activities] == ["Họp báo về bảng giá đất"]
    assert len(warning.headlines) == 5
    assert warning.forecast is not None and warning.forecast.share > 0.3
    assert "Bảng giá đất" in str(warning.message)
    assert all(w.topic_id != calm for w in warnings)
    # A week later the episode has left the window.
    assert services.trends.current_warnings(today + timedelta(days=7)) == []


def test_no_warning_on_a_calm_database(services: Services) -> None:
    topic = _topic(services, "Cải cách hành chính")
    today = date(2026, 3, 20)
    for offset in range(20, -1, -1):
        _article(services, today - timedelta(days=offset), "negative", topic)
    assert services.trends.current_warnings(today) == []
    assert services.trends.current_warnings() == []


def test_overall_counts_read_the_local_day_index(services: Services) -> None:
    """The overall series is grouped from the expression index (no sort of every article)."""
    from sqlalchemy import event

    statements: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        if "'+7 hours'" in statement:
            statements.append((statement, parameters))

    event.listen(services.db.engine, "before_cursor_execute", capture)
    try:
        _article(services, date(2026, 3, 2), "negative", None)
        services.trends.series("week", date(2026, 1, 1), date(2026, 3, 31))
    finally:
        event.remove(services.db.engine, "before_cursor_execute", capture)
    assert statements
    statement, parameters = statements[-1]
    with services.db.engine.connect() as connection:
        plan = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
    assert any("ix_coverage_item_local_day" in str(row) for row in plan), plan
    assert not any("TEMP B-TREE" in str(row) for row in plan), plan
