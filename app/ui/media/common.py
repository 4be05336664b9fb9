"""Small pieces shared by the Media workspace's widgets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableView, QWidget

from app.models import enums as e
from app.services.labels import enum_label
from app.services.media import CARD_EXPIRED, CARD_EXPIRING, card_state
from app.ui.formatting import format_date
from app.ui.media.models import AMBER, AMBER_BG, RED, RED_BG


def tr(text: str, disambiguation: str | None = None, count: int = -1) -> str:
    """Translation outside a widget class; lupdate files these under the empty context."""
    return QCoreApplication.translate("", text, disambiguation, count)


@dataclass(frozen=True)
class JournalistView:
    """A journalist row with the name of its agency, as the list shows it."""

    row: Any
    agency_name: str


def card_colors(expires: date | None, today: date | None = None) -> tuple[QColor | None, QColor | None]:
    """(text, background) for a press-card expiry date: red when expired, amber within 90 days."""
    state = card_state(expires, today)
    if state == CARD_EXPIRED:
        return RED, RED_BG
    if state == CARD_EXPIRING:
        return AMBER, AMBER_BG
    return None, None


def card_note(expires: date | None, today: date | None = None) -> str:
    state = card_state(expires, today)
    if state == CARD_EXPIRED:
        return tr("Press card expired on %1").replace("%1", format_date(expires))
    if state == CARD_EXPIRING:
        return tr("Press card expires on %1 (within 90 days)").replace("%1", format_date(expires))
    return ""


def kind_label(code: str) -> str:
    return str(enum_label(e.InteractionKind, code))


def fill_enum(combo: QComboBox, enum: type[e.StrEnum], any_text: str | None = None) -> None:
    if any_text is not None:
        combo.addItem(any_text, None)
    for member in enum:
        combo.addItem(str(enum_label(enum, member.value)), member.value)


def media_types_text(codes: str) -> str:
    return ", ".join(str(enum_label(e.MediaType, c)) for c in codes.split(",") if c)


def set_up_table(view: QTableView, stretch_column: int | None = None) -> None:
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch_column is not None:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)


def selected_rows(view: QTableView) -> list[int]:
    model = view.selectionModel()
    if model is None:
        return []
    return sorted({index.row() for index in model.selectedRows()})


def show_error(parent: QWidget, error: BaseException) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.errors import CommDeskError

    if isinstance(error, CommDeskError):
        QMessageBox.warning(parent, tr("Media"), str(error))
    else:
        QMessageBox.critical(
            parent,
            tr("Media"),
            tr("Something went wrong: %1. Your data has not been changed.").replace("%1", repr(error)),
        )
