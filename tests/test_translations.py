"""Every string people see has its Vietnamese: in the sources, in Qt's own dialogs, and on screen."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from app.translations import extract, fill, qt_word_list, word_list
from app.ui.app import build_context, create_main_window, install_translations
from app.ui.formatting import format_date, format_datetime, format_day_month, format_money, format_number
from app.ui.pages import PAGES
from app.ui.settings import SETTINGS_SECTIONS


def test_every_wrapped_source_string_has_vietnamese(tmp_path: Path) -> None:
    ts_path = tmp_path / "check_vi.ts"
    ts_path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="vi"></TS>\n'
    )
    extract(ts_path)
    missing = fill(ts_path, word_list("vi"))
    assert missing == [], "no Vietnamese for:\n" + "\n".join(f"[{c}] {s!r}" for c, s in missing)
    assert len(ET.parse(ts_path).getroot().findall(".//message")) > 100


@pytest.fixture
def vietnamese(qapp):
    install_translations(qapp, "vi")
    yield
    install_translations(qapp, "en")


def test_qt_standard_buttons_and_dialogs_speak_vietnamese(qtbot, vietnamese) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Close
    )
    qtbot.addWidget(buttons)
    texts = {b.text().replace("&", "") for b in buttons.buttons()}
    assert texts == {"Lưu", "Hủy", "Đồng ý", "Đóng"}
    box = QMessageBox(
        QMessageBox.Icon.Question, "x", "y", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    qtbot.addWidget(box)
    assert {b.text().replace("&", "") for b in box.buttons()} == {"Có", "Không"}
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Tìm trong:"
    assert QCoreApplication.translate("QPrintPreviewDialog", "Print Preview") == "Xem trước khi in"
    assert QCoreApplication.translate("QLineEdit", "Select All") == "Chọn tất cả"


def test_every_qt_entry_we_translate_is_compiled() -> None:
    from PySide6.QtCore import QTranslator

    from app.translations import I18N

    translator = QTranslator()
    assert translator.load(str(I18N / "qt_vi.qm"))
    for context, messages in qt_word_list("vi").items():
        for source, vietnamese in messages.items():
            assert vietnamese.strip(), f"[{context}] {source!r} is empty"
            assert translator.translate(context, source) == vietnamese


ENGLISH_WORDS = {
    "the",
    "and",
    "of",
    "to",
    "with",
    "your",
    "this",
    "is",
    "are",
    "from",
    "for",
    "not",
    "no",
    "yet",
    "in",
}
WORD = re.compile(r"[A-Za-z]+")


def _looks_english(text: str) -> bool:
    plain = re.sub(r"<[^>]+>", " ", text).replace("&", "")
    if any(ord(ch) > 127 for ch in plain):
        return False  # Vietnamese carries diacritics
    tokens = [t for t in plain.split() if not any(ch in t for ch in "/\\._:@")]  # paths, files, addresses
    words = [w.lower() for t in tokens for w in WORD.findall(t)]
    return len(words) >= 2 and any(w in ENGLISH_WORDS for w in words)


def test_the_english_detector_itself() -> None:
    assert _looks_english("Not connected to a sync server")
    assert _looks_english("<b>Back up</b> the data")
    assert not _looks_english("Chưa kết nối máy chủ đồng bộ")
    assert not _looks_english("/tmp/test_no_english_in_the_ui/commdesk.sqlite3")
    assert not _looks_english("CommDesk 0.1.0")


def _visible_texts(root: QWidget) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, text: str) -> None:
        if text:
            found.append((type(widget).__name__ + ":" + widget.objectName(), text))

    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget.isWindow():
            add(widget, widget.windowTitle())
        add(widget, widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget, widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget, widget.title())
        elif isinstance(widget, QLineEdit):
            add(widget, widget.placeholderText())  # the text itself is the user's data
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                add(widget, widget.itemText(index))
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(widget, widget.tabText(index))
        elif isinstance(widget, QMenu):
            for action in widget.actions():
                add(widget, action.text())
        header = (
            widget.horizontalHeader()
            if isinstance(widget, QTableView)
            else widget.header()
            if isinstance(widget, QTreeView)
            else None
        )
        if header is not None and widget.model() is not None and not header.isHidden():
            for column in range(header.count()):
                add(widget, str(widget.model().headerData(column, Qt.Orientation.Horizontal) or ""))
    return found


def test_no_english_on_screen_in_the_vietnamese_interface(qtbot, services, vietnamese) -> None:
    from app.ui.crash import CrashDialog
    from app.ui.database_problem import BackupChooser, DatabaseProblemDialog
    from app.ui.help import ShortcutsDialog
    from app.ui.office_dialog import OfficeDialog

    window = create_main_window(services)
    qtbot.addWidget(window)
    window.show()
    for spec in PAGES:
        window.show_page(spec.key)
    settings = window.show_page("settings")
    for section in SETTINGS_SECTIONS:
        settings.show_section(section.key)
    for _ in range(3):
        window.ctx.tasks.wait_for_done()
        QCoreApplication.processEvents()
    from app.errors import DatabaseUnavailable
    from app.i18n import Message

    dialogs: list[QWidget] = [
        OfficeDialog(build_context(services)),
        CrashDialog("ValueError: x", "Traceback", Path("/tmp/commdesk.log")),
        DatabaseProblemDialog(
            DatabaseUnavailable("corrupt", Message("hỏng", "damaged")), Path("/tmp/x.sqlite3"), True
        ),
        BackupChooser(Path("/nonexistent")),
        ShortcutsDialog(window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
    english = [
        (where, text)
        for root in [window, *dialogs]
        for where, text in _visible_texts(root)
        if _looks_english(text)
    ]
    for _ in range(3):
        window.ctx.tasks.wait_for_done()
        QApplication.processEvents()
    services.db.forbid_thread(None)
    assert english == [], "English in the Vietnamese interface:\n" + "\n".join(
        f"{w}: {t!r}" for w, t in english
    )


def test_the_english_interface_is_english(qtbot, services, qapp) -> None:
    install_translations(qapp, "en")
    window = create_main_window(services)
    qtbot.addWidget(window)
    assert window.menuBar().actions()[0].text() == "&File"
    window.ctx.tasks.wait_for_done()
    QCoreApplication.processEvents()
    services.db.forbid_thread(None)


def test_dates_numbers_and_money_follow_vietnamese_conventions() -> None:
    from datetime import UTC, date, datetime

    from app.i18n import set_language

    assert format_date(date(2026, 1, 5)) == "05/01/2026"
    assert format_day_month(date(2026, 1, 5)) == "05/01"
    assert format_day_month(datetime(2026, 11, 25, 20, 0, tzinfo=UTC)) == "26/11"  # UTC+7
    assert format_datetime(datetime(2026, 1, 5, 2, 30, tzinfo=UTC)) == "09:30 05/01/2026"  # UTC+7
    assert format_number(1234567) == "1.234.567"
    assert format_number(12.5, 1) == "12,5"
    assert format_money(12_500_000) == "12.500.000 đ"
    set_language("en")
    assert format_date(date(2026, 1, 5)) == "5 Jan 2026"
    assert format_day_month(date(2026, 11, 26)) == "26 Nov"  # not the cut "26 No"
    assert format_day_month(date(2026, 1, 5)) == "5 Jan"
    assert format_number(1234567.25, 2) == "1,234,567.25"


def test_the_same_english_word_can_differ_by_screen(vietnamese) -> None:
    translate = QCoreApplication.translate
    assert translate("ActivityEditor", "Title") == "Tiêu đề"  # of an activity
    assert translate("JournalistDialog", "Title") == "Chức danh"  # of a person
    assert translate("ActivityEditor", "People") == "Nhân sự"
    assert translate("PressReleaseDialog", "People") == "Người nhận"
