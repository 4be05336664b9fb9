from app.ui.app import create_main_window
from app.ui.pages import PAGES


def test_every_page_opens(qtbot, services) -> None:
    window = create_main_window(services)
    qtbot.addWidget(window)
    window.show()
    for spec in PAGES:
        page = window.show_page(spec.key)
        assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: window.pending_label.text() != "")
    window.ctx.tasks.wait_for_done()
    services.db.forbid_thread(None)


def test_pending_changes_update_after_a_change(qtbot, services) -> None:
    window = create_main_window(services)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "1" in window.pending_label.text())  # the office itself
    window.ctx.tasks.run_db(lambda: services.journalists.create({"full_name": "Hoàng Văn Nam"}))
    qtbot.waitUntil(lambda: "2" in window.pending_label.text())
    window.ctx.tasks.wait_for_done()
    services.db.forbid_thread(None)


def _shortcuts_on(page) -> set[str]:
    """Every key sequence a built page defines (actions, shortcuts, buttons; not &-mnemonics)."""
    from PySide6.QtGui import QAction, QKeySequence, QShortcut
    from PySide6.QtWidgets import QAbstractButton

    found = [a.shortcut() for a in page.findChildren(QAction)]
    found += [s.key() for s in page.findChildren(QShortcut)]
    for button in page.findChildren(QAbstractButton):
        if button.shortcut() != QKeySequence.mnemonic(button.text()):
            found.append(button.shortcut())
    return {k.toString() for k in found if not k.isEmpty()}


def test_help_lists_every_workspace_shortcut_before_any_page_is_opened(qtbot) -> None:
    from PySide6.QtCore import QCoreApplication

    from app.ui.app import install_translations
    from app.ui.help import ShortcutsDialog, collect_shortcuts
    from app.ui.main_window import MainWindow

    install_translations(QCoreApplication.instance(), "vi")
    window = MainWindow()  # the frame alone: no data, no page built
    qtbot.addWidget(window)
    assert window._pages == {}
    groups = collect_shortcuts(window)
    calendar = dict(groups["Lịch truyền thông"])
    assert calendar["Hôm nay"] == "Ctrl+T"
    assert calendar["Thêm hoạt động"] == "Ctrl+N"
    assert calendar["Kỳ trước (ở chế độ Danh sách)"] == "PgUp"
    assert dict(groups["Tệp"])["Sao lưu ngay"] == "Ctrl+Shift+B"
    assert dict(groups["Tệp"])["Thoát"] == "Ctrl+Q"  # on every platform, Windows included
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    rows = [dialog.tree.topLevelItem(i).text(0).strip() for i in range(dialog.tree.topLevelItemCount())]
    assert "Lịch truyền thông" in rows and "Hôm nay" in rows


def test_the_page_registry_declares_exactly_the_shortcuts_the_pages_define(qtbot, services) -> None:
    window = create_main_window(services)
    qtbot.addWidget(window)
    for spec in PAGES:
        page = window.page(spec.key)
        declared = {s.sequence().toString() for s in spec.shortcuts}
        assert _shortcuts_on(page) == declared, spec.key
    assert any(spec.shortcuts for spec in PAGES)
    window.ctx.tasks.wait_for_done()
    services.db.forbid_thread(None)
