"""The spokesperson register, ready to publish on the portal: PDF (Liberation Serif, embedded)
and XLSX. Lists current spokespersons and authorised speakers; expired authorisations are left
out, since a published register must only name people who may speak now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from app.models.enums import StaffRole
from app.services.labels import enum_label
from app.services.staffing import Authorisation, RegisterEntry, local_today

FORMATS = ("pdf", "xlsx")
TITLE = "DANH SÁCH NGƯỜI PHÁT NGÔN VÀ NGƯỜI ĐƯỢC ỦY QUYỀN PHÁT NGÔN"
HEADERS = (
    "STT",
    "Họ và tên",
    "Chức vụ, đơn vị",
    "Vai trò",
    "Quyết định giao nhiệm vụ",
    "Phạm vi phát ngôn",
    "Thời hạn",
    "Điện thoại",
    "Thư điện tử",
)
FONT = "LiberationSerif"


def vn_date(day: date | None) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else ""


@dataclass(frozen=True)
class RegisterDocument:
    office_name: str
    superior_body: str
    as_of: date
    rows: list[list[str]]  # one list of cell texts per person, in HEADERS order

    @property
    def subtitle(self) -> str:
        return f"(Cập nhật đến ngày {vn_date(self.as_of)})"


def register_rows(entries: list[RegisterEntry]) -> list[list[str]]:
    rows = []
    published = [e for e in entries if e.authorisation != Authorisation.EXPIRED]
    for number, entry in enumerate(published, start=1):
        role = StaffRole.SPOKESPERSON if entry.is_spokesperson else StaffRole.AUTHORISED_SPEAKER
        decision = entry.decision_number
        if entry.decision_date:
            decision = f"{decision} ngày {vn_date(entry.decision_date)}".strip()
        if entry.authorised_from and entry.authorised_to:
            term = f"{vn_date(entry.authorised_from)} - {vn_date(entry.authorised_to)}"
        elif entry.authorised_to:
            term = f"đến {vn_date(entry.authorised_to)}"
        elif entry.authorised_from:
            term = f"từ {vn_date(entry.authorised_from)}"
        else:
            term = ""
        position = ", ".join(p for p in (entry.position, entry.unit_name) if p)
        rows.append(
            [
                str(number),
                entry.full_name,
                position,
                enum_label(StaffRole, role.value).vi,
                decision,
                entry.authorisation_scope,
                term,
                entry.phone,
                entry.email,
            ]
        )
    return rows


def build_document(services: Any, as_of: date | None = None) -> RegisterDocument:
    as_of = as_of or local_today()
    office = services.offices.current()
    entries = services.staff.spokesperson_register(today=as_of)
    return RegisterDocument(
        office_name=office.name if office else "",
        superior_body=office.superior_body if office else "",
        as_of=as_of,
        rows=register_rows(entries),
    )


def export_spokesperson_register(services: Any, fmt: str, out: Path, as_of: date | None = None) -> Path:
    """Write the register as ``fmt`` ("pdf" or "xlsx") to ``out``; returns the path written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    document = build_document(services, as_of)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed, so a failure never leaves half a file behind.
    partial = out.with_name(out.name + ".part")
    try:
        (write_pdf if fmt == "pdf" else write_xlsx)(document, partial)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return out


# ----- PDF ----------------------------------------------------------------------------------


def _register_fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    faces = {
        FONT: "LiberationSerif-Regular.ttf",
        f"{FONT}-Bold": "LiberationSerif-Bold.ttf",
        f"{FONT}-Italic": "LiberationSerif-Italic.ttf",
        f"{FONT}-BoldItalic": "LiberationSerif-BoldItalic.ttf",
    }
    fonts = files("app.resources.fonts")
    for name, filename in faces.items():
        with as_file(fonts / filename) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, f"{FONT}-Bold")
    addMapping(FONT, 0, 1, f"{FONT}-Italic")
    addMapping(FONT, 1, 1, f"{FONT}-BoldItalic")


