"""Past reports on the Reports page, driven through the widgets: the list, the year filter,
reopening an issued report exactly as issued, a draft recomputed, a draft deleted after asking."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from report_data import VN, build_quarter

from app.i18n import set_language
from app.services import Services
from app.ui.app import build_context, install_translations
from app.ui.reports.page import ReportsPage

WAIT_MS = 60_000


@pytest.fixture(autouse=True)
def _vietnamese_interface(qapp: QApplication) -> Iterator[None]:
    install_translations(qapp, "vi")
    yield
    install_translations(qapp, "en")
    set_language("vi")


def _choose(page: ReportsPage, qtbot: QtBot, year: int, quarter: int) -> None:
    page.year.setValue(year)
    page.quarter.setCurrentIndex(quarter - 1)
    qtbot.waitUntil(
        lambda: (
            page.document is not None
            and page.document.key.year == year
            and page.document.key.period == quarter
        ),
        timeout=WAIT_MS,
    )


def _save_draft(page: ReportsPage, qtbot: QtBot, year: int, quarter: int, assessment: str) -> None:
    _choose(page, qtbot, year, quarter)
    page.assessment.setPlainText(assessment)
    qtbot.mouseClick(page.save_draft_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "✓" in page.status.text(), timeout=WAIT_MS)


def _cells(page: ReportsPage) -> list[list[str]]:
    model = page.history.model
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def _write(page: ReportsPage, services: Services) -> None:
    """Let the test thread write to the database, as another screen would."""
    page.ctx.tasks.wait_for_done()
    services.db.forbid_thread(None)


def _answer(page: ReportsPage, button: QMessageBox.StandardButton, seen: list[str]) -> None:
    box = page.history.confirm
    assert box is not None, "the confirmation was not shown"
    seen.append(box.text())
    box.button(button).click()


def test_past_reports_list_reopens_issued_exactly_and_recomputes_drafts(
    services: Services, qtbot: QtBot, qtmodeltester: object
) -> None:
    x = build_quarter(services)
    ctx = build_context(services)
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()

    # Q1 2026 issued as No. 7; drafts for Q2 2026 and Q4 2025.
    _choose(page, qtbot, 2026, 1)
    page.number.setText("7")
    page.assessment.setPlainText("Hoàn thành tốt nhiệm vụ quý I.")
    with qtbot.waitSignal(page.generated, timeout=WAIT_MS):
        page.issue_now(date(2026, 4, 3))
    qtbot.waitUntil(lambda: page.document is not None and page.document.issued, timeout=WAIT_MS)
    assert page.rendered is not None
    issued_pdf = page.rendered.pdf
    _save_draft(page, qtbot, 2026, 2, "Dự thảo quý II.")
    _save_draft(page, qtbot, 2025, 4, "Dự thảo quý IV năm 2025.")
    assert page.document is not None
    q4_before = page.document.figures["activities"]["total"]

    page.tabs.setCurrentWidget(page.history)
    history = page.history
    qtbot.waitUntil(lambda: history.model.rowCount() == 3, timeout=WAIT_MS)
    qtmodeltester.check(history.model)  # type: ignore[attr-defined]
    assert _cells(page) == [
        ["Quý II/2026", "Báo cáo quý", "—", "—", "Nguyễn Văn An", "Dự thảo"],
        ["Quý I/2026", "Báo cáo quý", "7/BC-UBND", "03/04/2026", "Nguyễn Văn An", "Đã ban hành"],
        ["Quý IV/2025", "Báo cáo quý", "—", "—", "Nguyễn Văn An", "Dự thảo"],
    ]
    if os.environ.get("COMMDESK_SCREENSHOTS"):
        page.grab().save(os.path.join(os.environ["COMMDESK_SCREENSHOTS"], "reports-past.png"))

    # The year filter.
    history.year.setCurrentIndex(history.year.findData(2025))
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=WAIT_MS)
    assert _cells(page)[0][0] == "Quý IV/2025"
    assert [history.year.itemText(i) for i in range(history.year.count())] == [
        "Tất cả các năm",
        "2026",
        "2025",
    ]
    history.year.setCurrentIndex(0)
    qtbot.waitUntil(lambda: history.model.rowCount() == 3, timeout=WAIT_MS)

    # The data change after issuing: one more activity done in Q1 2026 and in Q4 2025.
    _write(page, services)
    for day in (date(2026, 2, 20), date(2025, 11, 20)):
        services.activities.create(
            {
                "type": "press_release",
                "nature": "regular",
                "mode": "online",
                "status": "done",
                "title": "Thông cáo bổ sung",
                "starts_at": datetime.combine(day, time(9), VN),
            }
        )

    # The issued report reopens exactly as issued: same figures, the same PDF byte for byte.
    history.select_row(1)
    assert history.open_button.isEnabled() and not history.delete_button.isEnabled()
    with qtbot.waitSignal(page.generated, timeout=WAIT_MS):
        qtbot.mouseClick(history.open_button, Qt.MouseButton.LeftButton)
    assert page.tabs.currentIndex() == 0
    assert page.document is not None and page.document.issued and page.document.key.period == 1
    assert page.document.figures["activities"]["total"] == x.activities_total
    assert page.rendered is not None and page.rendered.pdf == issued_pdf
    record = services.reports.get(page.document.record_id)
    assert page.rendered.sha256 == record.file_sha256
    assert page.number.text() == "7" and page.number.isReadOnly()

    # A draft recomputes: the activity added in Q4 2025 is counted.
    page.tabs.setCurrentWidget(history)
    qtbot.waitUntil(history.table.isVisible)
    qtbot.wait(50)  # laid out before the row is found by position
    where = history.table.visualRect(history.model.index(2, 0)).center()
    qtbot.mouseClick(history.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert history.selected() is not None and history.selected().key.year == 2025  # type: ignore[union-attr]
    with qtbot.waitSignal(page.generated, timeout=WAIT_MS):
        qtbot.mouseDClick(history.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert page.document is not None and not page.document.issued
    assert (page.document.key.year, page.document.key.period) == (2025, 4)
    assert page.assessment.toPlainText() == "Dự thảo quý IV năm 2025."
    assert page.document.figures["activities"]["total"] == q4_before + 1

    # Deleting a draft asks first; "No" keeps it, "Yes" deletes it.
    page.tabs.setCurrentWidget(history)
    history.select_row(0)
    assert history.delete_button.isEnabled()
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer(page, QMessageBox.StandardButton.No, seen))
    qtbot.mouseClick(history.delete_button, Qt.MouseButton.LeftButton)
    assert "Quý II/2026" in seen[0]
    ctx.tasks.wait_for_done()
    assert history.model.rowCount() == 3
    QTimer.singleShot(0, lambda: _answer(page, QMessageBox.StandardButton.Yes, seen))
    qtbot.mouseClick(history.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: history.model.rowCount() == 2, timeout=WAIT_MS)
    assert [row[0] for row in _cells(page)] == ["Quý I/2026", "Quý IV/2025"]
    _write(page, services)
    assert services.reports.list({"year": 2026, "period": 2}) == []
    qtbot.waitUntil(lambda: ctx.tasks.pending() == 0, timeout=WAIT_MS)


def test_an_issued_report_cannot_be_deleted(services: Services) -> None:
    from app.errors import ValidationError
    from app.reports.documents import ReportKey, issue
    from app.reports.history import delete_draft, past_reports
    from app.reports.tables import Narrative

    build_quarter(services)
    document, _ = issue(services, ReportKey.quarterly(2026, 1), Narrative(number="3"), date(2026, 4, 5))
    assert document.record_id is not None
    with pytest.raises(ValidationError) as caught:
        delete_draft(services, document.record_id)
    assert caught.value.fields() == ["status"]
    assert [r.number for r in past_reports(services)] == ["3/BC-UBND"]


def test_progress_covers_the_figures_then_the_pages(services: Services) -> None:
    from app.reports.documents import FIGURES_SHARE, ReportKey, generate

    build_quarter(services)
    seen: list[float] = []
    document, rendered = generate(services, ReportKey.quarterly(2026, 1), progress=seen.append)
    assert rendered.pdf.startswith(b"%PDF")
    assert seen == sorted(seen) and seen[-1] == 1.0
    figures = [f for f in seen if f <= FIGURES_SHARE]
    assert len(figures) == 10  # the activity scope, then each of the nine sections of figures
    assert figures[-1] == pytest.approx(FIGURES_SHARE)
    assert len([f for f in seen if f > FIGURES_SHARE]) > 5  # the layout, block by block and page by page


def test_progress_bar_advances_monotonically_to_100(services: Services, qtbot: QtBot) -> None:
    from app.reports.documents import FIGURES_SHARE

    build_quarter(services)
    ctx = build_context(services)
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    _choose(page, qtbot, 2026, 1)
    values: list[int] = []
    page.progress.valueChanged.connect(values.append)
    with qtbot.waitSignal(page.generated, timeout=WAIT_MS):
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert values == sorted(values) and values[-1] == 100
    # Each of the ten steps of the figures moves the bar before the first page is laid out.
    figures = [round(FIGURES_SHARE * 100 * step / 10) for step in range(1, 11)]
    assert [v for v in values if 0 < v <= figures[-1]][: len(figures)] == figures
    assert page.progress.isHidden()
    qtbot.waitUntil(lambda: ctx.tasks.pending() == 0, timeout=WAIT_MS)
