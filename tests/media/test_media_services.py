from datetime import UTC, date, datetime, timedelta

import pytest

from app.errors import ValidationError
from app.services.media import card_state, question_due_date
from tests.media.helpers import agency, journalist

TODAY = date(2026, 6, 1)


def names(rows):
    return sorted(r.full_name for r in rows)


def test_filters_by_agency_media_type_level_beat_card_and_do_not_contact(services) -> None:
    tv = agency(
        services, "Đài Truyền hình Việt Nam", media_types="tv,online", level="central", kind="broadcaster"
    )
    local = agency(services, "Báo Quảng Ninh", media_types="print", level="local")
    journalist(
        services, "Nguyễn Văn Hùng", agency_id=tv.id, beats="Y tế, Giáo dục", press_card_expires="2026-05-01"
    )
    journalist(
        services, "Trần Thị Lan", agency_id=local.id, beats="giao thông", press_card_expires="2026-07-15"
    )
    journalist(services, "Lê Văn Tám", agency_id=local.id, beats="y tế", press_card_expires="2030-01-01")
    journalist(services, "Phạm Minh", do_not_contact=True, do_not_contact_reason="Yêu cầu của cơ quan")
    find = lambda **f: names(services.journalists.list(filters={**f, "today": TODAY}))  # noqa: E731
    assert find(media_type="tv") == ["Nguyễn Văn Hùng"]
    assert find(media_type="print") == ["Lê Văn Tám", "Trần Thị Lan"]
    assert find(level="local") == ["Lê Văn Tám", "Trần Thị Lan"]
    assert find(agency_id=tv.id) == ["Nguyễn Văn Hùng"]
    assert find(beat="y te") == ["Lê Văn Tám", "Nguyễn Văn Hùng"]
    assert find(card="expired") == ["Nguyễn Văn Hùng"]
    assert find(card="expiring") == ["Trần Thị Lan"]
    assert find(do_not_contact=True) == ["Phạm Minh"]
    assert find(level="local", beat="Y TẾ") == ["Lê Văn Tám"]
    assert services.journalists.count(filters={"card": "expired", "today": TODAY}, search="hung") == 1
    assert services.journalists.beats() == ["Giáo dục", "giao thông", "Y tế"]
    assert [a.name for a in services.agencies.list(filters={"media_type": "online"})] == [tv.name]


def test_sorting_by_agency_name(services) -> None:
    b = agency(services, "Báo B")
    a = agency(services, "Báo A")
    journalist(services, "Zung", agency_id=a.id)
    journalist(services, "An", agency_id=b.id)
    ids = services.journalists.ids(order_by="agency")
    assert [services.journalists.get(i).full_name for i in ids] == ["Zung", "An"]


def test_card_state_thresholds() -> None:
    assert card_state(None, TODAY) == "none"
    assert card_state(TODAY - timedelta(days=1), TODAY) == "expired"
    assert card_state(TODAY, TODAY) == "expiring"
    assert card_state(TODAY + timedelta(days=90), TODAY) == "expiring"
    assert card_state(TODAY + timedelta(days=91), TODAY) == "valid"


def test_do_not_contact_needs_a_reason(services) -> None:
    with pytest.raises(ValidationError) as error:
        journalist(services, "Hoàng Long", do_not_contact=True)
    assert error.value.fields() == ["do_not_contact_reason"]


