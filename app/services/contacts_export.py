"""Exporting journalists to CSV (UTF-8 with BOM, so Excel shows Vietnamese), XLSX or vCard."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.models import Journalist, PressAgency
from app.services.contacts_import import target_label
from app.services.context import ServiceContext
from app.services.vcard import write_vcards

FORMATS = ("csv", "xlsx", "vcf")
COLUMNS = (
    "full_name",
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


class ContactExporter:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def people(self, ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
        query = (
            select(Journalist, PressAgency.name)
            .outerjoin(PressAgency, PressAgency.id == Journalist.agency_id)
            .where(Journalist.deleted_at.is_(None))
            .order_by(Journalist.name_key, Journalist.id)
        )
        wanted = set(ids) if ids is not None else None
        found = []
        with self.ctx.db.session() as session:
            for person, agency in session.execute(query):
                if wanted is not None and person.id not in wanted:
                    continue
                row = {c: getattr(person, c) for c in COLUMNS if c != "agency"}
                row["agency"] = agency or ""
                found.append(row)
        return found

    def export(
        self, path: Path, fmt: str, ids: Sequence[str] | None = None, vcard_version: str = "3.0"
    ) -> int:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt}")
        people = self.people(ids)
        headers = [str(target_label(c)) for c in COLUMNS]
        if fmt == "vcf":
            path.write_text(write_vcards(people, vcard_version), encoding="utf-8", newline="")
        elif fmt == "csv":
            with path.open("w", encoding="utf-8-sig", newline="") as out:
                writer = csv.writer(out)
                writer.writerow(headers)
                for person in people:
                    writer.writerow([_text(person[c]) for c in COLUMNS])
        else:
            from openpyxl import Workbook

            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet("Nha bao")
            sheet.append(headers)
            for person in people:
                sheet.append([_cell(person[c]) for c in COLUMNS])
            workbook.save(path)
        return len(people)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "có" if value else ""
    return value if value is not None else ""
