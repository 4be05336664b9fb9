"""Past reports: the drafts and issued reports on record, newest period first (no Qt).

The list reads only the columns it shows; an issued report's frozen figures stay in the
database until the report is opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app.errors import FieldProblem, ValidationError
from app.i18n import Message
from app.models import Office, Report
from app.models import enums as e
from app.reports.documents import ReportKey
from app.reports.periods import LOCAL_TZ
from app.services import Services
from app.services.labels import field_label


@dataclass(frozen=True)
class ReportEntry:
    id: str
    key: ReportKey
    number: str  # "7/BC-UBND", or "" for a draft without a number yet
    issued_on: date | None
    signer_name: str
    status: str  # ReportStatus code
    updated_at: datetime

    @property
    def issued(self) -> bool:
        return self.status == e.ReportStatus.ISSUED.value


def past_reports(services: Services, year: int | None = None) -> list[ReportEntry]:
    """Every report on record (of ``year``, when given): the latest record of each period."""
    query = select(
        Report.id,
        Report.kind,
        Report.year,
        Report.period,
        Report.number,
        Report.symbol,
        Report.issued_at,
        Report.signer_name,
        Report.status,
        Report.updated_at,
    ).where(Report.deleted_at.is_(None))
    if year is not None:
        query = query.where(Report.year == year)
    with services.db.session() as session:
        suffix = session.scalar(
            select(Office.symbol_suffix)
            .where(Office.deleted_at.is_(None))
            .order_by(Office.updated_at)
            .limit(1)
        )
        rows = session.execute(query.order_by(Report.updated_at.desc())).all()
    entries: dict[ReportKey, ReportEntry] = {}
    for row_id, kind, row_year, period, number, symbol, issued_at, signer, status, updated in rows:
        key = ReportKey(kind, row_year, period)
        if key in entries:
            continue  # an older record of the same period: the page opens the latest
        number = number.strip()
        entries[key] = ReportEntry(
            id=row_id,
            key=key,
            number=f"{number}/{symbol or 'BC-' + (suffix or 'UBND')}" if number else "",
            issued_on=issued_at.astimezone(LOCAL_TZ).date() if issued_at else None,
            signer_name=signer,
            status=status,
            updated_at=updated,
        )
    return sorted(entries.values(), key=lambda r: (-r.key.year, -r.key.period, r.key.kind))


def report_years(services: Services) -> list[int]:
    """The years that have reports on record, latest first."""
    with services.db.session() as session:
        years = session.scalars(
            select(Report.year).where(Report.deleted_at.is_(None)).distinct().order_by(Report.year.desc())
        )
        return [int(y) for y in years]


def delete_draft(services: Services, record_id: str) -> None:
    """Delete a draft; an issued report is part of the record and is refused."""
    record = services.reports.get(record_id)
    if record.status == e.ReportStatus.ISSUED.value:
        raise ValidationError(
            [
                FieldProblem(
                    "status",
                    field_label("status"),
                    Message(
                        "báo cáo đã ban hành, không xóa được; chỉ xóa được dự thảo",
                        "the report was issued and cannot be deleted; only drafts can",
                    ),
                )
            ]
        )
    services.reports.delete(record_id)
