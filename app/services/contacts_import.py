"""Importing journalists from a table: column mapping, a checked plan, then all-or-good rows.

Nothing is written until :meth:`ContactImporter.apply`; the plan says, for each rejected row,
every reason. The person then imports the good rows or nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.db import search_index_in_one_go
from app.errors import FieldProblem
from app.i18n import Message
from app.models import Journalist, PressAgency, new_id
from app.services.contact_files import Table, read_table
from app.services.duplicates import email_key
from app.services.fields import clean_fields
from app.services.labels import field_label
from app.services.media import IMPORT_NOTE_START, AgencyService, JournalistService, split_list
from app.text import fold, sort_key

IGNORE = ""
INSERT_BATCH = 2000
# Where a column's values can go. given/middle/family are put together as a Vietnamese name.
TARGETS = (
    "full_name",
    "family_name",
    "middle_name",
    "given_name",
    "agency",
    "title",
    "emails",
    "phones",
    "beats",
    "press_card_number",
    "press_card_issued",
    "press_card_expires",
    "resident_correspondent",
    "do_not_contact",
    "do_not_contact_reason",
    "notes",
)
# Several columns may feed these; their values are joined.
MULTI_TARGETS = frozenset({"emails", "phones", "beats", "notes"})
TARGET_LABELS = {
    "family_name": Message("Họ", "Family name"),
    "middle_name": Message("Tên đệm", "Middle name"),
    "given_name": Message("Tên", "Given name"),
    "agency": Message("Cơ quan báo chí", "Press agency"),
    "title": Message("Chức danh", "Title"),
}


def target_label(target: str) -> Message:
    return TARGET_LABELS.get(target) or field_label(target)


def _key(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(header)).strip()


# Known headers (folded) of Google Contacts, Outlook, and CommDesk's own export.
GOOGLE = {
    "name": "full_name",
    "given name": "given_name",
    "additional name": "middle_name",
    "family name": "family_name",
    "first name": "given_name",
    "middle name": "middle_name",
    "last name": "family_name",
    "organization 1 name": "agency",
    "organization name": "agency",
    "organization 1 title": "title",
    "organization title": "title",
    "notes": "notes",
    "group membership": IGNORE,
    "labels": IGNORE,
}
OUTLOOK = {
    "first name": "given_name",
    "middle name": "middle_name",
    "last name": "family_name",
    "company": "agency",
    "job title": "title",
    "title": IGNORE,  # Mr., Ms.: an honorific, not the job
    "suffix": IGNORE,
    "e mail address": "emails",
    "e mail 2 address": "emails",
    "e mail 3 address": "emails",
    "mobile phone": "phones",
    "business phone": "phones",
    "business phone 2": "phones",
    "home phone": "phones",
    "primary phone": "phones",
    "notes": "notes",
    "categories": "beats",
}
GENERIC = {
    "ho va ten": "full_name",
    "ho ten": "full_name",
    "full name": "full_name",
    "ten": "full_name",
    "name": "full_name",
    "ho": "family_name",
    "co quan": "agency",
    "co quan bao chi": "agency",
    "bao": "agency",
    "agency": "agency",
    "press agency": "agency",
    "organisation": "agency",
    "organization": "agency",
    "chuc danh": "title",
    "chuc vu": "title",
    "tieu de": "title",
    "title": "title",
    "email": "emails",
    "e mail": "emails",
    "e mails": "emails",
    "thu dien tu": "emails",
    "dien thoai": "phones",
    "so dien thoai": "phones",
    "phone": "phones",
    "phones": "phones",
    "mobile": "phones",
    "linh vuc": "beats",
    "linh vuc theo doi": "beats",
    "beats": "beats",
    "so the nha bao": "press_card_number",
    "the nha bao": "press_card_number",
    "press card number": "press_card_number",
    "ngay cap the": "press_card_issued",
    "press card issued": "press_card_issued",
    "ngay het han the": "press_card_expires",
    "han the": "press_card_expires",
    "press card expires": "press_card_expires",
    "phong vien thuong tru": "resident_correspondent",
    "thuong tru": "resident_correspondent",
    "resident correspondent": "resident_correspondent",
    "khong lien he": "do_not_contact",
    "do not contact": "do_not_contact",
    "ly do khong lien he": "do_not_contact_reason",
    "do not contact reason": "do_not_contact_reason",
    "ghi chu": "notes",
    "notes": "notes",
}


def recognise_layout(headers: list[str]) -> str:
    keys = {_key(h) for h in headers}
    if {"given name", "family name"} <= keys or any(k.startswith("e mail 1 ") for k in keys):
        return "google"
    if {"e mail address", "company"} & keys and "job title" in keys:
        return "outlook"
    return "generic"


def suggest_mapping(headers: list[str]) -> tuple[str, list[str]]:
    """The recognised layout and, for each column, its target ('' to ignore it)."""
    layout = recognise_layout(headers)
    known = {"google": GOOGLE, "outlook": OUTLOOK}.get(layout, {})
    mapping = []
    for header in headers:
        key = _key(header)
        target = known.get(key)
        if target is None and layout == "google":
            if re.fullmatch(r"e mail \d+ value", key):
                target = "emails"
            elif re.fullmatch(r"phone \d+ value", key):
                target = "phones"
        if target is None:
            target = GENERIC.get(key, IGNORE)
        mapping.append(target)
    # A single-valued target takes only its first column.
    seen: set[str] = set()
    for i, target in enumerate(mapping):
        if target and target not in MULTI_TARGETS:
            if target in seen:
                mapping[i] = IGNORE
            seen.add(target)
    return layout, mapping


@dataclass(frozen=True)
class RejectedRow:
    line: int  # line number in the file (the header is line 1)
    reasons: tuple[Message, ...]
    preview: str


@dataclass(frozen=True)
class GoodRow:
    line: int
    values: dict[str, Any]  # journalist fields, cleaned
    agency_name: str


@dataclass
class ImportPlan:
    source: str
    layout: str
    mapping: list[str]
    headers: list[str]
    good: list[GoodRow] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    new_agencies: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.good) + len(self.rejected)


@dataclass(frozen=True)
class ImportResult:
    imported: int
    agencies_created: int
    # Agencies the file named that were not known: created as central newspapers, marked in
    # their notes (NEW_AGENCY_NOTE) until someone checks their type and level.
    new_agencies: tuple[str, ...] = ()


NEW_AGENCY_NOTE = Message(
    IMPORT_NOTE_START + " từ {source}: cần kiểm tra loại hình và cấp.",
    "Created by the contacts import from {source}: check its type and level.",
)


def _problem(reason_vi: str, reason_en: str) -> Message:
    return Message(reason_vi, reason_en)


class ContactImporter:
    def __init__(self, journalists: JournalistService, agencies: AgencyService) -> None:
        self.journalists = journalists
        self.agencies = agencies
        self.ctx = journalists.ctx

    def read(self, path: Path) -> Table:
        return read_table(path)

    def plan(self, table: Table, mapping: list[str] | None = None, source: str = "") -> ImportPlan:
        if table.kind == "vcard":
            layout, mapping = "vcard", list(table.headers)
        else:
            layout, suggested = suggest_mapping(table.headers)
            mapping = list(mapping) if mapping is not None else suggested
        if len(mapping) != len(table.headers):
            raise ValueError("one target per column")
        plan = ImportPlan(source, layout, mapping, list(table.headers))
        plan.ignored_columns = [h for h, t in zip(table.headers, mapping, strict=True) if not t]
        if not ({"full_name", "given_name", "family_name"} & set(mapping)):
            missing = Message(
                "chưa chọn cột nào cho họ và tên", "no column is mapped to the name of the journalist"
            )
            plan.rejected = [RejectedRow(i + 2, (missing,), _preview(r)) for i, r in enumerate(table.rows)]
            return plan

        agencies = self._agency_index()
        known_emails = self._known_emails()
        seen: dict[str, int] = {}
        new_agencies: dict[str, str] = {}
        for index, raw in enumerate(table.rows):
            line = index + 2
            values, agency_name = _gather(mapping, raw)
            reasons = self._row_problems(values)
            key = _row_key(values)
            if not reasons and key in seen:
                reasons.append(_problem(f"trùng với dòng {seen[key]}", f"same as line {seen[key]}"))
            if not reasons:
                for email in split_list(values.get("emails")):
                    if (owner := known_emails.get(email_key(email))) is not None:
                        reasons.append(
                            _problem(
                                f"đã có trong danh bạ: {owner} dùng thư điện tử {email}",
                                f"already in the contacts: {owner} has the e-mail {email}",
                            )
                        )
                        break
            if reasons:
                plan.rejected.append(RejectedRow(line, tuple(reasons), _preview(raw)))
                continue
            seen[key] = line
            if agency_name:
                folded = " ".join(fold(agency_name).split())
                if folded in agencies:
                    values["agency_id"] = agencies[folded]
                else:
                    new_agencies.setdefault(folded, agency_name)
            plan.good.append(GoodRow(line, values, agency_name))
        plan.new_agencies = sorted(new_agencies.values(), key=sort_key)
        return plan

    def _row_problems(self, values: dict[str, Any]) -> list[Message]:
        specs = self.journalists.specs
        cleaned, problems = clean_fields(specs, values, creating=True)
        problems.extend(self.journalists._check_order(cleaned))
        if not problems:
            problems.extend(self.journalists.check(None, cleaned, None))  # type: ignore[arg-type]
        values.clear()
        values.update(cleaned)
        return [_describe(p) for p in problems]

    def _agency_index(self) -> dict[str, str]:
        index: dict[str, str] = {}
        query = select(PressAgency.id, PressAgency.name, PressAgency.short_name).where(
            PressAgency.deleted_at.is_(None)
        )
        with self.ctx.db.session() as session:
            for agency_id, name, short in session.execute(query):
                for text in (name, short):
                    if text:
                        index.setdefault(" ".join(fold(text).split()), agency_id)
        return index

    def _known_emails(self) -> dict[str, str]:
        """E-mail -> name of the journalist who has it. (Phones alone are too often shared, a
        newsroom's switchboard, to refuse a row; the duplicate finder weighs them instead.)"""
        emails: dict[str, str] = {}
        query = select(Journalist.full_name, Journalist.emails).where(Journalist.deleted_at.is_(None))
        with self.ctx.db.session() as session:
            for name, mail in session.execute(query):
                for e in split_list(mail):
                    emails.setdefault(email_key(e), name)
        return emails

    def apply(self, plan: ImportPlan) -> ImportResult:
        """Import the plan's good rows, all in one transaction (a failure leaves nothing).

        Each row is validated and recorded (outbox, audit) like any other write, but written
        in batches of one statement per table rather than row by row: 20k rows in seconds.
        """
        if not plan.good:
            return ImportResult(0, 0)
        created_agencies: dict[str, str] = {}
        with self.ctx.db.session() as session, session.begin():
            # Agencies referenced by the rows are checked from the identity map, not one query each
            # (the map holds objects weakly: keep them referenced for the whole transaction).
            loaded = session.scalars(select(PressAgency).where(PressAgency.deleted_at.is_(None))).all()
            note = NEW_AGENCY_NOTE.format(source=plan.source or "?").vi
            for name in plan.new_agencies:
                row = self.agencies.create_in(
                    session, {"name": name, "kind": "newspaper", "level": "central", "notes": note}
                )
                created_agencies[" ".join(fold(name).split())] = row.id
            fields = list(self.journalists.specs)
            # Every row carries every field (one statement needs the same columns in each row).
            defaults = {name: None for name in fields} | self.journalists._defaults()
            batch: list[dict[str, Any]] = []
            with session.no_autoflush, search_index_in_one_go(session.connection(), Journalist.__tablename__):
                for good in plan.good:
                    values = dict(good.values)
                    if good.agency_name and "agency_id" not in values:
                        values["agency_id"] = created_agencies.get(" ".join(fold(good.agency_name).split()))
                    cleaned = self.journalists.validate(session, values, current=None)
                    batch.append({"id": new_id(), "office_id": self.ctx.office_id, **defaults, **cleaned})
                    if len(batch) == INSERT_BATCH:
                        self.ctx.insert_many(session, Journalist, batch, fields)
                        session.flush()
                        batch = []
                self.ctx.insert_many(session, Journalist, batch, fields)
                session.flush()
            del loaded
        self.ctx.bus.publish({"journalist", "press_agency"})
        return ImportResult(len(plan.good), len(created_agencies), tuple(plan.new_agencies))

    def import_file(self, path: Path, good_rows: bool) -> tuple[ImportPlan, ImportResult]:
        """Read, check and import: every row or, with rejected rows, the good ones only if asked."""
        plan = self.plan(self.read(path), source=path.name)
        if plan.rejected and not good_rows:
            return plan, ImportResult(0, 0)
        return plan, self.apply(plan)


def _gather(mapping: list[str], raw: list[str]) -> tuple[dict[str, Any], str]:
    collected: dict[str, list[str]] = {}
    for target, cell in zip(mapping, raw, strict=False):
        if target and cell and cell.strip():
            collected.setdefault(target, []).append(cell.strip())
    values: dict[str, Any] = {}
    for target, cells in collected.items():
        if target in ("emails", "phones", "beats"):
            values[target] = ", ".join(x for c in cells for x in split_list(c.replace(" ::: ", ",")))
        elif target == "notes":
            values[target] = "\n".join(cells)
        else:
            values[target] = cells[0]
    parts = [values.pop(k, "") for k in ("family_name", "middle_name", "given_name")]
    if not values.get("full_name"):
        values["full_name"] = " ".join(p for p in parts if p)
    for flag in ("resident_correspondent", "do_not_contact"):
        if flag in values:
            values[flag] = _yes(values[flag])
    agency_name = values.pop("agency", "")
    return values, agency_name


def _yes(text: str) -> Any:
    folded = fold(text).strip()
    if folded in ("x", "co", "yes", "y", "true", "1", "dung"):
        return True
    if folded in ("", "khong", "no", "n", "false", "0", "sai"):
        return False
    return text  # left as written: validation says why it is refused


def _row_key(values: dict[str, Any]) -> str:
    emails = sorted(email_key(e) for e in split_list(values.get("emails")))
    return " ".join(fold(values.get("full_name", "")).split()) + "|" + ",".join(emails)


def _describe(problem: FieldProblem) -> Message:
    label = target_label(problem.field)
    return Message(f"{label.vi}: {problem.reason.vi}", f"{label.en}: {problem.reason.en}")


def _preview(raw: Iterable[str], limit: int = 120) -> str:
    text = " | ".join(c.strip() for c in raw if c and c.strip())
    return text if len(text) <= limit else text[: limit - 1] + "…"
