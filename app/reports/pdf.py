"""The report as a PDF in the administrative-document format of Decree 30/2020/NĐ-CP.

A4 portrait; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; Liberation Serif
(metric-compatible with Times New Roman, full Vietnamese) embedded; page numbers centred at the
top from page 2. The output is byte-for-byte reproducible from the same figures and narrative.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from datetime import date
from importlib.resources import files
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.reports import charts
from app.reports.tables import (
    DATE,
    DATETIME,
    INT,
    MONEY,
    PERCENT,
    Chart,
    Layout,
    Narrative,
    Subheading,
    local_datetime_text,
    percent_text,
)
from app.reports.tables import Table as ReportTable
from app.services.money import group_thousands

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
FRAME_PADDING = 6  # ReportLab's frame padding: the text block runs 32.1-192.9 mm from the left edge
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT - 2 * FRAME_PADDING
PAGE_NUMBER_BASELINE = PAGE_HEIGHT - 12 * mm  # in the top margin, centred over the text block

REGULAR, BOLD, ITALIC, BOLD_ITALIC = (
    "LiberationSerif",
    "LiberationSerif-Bold",
    "LiberationSerif-Italic",
    "LiberationSerif-BoldItalic",
)
NUMBER_BLANK = "\u00a0" * 8
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"
BODY_SIZE = 13
TABLE_SIZES = (10, 9, 8)
RULE_COLOUR = colors.black
HEADER_FILL = colors.HexColor("#e8edf3")
TOTAL_FILL = colors.HexColor("#f4f6f8")

_fonts_lock = threading.Lock()
_fonts_ready = False


def register_fonts() -> None:
    """Register the four Liberation Serif faces (shipped in resources/fonts, SIL OFL)."""
    global _fonts_ready
    with _fonts_lock:
        if _fonts_ready:
            return
        folder = files("app.resources") / "fonts"
        for name, filename in (
            (REGULAR, "LiberationSerif-Regular.ttf"),
            (BOLD, "LiberationSerif-Bold.ttf"),
            (ITALIC, "LiberationSerif-Italic.ttf"),
            (BOLD_ITALIC, "LiberationSerif-BoldItalic.ttf"),
        ):
            data = (folder / filename).read_bytes()
            pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _fonts_ready = True


def date_line(place: str, day: date) -> str:
    """'Hà Nội, ngày 05 tháng 01 năm 2026': days below 10 and months 1-2 take a leading zero."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def number_line(number: str, symbol: str) -> str:
    """'Số: 12/BC-UBND'; an unnumbered draft leaves the blank the clerk fills in."""
    return f"Số: {number.strip() or NUMBER_BLANK}/BC-{symbol}"


# ----- styles ------------------------------------------------------------------------------


def _style(name: str, font: str = REGULAR, size: float = BODY_SIZE, **extra: Any) -> ParagraphStyle:
    extra.setdefault("leading", round(size * 1.22, 1))
    return ParagraphStyle(name, fontName=font, fontSize=size, **extra)


