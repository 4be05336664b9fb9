"""Labels and colours shared by the monitoring screens."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox

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
