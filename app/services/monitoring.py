"""Services for press coverage."""

from __future__ import annotations

from app.models import CoverageItem, CoverageTopic
from app.models import enums as e
from app.services.entity import EntityService
from app.services.fields import BOOL, DATE, DATETIME, ENUM, FLOAT, INT, REF, TEXT, URL_KIND, Field


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


class CoverageTopicService(EntityService):
    model = CoverageTopic
    fields = {
        "coverage_id": Field(REF, ref="coverage_item", required=True),
        "topic_id": Field(REF, ref="policy_topic", required=True),
    }
