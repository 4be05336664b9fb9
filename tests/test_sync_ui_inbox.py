"""The conflict inbox says what happened, not whose value is whose: the value in use and the value
it replaced, "this desk" only where this computer wrote it, the same for a colleague on a third
desk who wrote neither."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from sync_harness import (  # noqa: F401  (fixtures)
    Desk,
    Harness,
    clash_on_notes,
    harness_fixture,
    live_server_fixture,
    memory_keyring_fixture,
    quick_argon2_fixture,
    server_kind_fixture,
)

from app.sync.conflicts import ConflictInbox
from app.ui.app import create_main_window, install_translations
from app.ui.main_window import MainWindow
from app.ui.sync.page import SyncPage

WAIT_MS = 60_000


@pytest.fixture(autouse=True)
def _qt_garbage_on_the_gui_thread() -> Iterator[None]:
    yield
    gc.collect()


def clash(harness: Harness) -> tuple[Desk, Desk, Desk, str]:
    """The office-wide clash of tests/sync_harness.py, then an and chi sync: binh's value is in
    use, An's was replaced; chi wrote neither."""
    a, b, c, row_id = clash_on_notes(harness)
    a.ok_round()
    c.ok_round()
    return a, b, c, row_id


def open_inbox(qtbot, desk: Desk) -> tuple[MainWindow, SyncPage]:
    window = create_main_window(desk.services)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    page = window.show_page("sync")
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: page.conflict_model.rowCount() == 1, timeout=WAIT_MS)
    return window, page


def row_text(page: SyncPage) -> dict[str, str]:
    model = page.conflict_model
    return {
        str(model.headerData(column, Qt.Orientation.Horizontal)): str(model.index(0, column).data())
        for column in range(model.columnCount())
    }


def settle(window: MainWindow, desk: Desk) -> None:
    window.ctx.tasks.wait_for_done()
    desk.services.db.forbid_thread(None)


def test_each_desk_reads_the_same_conflict_as_in_use_and_replaced(qtbot, qapp, harness: Harness) -> None:
    a, b, c, _row_id = clash(harness)
    install_translations(qapp, "vi")
    seen = {}
    for desk in (a, b, c):
        window, page = open_inbox(qtbot, desk)
        seen[desk.name] = row_text(page)
        if desk is b and os.environ.get("COMMDESK_SCREENSHOTS"):
            page.conflict_view.selectRow(0)
            qtbot.wait(100)
            window.grab().save(os.path.join(os.environ["COMMDESK_SCREENSHOTS"], "sync-vi.png"))
        assert page.keep_in_use.text() == "Giữ giá trị đang dùng"
        assert page.restore_replaced.text() == "Khôi phục giá trị bị thay thế"
        settle(window, desk)
        window.close()
    # Binh wrote the value in use; An the replaced one; Chi neither: nothing is Chi's.
    assert (seen["binh"]["Đang dùng"], seen["binh"]["Bị thay thế"]) == ("của Bình (máy này)", "của An")
    assert (seen["an"]["Đang dùng"], seen["an"]["Bị thay thế"]) == ("của Bình", "của An (máy này)")
    assert (seen["chi"]["Đang dùng"], seen["chi"]["Bị thay thế"]) == ("của Bình", "của An")
    for text in seen.values():
        assert not any("của tôi" in header or "người kia" in header for header in text)


def test_a_third_desk_keeps_the_value_in_use_for_the_whole_office(qtbot, qapp, harness: Harness) -> None:
    a, b, c, row_id = clash(harness)
    install_translations(qapp, "en")
    window, page = open_inbox(qtbot, c)
    assert row_text(page)["In use"] == "của Bình" and row_text(page)["Replaced"] == "của An"
    page.conflict_view.selectRow(0)
    assert page.keep_in_use.isEnabled() and page.restore_replaced.isEnabled()
    qtbot.mouseClick(page.keep_in_use, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.conflict_model.rowCount() == 0, timeout=WAIT_MS)
    settle(window, c)
    assert c.ok_round().pushed == 1  # the resolution only: the value in use needs no edit
    for desk in (a, b, c):
        desk.ok_round()
        assert ConflictInbox(desk.services).open() == []
        assert desk.services.journalists.get(row_id).notes == "của Bình"


def test_a_third_desk_restores_the_replaced_value_for_the_whole_office(qtbot, qapp, harness: Harness) -> None:
    a, b, c, row_id = clash(harness)
    install_translations(qapp, "en")
    window, page = open_inbox(qtbot, c)
    if os.environ.get("COMMDESK_SCREENSHOTS"):
        page.conflict_view.selectRow(0)
        qtbot.wait(100)
        window.grab().save(os.path.join(os.environ["COMMDESK_SCREENSHOTS"], "sync-en.png"))
    page.conflict_view.selectRow(0)
    qtbot.mouseClick(page.restore_replaced, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.conflict_model.rowCount() == 0, timeout=WAIT_MS)
    settle(window, c)
    assert c.services.journalists.get(row_id).notes == "của An"
    c.ok_round()
    for desk in (a, b, c):
        desk.ok_round()
        assert ConflictInbox(desk.services).open() == []
        assert desk.services.journalists.get(row_id).notes == "của An"


def test_the_desk_whose_value_was_replaced_sees_it_marked_and_keeps_the_value_in_use(
    qtbot, qapp, harness: Harness
) -> None:
    a, b, _c, row_id = clash(harness)
    install_translations(qapp, "en")
    window, page = open_inbox(qtbot, a)
    text = row_text(page)
    assert (text["In use"], text["Replaced"]) == ("của Bình", "của An (this desk)")
    page.conflict_view.selectRow(0)
    qtbot.mouseClick(page.keep_in_use, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.conflict_model.rowCount() == 0, timeout=WAIT_MS)
    settle(window, a)
    assert a.ok_round().pushed == 1  # the resolution only
    b.ok_round()
    assert ConflictInbox(b.services).open() == []
    assert b.services.journalists.get(row_id).notes == "của Bình"


def test_the_desk_whose_value_is_in_use_can_restore_the_replaced_one(qtbot, qapp, harness: Harness) -> None:
    a, b, _c, row_id = clash(harness)
    install_translations(qapp, "en")
    window, page = open_inbox(qtbot, b)
    text = row_text(page)
    assert (text["In use"], text["Replaced"]) == ("của Bình (this desk)", "của An")
    page.conflict_view.selectRow(0)
    qtbot.mouseClick(page.restore_replaced, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.conflict_model.rowCount() == 0, timeout=WAIT_MS)
    settle(window, b)
    b.ok_round()
    a.ok_round()
    assert a.services.journalists.get(row_id).notes == "của An"
    assert ConflictInbox(a.services).open() == []
