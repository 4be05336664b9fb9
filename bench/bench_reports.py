"""Quarterly report PDF on the large data set (DESIGN.md §5: <= 3 s)."""

from __future__ import annotations

import statistics
from datetime import date

from bench.common import Measurement, large_dataset, timings_ms, working_copy


def busiest_quarter(services: object) -> tuple[int, int]:
    from sqlalchemy import func, select

    from app.models import Activity

    month = func.strftime("%Y-%m", Activity.starts_at)
    with services.db.session() as session:  # type: ignore[attr-defined]
        rows = session.execute(select(month, func.count()).group_by(month)).all()
    per_quarter: dict[tuple[int, int], int] = {}
    for code, n in rows:
        year, m = int(code[:4]), int(code[5:7])
        key = (year, (m - 1) // 3 + 1)
        per_quarter[key] = per_quarter.get(key, 0) + int(n)
    return max(per_quarter, key=lambda k: per_quarter[k])


def run() -> list[Measurement]:
    from app.reports.documents import ReportKey, open_document, render
    from app.services import open_services

    folder = working_copy(large_dataset(), "reports")
    services = open_services(folder, actor="bench")
    try:
        year, quarter = busiest_quarter(services)
        key = ReportKey.quarterly(year, quarter)
        sizes: dict[str, float] = {}

        def figures_only() -> None:
            open_document(services, key, today=date(year, 12, 31))

        def quarterly_pdf() -> None:
            document = open_document(services, key, today=date(year, 12, 31))
            rendered = render(document, with_xlsx=False)
            sizes["pages"] = rendered.pdf.count(b"/Type /Page\n")
            sizes["plan_rows"] = len(document.figures["plan"])
            sizes["activities"] = document.figures["activities"]["total"]

        def with_xlsx() -> None:
            render(open_document(services, key, today=date(year, 12, 31)), with_xlsx=True)

        def annual_pdf() -> None:
            render(open_document(services, ReportKey.annual(year), today=date(year, 12, 31)), with_xlsx=False)

        figures = timings_ms(figures_only, repeat=3)
        pdf = timings_ms(quarterly_pdf, repeat=3)
        both = timings_ms(with_xlsx, repeat=2)
        annual = timings_ms(annual_pdf, repeat=2)
    finally:
        services.close()
    details: dict[str, float | str] = {"quarter": f"Q{quarter}/{year}", **sizes}
    return [
        Measurement(
            "reports: quarterly figures (large set)", statistics.median(figures), "ms", details=details
        ),
        Measurement(
            "reports: quarterly PDF, figures included (large set)",
            statistics.median(pdf),
            "ms",
            3000,
            details=details,
        ),
        Measurement(
            "reports: quarterly PDF + XLSX (large set)", statistics.median(both), "ms", details=details
        ),
        Measurement("reports: annual spokesperson PDF (large set)", statistics.median(annual), "ms", 3000),
    ]
