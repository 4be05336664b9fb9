"""Rows of buttons wrap instead of widening the window past a small laptop screen."""

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from app.ui.app import create_main_window, install_translations
from app.ui.flow_layout import FlowLayout
from app.ui.pages import PAGES

LAPTOP_WIDTH = 1024
LAPTOP_HEIGHT = 700


def test_buttons_wrap_onto_a_second_line_when_narrow(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    row = FlowLayout()
    for text in ("Thêm nhà báo…", "Sửa…", "Xóa", "Gửi thông cáo báo chí…"):
        row.addWidget(QPushButton(text))  # no parent yet, nobody else holds them
    gc.collect()
    column.addLayout(row)
    widest = max(b.sizeHint().width() for b in window.findChildren(QPushButton))
    assert window.minimumSizeHint().width() < sum(
        b.sizeHint().width() for b in window.findChildren(QPushButton)
    )
    window.resize(widest + 40, 200)
    window.show()
    qtbot.waitExposed(window)
    tops = sorted({b.geometry().top() for b in window.findChildren(QPushButton)})
    assert len(tops) >= 2  # wrapped
    for button in window.findChildren(QPushButton):
        assert button.width() == button.sizeHint().width()  # never squeezed: the text is whole
    window.resize(2000, 200)
    qtbot.waitUntil(lambda: len({b.geometry().top() for b in window.findChildren(QPushButton)}) == 1)


def test_every_workspace_fits_a_small_laptop_screen(qtbot, services) -> None:
    window = create_main_window(services)
    qtbot.addWidget(window)
    window.show()
    for spec in PAGES:
        page = window.show_page(spec.key)
        window.ctx.tasks.wait_for_done()
        assert page.minimumSizeHint().width() + window.navigation.width() <= LAPTOP_WIDTH, spec.key
    window.ctx.tasks.wait_for_done()
    services.db.forbid_thread(None)


def clipped_texts(root: QWidget) -> list[str]:
    """The visible labels, buttons, lists to choose from and tabs under ``root`` whose text is cut."""
    clipped = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text():
            continue
        if label.wordWrap():
            whole = label.heightForWidth(label.width()) <= label.height()
        else:
            whole = label.width() >= label.sizeHint().width()
        if not whole:
            clipped.append(label.text())
    for widget in root.findChildren(QAbstractButton) + root.findChildren(QComboBox):
        if widget.isVisibleTo(root) and widget.width() < widget.sizeHint().width():
            clipped.append(widget.currentText() if isinstance(widget, QComboBox) else widget.text())
    for bar in root.findChildren(QTabBar):
        for index in range(bar.count()):
            if bar.isVisibleTo(root) and bar.tabRect(index).width() < bar.tabSizeHint(index).width():
                clipped.append(bar.tabText(index))
    return clipped


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_reports_page_shows_every_text_whole_on_a_small_laptop_screen(qtbot, services, language) -> None:
    install_translations(QCoreApplication.instance(), language)
    window = create_main_window(services)
    qtbot.addWidget(window)
    window.resize(LAPTOP_WIDTH, LAPTOP_HEIGHT)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("reports")
    qtbot.waitUntil(lambda: page.document is not None, timeout=10_000)  # the status line is written
    for tab in (page.history, page.tabs.widget(0)):
        page.tabs.setCurrentWidget(tab)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # lay out what changed
        assert window.width() == LAPTOP_WIDTH  # the page did not widen the window
        assert clipped_texts(window.centralWidget()) == []
    window.ctx.tasks.wait_for_done()
    services.db.forbid_thread(None)
