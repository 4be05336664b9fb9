"""Labels, colours and the list-with-actions layout shared by the monitoring screens."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models import enums as e
from app.services.labels import enum_label

TONE_COLOURS = {
    e.Sentiment.POSITIVE.value: QColor("#2e7d32"),
    e.Sentiment.NEUTRAL.value: QColor("#607d8b"),
    e.Sentiment.NEGATIVE.value: QColor("#c62828"),
}
TONES = (e.Sentiment.POSITIVE.value, e.Sentiment.NEUTRAL.value, e.Sentiment.NEGATIVE.value)


def tone_label(code: str) -> str:
    return str(enum_label(e.Sentiment, code))


def medium_label(code: str) -> str:
    return str(enum_label(e.MediaType, code))


def status_label(code: str) -> str:
    return str(enum_label(e.HandlingStatus, code))


def fill_combo(combo: QComboBox, items: list[tuple[str, Any]], first: str | None = None) -> None:
    """Replace a combo's items, keeping the current choice when it is still there."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if first is not None:
        combo.addItem(first, None)
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(current)
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)


def selectable_list(model: QAbstractItemModel, name: str) -> QTableView:
    """A list of whole rows, several of which can be chosen for the tab's actions."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.verticalHeader().hide()
    return table


def list_with_actions(
    tab: QWidget, intro: str, table: QTableView, actions: list[QWidget], right: list[QWidget]
) -> None:
    """Lay ``tab`` out as an explaining line, the list, and a row of buttons under it:
    ``actions`` on the left, ``right`` (a status, a button for the whole list) on the right."""
    explanation = QLabel(intro)
    explanation.setWordWrap(True)
    buttons = QHBoxLayout()
    for widget in actions:
        buttons.addWidget(widget)
    buttons.addStretch(1)
    for widget in right:
        buttons.addWidget(widget)
    layout = QVBoxLayout(tab)
    layout.addWidget(explanation)
    layout.addWidget(table, 1)
    layout.addLayout(buttons)