class Styles:
    def __init__(self) -> None:
        self.header_left = _style("header_left", size=12.5, alignment=TA_CENTER)
        self.header_left_bold = _style("header_left_bold", BOLD, 12.5, alignment=TA_CENTER)
        self.motto = _style("motto", BOLD, 12, alignment=TA_CENTER)
        self.motto_2 = _style("motto_2", BOLD, 13, alignment=TA_CENTER)
        self.number = _style("number", size=13, alignment=TA_CENTER)
        self.date = _style("date", ITALIC, 13, alignment=TA_CENTER)
        self.title = _style("title", BOLD, 14, alignment=TA_CENTER, spaceBefore=14)
        self.subject = _style("subject", BOLD, 14, alignment=TA_CENTER)
        self.section = _style(
            "section", BOLD, BODY_SIZE, alignment=TA_JUSTIFY, spaceBefore=10, spaceAfter=4, keepWithNext=1
        )
        self.subheading = _style(
            "subheading",
            BOLD,
            BODY_SIZE,
            alignment=TA_JUSTIFY,
            firstLineIndent=10 * mm,
            spaceBefore=4,
            spaceAfter=3,
            keepWithNext=1,
        )
        self.body = _style("body", alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=5)
        self.caption = _style(
            "caption", BOLD_ITALIC, 11.5, alignment=TA_CENTER, spaceBefore=6, spaceAfter=3, keepWithNext=1
        )
        self.long_caption = _style(
            "long_caption", BOLD_ITALIC, 11.5, alignment=TA_CENTER, spaceBefore=6, spaceAfter=3
        )
        self.note = _style("note", ITALIC, 10.5, alignment=TA_LEFT, spaceBefore=2, spaceAfter=6)
        self.recipients_title = _style("recipients_title", BOLD_ITALIC, 12)
        self.recipients = _style("recipients", size=11, leading=13)
        self.signer_title = _style("signer_title", BOLD, 13, alignment=TA_CENTER)
        self.signer_name = _style("signer_name", BOLD, 13, alignment=TA_CENTER)
        self.signature_space = _style(
            "signature_space", ITALIC, 11, alignment=TA_CENTER, textColor=colors.grey
        )

    def cell(self, size: float, font: str = REGULAR, alignment: int = TA_LEFT) -> ParagraphStyle:
        return _style(f"cell-{font}-{size}-{alignment}", font, size, alignment=alignment, splitLongWords=1)


class CentredRule(Flowable):
    """A horizontal rule of ``length`` centred in the available width (under the motto)."""

    def __init__(self, length: float, thickness: float = 0.6, gap: float = 2) -> None:
        super().__init__()
        self.length = length
        self.thickness = thickness
        self.gap = gap
        self._avail = length

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail = avail_width
        return avail_width, self.gap + self.thickness

    def draw(self) -> None:
        x = (self._avail - self.length) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.setStrokeColor(RULE_COLOUR)
        self.canv.line(x, self.thickness / 2, x + self.length, self.thickness / 2)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


# ----- the document ------------------------------------------------------------------------


