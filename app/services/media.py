"""Services for press agencies, journalists, interactions and distribution lists."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.errors import FieldProblem
from app.models import DistributionList, DistributionListMember, Interaction, Journalist, PressAgency, Synced
from app.models import enums as e
from app.services.entity import EntityService, require_one_of
from app.services.fields import (
    BOOL,
    DATE,
    DATETIME,
    EMAIL_KIND,
    EMAILS,
    ENUM,
    ENUM_SET,
    PHONE,
    PHONES,
    REF,
    TEXT,
    URL_KIND,
    URLS,
    Field,
)


class AgencyService(EntityService):
    model = PressAgency
    fields = {
        "name": Field(TEXT, required=True),
        "short_name": Field(TEXT),
        "media_types": Field(ENUM_SET, enum=e.MediaType),
        "kind": Field(ENUM, enum=e.AgencyKind, required=True),
        "governing_body": Field(TEXT),
        "level": Field(ENUM, enum=e.AgencyLevel, required=True),
        "licence_number": Field(TEXT),
        "phone": Field(PHONE),
        "email": Field(EMAIL_KIND),
        "address": Field(TEXT),
        "website": Field(URL_KIND),
        "feed_urls": Field(URLS, max_len=10000),
        "notes": Field(TEXT, max_len=20000),
    }
    default_order = "name"


class JournalistService(EntityService):
    model = Journalist
    fields = {
        "full_name": Field(TEXT, required=True),
        "agency_id": Field(REF, ref="press_agency"),
        "title": Field(TEXT),
        "press_card_number": Field(TEXT),
        "press_card_issued": Field(DATE),
        "press_card_expires": Field(DATE),
        "resident_correspondent": Field(BOOL),
        "beats": Field(TEXT),
        "phones": Field(PHONES),
        "emails": Field(EMAILS),
        "do_not_contact": Field(BOOL),
        "do_not_contact_reason": Field(TEXT),
        "owner_staff_id": Field(REF, ref="staff_member"),
        "notes": Field(TEXT, max_len=20000),
    }
    ordered_pairs = (("press_card_issued", "press_card_expires"),)
    default_order = "full_name"


class InteractionService(EntityService):
    model = Interaction
    fields = {
        "journalist_id": Field(REF, ref="journalist"),
        "agency_id": Field(REF, ref="press_agency"),
        "kind": Field(ENUM, enum=e.InteractionKind, required=True),
        "activity_id": Field(REF, ref="activity"),
        "occurred_at": Field(DATETIME, required=True),
        "summary": Field(TEXT, max_len=20000),
        "staff_id": Field(REF, ref="staff_member"),
        "due_date": Field(DATE),
        "answered_at": Field(DATETIME),
    }
    default_order = "occurred_at"

    def check(self, session: Session, merged: dict[str, Any], current: Synced | None) -> list[FieldProblem]:
        return require_one_of(merged, ("journalist_id", "agency_id"))


class DistributionListService(EntityService):
    model = DistributionList
    fields = {"name": Field(TEXT, required=True), "description": Field(TEXT, max_len=4000)}
    default_order = "name"


class ListMemberService(EntityService):
    model = DistributionListMember
    fields = {
        "list_id": Field(REF, ref="distribution_list", required=True),
        "journalist_id": Field(REF, ref="journalist", required=True),
    }
