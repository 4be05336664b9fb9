"""The spokesperson register exported to PDF and XLSX, from the service and the command line."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli import main
from app.reports.spokesperson_register import export_spokesperson_register
from app.services.staffing import local_today


@pytest.fixture
def register(services):
    today = local_today()
    services.staff.create(
        {
            "full_name": "Trần Thị Bình",
            "position": "Chánh Văn phòng",
            "roles": "spokesperson,head",
            "decision_number": "15/QĐ-UBND",
            "decision_date": date(2026, 1, 5),
            "authorised_from": date(2026, 1, 5),
            "authorised_to": today + timedelta(days=400),
            "authorisation_scope": "Phát ngôn về hoạt động của Ủy ban nhân dân tỉnh",
            "phone": "0243 825 1234",
            "email": "binh@example.gov.vn",
        }
    )
    services.staff.create(
        {"full_name": "Lê Văn Cường", "roles": "authorised_speaker", "phone": "0912 345 678"}
    )
    services.staff.create(
        {
            "full_name": "Hết Hạn Ủy Quyền",
            "roles": "authorised_speaker",
            "authorised_to": today - timedelta(days=1),
        }
    )
    services.staff.create({"full_name": "Ngô Thu Hà", "roles": "dedicated"})
    return services


def pdf_text(path) -> str:
    """The text of every page, without the line breaks that wrapping in table cells adds."""
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def squeezed(text: str) -> str:
    return "".join(text.split())


def test_pdf_has_the_people_and_embeds_its_font(register, tmp_path) -> None:
    out = export_spokesperson_register(register, "pdf", tmp_path / "register.pdf")
    text = pdf_text(out)
    for expected in (
        "DANH SÁCH NGƯỜI PHÁT NGÔN",
        "Văn phòng Ủy ban nhân dân tỉnh Thử Nghiệm".upper(),
        "Trần Thị Bình",
        "15/QĐ-UBND ngày 05/01/2026",
        "Lê Văn Cường",
        "Người được ủy quyền phát ngôn",
        "binh@example.gov.vn",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ):
        assert squeezed(expected) in squeezed(text), expected
    assert "Hết Hạn Ủy Quyền" not in text
    assert "Ngô Thu Hà" not in text
    fonts = set()
    for page in PdfReader(out).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                if "/DescendantFonts" in font
                else font.get("/FontDescriptor")
            )
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                fonts.add(str(font["/BaseFont"]))
    assert fonts and all("LiberationSerif" in f for f in fonts)
    assert not list(tmp_path.glob("*.part"))


def test_xlsx_reads_back(register, tmp_path) -> None:
    out = export_spokesperson_register(register, "xlsx", tmp_path / "register.xlsx")
    sheet = load_workbook(out).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[1][0].startswith("DANH SÁCH NGƯỜI PHÁT NGÔN")
    header = values[4]
    assert header[:3] == ("STT", "Họ và tên", "Chức vụ, đơn vị")
    body = values[5:]
    assert [row[1] for row in body] == ["Trần Thị Bình", "Lê Văn Cường"]
    assert body[0][0] == 1 and body[0][4] == "15/QĐ-UBND ngày 05/01/2026"
    assert body[0][3] == "Người phát ngôn"
    assert body[1][7] == "0912 345 678"


def test_command_line_export(register, data_dir, tmp_path, capsys) -> None:
    register.close()
    for fmt in ("pdf", "xlsx"):
        out = tmp_path / f"out.{fmt}"
        code = main(
            ["--data-dir", str(data_dir), "export", "spokespersons", "--format", fmt, "--out", str(out)]
        )
        assert code == 0
        assert str(out) in capsys.readouterr().out
    assert "Trần Thị Bình" in pdf_text(tmp_path / "out.pdf")
    assert load_workbook(tmp_path / "out.xlsx").active["B7"].value == "Lê Văn Cường"


def test_command_line_refuses_unknown_format(data_dir, tmp_path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(
            [
                "--data-dir",
                str(data_dir),
                "export",
                "spokespersons",
                "--format",
                "doc",
                "--out",
                str(tmp_path / "x"),
            ]
        )
    assert caught.value.code == 2


def test_empty_register_still_exports(services, tmp_path) -> None:
    text = pdf_text(export_spokesperson_register(services, "pdf", tmp_path / "empty.pdf"))
    assert "Chưa có người phát ngôn còn hiệu lực." in text
