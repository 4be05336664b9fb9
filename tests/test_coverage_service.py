"""The coverage log's services: suggested tone, manual labels, filters, bulk changes, replies."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.errors import ValidationError
from app.services import Services


def agency(services: Services, name: str = "Báo Nhân Dân") -> str:
    return services.agencies.create({"name": name, "kind": "newspaper", "level": "central"}).id


def topic(services: Services, name: str, keywords: str = "", field: str = "") -> str:
    values = {
        "name": name,
        "kind": "in_force",
        "stage": "implementation",
        "keywords": keywords,
        "field": field,
    }
    return services.topics.create(values).id


def article(services: Services, headline: str, **values: object) -> object:
    base = {"headline": headline, "medium": "online", "published_at": datetime(2026, 3, 2, 3, 0, tzinfo=UTC)}
    return services.coverage.create({**base, **values})


def test_tone_is_suggested_with_a_confidence(services: Services) -> None:
    row = article(services, "Người dân bức xúc vì dự án chậm tiến độ")
    assert (row.sentiment, row.sentiment_source) == ("negative", "automatic")
    assert 0.5 < row.sentiment_confidence <= 1


def test_a_manual_label_wins_and_is_never_overwritten(services: Services) -> None:
    row = article(services, "Dự án hoàn thành đúng tiến độ", sentiment="negative")
    assert (row.sentiment, row.sentiment_source, row.sentiment_confidence) == ("negative", "manual", None)
    # Editing the headline does not re-suggest a manual label...
    row = services.coverage.update(row.id, {"headline": "Dự án khánh thành thành công tốt đẹp"})
    assert (row.sentiment, row.sentiment_source) == ("negative", "manual")
    # ...nor does rescoring everything.
    assert services.coverage.rescore() == 0
    assert services.coverage.get(row.id).sentiment == "negative"


def test_an_automatic_label_follows_the_headline_until_a_person_sets_it(services: Services) -> None:
    row = article(services, "Hội nghị triển khai kế hoạch năm")
    assert row.sentiment == "neutral"
    row = services.coverage.update(row.id, {"headline": "Hội nghị bất thành, đại biểu bức xúc"})
    assert (row.sentiment, row.sentiment_source) == ("negative", "automatic")
    row = services.coverage.update(row.id, {"sentiment": "neutral"})
    assert (row.sentiment, row.sentiment_source, row.sentiment_confidence) == ("neutral", "manual", None)


def test_bulk_sentiment_is_manual_and_counts_only_real_changes(services: Services) -> None:
    ids = [article(services, f"Tin số {n}").id for n in range(3)]
    assert services.coverage.set_sentiment(ids, "positive") == 3
    assert services.coverage.set_sentiment(ids, "positive") == 0
    rows = services.coverage.get_many(ids)
    assert {(r.sentiment, r.sentiment_source) for r in rows.values()} == {("positive", "manual")}
    with pytest.raises(ValidationError) as error:
        services.coverage.set_sentiment(ids, "furious")
    assert error.value.fields() == ["sentiment"]
    assert {r.sentiment for r in services.coverage.get_many(ids).values()} == {"positive"}


def test_bulk_topic_and_topic_filter(services: Services) -> None:
    health = topic(services, "Bảo hiểm y tế toàn dân", field="health")
    ids = [article(services, f"Tin {n}").id for n in range(4)]
    assert services.coverage_topics.add_topic(ids[:3], health) == 3
    assert services.coverage_topics.add_topic(ids, health) == 1
    assert services.coverage_topics.remove_topic(ids[:1], health) == 1
    assert set(services.coverage.ids({"topic_id": health})) == set(ids[1:])
    # A removed link comes back as the same row (the pair is unique).
    assert services.coverage_topics.add_topic(ids[:1], health) == 1
    assert services.coverage.count({"topic_id": health}) == 4
    links = services.coverage.links(ids)
    assert links[ids[0]].topics == ((health, "Bảo hiểm y tế toàn dân"),)


def test_filters_by_agency_medium_sentiment_period_and_search(services: Services) -> None:
    nhan_dan = agency(services)
    tuoi_tre = agency(services, "Báo Tuổi Trẻ")
    article(services, "Đường mới thông xe", agency_id=nhan_dan, medium="print")
    article(
        services,
        "Ô nhiễm sông Nhuệ",
        agency_id=tuoi_tre,
        published_at=datetime(2026, 3, 31, 18, 30, tzinfo=UTC),  # 1 April in Vietnam
    )
    article(services, "Hội nghị về đất đai", agency_id=tuoi_tre, medium="tv")
    assert services.coverage.count({"agency_id": tuoi_tre}) == 2
    assert services.coverage.count({"medium": "print"}) == 1
    assert services.coverage.count({"sentiment": "negative"}) == 1
    march = {"published_from": date(2026, 3, 1), "published_to": date(2026, 3, 31)}
    assert services.coverage.count(march) == 2
    assert services.coverage.count({"published_from": "2026-04-01"}) == 1
    assert [r.headline for r in services.coverage.list(search="o nhiem song nhue")] == ["Ô nhiễm sông Nhuệ"]
    assert services.coverage.sentiment_counts({"agency_id": tuoi_tre}) == {"negative": 1, "neutral": 1}


def test_needs_action_sets_a_30_day_deadline_and_feeds_the_overdue_list(services: Services) -> None:
    nhan_dan = agency(services)
    late = article(services, "Người dân phản ánh ngập úng", agency_id=nhan_dan)
    services.coverage.flag_for_action(late.id)
    flagged = services.coverage.get(late.id)
    assert flagged.needs_action and flagged.handling_status == "open"
    assert flagged.reply_deadline == date(2026, 4, 1)  # 2 March (Vietnam) + 30 days
    on_time = article(
        services, "Phản ánh về trường học", needs_action=True, published_at=datetime(2026, 3, 25, tzinfo=UTC)
    )
    assert on_time.reply_deadline == date(2026, 4, 24)
    overdue = services.coverage.overdue(today=date(2026, 4, 10))
    assert [(o.id, o.days_late, o.agency) for o in overdue] == [(late.id, 9, "Báo Nhân Dân")]
    assert services.coverage.count({"open_action": True}) == 2
    services.coverage.mark_answered(late.id)
    assert services.coverage.overdue_count(today=date(2026, 4, 10)) == 0
    assert services.coverage.count({"open_action": True}) == 1


def test_save_with_topics_in_one_step_and_bad_input_is_named(services: Services) -> None:
    land = topic(services, "Bảng giá đất")
    row = services.coverage.save_with_topics(
        None,
        {"headline": "Bảng giá đất mới", "medium": "online", "published_at": "2026-03-01T08:00"},
        [land],
        services.coverage_topics,
    )
    assert services.coverage.topic_ids(row.id) == [land]
    services.coverage.save_with_topics(row.id, {"reach": 1200}, [], services.coverage_topics)
    assert services.coverage.topic_ids(row.id) == []
    with pytest.raises(ValidationError) as error:
        services.coverage.create(
            {"headline": "", "medium": "radio", "published_at": "yesterday", "reach": -1}
        )
    assert set(error.value.fields()) >= {"headline", "published_at", "reach"}