def test_question_is_due_in_30_days_and_becomes_overdue(services) -> None:
    person = journalist(services, "Đỗ Thu Hà", agency_id=agency(services).id)
    # 23:30 on 1 May in Vietnam is still 1 May there, though 16:30 UTC.
    asked = services.interactions.create(
        {
            "journalist_id": person.id,
            "kind": "question_received",
            "occurred_at": "2026-05-01T23:30:00+07:00",
            "summary": "Tiến độ giải phóng mặt bằng?",
        }
    )
    assert asked.due_date == date(2026, 5, 31)
    assert question_due_date(datetime(2026, 5, 1, 16, 30, tzinfo=UTC)) == date(2026, 5, 31)
    waiting = services.interactions.awaiting_answer(today=date(2026, 5, 30))
    assert [(w.interaction.id, w.days_left, w.overdue) for w in waiting] == [(asked.id, 1, False)]
    assert waiting[0].agency_name == "Báo Sức khỏe & Đời sống"
    waiting = services.interactions.awaiting_answer(today=date(2026, 6, 1))
    assert waiting[0].overdue and waiting[0].days_left == -1
    assert services.interactions.overdue_count(today=date(2026, 6, 1)) == 1
    timeline = services.interactions.timeline(journalist_id=person.id, today=date(2026, 6, 1))
    assert timeline[0].overdue

    services.interactions.answer(asked.id, datetime(2026, 6, 2, 3, 0, tzinfo=UTC), "Đã trả lời bằng văn bản")
    assert services.interactions.awaiting_answer(today=date(2026, 6, 3)) == []
    kinds = [t.interaction.kind for t in services.interactions.timeline(journalist_id=person.id)]
    assert kinds == ["reply_sent", "question_received"]


def test_agency_timeline_includes_its_journalists_and_invitation_attendance(services) -> None:
    paper = agency(services)
    person = journalist(services, "Vũ Hải", agency_id=paper.id)
    other = journalist(services, "Ngô Bảo")
    activity = services.activities.create(
        {
            "type": "press_conference_regular",
            "nature": "regular",
            "status": "planned",
            "mode": "in_person",
            "title": "Họp báo quý II",
            "starts_at": "2026-06-10T09:00:00+07:00",
        }
    )
    services.invitees.create(
        {"activity_id": activity.id, "journalist_id": person.id, "attendance": "attended"}
    )
    services.interactions.create(
        {
            "journalist_id": person.id,
            "kind": "invitation",
            "activity_id": activity.id,
            "occurred_at": "2026-06-01T08:00:00+07:00",
        }
    )
    services.interactions.create(
        {"agency_id": paper.id, "kind": "pitch", "occurred_at": "2026-06-02T08:00:00+07:00"}
    )
    services.interactions.create(
        {"journalist_id": other.id, "kind": "pitch", "occurred_at": "2026-06-03T08:00:00+07:00"}
    )
    entries = services.interactions.timeline(agency_id=paper.id)
    assert [e.interaction.kind for e in entries] == ["pitch", "invitation"]
    invitation = entries[1]
    assert (invitation.journalist_name, invitation.activity_title, invitation.attendance) == (
        "Vũ Hải",
        "Họp báo quý II",
        "attended",
    )


def test_distribution_lists_add_remove_and_re_add(services) -> None:
    a = journalist(services, "An")
    b = journalist(services, "Bình")
    health = services.lists.create_with_members({"name": "Y tế"}, [a.id, a.id])
    assert services.lists.member_ids(health.id) == [a.id]
    assert services.lists.add_members(health.id, [a.id, b.id]) == 1
    assert services.lists.member_ids(health.id) == [a.id, b.id]
    assert services.lists.remove_members(health.id, [a.id]) == 1
    assert services.lists.member_ids(health.id) == [b.id]
    assert services.lists.add_members(health.id, [a.id]) == 1  # the removed membership comes back
    assert services.lists.member_counts() == {health.id: 2}
    assert [x.name for x in services.lists.lists_of(a.id)] == ["Y tế"]
    services.journalists.delete(b.id)
    assert services.lists.member_ids(health.id) == [a.id]


def test_duplicates_by_email_phone_and_similar_name(services) -> None:
    paper = agency(services)
    other_paper = agency(services, "Báo Khác")
    a = journalist(services, "Nguyễn Văn Hùng", agency_id=paper.id, emails="hung@baosk.vn")
    b = journalist(services, "Nguyen Van Hung", agency_id=paper.id)
    c = journalist(services, "N. V. Hùng", emails="HUNG@baosk.vn ")
    d = journalist(services, "Trần Văn An", phones="+84 912 345 678")
    e = journalist(services, "Trần An", phones="0912.345.678")
    journalist(services, "Nguyễn Văn Hùng", agency_id=other_paper.id)  # a namesake elsewhere
    pairs = {(p.first_id, p.second_id): p.reasons for p in services.duplicates.find()}
    key = lambda x, y: (min(x.id, y.id), max(x.id, y.id))  # noqa: E731
    assert pairs[key(a, b)] == ("name",)
    assert pairs[key(a, c)] == ("email",)
    assert pairs[key(d, e)] == ("phone",)
    assert len(pairs) == 3


