"""The quarterly and annual reports as documents: PDF read back with pypdf, and the XLSX."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from report_data import VN, build_quarter, local

from app.cli import main as cli_main
from app.models import Activity, ActivityTopic, PolicyTopic
from app.reports.documents import ReportKey, issue, open_document, render, save_draft
from app.reports.pdf import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, date_line
from app.reports.tables import Narrative
from app.services import Services

A4 = (595.2756, 841.8898)
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"
QUARTER_SECTIONS = [
    "I. CÔNG TÁC CHỈ ĐẠO, XÂY DỰNG VÀ TRIỂN KHAI KẾ HOẠCH",
    "II. KẾT QUẢ HOẠT ĐỘNG TRUYỀN THÔNG CHÍNH SÁCH",
    "III. QUAN HỆ VỚI BÁO CHÍ VÀ THÔNG TIN TRÊN BÁO CHÍ",
    "IV. NHÂN LỰC VÀ ĐÀO TẠO, BỒI DƯỠNG",
    "V. KINH PHÍ",
    "VI. ĐÁNH GIÁ CHUNG",
    "VII. NHIỆM VỤ, KẾ HOẠCH QUÝ II NĂM 2026",
    "VIII. KIẾN NGHỊ, ĐỀ XUẤT",
]


def pdf_text(pdf: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, [" ".join(page.extract_text().split()) for page in reader.pages]


def test_date_line_zero_pads_days_and_the_first_two_months() -> None:
    assert date_line("Hà Nội", date(2026, 1, 5)) == "Hà Nội, ngày 05 tháng 01 năm 2026"
    assert date_line("Hà Nội", date(2026, 2, 28)) == "Hà Nội, ngày 28 tháng 02 năm 2026"
    assert date_line("Huế", date(2026, 3, 9)) == "Huế, ngày 09 tháng 3 năm 2026"
    assert date_line("Huế", date(2026, 12, 15)) == "Huế, ngày 15 tháng 12 năm 2026"


def _narrative() -> Narrative:
    return Narrative(
        number="12",
        assessment="Công tác truyền thông chính sách được triển khai đồng bộ.",
        next_tasks="Tiếp tục tổ chức họp báo định kỳ.",
        recommendations="Đề nghị bổ sung kinh phí theo dõi báo chí.",
        signer_name="Nguyễn Văn An",
        signer_title="Chánh Văn phòng",
    )


def test_quarterly_pdf_holds_the_format_and_the_figures(services: Services) -> None:
    x = build_quarter(services)
    document = open_document(services, ReportKey.quarterly(2026, 1), today=date(2026, 1, 5))
    document.narrative = _narrative()
    rendered = render(document)
    reader, pages = pdf_text(rendered.pdf)
    text = " ".join(pages)

    assert MOTTO in pages[0] and MOTTO_2 in pages[0]
    assert "ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM" in pages[0]
    assert "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM" in pages[0]
    assert "Số: 12/BC-UBND" in pages[0]
    assert "Thử Nghiệm, ngày 05 tháng 01 năm 2026" in pages[0]
    assert "BÁO CÁO" in pages[0]
    assert "Kết quả công tác truyền thông chính sách quý I năm 2026" in pages[0]
    for title in QUARTER_SECTIONS:
        assert title in text, title
    assert (
        f"Tổng số hoạt động trong kỳ: {x.activities_total}, trong đó đã thực hiện {x.activities_done}" in text
    )
    assert "Số cuộc họp báo đã tổ chức 2" in text
    assert f"Đã nhận {x.questions_received} câu hỏi" in text
    assert "đã trả lời 2, trong đó đúng hạn 1 (25,0%)" in text
    assert "Dự toán năm 2026 (kể cả điều chỉnh): 170.000.000 đ; chi trong kỳ 42.500.000 đ" in text
    assert "Tích cực 5 50,0%" in text
    assert "Họp báo định kỳ quý II" in text and "Hoạt động đã hủy" not in text
    assert "Công tác truyền thông chính sách được triển khai đồng bộ." in text
    assert "Nơi nhận:" in text and "- Thường trực Tỉnh ủy;" in text and "- Lưu: VT." in text
    assert "CHÁNH VĂN PHÒNG" in text and "Nguyễn Văn An" in pages[-1]
    assert "Biểu đồ 1." in text and "Biểu đồ 3." in text

    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.01)
    fonts = _fonts(reader)
    assert {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    } <= {name.split("+")[-1] for name in fonts}
    assert all(embedded for embedded in fonts.values())
    _assert_page_numbers(pages)
    _assert_inside_margins(reader, rendered.pdf)

    book = load_workbook(io.BytesIO(rendered.xlsx or b""))
    by_type = _sheet_with_title(book, "Hoạt động theo loại hình")
    values = {row[0]: (row[1], row[2]) for row in by_type.iter_rows(min_row=4, values_only=True) if row[0]}
    assert values["Họp báo định kỳ"] == (1, 1)
    assert values["Tổng số"] == (x.activities_total, x.activities_done)
    budget = _sheet_with_title(book, "Kinh phí theo nguồn")
    total_row = next(r for r in budget.iter_rows(min_row=4) if r[0].value == "Tổng cộng")
    assert [c.value for c in total_row[1:6]] == [150_000_000, 20_000_000, 170_000_000, 42_500_000, 42_500_000]
    assert total_row[1].number_format == '#,##0" đ"'
    assert total_row[6].value == pytest.approx(0.25) and total_row[6].number_format == "0.0%"
    plan = _sheet_with_title(book, "Kế hoạch hoạt động")
    first = next(plan.iter_rows(min_row=4, max_row=4))
    assert first[1].value == datetime(2026, 4, 10, 9, 0) and first[1].number_format == "dd/mm/yyyy hh:mm"


def _sheet_with_title(book, title):  # type: ignore[no-untyped-def]
    return next(ws for ws in book.worksheets if title in str(ws["A1"].value))


def _fonts(reader: PdfReader) -> dict[str, bool]:
    found: dict[str, bool] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            name = str(font["/BaseFont"]).lstrip("/")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found[name] = found.get(name, False) or "/FontFile2" in descriptor
    return found


def _assert_page_numbers(pages: list[str]) -> None:
    assert not pages[0].startswith("1 ")
    for number, page in enumerate(pages[1:], start=2):
        assert page.startswith(f"{number} "), page[:40]


def _assert_inside_margins(reader: PdfReader, pdf: bytes) -> None:
    width, height = A4
    top_limit = height - MARGIN_TOP
    for index, page in enumerate(reader.pages):
        origins: list[tuple[float, float, str]] = []

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            _font: object,
            _size: object,
            origins: list[tuple[float, float, str]] = origins,
        ) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                origins.append((x, y, text))

        page.extract_text(visitor_text=visit)
        assert origins
        for x, y, text in origins:
            assert x >= MARGIN_LEFT - 0.5, (index, x, text)
            assert x <= width - MARGIN_RIGHT, (index, x, text)
            page_number = index > 0 and text.strip() == str(index + 1) and y > top_limit
            assert MARGIN_BOTTOM - 0.5 <= y <= (height if page_number else top_limit), (index, y, text)
    # Right edges: where every word ends, from poppler's bounding boxes (top-left origin).
    boxes = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout
    for match in re.finditer(rb'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', boxes):
        x_min, y_min, x_max, y_max = (float(v) for v in match.groups())
        if x_max - x_min > 0:
            assert x_min >= MARGIN_LEFT - 1 and x_max <= width - MARGIN_RIGHT + 1, match.group(0)
            assert y_max <= height - MARGIN_BOTTOM + 1


def test_empty_quarter_gives_a_valid_report_with_zeros(services: Services) -> None:
    rendered = render(open_document(services, ReportKey.quarterly(2026, 3), today=date(2026, 10, 2)))
    reader, pages = pdf_text(rendered.pdf)
    text = " ".join(pages)
    assert "Tổng số hoạt động trong kỳ: 0, trong đó đã thực hiện 0" in text
    assert "Không có số liệu trong kỳ" in text
    assert "Chưa có hoạt động nào được lên lịch." in text
    for title in ("I. CÔNG TÁC", "V. KINH PHÍ", "VIII. KIẾN NGHỊ"):
        assert title in text
    _assert_inside_margins(reader, rendered.pdf)
    assert rendered.xlsx is not None and load_workbook(io.BytesIO(rendered.xlsx)).worksheets


def test_long_names_and_5000_activities_break_across_pages_with_headers(services: Services) -> None:
    long_topic = "Chính sách " + "hỗ trợ phát triển kinh tế tập thể và hợp tác xã " * 5
    unbroken = "Tên-rất-dài-không-có-khoảng-trắng-" * 8
    with services.db.session() as session, session.begin():
        topic = services.topics.create_in(
            session, {"name": long_topic, "kind": "in_force", "stage": "issued"}
        )
        for i in range(5000):
            row = services.activities.create_in(
                session,
                {
                    "type": "portal_post" if i % 3 else "press_release",
                    "nature": "regular",
                    "mode": "online",
                    "status": "planned",
                    "title": f"Hoạt động {i + 1}: {unbroken if i % 500 == 0 else 'đăng tin chính sách'}",
                    "location": "Hội trường " + "Ủy ban nhân dân tỉnh " * (3 if i % 700 == 0 else 1),
                    "starts_at": datetime(2026, 4, 1 + i % 30, 2, i % 60, tzinfo=UTC),
                },
            )
            if i % 10 == 0:
                services.activity_topics.create_in(session, {"activity_id": row.id, "topic_id": topic.id})
    document = open_document(services, ReportKey.quarterly(2026, 1), today=date(2026, 4, 1))
    assert len(document.figures["plan"]) == 5000
    rendered = render(document, with_xlsx=False)
    reader, pages = pdf_text(rendered.pdf)
    plan_pages = [p for p in pages if "Hoạt động 4999" in p or re.search(r"Hoạt động \d+: đăng tin", p)]
    assert len(plan_pages) > 50
    for page in plan_pages:
        assert "STT Thời gian Loại hoạt động Nội dung Địa điểm Trạng thái" in page
    assert "Hoạt động 5000" in pages[-1] or any("Hoạt động 5000:" in p for p in pages)
    _assert_inside_margins(reader, rendered.pdf)

    # The same in a quarter with 5,000 activities of its own, and a very long topic name.
    document = open_document(services, ReportKey.quarterly(2026, 2), today=date(2026, 7, 1))
    assert document.figures["activities"]["total"] == 5000
    pdf = render(document, with_xlsx=False).pdf
    reader, pages = pdf_text(pdf)
    assert "hợp tác xã" in " ".join(pages)
    _assert_inside_margins(reader, pdf)


def test_issued_report_reopens_exactly_while_a_draft_recomputes(services: Services) -> None:
    x = build_quarter(services)
    key = ReportKey.quarterly(2026, 1)
    save_draft(services, key, _narrative())
    draft = open_document(services, key, today=date(2026, 4, 2))
    assert draft.narrative.assessment.startswith("Công tác") and not draft.issued

    document, rendered = issue(services, key, _narrative(), document_date=date(2026, 4, 3))
    record = services.reports.get(document.record_id or "")
    assert record.status == "issued" and record.file_sha256 == rendered.sha256
    assert record.number == "12"

    # Later changes to the data do not touch the issued report.
    services.activities.create(
        {
            "type": "press_conference_regular",
            "nature": "regular",
            "mode": "in_person",
            "status": "done",
            "title": "Họp báo nhập muộn",
            "starts_at": local(2026, 2, 10),
        }
    )
    services.offices.update(services.offices.current().id, {"name": "Tên mới của văn phòng"})
    reopened = open_document(services, key, today=date(2027, 1, 1))
    assert reopened.issued and reopened.document_date == date(2026, 4, 3)
    assert reopened.figures["activities"]["total"] == x.activities_total
    again = render(reopened)
    assert again.sha256 == record.file_sha256
    assert again.pdf == rendered.pdf

    with pytest.raises(Exception, match="ban hành"):
        save_draft(services, key, _narrative())
    # The next quarter is a draft and sees the new office name.
    assert (
        open_document(services, ReportKey.quarterly(2026, 2)).figures["office"]["name"]
        == "Tên mới của văn phòng"
    )


def test_annual_spokesperson_report(services: Services) -> None:
    x = build_quarter(services)
    rendered = render(open_document(services, ReportKey.annual(2026), today=date(2026, 12, 20)))
    reader, pages = pdf_text(rendered.pdf)
    text = " ".join(pages)
    assert MOTTO in pages[0]
    assert "năm 2026" in pages[0] and "Thử Nghiệm, ngày 20 tháng 12 năm 2026" in pages[0]
    assert "từ ngày 15/12/2025 đến ngày 14/12/2026" in text
    assert "Số cuộc họp báo đã tổ chức 2" in text
    assert (
        f"Số yêu cầu của báo chí đã trả lời / đã nhận {x.questions_answered} {x.questions_received} 50,0%"
        in text
    )
    assert "Trần Thị Bình" in text and "Lê Văn Cường" in text
    _assert_inside_margins(reader, rendered.pdf)
    assert rendered.xlsx is not None


def test_command_line_writes_pdf_and_xlsx_without_a_display(services: Services, tmp_path: Path) -> None:
    build_quarter(services)
    folder = services.db.path.parent
    services.close()
    out, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    code = cli_main(
        [
            "--data-dir",
            str(folder),
            "report",
            "quarterly",
            "--year",
            "2026",
            "--quarter",
            "1",
            "--out",
            str(out),
            "--xlsx",
            str(xlsx),
            "--date",
            "2026-04-02",
        ]
    )
    assert code == 0
    _, pages = pdf_text(out.read_bytes())
    assert "Thử Nghiệm, ngày 02 tháng 4 năm 2026" in pages[0]
    assert load_workbook(xlsx).worksheets[0].title == "Tổng hợp"
    annual = tmp_path / "a.pdf"
    assert (
        cli_main(["--data-dir", str(folder), "report", "annual", "--year", "2026", "--out", str(annual)]) == 0
    )
    assert annual.read_bytes().startswith(b"%PDF")


def test_recurring_occurrences_are_listed_in_the_plan(services: Services) -> None:
    services.activities.create(
        {
            "type": "press_conference_regular",
            "nature": "regular",
            "mode": "in_person",
            "status": "approved",
            "title": "Họp báo định kỳ hằng tháng",
            "starts_at": datetime(2026, 1, 8, 8, tzinfo=VN),
            "rrule": "FREQ=MONTHLY;BYMONTHDAY=8",
        }
    )
    plan = open_document(services, ReportKey.quarterly(2026, 1)).figures["plan"]
    assert [p["starts_at"][:10] for p in plan] == ["2026-04-08", "2026-05-08", "2026-06-08"]
    assert ActivityTopic and PolicyTopic and Activity  # models importable alongside the report
