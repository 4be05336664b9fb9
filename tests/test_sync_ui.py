"""The sync screens driven like a person would: log in, Sync now, the indicator, the inbox."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sync_harness import (  # noqa: F401  (fixtures)
    PASSWORD,
    Harness,
    harness_fixture,
    live_server_fixture,
    memory_keyring_fixture,
    quick_argon2_fixture,
    server_kind_fixture,
)

from app.ui.app import create_main_window
from app.ui.sync.page import SyncPage

WAIT_MS = 60_000


def test_login_sync_now_indicator_and_conflict_inbox(qtbot, qtmodeltester, harness: Harness) -> None:
    a = harness.desk("an", set_up=True, login=False)
    harness.user("an")
    journalist = a.services.journalists.create({"full_name": "Nguyễn Thị Lan"})
    window = create_main_window(a.services)
    qtbot.addWidget(window)
    window.show()
    not_connected = window.connection_label.text()
    page = window.show_page("sync")
    assert isinstance(page, SyncPage)
    controller = page.controller

    connection = page.connection
    qtbot.waitUntil(lambda: not connection._loading, timeout=WAIT_MS)
    connection.server.setText(harness.server.url)
    connection.username.setText("an")
    connection.password.setText("sai mật khẩu")
    qtbot.mouseClick(connection.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: connection.login_button.isEnabled() and connection.message.text() != "", timeout=WAIT_MS
    )
    assert controller.last_result is None  # a wrong password logs nobody in
    connection.password.setText(PASSWORD)
    qtbot.mouseClick(connection.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: connection.login_button.isEnabled(), timeout=WAIT_MS)
    assert "UBND-A" in connection.message.text(), connection.message.text()
    assert connection.password.text() == ""  # the password is not kept
    qtbot.waitUntil(lambda: controller.last_result is not None and not controller.busy, timeout=WAIT_MS)
    assert controller.last_result.ok, controller.last_result.summary()
    qtbot.waitUntil(lambda: window.connection_label.text() != not_connected, timeout=WAIT_MS)
    assert controller.online is True
    qtbot.waitUntil(lambda: page.pending_value.text() == "0", timeout=WAIT_MS)

    # Another desk changes the same field; ours changes it too, later: ours is in use, the other
    # desk's value is the one replaced, and this desk restores it.
    b = harness.desk("binh")
    b.ok_round()
    b.services.journalists.update(journalist.id, {"notes": "của Bình"})
    b.ok_round()
    window.ctx.tasks.run_db(lambda: a.services.journalists.update(journalist.id, {"notes": "của An"}))
    window.ctx.tasks.wait_for_done()
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.conflict_model.rowCount() == 1, timeout=WAIT_MS)
    qtmodeltester.check(page.conflict_model)
    assert not page.banner.isHidden()
    import os

    if os.environ.get("COMMDESK_SCREENSHOTS"):
        window.resize(1280, 800)
        qtbot.wait(200)
        window.grab().save(os.path.join(os.environ["COMMDESK_SCREENSHOTS"], "sync-conflicts.png"))
    qtbot.waitUntil(lambda: "1" in window.connection_label.text(), timeout=WAIT_MS)  # "1 conflict to review"

    model = page.conflict_model
    assert (model.index(0, 2).data(), model.index(0, 3).data()) == ("của An (this desk)", "của Bình")
    page.conflict_view.selectRow(0)
    assert page.restore_replaced.isEnabled()
    qtbot.mouseClick(page.restore_replaced, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.conflict_model.rowCount() == 0, timeout=WAIT_MS)
    assert page.banner.isHidden()
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not controller.busy and controller.last_result.pending == 0, timeout=WAIT_MS)
    b.ok_round()
    assert b.services.journalists.get(journalist.id).notes == "của Bình"
    window.ctx.tasks.wait_for_done()
    a.services.db.forbid_thread(None)
    assert a.services.journalists.get(journalist.id).notes == "của Bình"


def test_sync_settings_section_is_registered(qtbot, services) -> None:
    from app.ui.settings.registry import SETTINGS_SECTIONS

    assert "sync" in {section.key for section in SETTINGS_SECTIONS}
    window = create_main_window(services)
    qtbot.addWidget(window)
    settings_page = window.show_page("settings")
    section = settings_page.show_section("sync")
    qtbot.mouseClick(section.login_button, Qt.MouseButton.LeftButton)
    assert section.message.text() != ""  # asks for the address, the user and the password
    window.ctx.tasks.wait_for_done()
    services.db.forbid_thread(None)
