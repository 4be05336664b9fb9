"""Demo and benchmark data: a provincial communication office over several years.

``generate(services, "small")`` makes a few thousand rows in seconds for trying the app;
``"large"`` is the "province, ten years" set of DESIGN.md §5. The same seed always gives the
same rows: every choice comes from one ``random.Random(seed)``, the dates hang on a fixed
demo "today", and ids are UUIDv7 built from the rng and each row's own timestamp.

Rows are written in bulk (SQLAlchemy Core executemany in one transaction) as sample data: no
outbox or audit entries, but valid sync columns (office, updated_at, HLC, ``updated_by="demo"``).
The FTS triggers keep the search index in step. All-day activities end at the start of the day
after their last day (exclusive, as in RFC 5545).
"""

from __future__ import annotations

import bisect
import itertools
import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import Connection, bindparam, insert, inspect, select, update

from app.db import refresh_planner_statistics
from app.models import SYNCED_MODELS, Unit
from app.models.sort_keys import fill_sort_keys
from app.services import Services
from app.services import demo_data as d
from app.services.fields import LOCAL_TZ
from app.sync.hlc import format_hlc
from app.text import search_tokens

T = TypeVar("T")
Progress = Callable[[str, float], None]

# The demo's "today": past activities are done, later ones planned; nothing reads the clock.
DEMO_NOW = datetime(2026, 11, 16, 9, 30, tzinfo=LOCAL_TZ)
DEMO_TODAY = DEMO_NOW.date()
BATCH = 5000
# Bumped whenever the generator's output changes, so cached benchmark sets are rebuilt.
DATA_VERSION = 5
# A question still unanswered is at most this many days past its due date.
OPEN_QUESTION_DAYS = 120


@dataclass(frozen=True)
class Scale:
    years: int
    agencies: int
    journalists: int
    staff: int
    wards: int
    trainings: int
    activities: int
    interactions: int
    expenses: int
    coverage: int
    list_size: int


SCALES = {
    "small": Scale(
        years=3,
        agencies=130,
        journalists=300,
        staff=80,
        wards=6,
        trainings=80,
        activities=600,
        interactions=400,
        expenses=300,
        coverage=1200,
        list_size=40,
    ),
    "large": Scale(
        years=10,
        agencies=1500,
        journalists=20_000,
        staff=800,
        wards=99,
        trainings=5000,
        activities=50_000,
        interactions=30_000,
        expenses=20_500,
        coverage=100_000,
        list_size=400,
    ),
}


# ----- small helpers -------------------------------------------------------------------------


def local(day: date, hour: int = 0, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LOCAL_TZ)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def slug(text: str, limit: int = 80) -> str:
    return "-".join(search_tokens(text))[:limit].rstrip("-")


def initials(name: str) -> str:
    """'Nguyễn Văn Hùng' -> 'hungnv', the usual shape of a government mailbox."""
    parts = search_tokens(name)
    return parts[-1] + "".join(p[0] for p in parts[:-1])


def round_to(value: float, step: int) -> int:
    return max(step, int(round(value / step)) * step)


class Picker:
    """Weighted choices with the cumulative weights computed once."""

    def __init__(self, rng: random.Random, items: Sequence[T], weights: Sequence[float]) -> None:
        self.rng = rng
        self.items = list(items)
        self.cumulative = list(itertools.accumulate(weights))

    def __call__(self) -> Any:
        point = self.rng.random() * self.cumulative[-1]
        return self.items[bisect.bisect_right(self.cumulative, point)]


# ----- writing rows --------------------------------------------------------------------------


