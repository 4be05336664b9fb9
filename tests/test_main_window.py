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
