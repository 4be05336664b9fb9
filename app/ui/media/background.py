"""Background work for the Media widgets, whose answers are dropped once the widget is gone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject


def _guarded(owner: QObject, callback: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
    if callback is None:
        return None

    def call(result: Any) -> None:
        if shiboken6.isValid(owner):  # the widget may have been closed while the work ran
            callback(result)

    return call


def on_db(
    owner: Any,
    operation: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
) -> int:
    """``ctx.tasks.run_db`` whose answers are dropped if ``owner`` no longer exists."""
    return int(owner.ctx.tasks.run_db(operation, _guarded(owner, on_success), _guarded(owner, on_failure)))


def on_io(
    owner: Any,
    operation: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
) -> int:
    """``ctx.tasks.run_io`` whose answers are dropped if ``owner`` no longer exists."""
    return int(owner.ctx.tasks.run_io(operation, _guarded(owner, on_success), _guarded(owner, on_failure)))