def render_pdf(
    layout: Layout,
    office: dict[str, Any],
    narrative: Narrative,
    document_date: date,
    figures: dict[str, Any],
    progress: Callable[[float], None] | None = None,
) -> bytes:
    """The report as PDF bytes. ``progress`` gets fractions from 0 to 1 while pages are laid out."""
    register_fonts()
    styles = Styles()
    story: list[Flowable] = []
    story.extend(_header(styles, office, narrative, document_date))
    story.append(_p("BÁO CÁO", styles.title))
    story.append(_p(layout.subject, styles.subject))
    story.append(Spacer(1, 2))
    story.append(CentredRule(min(60 * mm, pdfmetrics.stringWidth(layout.subject, BOLD, 14) / 3 + 20)))
    story.append(Spacer(1, 10))
    charts_done = 0
    total_blocks = sum(len(s.blocks) for s in layout.sections) or 1
    done_blocks = 0
    for section in layout.sections:
        # Headings travel with what follows them: a long table moves its headings along.
        heading: list[Flowable] = [_p(f"{section.number}. {section.title}", styles.section)]
        for block in section.blocks:
            if isinstance(block, ReportTable):
                story.extend(_table(block, styles, heading))
                heading = []
            elif isinstance(block, Chart):
                charts_done += 1
                story.extend(heading)
                heading = []
                story.extend(_chart(block, charts_done, figures, styles))
            elif isinstance(block, Subheading):
                heading.append(_p(block.text, styles.subheading))
            else:
                story.extend(heading)
                heading = []
                story.append(_p(str(block), styles.body))
            done_blocks += 1
            if progress is not None:
                progress(0.5 * done_blocks / total_blocks)
        story.extend(heading)
    story.append(Spacer(1, 12))
    story.append(_signature(styles, office, narrative))

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"BÁO CÁO {layout.subject}",
        author=office.get("name", ""),
        subject=layout.subject,
        creator="CommDesk",
        producer="CommDesk",
        invariant=1,
        initialFontName=REGULAR,
        initialFontSize=BODY_SIZE,
        lang="vi-VN",
    )
    estimated_pages = max(1, len(story) // 25)

    def later_page(canvas: Canvas, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 13)
        canvas.drawCentredString(
            MARGIN_LEFT + FRAME_PADDING + FRAME_WIDTH / 2, PAGE_NUMBER_BASELINE, str(document.page)
        )
        canvas.restoreState()
        if progress is not None:
            progress(min(0.99, 0.5 + 0.5 * document.page / max(estimated_pages, document.page + 1)))

    doc.build(story, onFirstPage=lambda c, d: None, onLaterPages=later_page)
    if progress is not None:
        progress(1.0)
    return buffer.getvalue()


def _header(styles: Styles, office: dict[str, Any], narrative: Narrative, day: date) -> list[Flowable]:
    right_width = pdfmetrics.stringWidth(MOTTO, BOLD, 12) + 2 * mm
    # The header block may use the frame's padding: it spans the full 30-195 mm.
    left_width = FRAME_WIDTH + 2 * FRAME_PADDING - right_width
    office_name = (office.get("name") or "").upper()
    superior = (office.get("superior_body") or "").upper()
    left: list[Flowable] = []
    if superior:
        # One line when it fits at 11-13 pt (Decree 30/2020 sizes); a longer name wraps.
        size = next(
            (
                s
                for s in (13, 12.5, 12, 11.5, 11)
                if pdfmetrics.stringWidth(superior, REGULAR, s) <= left_width - 2
            ),
            11,
        )
        left.append(_p(superior, _style("header_superior", REGULAR, size, alignment=TA_CENTER)))
    left.append(_p(office_name, styles.header_left_bold))
    name_width = min(pdfmetrics.stringWidth(office_name, BOLD, 12.5), left_width - 12)
    left.append(CentredRule(max(20 * mm, name_width / 3)))
    left.append(Spacer(1, 6))
    left.append(_p(number_line(narrative.number, office.get("symbol_suffix") or "UBND"), styles.number))

    right: list[Flowable] = [
        _p(MOTTO, styles.motto),
        _p(MOTTO_2, styles.motto_2),
        CentredRule(pdfmetrics.stringWidth(MOTTO_2, BOLD, 13)),
        Spacer(1, 8),
        _p(date_line(office.get("place_name") or office.get("province") or "", day), styles.date),
    ]
    table = Table([[left, right]], colWidths=[left_width, right_width])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, BODY_SIZE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [table]


def format_cell(value: Any, kind: str) -> str:
    if kind == PERCENT:
        return percent_text(value)
    if value is None or value == "":
        return ""
    if kind in (INT, MONEY) and isinstance(value, int):
        return group_thousands(value)
    if kind == DATETIME:
        return local_datetime_text(str(value))
    if kind == DATE:
        return date.fromisoformat(str(value)).strftime("%d/%m/%Y")
    return str(value)


def _fitting_size(table: ReportTable, widths: list[float]) -> float:
    """The largest table font size at which every number fits its column on one line."""
    for size in TABLE_SIZES:
        fits = True
        for row in [*table.rows, *([table.total] if table.total else [])]:
            for value, column, width in zip(row, table.columns, widths, strict=True):
                if column.kind in (INT, MONEY, PERCENT, DATETIME, DATE):
                    text = format_cell(value, column.kind)
                    if pdfmetrics.stringWidth(text, BOLD, size) + 6 > width:
                        fits = False
                        break
            if not fits:
                break
        if fits:
            return size
    return TABLE_SIZES[-1]


def _table(table: ReportTable, styles: Styles, heading: list[Flowable]) -> list[Flowable]:
    share = sum(c.width for c in table.columns)
    widths = [FRAME_WIDTH * c.width / share for c in table.columns]
    size = _fitting_size(table, widths)
    header_style = styles.cell(size, BOLD, TA_CENTER)
    text_style = styles.cell(size)
    bold_text_style = styles.cell(size, BOLD)
    header = [Paragraph(escape(c.header), header_style) for c in table.columns]
    data: list[list[Any]] = [header]

    def cells(row: list[Any], bold: bool) -> list[Any]:
        out: list[Any] = []
        for value, column, width in zip(row, table.columns, widths, strict=True):
            text = format_cell(value, column.kind)
            font = BOLD if bold else REGULAR
            if column.kind != "text" or pdfmetrics.stringWidth(text, font, size) <= width - 6:
                out.append(text)
                continue
            # Plain wrapped lines are far cheaper than a Paragraph; a word too long for the
            # column needs the Paragraph's word splitting.
            lines = simpleSplit(text, font, size, width - 6)
            if all(pdfmetrics.stringWidth(line, font, size) <= width - 6 for line in lines):
                out.append("\n".join(lines))
            else:
                out.append(Paragraph(escape(text), bold_text_style if bold else text_style))
        return out

    data.extend(cells(row, False) for row in table.rows)
    if table.total is not None:
        data.append(cells(table.total, True))
    if len(data) == 1:
        data.append([""] * len(table.columns))
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, size, size * 1.2),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for index, column in enumerate(table.columns):
        if column.kind in (INT, MONEY, PERCENT):
            commands.append(("ALIGN", (index, 1), (index, -1), "RIGHT"))
        elif column.kind in (DATE, DATETIME):
            commands.append(("ALIGN", (index, 1), (index, -1), "CENTER"))
    if table.total is not None:
        commands.append(("FONT", (0, -1), (-1, -1), BOLD, size, size * 1.2))
        commands.append(("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL))
    flowable = LongTable(data, colWidths=widths, repeatRows=1, style=TableStyle(commands), hAlign="CENTER")
    caption_text = f"Bảng {table.number}. {table.title}"
    tail: list[Flowable] = [_p(table.note, styles.note) if table.note else Spacer(1, 6)]
    if len(data) <= 12:
        return [KeepTogether([*heading, _p(caption_text, styles.caption), flowable, *tail])]
    # A long table starts on the current page when a few rows still fit under its caption.
    return [CondPageBreak(45 * mm), *heading, _p(caption_text, styles.long_caption), flowable, *tail]


def _chart(block: Chart, number: int, figures: dict[str, Any], styles: Styles) -> list[Flowable]:
    drawing = charts.build(block.key, figures, FRAME_WIDTH)
    caption = _p(f"Biểu đồ {number}. {block.title}", styles.caption)
    return [KeepTogether([caption, drawing, Spacer(1, 6)])]


def _signature(styles: Styles, office: dict[str, Any], narrative: Narrative) -> Flowable:
    recipients_text = narrative.recipients or office.get("report_recipients") or ""
    recipients = [
        line.strip().lstrip("-").strip().rstrip(";.").strip() for line in recipients_text.splitlines()
    ]
    recipients = [line for line in recipients if line]
    if not any(line.lower().startswith("lưu") for line in recipients):
        recipients.append("Lưu: VT")
    left: list[Flowable] = [_p("Nơi nhận:", styles.recipients_title)]
    for index, line in enumerate(recipients):
        left.append(_p(f"- {line}{'.' if index == len(recipients) - 1 else ';'}", styles.recipients))
    signer_title = (narrative.signer_title or office.get("signer_title") or "").upper()
    signer_name = narrative.signer_name or office.get("signer_name") or ""
    right: list[Flowable] = [
        _p(signer_title, styles.signer_title),
        Spacer(1, 26 * mm),
        _p(signer_name, styles.signer_name),
    ]
    table = Table([[left, right]], colWidths=[FRAME_WIDTH * 0.5, FRAME_WIDTH * 0.5])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, BODY_SIZE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether([table])
