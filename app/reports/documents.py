"""Reports as documents: figures plus narrative, rendered to PDF and XLSX, drafted and issued.

A draft recomputes its figures every time it is opened. Issuing freezes the figures, the
office details and the document date in the report record together with the SHA-256 of the
PDF; the PDF is reproducible byte for byte, so an issued report reopens exactly as issued.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time
from typing import Any

from app.errors import FieldProblem, ValidationError
from app.i18n import Message
from app.models import enums as e
from app.reports.figures import annual_figures, quarterly_figures
from app.reports.pdf import render_pdf
from app.reports.periods import LOCAL_TZ, Period
from app.reports.tables import Narrative, default_subject, layout_for
from app.reports.xlsx import render_xlsx
from app.services import Services
from app.services.labels import field_label

Progress = Callable[[float], None]
# Where the figures end and the layout begins on the progress bar: on a large data set the
# queries take most of the time (bench/bench_reports.py), the pages the rest.
FIGURES_SHARE = 0.7
PDF_SHARE = 0.9  # of the rendering, when the XLSX is made too


def part(progress: Progress | None, start: float, end: float) -> Progress | None:
    """``progress`` for one phase: its 0 to 1 mapped onto ``start`` to ``end`` of the whole."""
    if progress is None:
        return None
    whole = progress
    return lambda fraction: whole(start + (end - start) * min(1.0, max(0.0, fraction)))


@dataclass(frozen=True)
class ReportKey:
    kind: str  # ReportKind code
    year: int
    period: int  # quarter 1-4; 0 for the annual report

    @staticmethod
    def quarterly(year: int, quarter: int) -> ReportKey:
        return ReportKey(e.ReportKind.QUARTERLY.value, year, quarter)

    @staticmethod
    def annual(year: int) -> ReportKey:
        return ReportKey(e.ReportKind.ANNUAL_SPOKESPERSON.value, year, 0)


@dataclass
class ReportDocument:
    """Everything needed to render one report, as it stands now (draft) or as issued."""

    key: ReportKey
    figures: dict[str, Any]
    narrative: Narrative
    document_date: date
    record_id: str | None = None
    status: str = e.ReportStatus.DRAFT.value
    file_sha256: str = ""

    @property
    def issued(self) -> bool:
        return self.status == e.ReportStatus.ISSUED.value

    @property
    def period(self) -> Period:
        return Period.from_dict(self.figures["period"])

    def office(self) -> dict[str, Any]:
        return dict(self.figures["office"])


@dataclass(frozen=True)
class RenderedReport:
    pdf: bytes
    xlsx: bytes | None
    sha256: str


def today_local() -> date:
    return datetime.now(LOCAL_TZ).date()


def compute_figures(
    services: Services, key: ReportKey, today: date | None = None, progress: Progress | None = None
) -> dict[str, Any]:
    if key.kind == e.ReportKind.ANNUAL_SPOKESPERSON.value:
        return annual_figures(services, key.year, today, progress)
    return quarterly_figures(services, key.year, key.period, today, progress)


def _find_record(services: Services, key: ReportKey) -> Any | None:
    rows = services.reports.list(
        {"kind": key.kind, "year": key.year, "period": key.period},
        order_by="updated_at",
        descending=True,
        limit=1,
    )
    return rows[0] if rows else None


def _narrative(record: Any | None, office: dict[str, Any]) -> Narrative:
    if record is None:
        return Narrative(
            signer_name=office.get("signer_name", ""),
            signer_title=office.get("signer_title", ""),
            recipients=office.get("report_recipients", ""),
        )
    return Narrative(
        number=record.number,
        subject=record.subject,
        assessment=record.assessment,
        next_tasks=record.next_tasks,
        recommendations=record.recommendations,
        signer_name=record.signer_name or office.get("signer_name", ""),
        signer_title=record.signer_title or office.get("signer_title", ""),
        recipients=office.get("report_recipients", ""),
    )


def open_document(
    services: Services, key: ReportKey, today: date | None = None, progress: Progress | None = None
) -> ReportDocument:
    """The report for ``key``: frozen if it was issued, recomputed if it is a draft or new.
    ``progress`` hears of each section's figures as they are computed."""
    record = _find_record(services, key)
    if record is not None and record.status == e.ReportStatus.ISSUED.value and record.figures_json:
        frozen = json.loads(record.figures_json)
        if progress is not None:
            progress(1.0)  # nothing to compute: the figures were frozen when it was issued
        figures = frozen["figures"]
        return ReportDocument(
            key=key,
            figures=figures,
            narrative=_narrative(record, figures["office"]),
            document_date=date.fromisoformat(frozen["document_date"]),
            record_id=record.id,
            status=record.status,
            file_sha256=record.file_sha256,
        )
    figures = compute_figures(services, key, today, progress)
    return ReportDocument(
        key=key,
        figures=figures,
        narrative=_narrative(record, figures["office"]),
        document_date=today or today_local(),
        record_id=record.id if record is not None else None,
    )


