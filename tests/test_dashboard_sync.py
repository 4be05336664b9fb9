"""The Dashboard's sync tile against a real sync server: never synced, the last successful round,
conflicts waiting (a link to the Sync page), and the tile refreshing when a round finishes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from report_data import VN
from sync_harness import (  # noqa: F401  (fixtures)
    Harness,
    harness_fixture,
    live_server_fixture,
    memory_keyring_fixture,
    quick_argon2_fixture,
)

from app.i18n import set_language
from app.services import Services
from app.sync.local import LAST_ERROR, LocalStore
from app.ui.app import build_context, install_translations
from app.ui.dashboard.page import DashboardPage
from app.ui.sync.controller import sync_controller

WAIT_MS = 60_000


@pytest.fixture(name="server_kind")
def sqlite_server() -> str:
    return "sqlite"


@pytest.fixture(autouse=True)
def _vietnamese_interface(qapp: QApplication) -> Iterator[None]:
    install_translations(qapp, "vi")
    yield
    install_translations(qapp, "en")
    set_language("vi")


def test_sync_tile_shows_the_last_sync_and_conflicts_and_refreshes_after_a_round(
    qtbot: QtBot, harness: Harness
) -> None:
    a = harness.desk("an", set_up=True)
    journalist = a.services.journalists.create({"full_name": "Nguyễn Thị Lan"})
    waiting = a.services.pending_changes()  # the office and the journalist
    assert waiting >= 1
    ctx = build_context(a.services)
    opened: list[str] = []
    page = DashboardPage(ctx, open_page=opened.append)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT_MS)
    tile = page.tiles["sync"]
    assert "Chưa đồng bộ lần nào" in tile.body.text()
    assert harness.server.url in tile.body.text()
    assert tile.figure.text() == str(waiting)
    assert "xung đột" not in tile.body.text()

    controller = sync_controller(ctx)
    assert controller.sync_now()
    qtbot.waitUntil(lambda: "Đồng bộ lần cuối: vừa xong" in tile.body.text(), timeout=WAIT_MS)
    assert controller.last_result is not None and controller.last_result.ok
    assert tile.figure.text() == "0" and "Chưa đồng bộ lần nào" not in tile.body.text()

    # Another desk changes the same field before ours: the round leaves one conflict to review.
    b = harness.desk("binh")
    b.ok_round()
    b.services.journalists.update(journalist.id, {"notes": "của Bình"})
    b.ok_round()
    ctx.tasks.run_db(lambda: a.services.journalists.update(journalist.id, {"notes": "của An"}))
    ctx.tasks.wait_for_done()
    assert controller.sync_now()
    qtbot.waitUntil(lambda: "1 xung đột chờ xem xét" in tile.body.text(), timeout=WAIT_MS)
    assert "href='sync'" in tile.body.text()
    tile.body.linkActivated.emit("sync")  # what QLabel emits when the link is clicked
    assert opened == ["sync"]

    # A failed round says so in the tile.
    ctx.tasks.wait_for_done()
    LocalStore(a.services.db).set_state(LAST_ERROR, "offline: máy chủ không trả lời")
    page.refresh_sync()
    qtbot.waitUntil(lambda: "máy chủ không trả lời" in tile.body.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: ctx.tasks.pending() == 0 and not controller.busy, timeout=WAIT_MS)
    controller.stop()


def test_last_sync_time_is_relative_today_and_in_full_before(services: Services, qtbot: QtBot) -> None:
    ctx = build_context(services)
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    now = datetime(2026, 11, 26, 15, 0, tzinfo=VN)
    assert page.when(now - timedelta(seconds=20), now) == "vừa xong"
    assert page.when(now - timedelta(minutes=25), now) == "25 phút trước"
    assert page.when(now - timedelta(hours=5), now) == "hôm nay lúc 10:00 (5 giờ trước)"
    assert page.when(now - timedelta(hours=16), now) == "23:00 25/11/2026"
    qtbot.waitUntil(lambda: page.data is not None and ctx.tasks.pending() == 0, timeout=WAIT_MS)