class RowWriter:
    """Buffers rows per table and inserts them in bulk, parents before children."""

    def __init__(self, connection: Connection, office_id: str, seed: int) -> None:
        self.connection = connection
        self.office_id = office_id
        self.id_rng = random.Random(seed * 7919 + 1)
        self.buffers: dict[str, list[dict[str, Any]]] = {name: [] for name in SYNCED_MODELS}
        self.counts: dict[str, int] = dict.fromkeys(SYNCED_MODELS, 0)
        self.templates = {name: self._template(model) for name, model in SYNCED_MODELS.items()}
        self.stamps = itertools.count()
        self.pending = 0

    @staticmethod
    def _template(model: Any) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for column in inspect(model).columns:
            default = column.default
            values[column.key] = default.arg if default is not None and default.is_scalar else None
        return values

    def new_id(self, when: datetime) -> str:
        """A UUIDv7: 48-bit milliseconds of ``when``, version 7, variant 10, random bits from the rng."""
        millis = int(when.timestamp() * 1000) & ((1 << 48) - 1)
        rand_a = self.id_rng.getrandbits(12)
        rand_b = self.id_rng.getrandbits(62)
        return str(uuid.UUID(int=(millis << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b))

    def add(self, table: str, when: datetime, values: dict[str, Any]) -> str:
        """Queue one row made (and last touched) at ``when``; returns its id."""
        when = min(when, DEMO_NOW)
        row = dict(self.templates[table])
        row_id = values.get("id") or self.new_id(when)
        millis = int(when.timestamp() * 1000)
        row.update(
            id=row_id,
            office_id=self.office_id,
            version=None,
            updated_at=when.astimezone(UTC),
            updated_hlc=format_hlc(millis, next(self.stamps) % 100_000, "demo"),
            updated_by="demo",
            deleted_at=None,
        )
        row.update(values)
        self.buffers[table].append(row)
        self.pending += 1
        if self.pending >= BATCH:
            self.flush()
        return str(row_id)

    def flush(self) -> None:
        for name, rows in self.buffers.items():
            if rows:
                fill_sort_keys(name, rows)
                self.connection.execute(insert(SYNCED_MODELS[name].__table__), rows)  # type: ignore[attr-defined]
                self.counts[name] += len(rows)
                rows.clear()
        self.pending = 0


# ----- the generator -------------------------------------------------------------------------


@dataclass
class Person:
    id: str
    name: str
    role: str = ""


class DemoBuilder:
    def __init__(self, writer: RowWriter, scale: Scale, seed: int, progress: Progress | None) -> None:
        self.w = writer
        self.s = scale
        self.rng = random.Random(seed)
        self.progress = progress or (lambda _text, _fraction: None)
        self.start = date(DEMO_TODAY.year - scale.years + 1, 1, 1)
        self.end = DEMO_TODAY + timedelta(days=135)  # plans reach a few months ahead
        family, weights = zip(*d.FAMILY_NAMES, strict=True)
        self.family = Picker(self.rng, family, weights)
        self.emails_used: set[str] = set()

    # --- shared choices ---

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, items: Sequence[T]) -> T:
        return items[self.rng.randrange(len(items))]

    def person_name(self) -> str:
        female = self.chance(0.48)
        middle = self.pick(d.FEMALE_MIDDLE if female else d.MALE_MIDDLE)
        given = self.pick(d.FEMALE_GIVEN if female else d.MALE_GIVEN)
        return f"{self.family()} {middle} {given}"

    def mobile(self) -> str:
        prefix = self.pick(("090", "091", "093", "094", "096", "097", "098", "086", "088", "032", "035"))
        digits = f"{self.rng.randrange(10_000_000):07d}"
        return f"{prefix}{digits[0]} {digits[1:4]} {digits[4:]}"

    def landline(self, area: str = "0203") -> str:
        return f"{area} {self.rng.randrange(3_000_000, 3_999_999)}"

    def email(self, name: str, domain: str) -> str:
        base = initials(name)
        address = f"{base}@{domain}"
        while address in self.emails_used:
            address = f"{base}{self.rng.randrange(2, 99)}@{domain}"
        self.emails_used.add(address)
        return address

    def day_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randrange(max(1, (last - first).days + 1)))

    def workday_between(self, first: date, last: date) -> date:
        day = self.day_between(first, last)
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        return max(day, first)

    def work_time(self, day: date) -> datetime:
        return local(day, self.pick((8, 8, 9, 9, 10, 14, 14, 15, 16)), self.pick((0, 0, 30)))

    def touched(self, when: datetime) -> datetime:
        """When a row about ``when`` was last edited: a little before it, never after today."""
        return min(when, DEMO_NOW) - timedelta(minutes=self.rng.randrange(10, 60 * 24 * 20))

    def step(self, text: str, fraction: float) -> None:
        self.progress(text, fraction)

    # --- organisation ---

    def office(self, existing_id: str | None) -> str:
        if existing_id:
            return existing_id
        when = local(self.start - timedelta(days=30), 8)
        office_id = self.w.new_id(when)
        self.w.office_id = office_id
        self.w.add("office", when, {"id": office_id, **d.OFFICE})
        return office_id

    def units(self) -> None:
        self.unit_ids: list[str] = []
        self.unit_names: dict[str, str] = {}
        named = list(d.DEPARTMENTS)
        ward_count = min(self.s.wards, len(d.WARDS) + len(d.COMMUNES))
        places = [(f"Phường {n}", "ward") for n in d.WARDS] + [(f"Xã {n}", "commune") for n in d.COMMUNES]
        chosen = (
            places[: ward_count // 2] + places[len(d.WARDS) : len(d.WARDS) + ward_count - ward_count // 2]
        )
        for name, kind in [*named, *chosen]:
            unit_id = self.w.add(
                "unit",
                local(self.start - timedelta(days=20), 9),
                {"name": name, "kind": kind, "notes": ""},
            )
            self.unit_ids.append(unit_id)
            self.unit_names[unit_id] = name

    def topics(self) -> None:
        self.topic_ids: list[str] = []
        self.topic_names: dict[str, str] = {}
        stages = ("implementation", "implementation", "evaluation", "issued")
        for number, (name, field, document, lead, keywords) in enumerate(d.POLICIES_IN_FORCE):
            topic_id = self.w.add(
                "policy_topic",
                local(self.start - timedelta(days=10 + number), 9),
                {
                    "name": name,
                    "field": field,
                    "document_number": document,
                    "kind": "in_force",
                    "stage": stages[number % len(stages)],
                    "meets_407_criteria": False,
                    "lead_agency": lead,
                    "keywords": keywords,
                },
            )
            self.topic_ids.append(topic_id)
            self.topic_names[topic_id] = name
        draft_stages = ("proposal", "drafting_consultation", "drafting_consultation", "issued")
        for number, (name, field, lead) in enumerate(d.DRAFT_POLICIES):
            topic_id = self.w.add(
                "policy_topic",
                self.touched(local(DEMO_TODAY - timedelta(days=30 * number), 9)),
                {
                    "name": name,
                    "field": field,
                    "document_number": f"Tờ trình số {100 + 7 * number}/TTr-UBND" if number % 3 else "",
                    "kind": "draft_policy",
                    "stage": draft_stages[number % len(draft_stages)],
                    "meets_407_criteria": number % 4 != 3,
                    "lead_agency": lead,
                    "keywords": slug(name, 60).replace("-", " "),
                },
            )
            self.topic_ids.append(topic_id)
            self.topic_names[topic_id] = name

    def staff(self) -> None:
        """The office's own people first (head and spokesperson, speakers, dedicated staff), then units."""
        self.office_staff: list[Person] = []
        self.speakers: list[Person] = []
        self.all_staff: list[str] = []
        decided = self.start + timedelta(days=40)
        head_id = self._staff_row(
            d.OFFICE["signer_name"],
            "Chánh Văn phòng UBND tỉnh",
            None,
            "head,spokesperson",
            {
                "decision_number": f"{180 + self.rng.randrange(50)}/QĐ-UBND",
                "decision_date": decided,
                "published_on_portal_at": local(decided, 16, 30),
                "authorisation_scope": "Phát ngôn và cung cấp thông tin cho báo chí về hoạt động của UBND tỉnh",
                "active_from": decided,
            },
        )
        self.spokesperson = Person(head_id, d.OFFICE["signer_name"], "spokesperson")
        self.office_staff.append(self.spokesperson)
        former_to = decided - timedelta(days=1)
        former_from = add_years(former_to, -4)
        self._staff_row(
            self.person_name(),
            "Nguyên Chánh Văn phòng UBND tỉnh",
            None,
            "spokesperson",
            {
                "decision_number": "95/QĐ-UBND",
                "decision_date": former_from,
                # published three days late: the kind of gap the compliance view must show
                "published_on_portal_at": local(former_from + timedelta(days=3), 10),
                "active_from": former_from,
                "active_to": former_to,
            },
        )
        office_count = max(12, self.s.staff // 25)
        for number in range(office_count):
            position = d.STAFF_POSITIONS_OFFICE[min(number, len(d.STAFF_POSITIONS_OFFICE) - 1)]
            roles = "authorised_speaker,dedicated" if number < 2 else "dedicated"
            if number >= office_count - 3:
                roles = "collaborator"
            name = self.person_name()
            extra: dict[str, Any] = {"active_from": self.day_between(add_years(self.start, -3), self.start)}
            if number < 2:
                extra.update(
                    decision_number=f"{300 + number}/QĐ-UBND",
                    decision_date=decided,
                    authorisation_scope="Phát ngôn khi Chánh Văn phòng vắng mặt hoặc được ủy quyền",
                    authorised_from=decided,
                    authorised_to=add_years(decided, 5),
                    published_on_portal_at=local(decided + timedelta(days=1), 9),
                )
            staff_id = self._staff_row(name, position, None, roles, extra)
            person = Person(staff_id, name, roles)
            self.office_staff.append(person)
            if number < 2:
                self.speakers.append(person)
        self.focal_points: list[tuple[str, str]] = []
        remaining = self.s.staff - len(self.all_staff)
        per_unit = max(1, remaining // len(self.unit_ids))
        for index, unit_id in enumerate(self.unit_ids):
            count = per_unit if index < len(self.unit_ids) - 1 else remaining - per_unit * index
            commune = self.unit_names[unit_id].startswith(("Phường", "Xã", "Đặc khu"))
            positions = d.STAFF_POSITIONS_COMMUNE if commune else d.STAFF_POSITIONS_UNIT
            for number in range(max(0, count)):
                name = self.person_name()
                position = positions[min(number, len(positions) - 1)]
                extra = {
                    "active_from": self.day_between(add_years(self.start, -5), self.start + timedelta(400))
                }
                roles = "part_time" if number == 1 else ("collaborator" if self.chance(0.1) else "")
                if number == 0 and not commune:
                    roles = "authorised_speaker"
                    extra.update(
                        decision_number=f"{1000 + index}/QĐ-UBND",
                        decision_date=decided + timedelta(days=index),
                        authorisation_scope=f"Phát ngôn về lĩnh vực do {self.unit_names[unit_id]} quản lý",
                        authorised_from=decided + timedelta(days=index),
                        authorised_to=add_years(decided, 5),
                    )
                if self.chance(0.03):
                    extra["active_to"] = self.day_between(extra["active_from"], DEMO_TODAY)
                staff_id = self._staff_row(
                    name, f"{position} – {self.unit_names[unit_id]}", unit_id, roles, extra
                )
                if number == 1 or (count == 1 and number == 0):
                    self.focal_points.append((unit_id, staff_id))
                if roles == "authorised_speaker":
                    self.speakers.append(Person(staff_id, name, roles))
        self.w.flush()
        self.w.connection.execute(
            update(Unit)
            .where(Unit.id == bindparam("unit_key"))
            .values(focal_point_id=bindparam("staff_key")),
            [{"unit_key": unit_id, "staff_key": staff_id} for unit_id, staff_id in self.focal_points],
        )

    def _staff_row(
        self, name: str, position: str, unit_id: str | None, roles: str, extra: dict[str, Any]
    ) -> str:
        when = local(extra.get("decision_date") or extra.get("active_from") or self.start, 10)
        staff_id = self.w.add(
            "staff_member",
            self.touched(when + timedelta(days=2)),
            {
                "full_name": name,
                "position": position[:200],
                "unit_id": unit_id,
                "roles": roles,
                "phone": self.landline() if self.chance(0.5) else self.mobile(),
                "email": self.email(name, d.OFFICE_DOMAIN),
                **extra,
            },
        )
        self.all_staff.append(staff_id)
        return staff_id

    def trainings(self) -> None:
        weighted = [p.id for p in self.office_staff] * 6 + self.all_staff
        last = DEMO_TODAY - timedelta(days=3)
        for _ in range(self.s.trainings):
            course, area = self.pick(d.TRAINING_COURSES)
            organiser = self.pick(d.TRAINING_ORGANISERS)
            starts = self.workday_between(self.start, last)
            days = self.pick((1, 1, 2, 2, 3, 5))
            ends = starts + timedelta(days=days - 1)
            certified = self.chance(0.7)
            self.w.add(
                "training_record",
                self.touched(local(ends, 17)),
                {
                    "staff_id": self.pick(weighted),
                    "course": course,
                    "organiser": organiser,
                    "starts_on": starts,
                    "ends_on": ends,
                    "hours": days * self.pick((4, 8, 8)),
                    "content_area": area,
                    "certificate": f"Giấy chứng nhận số {self.rng.randrange(1, 2000)}/GCN"
                    if certified
                    else "",
                    "cost": 0 if self.chance(0.3) else round_to(self.rng.uniform(1.5e6, 12e6), 100_000),
                    "expires_on": add_years(ends, self.pick((2, 3, 5)))
                    if certified and self.chance(0.4)
                    else None,
                },
            )

    # --- press ---

    def agencies(self) -> None:
        self.agency_ids: list[str] = []
        self.agency_info: dict[str, d.AgencySeed] = {}
        home = "Quảng Ninh"
        seeds: list[d.AgencySeed] = list(d.CENTRAL_AGENCIES)
        for province, code in d.PROVINCES:
            seeds.append(
                d.AgencySeed(
                    f"Báo {province}",
                    f"Báo {province}",
                    d.NEWSPAPER,
                    d.LOCAL,
                    ("print", "online"),
                    f"Tỉnh ủy {province}" if province != "Hà Nội" else "Thành ủy Hà Nội",
                    f"bao{code}.vn",
                    (f"https://bao{code}.vn/rss/home.rss",),
                )
            )
            seeds.append(
                d.AgencySeed(
                    f"Đài Phát thanh và Truyền hình {province}",
                    f"PTTH {province}",
                    d.BROADCASTER,
                    d.LOCAL,
                    ("radio", "tv", "online"),
                    f"Ủy ban nhân dân tỉnh {province}",
                    f"{code}tv.vn",
                )
            )
        magazines = [
            f"Tạp chí {field}{qualifier}"
            for qualifier in d.MAGAZINE_QUALIFIERS
            for field in d.MAGAZINE_FIELDS
        ]
        big = list(d.CENTRAL_AGENCIES)
        offices = [
            (agency, province)
            for province in [home] + [p for p, _ in d.PROVINCES if p != home]
            for agency in big
        ]
        wanted = self.s.agencies - len(seeds)
        magazine_count = min(len(magazines), max(0, wanted // 6))
        for name in magazines[:magazine_count]:
            domain = f"tapchi{slug(name.removeprefix('Tạp chí '), 40).replace('-', '')}.vn"
            seeds.append(
                d.AgencySeed(
                    name,
                    "",
                    d.MAGAZINE,
                    d.CENTRAL,
                    ("print", "online"),
                    self.pick(d.MAGAZINE_PUBLISHERS),
                    domain,
                )
            )
        for agency, province in offices[: max(0, wanted - magazine_count)]:
            seeds.append(
                d.AgencySeed(
                    f"{agency.name} – Văn phòng đại diện tại {province}",
                    f"{agency.short_name} ({province})"[:80],
                    agency.kind,
                    agency.level,
                    agency.media,
                    agency.name,
                    agency.domain,
                )
            )
        for number, seed in enumerate(seeds):
            area = "028" if "Hồ Chí Minh" in seed.governing_body else "024"
            if home in seed.name:
                area = "0203"
            agency_id = self.w.add(
                "press_agency",
                local(self.start - timedelta(days=15), 8, number % 60),
                {
                    "name": seed.name,
                    "short_name": seed.short_name,
                    "media_types": ",".join(m for m in ("print", "online", "radio", "tv") if m in seed.media),
                    "kind": seed.kind,
                    "governing_body": seed.governing_body,
                    "level": seed.level,
                    "licence_number": f"{self.rng.randrange(10, 600)}/GP-BTTTT",
                    "phone": self.landline(area),
                    "email": f"toasoan@{seed.domain}",
                    "address": "",
                    "website": f"https://{seed.domain}",
                    "feed_urls": "\n".join(seed.feeds),
                },
            )
            self.agency_ids.append(agency_id)
            self.agency_info[agency_id] = seed
        self.local_agencies = [a for a in self.agency_ids if home in self.agency_info[a].name]
        self.central_agencies = [a for a in self.agency_ids[: len(d.CENTRAL_AGENCIES)]]
        weights = [
            30.0 if a in self.local_agencies else 8.0 if i < len(d.CENTRAL_AGENCIES) else 1.0
            for i, a in enumerate(self.agency_ids)
        ]
        self.agency_picker = Picker(self.rng, self.agency_ids, weights)

    def journalists(self) -> None:
        self.journalist_ids: list[str] = []
        self.journalist_names: dict[str, str] = {}
        self.by_agency: dict[str, list[str]] = {}
        self.resident: list[str] = []
        self.beats_of: dict[str, str] = {}
        for _ in range(self.s.journalists):
            agency_id = self.agency_picker()
            seed = self.agency_info[agency_id]
            name = self.person_name()
            title = self.pick(d.JOURNALIST_TITLES)
            resident = "Văn phòng đại diện tại Quảng Ninh" in seed.name or title == "Phóng viên thường trú"
            issued = self.day_between(date(2021, 1, 4), min(DEMO_TODAY, date(2026, 6, 30)))
            card = self.chance(0.8)
            beats = ", ".join(self.rng.sample(d.BEATS, self.pick((1, 2, 2, 3))))
            emails = [self.email(name, seed.domain)]
            if self.chance(0.4):
                emails.append(f"{slug(name, 40).replace('-', '')}{self.rng.randrange(70, 99)}@gmail.com")
            deleted = self.chance(0.01)
            joined = local(self.day_between(self.start - timedelta(days=200), DEMO_TODAY), 10)
            journalist_id = self.w.add(
                "journalist",
                self.touched(joined),
                {
                    "full_name": name,
                    "agency_id": agency_id,
                    "title": title,
                    "press_card_number": f"{self.pick('ABCDHKLNPT')}{self.rng.randrange(1000, 99999):05d}"
                    if card
                    else "",
                    "press_card_issued": issued if card else None,
                    "press_card_expires": add_years(issued, 5) - timedelta(days=1) if card else None,
                    "resident_correspondent": resident,
                    "beats": beats,
                    "phones": ", ".join(self.mobile() for _ in range(self.pick((1, 1, 2)))),
                    "emails": ", ".join(emails),
                    "do_not_contact": (dnc := self.chance(0.02)),
                    "do_not_contact_reason": self.pick(("Đã chuyển công tác", "Đề nghị không gửi thông cáo"))
                    if dnc
                    else "",
                    "owner_staff_id": self.pick(self.office_staff).id if self.chance(0.3) else None,
                    "deleted_at": DEMO_NOW.astimezone(UTC) - timedelta(days=self.rng.randrange(1, 300))
                    if deleted
                    else None,
                },
            )
            if deleted:
                continue
            self.journalist_ids.append(journalist_id)
            self.journalist_names[journalist_id] = name
            self.by_agency.setdefault(agency_id, []).append(journalist_id)
            self.beats_of[journalist_id] = beats
            if resident:
                self.resident.append(journalist_id)

    def distribution_lists(self) -> None:
        central = set(self.central_agencies)
        local_set = set(self.local_agencies)
        agency_of = {j: a for a, members in self.by_agency.items() for j in members}
        self.resident_set = set(self.resident)
        lists = (
            (
                "Báo chí Trung ương",
                "Phóng viên các cơ quan báo chí Trung ương",
                lambda j: agency_of[j] in central,
            ),
            ("Báo chí địa phương", "Báo, Đài tỉnh Quảng Ninh", lambda j: agency_of[j] in local_set),
            (
                "Phóng viên thường trú tại Quảng Ninh",
                "Phóng viên thường trú, văn phòng đại diện",
                lambda j: j in self.resident_set,
            ),
            (
                "Nhóm kinh tế – đầu tư",
                "Phóng viên theo dõi kinh tế, đầu tư",
                lambda j: "kinh tế" in self.beats_of[j] or "đầu tư" in self.beats_of[j],
            ),
            (
                "Nhóm y tế – giáo dục",
                "Phóng viên theo dõi y tế, giáo dục",
                lambda j: "y tế" in self.beats_of[j] or "giáo dục" in self.beats_of[j],
            ),
            (
                "Phát thanh – truyền hình",
                "Các đài phát thanh, truyền hình",
                lambda j: self.agency_info[agency_of[j]].kind == d.BROADCASTER,
            ),
        )
        for number, (name, description, wanted) in enumerate(lists):
            when = local(self.start + timedelta(days=20 + number), 9)
            list_id = self.w.add("distribution_list", when, {"name": name, "description": description})
            members = [j for j in self.journalist_ids if wanted(j)][: self.s.list_size]
            for journalist_id in members:
                self.w.add(
                    "distribution_list_member",
                    self.touched(when + timedelta(days=30)),
                    {"list_id": list_id, "journalist_id": journalist_id},
                )

    # --- calendar ---

    def activities(self) -> None:
        self.inviting: list[tuple[str, datetime, list[str]]] = []
        self.paid: dict[int, list[tuple[str, int, date, str]]] = {}
        self.conferences: list[tuple[datetime, str]] = []
        self.drafts = [t for t in self.topic_ids if self.topic_names[t].startswith("Dự thảo")]
        self.inviting_kinds = {
            "press_conference_regular",
            "press_conference_thematic",
            "press_conference_adhoc",
            "press_briefing",
            "dialogue",
            "talk_show",
            "policy_consultation",
        }
        self._series()
        kinds = Picker(self.rng, [k for k, _ in ACTIVITY_WEIGHTS], [w for _, w in ACTIVITY_WEIGHTS])
        span = (self.end - self.start).days
        for number in range(self.s.activities):
            # busier in later years: half uniform, half weighted towards the end
            u = self.rng.random()
            offset = int(span * (u if number % 2 else u**0.5))
            day = self.start + timedelta(days=min(offset, span))
            if day.weekday() >= 5 and self.chance(0.8):
                day -= timedelta(days=day.weekday() - 4)
            self._activity(kinds(), day)
            if number % 2000 == 0:
                self.step("activities", number / self.s.activities)

    def _series(self) -> None:
        switch = date(DEMO_TODAY.year - 1, 1, 1)
        chair = self.spokesperson.id
        if self.start < switch:
            first = last_weekday(self.start.year, 3, 3)
            until = local(switch - timedelta(days=1), 23, 59).astimezone(UTC)
            self._series_master(
                "press_conference_regular",
                "Họp báo thường kỳ quý của UBND tỉnh",
                local(first, 15),
                f"FREQ=MONTHLY;INTERVAL=3;BYDAY=-1TH;UNTIL={until:%Y%m%dT%H%M%SZ}",
                chair,
                minutes=120,
            )
        first = last_weekday(switch.year, 1, 3)
        excluded = local(last_weekday(DEMO_TODAY.year, 1, 3), 15)  # the Tết week: no conference
        master = self._series_master(
            "press_conference_regular",
            "Họp báo định kỳ hằng tháng của UBND tỉnh",
            local(first, 15),
            "FREQ=MONTHLY;BYDAY=-1TH",
            chair,
            minutes=120,
            exdates=[excluded],
        )
        moved_from = local(last_weekday(DEMO_TODAY.year, 4, 3), 15)
        moved_to = moved_from - timedelta(days=1)
        self.w.add(
            "activity",
            self.touched(moved_to),
            {
                **self._activity_base("press_conference_regular", moved_to, 120),
                "title": "Họp báo định kỳ hằng tháng của UBND tỉnh (dời sang thứ Tư)",
                "nature": "regular",
                "status": "done" if moved_to < DEMO_NOW else "approved",
                "series_id": master,
                "recurrence_start": moved_from,
                "chair_id": chair,
                "spokesperson_id": chair,
            },
        )
        self._series_master(
            "press_briefing",
            "Giao ban báo chí hằng tháng",
            local(self.start + timedelta(days=(1 - self.start.weekday()) % 7), 8, 30),
            "FREQ=MONTHLY;BYDAY=1TU",
            chair,
            minutes=90,
        )
        friday = self.start + timedelta(days=(4 - self.start.weekday()) % 7)
        self._series_master(
            "portal_post",
            "Bản tin truyền thông chính sách hằng tuần trên Cổng TTĐT tỉnh",
            local(friday, 16),
            "FREQ=WEEKLY;BYDAY=FR",
            None,
            minutes=0,
        )

    def _series_master(
        self,
        kind: str,
        title: str,
        starts: datetime,
        rrule: str,
        chair: str | None,
        minutes: int,
        exdates: Sequence[datetime] = (),
    ) -> str:
        return self.w.add(
            "activity",
            self.touched(starts),
            {
                **self._activity_base(kind, starts, minutes),
                "title": title,
                "nature": "regular",
                "status": "approved",
                "rrule": rrule,
                "exdates": "\n".join(x.astimezone(UTC).isoformat() for x in exdates),
                "chair_id": chair,
                "spokesperson_id": chair,
                "description": "Lịch định kỳ theo Quy chế phát ngôn và cung cấp thông tin cho báo chí của UBND tỉnh.",
            },
        )

    def _activity_base(self, kind: str, starts: datetime, minutes: int) -> dict[str, Any]:
        online = kind in ("portal_post", "social_post", "press_release", "written_reply")
        mode = "online" if online else self.pick(("in_person",) * 6 + ("online", "hybrid"))
        return {
            "type": kind,
            "starts_at": starts,
            "ends_at": starts + timedelta(minutes=minutes) if minutes else None,
            "mode": mode,
            "location": "Trực tuyến" if mode == "online" else self.pick(d.LOCATIONS),
            "ical_uid": "",
        }

    def _status(self, starts: datetime) -> str:
        if starts < DEMO_NOW:
            roll = self.rng.random()
            return (
                "done"
                if roll < 0.88
                else "cancelled"
                if roll < 0.92
                else "postponed"
                if roll < 0.96
                else "approved"
            )
        if starts - DEMO_NOW < timedelta(days=14):
            return self.pick(("preparing", "preparing", "approved", "approved", "planned"))
        return self.pick(("planned", "planned", "planned", "approved", "approved", "postponed"))

    def _activity(self, kind: str, day: date) -> None:
        topic = self.pick(self.drafts if kind == "policy_consultation" else self.topic_ids)
        topic_name = self.topic_names[topic]
        starts = self.work_time(day)
        minutes = DURATIONS.get(kind, 60)
        values = self._activity_base(kind, starts, minutes)
        agency = self.agency_info[self.agency_picker()]
        incident = self.pick(d.INCIDENTS)
        values["title"] = activity_title(
            kind, topic_name, agency.short_name or agency.name, incident, day, self
        )[:300]
        values["nature"] = "ad_hoc" if kind in AD_HOC_KINDS or self.chance(0.1) else "regular"
        if kind == "training":
            values["all_day"] = True
            values["starts_at"] = local(day)
            values["ends_at"] = local(day + timedelta(days=self.pick((1, 1, 2, 3))))
        if kind == "emergency_statement":
            received = starts - timedelta(hours=self.rng.randrange(2, 22))
            made = received + timedelta(
                hours=self.rng.randrange(2, 23) if self.chance(0.85) else self.rng.randrange(25, 40)
            )
            values.update(case_received_at=received, statement_deadline=received + timedelta(hours=24))
            values["starts_at"] = made
            values["ends_at"] = made + timedelta(minutes=30)
            starts = made
        status = self._status(values["starts_at"])
        if kind == "emergency_statement" and status == "done":
            values["statement_made_at"] = starts
        speaker = self.spokesperson if self.chance(0.6) or not self.speakers else self.pick(self.speakers)
        planned = 0
        if kind in COSTS:
            low, high = COSTS[kind]
            planned = round_to(self.rng.uniform(low, high), 100_000)
        actual = round_to(planned * self.rng.uniform(0.8, 1.12), 1000) if planned and status == "done" else 0
        values.update(
            status=status,
            chair_id=self.spokesperson.id if kind in self.inviting_kinds else None,
            spokesperson_id=speaker.id if kind not in ("portal_post", "social_post", "training") else None,
            planned_cost=planned,
            actual_cost=actual,
            description=f"Nội dung: {topic_name}. Người phát ngôn: {speaker.name}.",
            reminder_minutes=self.pick((60, 1440, None)) if values["starts_at"] > DEMO_NOW else None,
        )
        activity_id = self.w.add("activity", self.touched(values["starts_at"]), values)
        topics = [topic] if self.chance(0.7) else [topic, self.pick(self.topic_ids)]
        for topic_id in dict.fromkeys(topics):
            self.w.add(
                "activity_topic",
                self.touched(values["starts_at"]),
                {"activity_id": activity_id, "topic_id": topic_id},
            )
        if actual:
            self.paid.setdefault(day.year, []).append((activity_id, actual, day, kind))
        if kind.startswith("press_conference") and status == "done":
            self.conferences.append((values["starts_at"], activity_id))
        if kind in self.inviting_kinds and status not in ("cancelled",):
            self._invitees(activity_id, values["starts_at"], status)

    def _invitees(self, activity_id: str, starts: datetime, status: str) -> None:
        pool = self.local_agencies + self.central_agencies
        agencies = self.rng.sample(pool, min(len(pool), self.rng.randrange(5, 16)))
        people = [j for a in agencies for j in self.by_agency.get(a, [])[:3]] + self.resident[:20]
        people = list(dict.fromkeys(people))
        journalists = self.rng.sample(people, min(len(people), self.rng.randrange(3, 13)))
        past = status == "done"
        when = self.touched(starts + timedelta(hours=3))
        for agency_id in agencies:
            self.w.add(
                "activity_invitee",
                when,
                {"activity_id": activity_id, "agency_id": agency_id, "attendance": self._attendance(past)},
            )
        for journalist_id in journalists:
            self.w.add(
                "activity_invitee",
                when,
                {
                    "activity_id": activity_id,
                    "journalist_id": journalist_id,
                    "attendance": self._attendance(past),
                },
            )
        self.inviting.append((activity_id, starts, journalists))

    def _attendance(self, past: bool) -> str:
        roll = self.rng.random()
        if past:
            return "attended" if roll < 0.75 else "absent" if roll < 0.85 else "declined"
        return "invited" if roll < 0.5 else "confirmed" if roll < 0.85 else "declined"

    # --- press relations ---

    def interactions(self) -> None:
        kinds = Picker(self.rng, [k for k, _ in INTERACTION_WEIGHTS], [w for _, w in INTERACTION_WEIGHTS])
        office = [p.id for p in self.office_staff]
        made = 0
        while made < self.s.interactions:
            kind = kinds()
            journalist = self.pick(self.journalist_ids)
            occurred = self.work_time(self.day_between(self.start, DEMO_TODAY - timedelta(days=1)))
            values: dict[str, Any] = {
                "kind": kind,
                "staff_id": self.pick(office),
                "journalist_id": journalist,
            }
            topic = self.topic_names[self.pick(self.topic_ids)]
            name = self.journalist_names[journalist]
            if kind == "invitation" and self.inviting:
                activity_id, starts, invited = self.pick(self.inviting)
                values.update(activity_id=activity_id, journalist_id=invited[0] if invited else journalist)
                occurred = starts - timedelta(days=self.rng.randrange(2, 8))
                values["summary"] = "Gửi giấy mời dự họp báo qua thư điện tử và điện thoại xác nhận."
            elif kind == "question_received":
                due = occurred.date() + timedelta(days=30)
                values["summary"] = f"Phóng viên {name} đề nghị cung cấp thông tin về {topic}."
                values["due_date"] = due
                answered = self._answer_time(occurred, due)
                values["answered_at"] = answered
                if answered is not None:
                    made += 1
                    self.w.add(
                        "interaction",
                        self.touched(answered),
                        {
                            "kind": "reply_sent",
                            "journalist_id": journalist,
                            "staff_id": values["staff_id"],
                            "occurred_at": answered,
                            "summary": f"Trả lời bằng văn bản câu hỏi của phóng viên {name} về {topic}.",
                        },
                    )
            elif kind == "pitch":
                values["summary"] = f"Gợi ý đề tài viết về {topic}."
            elif kind == "interview":
                values["summary"] = f"Bố trí phỏng vấn lãnh đạo về {topic}."
            elif kind == "correction_request":
                values["summary"] = f"Đề nghị cải chính thông tin chưa chính xác về {topic}."
                values["due_date"] = occurred.date() + timedelta(days=self.pick((3, 5, 7)))
            elif kind == "press_release_sent":
                values["summary"] = f"Gửi thông cáo báo chí về {topic}."
            elif kind == "delivery_failed":
                values["summary"] = "Thư gửi thông cáo bị trả lại: hộp thư không tồn tại."
            else:
                values["summary"] = f"Trao đổi về {topic}."
            values["occurred_at"] = occurred
            if self.chance(0.15):
                values["agency_id"] = next(
                    (a for a, js in self.by_agency.items() if journalist in js[:1]), None
                )
            self.w.add("interaction", self.touched(occurred), values)
            made += 1

    def _answer_time(self, received: datetime, due: date) -> datetime | None:
        """Most questions answered within 30 days, some late, some still open: not yet due, or
        overdue by weeks (an office does not leave a reporter waiting for years)."""
        roll = self.rng.random()
        if local(due, 17) > DEMO_NOW:  # still within its 30 days
            if roll < 0.5:
                return min(DEMO_NOW, received + timedelta(days=self.rng.randrange(1, 20), hours=3))
            return None
        if roll < 0.8:
            return received + timedelta(days=self.rng.randrange(1, 29), hours=self.rng.randrange(1, 6))
        if roll < 0.93 or due < DEMO_TODAY - timedelta(days=OPEN_QUESTION_DAYS):
            return received + timedelta(days=self.rng.randrange(31, 55), hours=2)
        return None

    # --- budget ---

    def budget(self) -> None:
        allocations: list[tuple[str, int, int, str]] = []  # id, year, available, category
        for year in range(self.start.year, DEMO_TODAY.year + 1):
            for source, category, low, high in self._budget_lines(year):
                decided = self.workday_between(date(year, 1, 5), date(year, 1, 25))
                amount = round_to(self.rng.uniform(low, high), 1_000_000)
                allocation_id = self.w.add(
                    "budget_allocation",
                    self.touched(local(decided, 15)),
                    {
                        "fiscal_year": year,
                        "funding_source": source,
                        "task_category": category,
                        "decision_number": f"{self.rng.randrange(20, 250)}/QĐ-UBND",
                        "decision_date": decided,
                        "amount": amount,
                        "budget_code": BUDGET_CODES[category],
                        "notes": "",
                    },
                )
                available = amount
                if self.chance(0.3):
                    change = round_to(amount * self.rng.uniform(0.05, 0.2), 1_000_000) * self.pick((1, 1, -1))
                    adjusted = self.workday_between(date(year, 6, 1), date(year, 10, 31))
                    if adjusted < DEMO_TODAY:
                        available += change
                        self.w.add(
                            "budget_adjustment",
                            self.touched(local(adjusted, 15)),
                            {
                                "allocation_id": allocation_id,
                                "amount": change,
                                "decision_number": f"{self.rng.randrange(800, 2500)}/QĐ-UBND",
                                "decision_date": adjusted,
                                "reason": "Bổ sung kinh phí tổ chức họp báo, truyền thông đột xuất"
                                if change > 0
                                else "Điều chuyển kinh phí theo tiến độ thực hiện",
                            },
                        )
                allocations.append((allocation_id, year, available, category))
        total = sum(a[2] for a in allocations) or 1
        for allocation_id, year, available, category in allocations:
            count = max(1, round(self.s.expenses * available / total))
            self._expenses(allocation_id, year, available, category, count)

    def _budget_lines(self, year: int) -> list[tuple[str, str, float, float]]:
        lines = [("state_budget_provincial", c, low, high) for c, (low, high) in ALLOCATION_RANGES.items()]
        if self.chance(0.8):
            lines.append(("state_budget_central", "media_commissioning", 5e8, 2e9))
        if self.chance(0.6):
            lines.append(("programme", "media_commissioning", 3e8, 1.2e9))
            lines.append(("programme", "training", 1e8, 4e8))
        if self.chance(0.3):
            lines.append(("sponsorship", "publications", 5e7, 3e8))
        if self.chance(0.2):
            lines.append(("other", "other", 5e7, 2e8))
        return lines

    def _expenses(self, allocation_id: str, year: int, available: int, category: str, count: int) -> None:
        last = min(date(year, 12, 28), DEMO_TODAY - timedelta(days=1))
        first = date(year, 2, 1)
        elapsed = 1.0 if year < DEMO_TODAY.year else (DEMO_TODAY - date(year, 1, 1)).days / 365
        overspend = self.chance(0.05)
        target = available * (
            self.rng.uniform(1.0, 1.08) if overspend else self.rng.uniform(0.55, 0.97) * elapsed
        )
        if year == DEMO_TODAY.year:
            count = max(1, int(count * elapsed))
        linked = [p for p in self.paid.get(year, []) if KIND_CATEGORY.get(p[3]) == category]
        spent = 0
        weights = [self.rng.random() + 0.3 for _ in range(count)]
        share = target / sum(weights)
        for number, weight in enumerate(weights):
            voucher = f"PC{year}-{self.rng.randrange(1, 99999):05d}"
            values: dict[str, Any] = {"allocation_id": allocation_id, "voucher_number": voucher}
            if linked and self.chance(0.6):
                activity_id, amount, day, _ = linked.pop(self.rng.randrange(len(linked)))
                values.update(
                    activity_id=activity_id, description="Chi tổ chức hoạt động theo dự toán được duyệt"
                )
                day = min(day + timedelta(days=self.rng.randrange(0, 10)), last)
            else:
                amount = round_to(weight * share, 1000)
                day = self.day_between(first, last) if first <= last else last
                values["description"] = EXPENSE_TEXT[category]
            if category == "media_commissioning":
                values["payee"] = self.agency_info[self.agency_picker()].name
                values["description"] = "Thanh toán hợp đồng đặt hàng tuyên truyền trên báo chí"
            else:
                values["payee"] = self.pick(d.PAYEES)
            if spent <= available < spent + amount:
                values["overspend_reason"] = (
                    "Phát sinh do tổ chức thêm hoạt động đột xuất theo chỉ đạo của UBND tỉnh"
                )
            spent += amount
            values.update(spent_on=day, amount=amount)
            self.w.add("expense", self.touched(local(day, 16)), values)
            if number % 3000 == 0:
                self.step("budget", number / max(1, len(weights)))

    # --- monitoring ---

    def coverage(self) -> None:
        spikes = [
            (day, topic, weight)
            for day, needle, weight in SPIKES
            if self.start <= day <= DEMO_TODAY
            for topic in self.topic_ids
            if needle in self.topic_names[topic]
        ]
        span = (DEMO_TODAY - self.start).days
        share_spike = 0.08
        for number in range(self.s.coverage):
            spike = spikes[self.rng.randrange(len(spikes))] if spikes and self.chance(share_spike) else None
            if spike is not None:
                day = min(spike[0] + timedelta(days=int(self.rng.expovariate(1 / 4))), DEMO_TODAY)
                topic = spike[1]
                roll = self.rng.random()
                sentiment = "negative" if roll < 0.6 else "neutral" if roll < 0.9 else "positive"
            else:
                u = self.rng.random()
                day = self.start + timedelta(days=int(span * (u if number % 3 else u**0.6)))
                topic = self.pick(self.topic_ids)
                roll = self.rng.random()
                sentiment = "positive" if roll < 0.4 else "neutral" if roll < 0.9 else "negative"
            self._coverage_item(number, day, topic, sentiment)
            if number % 5000 == 0:
                self.step("coverage", number / self.s.coverage)

    def _coverage_item(self, number: int, day: date, topic: str, sentiment: str) -> None:
        agency_id = self.agency_picker()
        seed = self.agency_info[agency_id]
        writers = self.by_agency.get(agency_id)
        journalist = self.pick(writers) if writers and self.chance(0.7) else None
        author = self.journalist_names[journalist] if journalist else self.person_name()
        headline = self.pick(HEADLINES[sentiment]).format(topic=self.topic_names[topic])[:500]
        published = local(day, self.rng.randrange(5, 23), self.rng.randrange(60))
        medium = self.pick(seed.media)
        automatic = self.chance(0.7)
        needs_action = sentiment == "negative" and self.chance(0.6)
        status = "none"
        deadline = None
        if needs_action:
            deadline = day + timedelta(days=10)
            recent = (DEMO_TODAY - day).days < 20
            status = (
                self.pick(("open", "in_progress", "in_progress"))
                if recent
                else self.pick(("answered", "closed", "closed"))
            )
        reach_base = {"tv": 200_000, "radio": 50_000, "print": 20_000, "online": 30_000}[medium]
        activity = None
        if self.conferences and self.chance(0.05):
            activity = self.pick(self.conferences)[1]
        coverage_id = self.w.add(
            "coverage_item",
            self.touched(published + timedelta(hours=2)),
            {
                "headline": headline,
                "summary": f"Bài viết đề cập {self.topic_names[topic]} tại Quảng Ninh.",
                "agency_id": agency_id,
                "journalist_id": journalist,
                "medium": medium,
                "url": f"https://{seed.domain}/{slug(headline)}-{number + 100000}.html"
                if medium == "online"
                else "",
                "published_at": published,
                "author": author,
                "sentiment": sentiment,
                "sentiment_source": "automatic" if automatic else "manual",
                "sentiment_confidence": round(self.rng.uniform(0.55, 0.99), 2) if automatic else None,
                "reach": int(reach_base * self.rng.uniform(0.1, 3)),
                "needs_action": needs_action,
                "handling_status": status,
                "reply_deadline": deadline,
                "activity_id": activity,
            },
        )
        topics = [topic] if self.chance(0.75) else [topic, self.pick(self.topic_ids)]
        for topic_id in dict.fromkeys(topics):
            self.w.add(
                "coverage_topic",
                self.touched(published + timedelta(hours=3)),
                {"coverage_id": coverage_id, "topic_id": topic_id},
            )

    # --- all of it ---

    def run(self, existing_office: str | None) -> str:
        office_id = self.office(existing_office)
        steps: list[tuple[str, Callable[[], None]]] = [
            ("units", self.units),
            ("topics", self.topics),
            ("staff", self.staff),
            ("trainings", self.trainings),
            ("agencies", self.agencies),
            ("journalists", self.journalists),
            ("distribution lists", self.distribution_lists),
            ("activities", self.activities),
            ("interactions", self.interactions),
            ("budget", self.budget),
            ("coverage", self.coverage),
        ]
        for number, (name, step) in enumerate(steps):
            self.step(name, number / len(steps))
            step()
        self.w.flush()
        self.step("done", 1.0)
        return office_id


def last_weekday(year: int, month: int, weekday: int) -> date:
    """The last ``weekday`` (Monday = 0) of a month."""
    following = date(year + month // 12, month % 12 + 1, 1)
    day = following - timedelta(days=1)
    return day - timedelta(days=(day.weekday() - weekday) % 7)


ACTIVITY_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("portal_post", 24),
    ("social_post", 22),
    ("press_release", 10),
    ("interview", 8),
    ("written_reply", 6),
    ("policy_consultation", 4),
    ("press_briefing", 2),
    ("dialogue", 3),
    ("talk_show", 2),
    ("press_conference_thematic", 2.5),
    ("press_conference_adhoc", 0.8),
    ("press_conference_regular", 0.6),
    ("correction_request", 1.5),
    ("emergency_statement", 0.8),
    ("training", 1.5),
    ("other", 2),
)
AD_HOC_KINDS = frozenset(
    {"press_conference_adhoc", "emergency_statement", "correction_request", "written_reply"}
)
DURATIONS = {
    "press_conference_regular": 120,
    "press_conference_thematic": 90,
    "press_conference_adhoc": 60,
    "interview": 45,
    "dialogue": 180,
    "talk_show": 90,
    "press_briefing": 90,
    "policy_consultation": 150,
    "portal_post": 0,
    "social_post": 0,
    "press_release": 0,
    "written_reply": 0,
    "correction_request": 0,
}
COSTS = {
    "press_conference_regular": (8e6, 25e6),
    "press_conference_thematic": (10e6, 35e6),
    "press_conference_adhoc": (3e6, 12e6),
    "talk_show": (20e6, 80e6),
    "dialogue": (5e6, 20e6),
    "policy_consultation": (3e6, 15e6),
    "training": (10e6, 50e6),
}
KIND_CATEGORY = {
    "press_conference_regular": "press_conferences",
    "press_conference_thematic": "press_conferences",
    "press_conference_adhoc": "press_conferences",
    "dialogue": "press_conferences",
    "talk_show": "media_commissioning",
    "policy_consultation": "other",
    "training": "training",
}
ALLOCATION_RANGES = {
    "press_conferences": (3e8, 9e8),
    "media_commissioning": (1.5e9, 5e9),
    "training": (2e8, 6e8),
    "monitoring": (3e8, 1.2e9),
    "publications": (1.5e8, 5e8),
    "equipment": (1e8, 8e8),
    "other": (5e7, 3e8),
}
BUDGET_CODES = {
    "press_conferences": "6650/6651",
    "media_commissioning": "7000/7049",
    "training": "6650/6657",
    "monitoring": "7000/7012",
    "publications": "6600/6699",
    "equipment": "9050/9062",
    "other": "7750/7799",
}
EXPENSE_TEXT = {
    "press_conferences": "Chi thuê hội trường, nước uống, tài liệu họp báo",
    "media_commissioning": "Thanh toán hợp đồng đặt hàng tuyên truyền",
    "training": "Chi thù lao giảng viên, tài liệu lớp tập huấn",
    "monitoring": "Chi dịch vụ theo dõi, tổng hợp thông tin báo chí",
    "publications": "Chi in ấn ấn phẩm, tờ gấp tuyên truyền",
    "equipment": "Mua sắm thiết bị phục vụ phát ngôn, họp báo trực tuyến",
    "other": "Chi khác phục vụ công tác truyền thông chính sách",
}
INTERACTION_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("invitation", 22),
    ("pitch", 10),
    ("interview", 9),
    ("question_received", 22),
    ("correction_request", 3),
    ("press_release_sent", 18),
    ("delivery_failed", 2),
)
# (start, a word of the topic's name, weight): bursts of mostly negative coverage.
SPIKES: tuple[tuple[date, str, int], ...] = (
    (date(2018, 7, 20), "thiên tai", 1),
    (date(2021, 1, 29), "dịch bệnh", 1),
    (date(2022, 6, 10), "thủ tục hành chính", 1),
    (date(2023, 8, 15), "Luật Đất đai", 1),
    (date(2024, 9, 7), "thiên tai", 1),
    (date(2025, 5, 20), "dịch bệnh", 1),
    (date(2025, 8, 4), "hai cấp", 1),
    (date(2026, 1, 12), "bảng giá đất", 1),
    (date(2026, 10, 28), "phí tham quan", 1),
)
HEADLINES = {
    "positive": (
        "Quảng Ninh: {topic} mang lại hiệu quả rõ rệt",
        "Người dân đồng tình, ủng hộ {topic}",
        "Quảng Ninh đi đầu cả nước về {topic}",
        "Nhiều kết quả tích cực từ {topic}",
        "Doanh nghiệp đánh giá cao {topic} của Quảng Ninh",
    ),
    "neutral": (
        "Quảng Ninh triển khai {topic}",
        "Họp báo thông tin về {topic}",
        "Lấy ý kiến rộng rãi về {topic}",
        "UBND tỉnh Quảng Ninh chỉ đạo thực hiện {topic}",
        "Những điểm mới của {topic}",
    ),
    "negative": (
        "Người dân phản ánh bất cập trong {topic}",
        "Còn nhiều vướng mắc khi thực hiện {topic} ở Quảng Ninh",
        "Bức xúc vì {topic} chậm triển khai",
        "Dư luận lo ngại về {topic}",
        "Cần làm rõ trách nhiệm trong {topic}",
    ),
}


def activity_title(kind: str, topic: str, agency: str, incident: str, day: date, b: DemoBuilder) -> str:
    quarter = (day.month - 1) // 3 + 1
    if kind == "press_conference_regular":
        unit = b.unit_names[b.pick(b.unit_ids[: len(d.DEPARTMENTS)])]
        return f"Họp báo định kỳ của {unit} quý {quarter}/{day.year}"
    if kind == "press_conference_thematic":
        return f"Họp báo chuyên đề: {topic}"
    if kind == "press_conference_adhoc":
        return f"Họp báo đột xuất thông tin về {incident}"
    if kind == "press_release":
        return f"Thông cáo báo chí: {topic}"
    if kind == "interview":
        return f"Trả lời phỏng vấn {agency} về {topic}"
    if kind == "dialogue":
        if b.chance(0.5):
            return f"Đối thoại với doanh nghiệp về {topic}"
        return f"Đối thoại với Nhân dân {b.unit_names[b.pick(b.unit_ids)]} về {topic}"
    if kind == "talk_show":
        return f"Tọa đàm trên sóng Phát thanh – Truyền hình tỉnh: {topic}"
    if kind == "portal_post":
        return f"Đăng tin trên Cổng thông tin điện tử tỉnh: {topic}"
    if kind == "social_post":
        return f"Đăng bài trên trang mạng xã hội của UBND tỉnh: {topic}"
    if kind == "press_briefing":
        return f"Cung cấp thông tin tại hội nghị giao ban báo chí tháng {day.month}/{day.year}"
    if kind == "written_reply":
        return f"Trả lời bằng văn bản câu hỏi của {agency} về {topic}"
    if kind == "correction_request":
        return f"Đề nghị {agency} cải chính thông tin về {topic}"
    if kind == "emergency_statement":
        return f"Phát ngôn khẩn cấp về {incident}"
    if kind == "policy_consultation":
        return f"Hội nghị lấy ý kiến: {topic}"
    if kind == "training":
        return f"Tập huấn: {b.pick(d.TRAINING_COURSES)[0]}"
    return b.pick(
        (
            "Khảo sát nhu cầu thông tin của người dân",
            "Làm việc với Hội Nhà báo tỉnh",
            f"Tổ chức đoàn báo chí tác nghiệp tại {b.unit_names[b.pick(b.unit_ids)]}",
        )
    )


def generate(
    services: Services, scale: str = "small", seed: int = 7, progress: Progress | None = None
) -> dict[str, int]:
    """Fill the database behind ``services`` with demo data; returns the rows written per table."""
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; choose one of {', '.join(SCALES)}")
    existing = services.offices.current()
    with services.db.engine.begin() as connection:
        writer = RowWriter(connection, existing.id if existing else "", seed)
        builder = DemoBuilder(writer, SCALES[scale], seed, progress)
        office_id = builder.run(existing.id if existing else None)
    services.ctx.office_id = office_id
    refresh_planner_statistics(services.db.engine)
    services.bus.publish(set(SYNCED_MODELS))
    return {name: count for name, count in writer.counts.items() if count}


def has_data(services: Services) -> bool:
    """Whether the database already holds records beyond the office itself."""
    with services.db.session() as session:
        return any(
            session.scalar(select(model.id).limit(1)) is not None  # type: ignore[attr-defined]
            for name, model in SYNCED_MODELS.items()
            if name != "office"
        )