def render(
    document: ReportDocument, with_xlsx: bool = True, progress: Progress | None = None
) -> RenderedReport:
    """The PDF (and the XLSX); ``progress`` runs from 0 to 1 over the layout of the pages."""
    layout = layout_for(document.figures, document.narrative)
    office = document.office()
    pdf_progress = part(progress, 0.0, PDF_SHARE if with_xlsx else 1.0)
    pdf = render_pdf(
        layout, office, document.narrative, document.document_date, document.figures, pdf_progress
    )
    xlsx = render_xlsx(layout, office, document.narrative, document.figures) if with_xlsx else None
    if progress is not None:
        progress(1.0)
    return RenderedReport(pdf=pdf, xlsx=xlsx, sha256=hashlib.sha256(pdf).hexdigest())


def generate(
    services: Services, key: ReportKey, narrative: Narrative | None = None, progress: Progress | None = None
) -> tuple[ReportDocument, RenderedReport]:
    """Open and render the report of ``key`` (a draft with ``narrative``, when given);
    ``progress`` runs from 0 to 1 over the figures, then over the pages."""
    document = open_document(services, key, progress=part(progress, 0.0, FIGURES_SHARE))
    if narrative is not None and not document.issued:
        document.narrative = narrative
    return document, render(document, progress=part(progress, FIGURES_SHARE, 1.0))


def _already_issued() -> ValidationError:
    return ValidationError(
        [
            FieldProblem(
                "status",
                field_label("status"),
                Message(
                    "báo cáo đã ban hành, không sửa được; hãy lập báo cáo mới nếu cần",
                    "the report was issued and cannot be changed",
                ),
            )
        ]
    )


def _record_values(key: ReportKey, narrative: Narrative) -> dict[str, Any]:
    return {
        "kind": key.kind,
        "year": key.year,
        "period": key.period,
        "number": narrative.number,
        "subject": narrative.subject,
        "assessment": narrative.assessment,
        "next_tasks": narrative.next_tasks,
        "recommendations": narrative.recommendations,
        "signer_name": narrative.signer_name,
        "signer_title": narrative.signer_title,
    }


def save_draft(services: Services, key: ReportKey, narrative: Narrative) -> Any:
    """Store the narrative of a draft (creating its record); an issued report is refused."""
    record = _find_record(services, key)
    values = _record_values(key, narrative)
    if record is None:
        return services.reports.create({**values, "status": e.ReportStatus.DRAFT.value})
    if record.status == e.ReportStatus.ISSUED.value:
        raise _already_issued()
    return services.reports.update(record.id, values)


def issue(
    services: Services,
    key: ReportKey,
    narrative: Narrative,
    document_date: date | None = None,
    progress: Progress | None = None,
) -> tuple[ReportDocument, RenderedReport]:
    """Freeze the report: figures computed now, the narrative given, the PDF's checksum."""
    if not narrative.number.strip():
        raise ValidationError(
            [
                FieldProblem(
                    "number",
                    field_label("number"),
                    Message("cần có số văn bản khi ban hành", "is needed to issue"),
                )
            ]
        )
    record = _find_record(services, key)
    if record is not None and record.status == e.ReportStatus.ISSUED.value:
        raise _already_issued()
    day = document_date or today_local()
    figures = compute_figures(services, key, day, part(progress, 0.0, FIGURES_SHARE))
    subject = narrative.subject or default_subject(key.kind, Period.from_dict(figures["period"]))
    narrative = replace(narrative, subject=subject, recipients=figures["office"].get("report_recipients", ""))
    document = ReportDocument(key, figures, narrative, day, status=e.ReportStatus.ISSUED.value)
    rendered = render(document, progress=part(progress, FIGURES_SHARE, 1.0))
    values = {
        **_record_values(key, narrative),
        "status": e.ReportStatus.ISSUED.value,
        "symbol": f"BC-{figures['office'].get('symbol_suffix') or 'UBND'}",
        "issued_at": datetime.combine(day, time(12), LOCAL_TZ).astimezone(UTC),
        "figures_json": json.dumps(
            {"figures": figures, "document_date": day.isoformat()}, ensure_ascii=False
        ),
        "file_sha256": rendered.sha256,
    }
    if record is None:
        row = services.reports.create(values)
    else:
        row = services.reports.update(record.id, values, action="issue")
    document.record_id = row.id
    document.file_sha256 = rendered.sha256
    return document, rendered
