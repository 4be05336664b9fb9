"""Counts per topic and tone (TrendService.topic_totals) against the same counts made by hand."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, date, datetime, timedelta

from app.services import Services

TONES = ("positive", "neutral", "negative")
FIRST = date(2026, 1, 1)


def _fill(services: Services) -> tuple[dict[str, str], list[tuple[datetime, str, list[str]]]]:
    """Topics, and articles as (published at, tone, topics still linked) of the live ones."""
    topics = {
        name: services.topics.create({"name": name, "kind": "in_force", "stage": "implementation"}).id
        for name in ("Bảng giá đất", "Miễn học phí", "Tiêm chủng", "Chưa có bài")
    }
    rng = random.Random(11)
    live: list[tuple[datetime, str, list[str]]] = []
    for number in range(120):
        # Some at 17:00 UTC or later: already the next day in Vietnam.
        published = datetime.combine(FIRST + timedelta(days=rng.randrange(60)), datetime.min.time(), UTC)
        published += timedelta(hours=rng.choice((2, 9, 16, 17, 23)), minutes=rng.randrange(60))
        tone = rng.choice(TONES)
        linked = rng.sample(list(topics.values())[:3], rng.choice((0, 1, 1, 1, 2, 3)))
        article = services.coverage.create(
            {"headline": f"Bài số {number}", "medium": "online", "published_at": published, "sentiment": tone}
        )
        for topic_id in linked:
            services.coverage_topics.add_topic([article.id], topic_id)
        if number % 17 == 0:
            services.coverage.delete(article.id)  # deleted articles count for no topic
            continue
        if number % 11 == 0 and linked:
            services.coverage_topics.remove_topic([article.id], linked[0])  # an unlinked topic neither
            linked = linked[1:]
        live.append((published, tone, linked))
    return topics, live


def _by_hand(live: list[tuple[datetime, str, list[str]]], first: date, last: date) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {}
    for published, tone, linked in live:
        local_day = (published + timedelta(hours=7)).date()
        if first <= local_day <= last:
            for topic_id in linked:
                counts.setdefault(topic_id, Counter())[tone] += 1
    return counts


def _as_counts(totals: list) -> dict[str, Counter[str]]:
    return {
        t.topic_id: Counter({tone: getattr(t, tone) for tone in TONES if getattr(t, tone)}) for t in totals
    }


def test_counts_per_topic_and_tone_match_the_articles(services: Services) -> None:
    topics, live = _fill(services)
    everything = services.trends.topic_totals()
    assert _as_counts(everything) == _by_hand(live, date.min, date.max)
    assert topics["Chưa có bài"] not in {t.topic_id for t in everything}
    assert [t.total for t in everything] == sorted((t.total for t in everything), reverse=True)
    names = {t.topic_id: t.name for t in everything}
    assert names == {topic_id: name for name, topic_id in topics.items() if topic_id in names}
    # Periods whose edges fall between UTC and Vietnam days.
    for first, last in ((FIRST + timedelta(days=10), FIRST + timedelta(days=20)), (FIRST, FIRST)):
        totals = services.trends.topic_totals(first, last)
        assert _as_counts(totals) == _by_hand(live, first, last), (first, last)
    assert services.trends.topic_totals(date(2025, 1, 1), date(2025, 12, 31)) == []
