"""The report's tables as an XLSX workbook: one sheet for the summary, one per table."""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.reports.periods import LOCAL_TZ, Period
from app.reports.tables import DATE, DATETIME, INT, MONEY, PERCENT, Layout, Narrative, Subheading
from app.reports.tables import Table as ReportTable

MONEY_FORMAT = '#,##0" đ"'
INT_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0%"
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="E8EDF3")
TOTAL_FILL = PatternFill("solid", fgColor="F4F6F8")


def render_xlsx(
    layout: Layout, office: dict[str, Any], narrative: Narrative, figures: dict[str, Any]
) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    summary.title = "Tổng hợp"
    _summary(summary, layout, office, narrative, figures)
    used: set[str] = {summary.title}
    for table in layout.tables():
        sheet = workbook.create_sheet(_sheet_name(table, used))
        write_table(sheet, table)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_name(table: ReportTable, used: set[str]) -> str:
    base = f"Bảng {table.number}"
    name = base
    index = 2
    while name in used:
        name = f"{base} ({index})"
        index += 1
    used.add(name)
    return name


def _summary(
    sheet: Worksheet, layout: Layout, office: dict[str, Any], narrative: Narrative, figures: dict[str, Any]
) -> None:
    period = Period.from_dict(figures["period"])
    rows: list[tuple[str, Any]] = [
        ("Cơ quan", office.get("name", "")),
        ("Cơ quan cấp trên", office.get("superior_body", "")),
        ("Báo cáo", layout.subject),
        ("Số", f"{narrative.number}/BC-{office.get('symbol_suffix', '')}" if narrative.number else ""),
        ("Từ ngày", period.first),
        ("Đến ngày", period.last),
        ("Ngày lập số liệu", date.fromisoformat(figures["computed_on"])),
        ("Người ký", narrative.signer_name or office.get("signer_name", "")),
    ]
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 90
    for index, (name, value) in enumerate(rows, start=1):
        sheet.cell(index, 1, name).font = Font(bold=True)
        cell = sheet.cell(index, 2, value)
        if isinstance(value, date):
            cell.number_format = DATE_FORMAT
            cell.alignment = Alignment(horizontal="left")
    row = len(rows) + 2
    sheet.cell(row, 1, "Bảng").font = Font(bold=True)
    sheet.cell(row, 2, "Nội dung").font = Font(bold=True)
    for table in layout.tables():
        row += 1
        sheet.cell(row, 1, f"Bảng {table.number}")
        sheet.cell(row, 2, table.title)
    row += 2
    for section in layout.sections:
        sheet.cell(row, 1, f"{section.number}.").font = Font(bold=True)
        sheet.cell(row, 2, section.title).font = Font(bold=True)
        row += 1
        for block in section.blocks:
            if isinstance(block, str | Subheading):
                text = block.text if isinstance(block, Subheading) else block
                cell = sheet.cell(row, 2, text)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                row += 1


def _value(value: Any, kind: str) -> tuple[Any, str | None]:
    if value is None or value == "":
        return None, None
    if kind == MONEY:
        return int(value), MONEY_FORMAT
    if kind == INT:
        return (int(value), INT_FORMAT) if isinstance(value, int) else (value, None)
    if kind == PERCENT:
        return round(float(value) / 100, 4), PERCENT_FORMAT
    if kind == DATETIME:
        moment = datetime.fromisoformat(str(value)).astimezone(LOCAL_TZ).replace(tzinfo=None)
        return moment, DATETIME_FORMAT
    if kind == DATE:
        return date.fromisoformat(str(value)), DATE_FORMAT
    return str(value), None


def write_table(sheet: Worksheet, table: ReportTable) -> None:
    sheet.cell(1, 1, f"Bảng {table.number}. {table.title}").font = Font(bold=True, size=12)
    header_row = 3
    for index, column in enumerate(table.columns, start=1):
        cell = sheet.cell(header_row, index, column.header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = max(10, min(60, 11 * column.width))
    row = header_row
    for values in table.rows:
        row += 1
        _write_row(sheet, row, values, table, bold=False)
    if table.total is not None:
        row += 1
        _write_row(sheet, row, table.total, table, bold=True)
    if table.note:
        sheet.cell(row + 2, 1, table.note).font = Font(italic=True)
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)


def _write_row(sheet: Worksheet, row: int, values: list[Any], table: ReportTable, bold: bool) -> None:
    for index, (value, column) in enumerate(zip(values, table.columns, strict=True), start=1):
        converted, number_format = _value(value, column.kind)
        cell = sheet.cell(row, index, converted)
        cell.border = BORDER
        if number_format:
            cell.number_format = number_format
        if bold:
            cell.font = Font(bold=True)
            cell.fill = TOTAL_FILL
        if column.kind == "text":
            cell.alignment = Alignment(wrap_text=True, vertical="top")
