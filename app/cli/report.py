"""``commdesk report``: the quarterly and annual reports as PDF (and XLSX), without a display."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    report = subparsers.add_parser("report", help="write the quarterly or annual report as PDF/XLSX")
    kinds = report.add_subparsers(dest="report_kind", metavar="KIND", required=True)

    quarterly = kinds.add_parser("quarterly", help="the quarterly report (Decree 30/2020 format)")
    quarterly.add_argument("--year", type=int, required=True)
    quarterly.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], required=True)
    _common(quarterly)

    annual = kinds.add_parser("annual", help="the annual spokesperson report (Decree 244/2026, Art. 10)")
    annual.add_argument("--year", type=int, required=True)
    _common(annual)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    parser.add_argument("--xlsx", type=Path, help="also write the tables to this XLSX file")
    parser.add_argument(
        "--date", type=date.fromisoformat, help="document date of a draft, YYYY-MM-DD (default: today)"
    )
    parser.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace, folder: Path) -> int:
    from app.reports.documents import ReportKey, open_document, render
    from app.services import open_services

    if args.report_kind == "quarterly":
        key = ReportKey.quarterly(args.year, args.quarter)
    else:
        key = ReportKey.annual(args.year)
    services = open_services(folder)
    try:
        document = open_document(services, key, args.date)
    finally:
        services.close()
    rendered = render(document, with_xlsx=args.xlsx is not None)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(rendered.pdf)
    print(args.out)
    if args.xlsx is not None and rendered.xlsx is not None:
        args.xlsx.parent.mkdir(parents=True, exist_ok=True)
        args.xlsx.write_bytes(rendered.xlsx)
        print(args.xlsx)
    if document.issued:
        state = "issued" if rendered.sha256 == document.file_sha256 else "issued (CHECKSUM DIFFERS)"
        print(f"{state}: SHA-256 {rendered.sha256}")
    return 0
