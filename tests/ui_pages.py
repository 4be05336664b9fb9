"""What the page tests share: waiting for a page's background work, reading the database from
the test for a moment, and closing a page only once every answer it asked for has arrived.

The ``open_ui_page`` fixture (tests/conftest.py) builds and shows a page with these."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtWidgets import QWidget

from app.services import Services
from app.ui.context import UiContext

SETTLE_TIMEOUT_MS = 15_000


def settle(qtbot: Any, ctx: UiContext) -> None:
    """Wait until the background work the page started has reported back."""
    qtbot.waitUntil(lambda: ctx.tasks.pending() == 0, timeout=SETTLE_TIMEOUT_MS)


@contextmanager
def direct(services: Services, ctx: UiContext) -> Iterator[Services]:
    """Let the test read the database itself for a moment."""
    ctx.tasks.wait_for_done()
    services.db.forbid_thread(None)
    try:
        yield services
    finally:
        services.db.forbid_thread(threading.get_ident())


def close_page(qtbot: Any, page: QWidget, ctx: UiContext) -> None:
    """Stop the page asking for work, let what it already asked for arrive, then close it."""
    page.hide()  # no more painting, so no more rows asked for
    ctx.data_changed.detach()
    for _ in range(3):  # change notifications already queued still start refreshes
        settle(qtbot, ctx)
        qtbot.wait(50)
    page.close()
    page.deleteLater()
    qtbot.wait(10)
