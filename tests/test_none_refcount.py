"""Many calls to void Qt methods must not exhaust the references of None (PySide6 6.12, 3.11)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel

import app.ui  # noqa: F401  (installs the guard)


def test_void_calls_do_not_exhaust_none(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    for _ in range(50_000):  # more than None's own references on a plain CPython 3.11
        label.setText("Tết Nguyên Đán")
        label.update()
    assert sys.getrefcount(None) > 1_000_000
