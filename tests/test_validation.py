"""Every service refuses bad input with the field named and the reason in Vietnamese and English."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from app.errors import ValidationError
from app.services import Services
from app.services.holidays import ROLE_SETTING
from app.services.labels import field_label

MISSING = object()  # the field is left out of the values


@dataclass
class Refs:
    unit: str
    staff: str
    topic: str
    agency: str
    journalist: str
    activity: str
    allocation: str
    list: str
    coverage: str
    deleted_agency: str
    deleted_staff: str


@pytest.fixture
def refs(services: Services) -> Refs:
    unit = services.units.create({"name": "Sở Y tế", "kind": "department"}).id
    staff = services.staff.create({"full_name": "Trần Thị Bình", "unit_id": unit}).id
    topic = services.topics.create({"name": "Chuyển đổi số", "kind": "in_force", "stage": "issued"}).id
    agency = services.agencies.create({"name": "Báo Nhân Dân", "kind": "newspaper", "level": "central"}).id
    journalist = services.journalists.create({"full_name": "Lê Văn Cường", "agency_id": agency}).id
    activity = services.activities.create(valid_values("activities", None)).id
    allocation = services.allocations.create(valid_values("allocations", None)).id
    distribution = services.lists.create({"name": "Báo chí Trung ương"}).id
    coverage = services.coverage.create(valid_values("coverage", None)).id
    gone_agency = services.agencies.create({"name": "Báo Cũ", "kind": "magazine", "level": "local"}).id
    services.agencies.delete(gone_agency)
    gone_staff = services.staff.create({"full_name": "Đỗ Văn Nghỉ"}).id
    services.staff.delete(gone_staff)
    services.settings.set(ROLE_SETTING, "central")  # holiday overrides are written centrally
    return Refs(
        unit,
        staff,
        topic,
        agency,
        journalist,
        activity,
        allocation,
        distribution,
        coverage,
        gone_agency,
        gone_staff,
    )


def valid_values(service: str, refs: Refs | None) -> dict[str, Any]:
    """The smallest set of values each service accepts."""
    r = refs
    table: dict[str, Any] = {
        "offices": lambda: {
            "code": "UBND-KHAC",
            "name": "Văn phòng UBND tỉnh Khác",
            "province": "Khác",
            "symbol_suffix": "UBND",
            "period_rule": "cutoff_15th",
        },
        "units": lambda: {"name": "Phường Hồng Gai", "kind": "ward"},
        "topics": lambda: {"name": "Bảng giá đất", "kind": "draft_policy", "stage": "proposal"},
        "staff": lambda: {
            "full_name": "Phạm Đức Thắng",
            "phone": "0912 345 678",
            "email": "thangpd@qn.gov.vn",
        },
        "trainings": lambda: {"staff_id": r.staff, "course": "Kỹ năng phát ngôn", "starts_on": "2026-03-02"},
        "agencies": lambda: {"name": "Báo Quảng Ninh", "kind": "newspaper", "level": "local"},
        "journalists": lambda: {"full_name": "Nguyễn Thị Hoa", "agency_id": r.agency},
        "activities": lambda: {
            "type": "press_conference_regular",
            "nature": "regular",
            "status": "planned",
            "mode": "in_person",
            "title": "Họp báo định kỳ quý I",
            "starts_at": "2026-03-26T15:00:00+07:00",
        },
        "activity_topics": lambda: {"activity_id": r.activity, "topic_id": r.topic},
        "invitees": lambda: {"activity_id": r.activity, "agency_id": r.agency, "attendance": "invited"},
        "interactions": lambda: {
            "journalist_id": r.journalist,
            "kind": "pitch",
            "occurred_at": "2026-03-02T09:00:00+07:00",
        },
        "lists": lambda: {"name": "Phóng viên thường trú"},
        "list_members": lambda: {"list_id": r.list, "journalist_id": r.journalist},
        "allocations": lambda: {
            "fiscal_year": 2026,
            "funding_source": "state_budget_provincial",
            "task_category": "press_conferences",
            "amount": "500.000.000",
        },
        "adjustments": lambda: {"allocation_id": r.allocation, "amount": -20_000_000},
        "expenses": lambda: {"spent_on": "15/03/2026", "amount": 12_500_000, "allocation_id": r.allocation},
        "coverage": lambda: {
            "headline": "Người dân đồng tình với chính sách",
            "medium": "online",
            "published_at": "2026-03-02T09:00:00+07:00",
            "sentiment": "positive",
            "sentiment_source": "automatic",
            "sentiment_confidence": 0.8,
            "handling_status": "none",
        },
        "coverage_topics": lambda: {"coverage_id": r.coverage, "topic_id": r.topic},
        "reports": lambda: {"kind": "quarterly", "year": 2026, "period": 1, "status": "draft"},
        "holidays": lambda: {"day": "13/02/2026", "kind": "day_off", "name": "Nghỉ Tết (bổ sung)"},
    }
    return dict(table[service]())


NOT_BEFORE = ("không được trước", "must not be before")
BAD_DATE = ("không phải ngày hợp lệ", "is not a valid date")
BAD_TIME = ("không phải thời điểm hợp lệ", "is not a valid date and time")
REQUIRED = ("bắt buộc nhập", "is required")
UNKNOWN_CODE = ("không hợp lệ", "unknown code")
BAD_EMAIL = ("không phải địa chỉ thư điện tử hợp lệ", "is not a valid e-mail address")
BAD_PHONE = ("không phải số điện thoại hợp lệ", "is not a valid phone number")
BAD_URL = ("không phải địa chỉ web hợp lệ", "is not a valid web address")
MISSING_REF = ("không tồn tại hoặc đã bị xóa", "does not exist or was deleted")
NEGATIVE = ("không được âm", "must not be negative")
FRACTION = ("không có phần lẻ", "without a fraction")
TOO_LARGE = ("quá lớn", "is too large")
NOT_MONEY = ("không phải số tiền hợp lệ", "is not a valid amount")
WHOLE = ("phải là số nguyên", "must be a whole number")
ONE_OF = ("cần ít nhất một trong", "needs at least one of")


def too_long(n: int) -> tuple[str, str]:
    return (f"dài quá {n} ký tự", f"is longer than {n} characters")


# (service, field, bad value or MISSING, extra values, (vi, en) reason fragments)
CASES: list[tuple[str, str, Any, dict[str, Any], tuple[str, str]]] = [
    # bad and reversed dates
    ("trainings", "starts_on", "31/02/2026", {}, BAD_DATE),
    ("trainings", "ends_on", "2026-03-01", {}, NOT_BEFORE),
    ("staff", "active_to", "2020-01-01", {"active_from": "2021-01-01"}, NOT_BEFORE),
    ("staff", "authorised_to", "2024-12-31", {"authorised_from": "2025-01-01"}, NOT_BEFORE),
    ("staff", "decision_date", "hôm qua", {}, BAD_DATE),
    ("activities", "starts_at", "ngày mai", {}, BAD_TIME),
    ("activities", "ends_at", "2026-03-26T14:00:00+07:00", {}, NOT_BEFORE),
    (
        "activities",
        "statement_made_at",
        "2026-03-01T08:00:00+07:00",
        {"case_received_at": "2026-03-02T08:00:00+07:00"},
        NOT_BEFORE,
    ),
    ("journalists", "press_card_expires", "2020-12-31", {"press_card_issued": "2021-01-04"}, NOT_BEFORE),
    ("interactions", "answered_at", "2026-03-01T09:00:00+07:00", {}, NOT_BEFORE),
    ("expenses", "spent_on", "2026-13-01", {}, BAD_DATE),
    ("coverage", "published_at", 12345, {}, BAD_TIME),
    # money: negative, fractions, absurd, not an amount
    ("expenses", "amount", -5, {}, NEGATIVE),
    ("expenses", "amount", "-1.000.000", {}, NEGATIVE),
    ("expenses", "amount", 12.5, {}, FRACTION),
    ("expenses", "amount", "12.500.000,50", {}, FRACTION),
    ("expenses", "amount", 10**18, {}, TOO_LARGE),
    ("expenses", "amount", "mười triệu", {}, NOT_MONEY),
    ("allocations", "amount", -1, {}, NEGATIVE),
    ("allocations", "amount", "1.2.3", {}, NOT_MONEY),
    ("adjustments", "amount", 10**16, {}, TOO_LARGE),
    ("trainings", "cost", "3,5", {}, FRACTION),
    ("activities", "planned_cost", -100, {}, NEGATIVE),
    ("activities", "actual_cost", "5 triệu", {}, NOT_MONEY),
    # numbers and their ranges
    ("trainings", "hours", -1, {}, ("phải từ 0 trở lên", "must be at least 0")),
    ("trainings", "hours", 2.5, {}, WHOLE),
    ("trainings", "hours", 5000, {}, ("không được vượt quá 2000", "must be at most 2000")),
    ("allocations", "fiscal_year", 1999, {}, ("phải từ 2000 trở lên", "must be at least 2000")),
    ("allocations", "fiscal_year", "năm nay", {}, WHOLE),
    ("coverage", "sentiment_confidence", 1.5, {}, ("không được vượt quá 1", "must be at most 1")),
    ("coverage", "sentiment_confidence", "cao", {}, ("phải là một số", "must be a number")),
    ("coverage", "reach", -10, {}, ("phải từ 0 trở lên", "must be at least 0")),
    ("reports", "period", 5, {}, ("không được vượt quá 4", "must be at most 4")),
    ("activities", "reminder_minutes", True, {}, WHOLE),
    ("journalists", "do_not_contact", "có lẽ", {}, ("phải là có hoặc không", "must be yes or no")),
    # empty or missing required fields
    ("offices", "name", "   ", {}, REQUIRED),
    ("offices", "province", MISSING, {}, REQUIRED),
    ("units", "name", "", {}, REQUIRED),
    ("topics", "name", None, {}, REQUIRED),
    ("staff", "full_name", " ", {}, REQUIRED),
    ("trainings", "course", "", {}, REQUIRED),
    ("trainings", "staff_id", MISSING, {}, REQUIRED),
    ("agencies", "name", "", {}, REQUIRED),
    ("journalists", "full_name", "\t", {}, REQUIRED),
    ("activities", "title", "", {}, REQUIRED),
    ("activities", "starts_at", MISSING, {}, REQUIRED),
    ("lists", "name", "", {}, REQUIRED),
    ("coverage", "headline", "", {}, REQUIRED),
    ("allocations", "amount", MISSING, {}, REQUIRED),
    ("expenses", "spent_on", "", {}, REQUIRED),
    ("reports", "year", MISSING, {}, REQUIRED),
    ("list_members", "journalist_id", MISSING, {}, REQUIRED),
    # over-long text
    ("units", "name", "x" * 301, {}, too_long(300)),
    ("staff", "full_name", "Nguyễn " * 40, {}, too_long(200)),
    ("journalists", "notes", "a" * 20001, {}, too_long(20000)),
    ("activities", "title", "Họp báo " * 50, {}, too_long(300)),
    ("coverage", "headline", "t" * 501, {}, too_long(500)),
    ("agencies", "short_name", "s" * 81, {}, too_long(80)),
    ("topics", "keywords", "k" * 4001, {}, too_long(4000)),
    # unknown codes
    ("activities", "type", "press_party", {}, UNKNOWN_CODE),
    ("activities", "status", "finished", {}, UNKNOWN_CODE),
    ("activities", "mode", "telepathy", {}, UNKNOWN_CODE),
    ("staff", "roles", "spokesperson, king", {}, UNKNOWN_CODE),
    ("agencies", "media_types", ["print", "paper"], {}, UNKNOWN_CODE),
    ("agencies", "level", "regional", {}, UNKNOWN_CODE),
    ("units", "kind", "province", {}, UNKNOWN_CODE),
    ("topics", "stage", "done", {}, UNKNOWN_CODE),
    ("coverage", "sentiment", "angry", {}, UNKNOWN_CODE),
    ("coverage", "handling_status", "ignored", {}, UNKNOWN_CODE),
    ("allocations", "funding_source", "lottery", {}, UNKNOWN_CODE),
    ("allocations", "task_category", "parties", {}, UNKNOWN_CODE),
    ("interactions", "kind", "gossip", {}, UNKNOWN_CODE),
    ("invitees", "attendance", "maybe", {}, UNKNOWN_CODE),
    ("offices", "period_rule", "monthly", {}, UNKNOWN_CODE),
    ("reports", "kind", "weekly", {}, UNKNOWN_CODE),
    # e-mail, phone, web addresses
    ("staff", "email", "thang@", {}, BAD_EMAIL),
    ("staff", "email", "thang pd@qn.gov.vn", {}, BAD_EMAIL),
    ("journalists", "emails", "hoa@nhandan.vn, hoa-at-gmail", {}, BAD_EMAIL),
    ("agencies", "email", "toasoan@@nhandan.vn", {}, BAD_EMAIL),
    ("staff", "phone", "12ab", {}, BAD_PHONE),
    ("staff", "phone", "123", {}, BAD_PHONE),
    ("journalists", "phones", "0912 345 678; 0912", {}, BAD_PHONE),
    ("agencies", "phone", "0" * 20, {}, BAD_PHONE),
    ("agencies", "website", "ftp://nhandan.vn", {}, BAD_URL),
    ("agencies", "feed_urls", "https://nhandan.vn/rss\nnhandan.vn/rss2", {}, BAD_URL),
    ("coverage", "url", "nhandan.vn/bai-viet", {}, BAD_URL),
    # references to missing or deleted rows
    ("trainings", "staff_id", "no-such-id", {}, MISSING_REF),
    ("staff", "unit_id", "no-such-unit", {}, MISSING_REF),
    ("units", "focal_point_id", "DELETED_STAFF", {}, MISSING_REF),
    ("journalists", "agency_id", "DELETED_AGENCY", {}, MISSING_REF),
    ("journalists", "owner_staff_id", "DELETED_STAFF", {}, MISSING_REF),
    ("activities", "chair_id", "DELETED_STAFF", {}, MISSING_REF),
    ("activities", "series_id", "no-such-activity", {}, MISSING_REF),
    ("activity_topics", "topic_id", "no-such-topic", {}, MISSING_REF),
    ("invitees", "agency_id", "DELETED_AGENCY", {}, MISSING_REF),
    ("interactions", "activity_id", "missing", {}, MISSING_REF),
    ("list_members", "list_id", "missing", {}, MISSING_REF),
    ("adjustments", "allocation_id", "missing", {}, MISSING_REF),
    ("expenses", "allocation_id", "missing", {}, MISSING_REF),
    ("coverage", "agency_id", "DELETED_AGENCY", {}, MISSING_REF),
    ("coverage_topics", "coverage_id", "missing", {}, MISSING_REF),
    # entity rules
    ("interactions", "journalist_id", None, {}, ONE_OF),
    ("invitees", "agency_id", None, {}, ONE_OF),
    ("offices", "code", "UBND-TEST", {}, ("đã được dùng", "is already used")),
    ("units", "colour", "xanh", {}, ("trường không tồn tại", "no such field")),
    ("holidays", "day", MISSING, {}, REQUIRED),
    ("holidays", "day", "30/02/2026", {}, BAD_DATE),
    ("holidays", "kind", "tet", {}, UNKNOWN_CODE),
    ("holidays", "name", "", {}, REQUIRED),
    ("holidays", "name", "n" * 201, {}, too_long(200)),
]


def _resolve(value: Any, refs: Refs) -> Any:
    if value == "DELETED_AGENCY":
        return refs.deleted_agency
    if value == "DELETED_STAFF":
        return refs.deleted_staff
    return value


@pytest.mark.parametrize("service_name", sorted({case[0] for case in CASES}))
def test_valid_values_are_accepted(services: Services, refs: Refs, service_name: str) -> None:
    row = getattr(services, service_name).create(valid_values(service_name, refs))
    assert row.id


@pytest.mark.parametrize(
    ("service_name", "field", "bad", "extra", "reason"),
    CASES,
    ids=[f"{c[0]}.{c[1]}-{i}" for i, c in enumerate(CASES)],
)
def test_bad_input_is_refused_with_field_and_reason(
    services: Services,
    refs: Refs,
    service_name: str,
    field: str,
    bad: Any,
    extra: dict[str, Any],
    reason: tuple[str, str],
) -> None:
    service = getattr(services, service_name)
    values = {**valid_values(service_name, refs), **extra}
    if bad is MISSING:
        values.pop(field, None)
    else:
        values[field] = _resolve(bad, refs)
    before = service.count()
    outbox = services.pending_changes()
    with pytest.raises(ValidationError) as caught:
        service.create(values)
    problems = {p.field: p for p in caught.value.problems}
    assert field in problems, caught.value.problems
    problem = problems[field]
    vi, en = reason
    assert vi in problem.reason.vi and en in problem.reason.en
    assert problem.label == field_label(field)
    # the whole message names the field in both languages
    assert problem.label.vi in caught.value.message.vi and problem.label.en in caught.value.message.en
    assert service.count() == before and services.pending_changes() == outbox  # nothing written


@pytest.mark.parametrize(
    ("service_name", "field", "bad", "reason"),
    [
        ("trainings", "ends_on", "2026-01-01", NOT_BEFORE),
        ("expenses", "amount", "-3", NEGATIVE),
        ("journalists", "emails", "không-phải-thư", BAD_EMAIL),
        ("activities", "ends_at", "2026-03-26T10:00:00+07:00", NOT_BEFORE),
        ("staff", "unit_id", "DELETED_AGENCY", MISSING_REF),
        ("units", "name", "", REQUIRED),
    ],
)
def test_bad_update_is_refused_and_leaves_the_row(
    services: Services, refs: Refs, service_name: str, field: str, bad: Any, reason: tuple[str, str]
) -> None:
    service = getattr(services, service_name)
    row = service.create(valid_values(service_name, refs))
    outbox = services.pending_changes()
    with pytest.raises(ValidationError) as caught:
        service.update(row.id, {field: _resolve(bad, refs)})
    problem = next(p for p in caught.value.problems if p.field == field)
    assert reason[0] in problem.reason.vi and reason[1] in problem.reason.en
    assert service.get(row.id) == row
    assert services.pending_changes() == outbox


def test_every_service_is_covered() -> None:
    from app.models import SYNCED_MODELS

    covered = {case[0] for case in CASES}
    names = {
        "offices", "units", "topics", "staff", "trainings", "agencies", "journalists", "activities",
        "activity_topics", "invitees", "interactions", "lists", "list_members", "allocations",
        "adjustments", "expenses", "coverage", "coverage_topics", "reports", "holidays",
    }  # fmt: skip
    assert covered == names
    assert len(names) == len(SYNCED_MODELS)