def write_pdf(document: RegisterDocument, path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from reportlab.platypus.tables import LongTable

    _register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=12)
    head = ParagraphStyle("head", parent=body, fontName=f"{FONT}-Bold", alignment=TA_CENTER)
    centre = ParagraphStyle("centre", parent=body, alignment=TA_CENTER)
    title = ParagraphStyle("title", parent=head, fontSize=13, leading=16, spaceBefore=6)
    italic = ParagraphStyle("italic", parent=centre, fontName=f"{FONT}-Italic")

    def cell(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(_escape(text), style)

    page_width, _ = landscape(A4)
    left, right = 20 * mm, 15 * mm
    usable = page_width - left - right
    widths = [w * usable for w in (0.045, 0.125, 0.155, 0.10, 0.12, 0.16, 0.10, 0.09, 0.105)]

    header_table = Table(
        [
            [cell(document.superior_body.upper(), centre), cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", head)],
            [cell(document.office_name.upper(), head), cell("Độc lập - Tự do - Hạnh phúc", head)],
        ],
        colWidths=[usable * 0.45, usable * 0.55],
    )
    header_table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    data: list[list[Any]] = [[cell(h, head) for h in HEADERS]]
    for row in document.rows:
        data.append([cell(row[0], centre)] + [cell(text) for text in row[1:]])
    if not document.rows:
        data.append([cell("Chưa có người phát ngôn còn hiệu lực.", centre)] + [""] * (len(HEADERS) - 1))
    table = LongTable(data, colWidths=widths, repeatRows=1)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf4")),
    ]
    if not document.rows:
        style.append(("SPAN", (0, 1), (-1, 1)))
    table.setStyle(TableStyle(style))

    def number_pages(canvas: Any, doc: Any) -> None:
        if doc.page > 1:  # Decree 30/2020: page numbers centred at the top, from page 2
            canvas.saveState()
            canvas.setFont(FONT, 11)
            canvas.drawCentredString(page_width / 2, landscape(A4)[1] - 12 * mm, str(doc.page))
            canvas.restoreState()

    pdf = SimpleDocTemplate(
        str(path),
        pagesize=landscape(A4),
        leftMargin=left,
        rightMargin=right,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title="Danh sách người phát ngôn",
        author=document.office_name,
    )
    pdf.build(
        [
            header_table,
            Spacer(1, 8 * mm),
            Paragraph(TITLE, title),
            Paragraph(_escape(document.office_name), head),
            Paragraph(document.subtitle, italic),
            Spacer(1, 5 * mm),
            table,
        ],
        onFirstPage=number_pages,
        onLaterPages=number_pages,
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


# ----- XLSX ---------------------------------------------------------------------------------


def write_xlsx(document: RegisterDocument, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Người phát ngôn"
    columns = len(HEADERS)
    last = get_column_letter(columns)
    lines = [
        (document.office_name.upper(), Font(name="Times New Roman", bold=True, size=12)),
        (TITLE, Font(name="Times New Roman", bold=True, size=14)),
        (document.subtitle, Font(name="Times New Roman", italic=True, size=12)),
    ]
    for row, (text, font) in enumerate(lines, start=1):
        sheet.merge_cells(f"A{row}:{last}{row}")
        sheet[f"A{row}"] = text
        sheet[f"A{row}"].font = font
        sheet[f"A{row}"].alignment = Alignment(horizontal="center")
    header_row = len(lines) + 2
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    for column, header in enumerate(HEADERS, start=1):
        c = sheet.cell(row=header_row, column=column, value=header)
        c.font = Font(name="Times New Roman", bold=True)
        c.fill = PatternFill("solid", fgColor="E8EDF4")
        c.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        c.border = border
    for offset, values in enumerate(document.rows, start=1):
        for column, value in enumerate(values, start=1):
            c = sheet.cell(row=header_row + offset, column=column, value=int(value) if column == 1 else value)
            c.font = Font(name="Times New Roman")
            c.alignment = wrap
            c.border = border
    for column, width in enumerate((6, 24, 30, 20, 24, 36, 22, 16, 28), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.save(path)
