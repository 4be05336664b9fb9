"""The Reports page (generate, preview, print, save, issue) and the Dashboard tiles, driven by pytest-qt."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from report_data import VN, build_quarter

from app.i18n import set_language
from app.services import Services
from app.ui.app import build_context, create_main_window, install_translations
from app.ui.dashboard.page import DashboardPage
from app.ui.reports.page import ReportsPage


@pytest.fixture(autouse=True)
def _vietnamese_interface(qapp: QApplication) -> Iterator[None]:
    """The pages as users see them: in Vietnamese."""
    install_translations(qapp, "vi")
    yield
    install_translations(qapp, "en")
    set_language("vi")


def _choose_q1_2026(page: ReportsPage, qtbot: QtBot) -> None:
    page.year.setValue(2026)
    page.quarter.setCurrentIndex(0)
    qtbot.waitUntil(
        lambda: page.document is not None and page.document.key.period == 1 and page.document.key.year == 2026
    )


def test_reports_page_generates_previews_prints_saves_and_issues(
    services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    x = build_quarter(services)
    ctx = build_context(services)
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    _choose_q1_2026(page, qtbot)
    assert "Dự thảo" in page.status.text()
    assert not page.save_pdf_button.isEnabled()

    page.number.setText("7")
    page.assessment.setPlainText("Hoàn thành tốt nhiệm vụ quý I.")
    with qtbot.waitSignal(page.generated, timeout=30_000):
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert page.pdf.pageCount() >= 4
    assert page.save_pdf_button.isEnabled()

    pdf_path, xlsx_path = tmp_path / "q1.pdf", tmp_path / "q1.xlsx"
    page.save_to(pdf_path, "pdf")
    page.save_to(xlsx_path, "xlsx")
    qtbot.waitUntil(lambda: ctx.tasks.pending() == 0 and pdf_path.exists() and xlsx_path.exists())
    assert "đã lưu vào" in page.status.text()
    text = " ".join(p.extract_text() for p in PdfReader(pdf_path).pages)
    assert "Số: 7/BC-UBND" in text and "Hoàn thành tốt nhiệm vụ quý I." in text
    assert f"Tổng số hoạt động trong kỳ: {x.activities_total}" in " ".join(text.split())

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    page.print_to(printer)
    assert len(PdfReader(printed).pages) == page.pdf.pageCount()

    with qtbot.waitSignal(page.generated, timeout=30_000):
        page.issue_now(date(2026, 4, 3))
    qtbot.waitUntil(lambda: page.document is not None and page.document.issued)
    assert page.assessment.isReadOnly() and not page.issue_button.isEnabled()
    assert "Đã ban hành ngày 03/04/2026" in page.status.text()
    ctx.tasks.wait_for_done()
    services.db.forbid_thread(None)
    record = services.reports.list({"kind": "quarterly", "year": 2026, "period": 1})[0]
    assert record.status == "issued" and record.number == "7"
    assert page.rendered is not None and record.file_sha256 == page.rendered.sha256
    qtbot.waitUntil(lambda: ctx.tasks.pending() == 0, timeout=10_000)


def test_reports_page_switches_to_the_annual_report(services: Services, qtbot: QtBot) -> None:
    build_quarter(services)
    ctx = build_context(services)
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.year.setValue(2026)
    page.kind.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.document is not None and page.document.key.kind == "annual_spokesperson")
    assert page.quarter.isHidden() and page.next_tasks.isHidden()
    assert "15/12/2025 – 14/12/2026" in page.status.text()
    with qtbot.waitSignal(page.generated, timeout=30_000):
        page.generate()
    assert page.pdf.pageCount() >= 1
    ctx.tasks.wait_for_done()
    qtbot.wait(20)


def test_dashboard_tiles_show_the_data_and_open_their_pages(services: Services, qtbot: QtBot) -> None:
    now = datetime.now(VN)
    tomorrow = (now + timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
    for title, start in (
        ("Họp báo thường kỳ", tomorrow),
        ("Đối thoại doanh nghiệp", tomorrow + timedelta(days=2)),
        ("Hội nghị tháng sau", tomorrow + timedelta(days=20)),
    ):
        services.activities.create(
            {
                "type": "dialogue",
                "nature": "regular",
                "mode": "in_person",
                "status": "approved",
                "title": title,
                "starts_at": start,
            }
        )
    agency = services.agencies.create({"name": "Báo Lao Động", "kind": "newspaper", "level": "central"})
    services.interactions.create(
        {
            "kind": "question_received",
            "agency_id": agency.id,
            "occurred_at": now - timedelta(days=45),
            "summary": "Hỏi về học phí",
        }
    )
    allocation = services.allocations.create(
        {
            "fiscal_year": now.year,
            "funding_source": "programme",
            "task_category": "training",
            "amount": 10_000_000,
        }
    )
    services.expenses.create({"spent_on": now.date(), "amount": 2_500_000, "allocation_id": allocation.id})

    opened: list[str] = []
    ctx = build_context(services)
    page = DashboardPage(ctx, open_page=opened.append)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.data is not None, timeout=30_000)
    tiles = page.tiles
    assert "2 trong 8 ngày" in tiles["upcoming"].figure.text()
    assert "Họp báo thường kỳ" in tiles["upcoming"].body.text()
    assert f"09:00 {tomorrow:%d/%m} — Họp báo thường kỳ" in tiles["upcoming"].body.text()
    assert "Hội nghị tháng sau" not in tiles["upcoming"].body.text()
    assert int(tiles["overdue"].figure.text()) >= 1 and "Hỏi về học phí" in tiles["overdue"].body.text()
    assert tiles["budget"].figure.text() == "25,0%"
    assert "2.500.000 đ" in tiles["budget"].body.text()
    assert "/4" in tiles["compliance"].figure.text()
    assert "Thay đổi chờ đồng bộ" in tiles["sync"].body.text()

    for key, target in (
        ("upcoming", "calendar"),
        ("budget", "budget"),
        ("coverage", "monitoring"),
        ("sync", "sync"),
    ):
        qtbot.mouseClick(tiles[key], Qt.MouseButton.LeftButton)
        assert opened[-1] == target

    # A change elsewhere refreshes the tile.
    ctx.tasks.wait_for_done()
    services.db.forbid_thread(None)
    services.expenses.create({"spent_on": now.date(), "amount": 2_500_000, "allocation_id": allocation.id})
    qtbot.waitUntil(lambda: tiles["budget"].figure.text() == "50,0%", timeout=10_000)
    qtbot.waitUntil(lambda: not page._loading and ctx.tasks.pending() == 0, timeout=10_000)


def test_main_window_dashboard_tile_opens_the_reports_page(services: Services, qtbot: QtBot) -> None:
    window = create_main_window(services)
    qtbot.addWidget(window)
    dashboard = window.page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=30_000)
    qtbot.mouseClick(dashboard.tiles["compliance"], Qt.MouseButton.LeftButton)
    assert isinstance(window.stack.currentWidget(), ReportsPage)
    qtbot.waitUntil(lambda: window.ctx.tasks.pending() == 0, timeout=30_000)