def test_merge_keeps_everything_of_both_in_one_transaction(services) -> None:
    paper = agency(services)
    keep = journalist(services, "Nguyễn Văn Hùng", emails="hung@baosk.vn", beats="Y tế")
    drop = journalist(
        services,
        "Nguyen Van Hung",
        agency_id=paper.id,
        emails="hung@gmail.com, hung@baosk.vn",
        phones="0912345678",
        beats="y tế, Giáo dục",
        title="Phóng viên",
    )
    activity = services.activities.create(
        {
            "type": "interview",
            "nature": "ad_hoc",
            "status": "done",
            "mode": "online",
            "title": "Phỏng vấn",
            "starts_at": "2026-03-01T09:00:00+07:00",
        }
    )
    services.invitees.create({"activity_id": activity.id, "journalist_id": drop.id, "attendance": "attended"})
    services.interactions.create(
        {"journalist_id": keep.id, "kind": "pitch", "occurred_at": "2026-03-01T08:00:00+07:00"}
    )
    services.interactions.create(
        {"journalist_id": drop.id, "kind": "interview", "occurred_at": "2026-03-02T08:00:00+07:00"}
    )
    shared = services.lists.create_with_members({"name": "Chung"}, [keep.id, drop.id])
    only_drop = services.lists.create_with_members({"name": "Riêng"}, [drop.id])
    outbox_before = services.pending_changes()

    merged = services.duplicates.merge(keep.id, drop.id)

    assert merged.agency_id == paper.id
    assert merged.emails == "hung@baosk.vn, hung@gmail.com"
    assert merged.phones == "0912345678"
    assert merged.beats == "Y tế, Giáo dục"
    assert merged.title == "Phóng viên"
    assert services.journalists.count() == 1
    assert sorted(t.interaction.kind for t in services.interactions.timeline(journalist_id=keep.id)) == [
        "interview",
        "pitch",
    ]
    assert [i.journalist_id for i in services.invitees.list()] == [keep.id]
    assert services.lists.member_ids(shared.id) == [keep.id]
    assert services.lists.member_ids(only_drop.id) == [keep.id]
    # Every change went through the outbox: the journalist update and delete, the moved rows.
    assert services.pending_changes() - outbox_before >= 6


def test_similar_names_at_one_agency_are_found_even_with_a_typo_in_the_given_name(services) -> None:
    paper = agency(services)
    other_paper = agency(services, "Báo Khác")
    names = {
        "a": ("Nguyễn Văn Hùng", paper.id),
        "b": ("Nguyen Van Hung", paper.id),  # typed without accents
        "c": ("Nguyễn Văn Hưng", paper.id),  # a different vowel mark
        "d": ("Nguyễn Văn Hùnh", paper.id),  # a typo in the given name
        "e": ("Hùng Nguyễn Văn", paper.id),  # the given name written first
        "f": ("Ngyuễn Văn Hùng", None),  # a typo in the family name, no agency recorded
        "g": ("Nguyễn Văn Hùng", other_paper.id),  # a namesake at another agency
        "h": ("Nguyễn Văn Thắng", paper.id),  # a colleague with another given name
        "i": ("Trần Thị Mai", paper.id),
    }
    ids = {k: journalist(services, name, agency_id=agency_id).id for k, (name, agency_id) in names.items()}
    label = {row_id: k for k, row_id in ids.items()}
    found = {
        "".join(sorted(label[p.first_id] + label[p.second_id])): p
        for p in services.duplicates.find()
        if p.reasons == ("name",)
    }
    # every pair at the paper, but the reordered name with the typo (two changes apart)
    same_agency = {x + y for x in "abcde" for y in "abcde" if x < y} - {"de"}
    assert same_agency <= set(found)
    assert {"af", "bf", "cf", "fg"} <= set(found)  # no agency: compared by family or given name
    assert set(found) == same_agency | {"af", "bf", "cf", "fg"}
    assert found["ab"].score == 100 and found["ad"].score >= 90
