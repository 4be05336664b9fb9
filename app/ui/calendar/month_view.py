"""The month grid: six weeks from Monday, items coloured by type, lunar dates, holidays.

Painted rather than built from widgets, so a month with hundreds of items lays out and paints
in a few milliseconds. Items can be dragged to another day; the page does the rescheduling.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QApplication, QMenu, QToolTip, QWidget

from app.services.schedule import Occurrence
from app.services.vn_days import PLAIN_DAYS, DayCalendar
from app.ui.calendar.common import (
    HOLIDAY_BACKGROUND,
    HOLIDAY_TEXT,
    MUTED,
    SWAPPED_BACKGROUND,
    TODAY_COLOUR,
    WEEKEND_BACKGROUND,
    add_months,
    is_inactive,
    local_today,
    month_grid_start,
    status_label,
    type_colour,
    type_label,
)
from app.ui.formatting import format_time

HEADER_HEIGHT = 24
ITEM_HEIGHT = 18
CELL_TOP = 20  # day number and lunar date line


@dataclass
class _Slot:
    rect: QRect
    occurrence: Occurrence
    day: date


def tooltip_text(occurrence: Occurrence) -> str:
    activity = occurrence.activity
    when = (
        occurrence.local_start().strftime("%d/%m/%Y")
        if activity.all_day
        else f"{format_time(occurrence.starts_at)}–{format_time(occurrence.ends_at or occurrence.starts_at)}"
    )
    lines = [
        f"<b>{activity.title}</b>",
        f"{type_label(activity.type)} · {status_label(activity.status)}",
        when,
    ]
    if activity.location:
        lines.append(activity.location)
    return "<br>".join(lines)


class MonthView(QWidget):
    """Signals carry what the person did; the page decides what it means."""

    date_selected = Signal(object)  # date
    occurrence_selected = Signal(object)  # Occurrence | None
    occurrence_activated = Signal(object)  # Occurrence (double-click / Enter)
    new_requested = Signal(object)  # date (double-click on an empty part of a day)
    move_requested = Signal(object, object)  # Occurrence, target date
    navigate = Signal(object)  # date outside the shown month: the page reloads

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthView")
        self.days: DayCalendar = PLAIN_DAYS  # holidays with the published overrides
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(490, 360)  # 70 px a day: fits a 1024-pixel laptop screen with the side panel
        today = local_today()
        self.year, self.month = today.year, today.month
        self.selected_date = today
        self.selected_key: str | None = None
        self.by_day: dict[date, list[Occurrence]] = {}
        self._slots: list[_Slot] = []
        self._more: list[tuple[QRect, date, int]] = []
        self._press: tuple[QPoint, _Slot] | None = None
        self._drag_target: date | None = None
        self._dragging = False
        self.first_day = month_grid_start(self.year, self.month)

    # ----- data ----------------------------------------------------------------------------

    def visible_range(self) -> tuple[date, date]:
        return self.first_day, self.first_day + timedelta(days=42)

    def set_month(self, year: int, month: int, selected: date | None = None) -> None:
        self.year, self.month = year, month
        self.first_day = month_grid_start(year, month)
        if selected is not None:
            self.selected_date = selected
        self.by_day = {}
        self._relayout()

    def set_occurrences(self, occurrences: list[Occurrence]) -> None:
        start, end = self.visible_range()
        by_day: dict[date, list[Occurrence]] = defaultdict(list)
        for occurrence in occurrences:
            for day in occurrence.local_days():
                if start <= day < end:
                    by_day[day].append(occurrence)
        for items in by_day.values():
            items.sort(key=lambda o: (not o.activity.all_day, o.starts_at, o.activity.title))
        self.by_day = dict(by_day)
        self._relayout()

    def occurrences_on(self, day: date) -> list[Occurrence]:
        return list(self.by_day.get(day, []))

    def selected_occurrence(self) -> Occurrence | None:
        for slot in self._slots:
            if slot.occurrence.key == self.selected_key:
                return slot.occurrence
        for items in self.by_day.values():
            for occurrence in items:
                if occurrence.key == self.selected_key:
                    return occurrence
        return None

    def weekday_names(self) -> list[str]:
        return [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]

    # ----- geometry ------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(900, 640)

    def cell_rect(self, day: date) -> QRect:
        index = (day - self.first_day).days
        row, column = divmod(index, 7)
        width = self.width() / 7
        height = (self.height() - HEADER_HEIGHT) / 6
        left = round(column * width)
        top = HEADER_HEIGHT + round(row * height)
        return QRect(
            left, top, round((column + 1) * width) - left, HEADER_HEIGHT + round((row + 1) * height) - top
        )

    def day_at(self, point: QPoint) -> date | None:
        if point.y() < HEADER_HEIGHT or not self.rect().contains(point):
            return None
        column = min(6, int(point.x() / (self.width() / 7)))
        row = min(5, int((point.y() - HEADER_HEIGHT) / ((self.height() - HEADER_HEIGHT) / 6)))
        return self.first_day + timedelta(days=row * 7 + column)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self) -> None:
        self._slots = []
        self._more = []
        for index in range(42):
            day = self.first_day + timedelta(days=index)
            cell = self.cell_rect(day)
            items = self.by_day.get(day, [])
            top = cell.top() + CELL_TOP + (14 if self.days.day_info(day).holiday is not None else 0)
            room = max(0, (cell.bottom() - 2 - top) // ITEM_HEIGHT)
            shown = items if len(items) <= room else items[: max(0, room - 1)]
            for position, occurrence in enumerate(shown):
                rect = QRect(cell.left() + 3, top + position * ITEM_HEIGHT, cell.width() - 6, ITEM_HEIGHT - 2)
                self._slots.append(_Slot(rect, occurrence, day))
            hidden = len(items) - len(shown)
            if hidden:
                rect = QRect(
                    cell.left() + 3, top + len(shown) * ITEM_HEIGHT, cell.width() - 6, ITEM_HEIGHT - 2
                )
                self._more.append((rect, day, hidden))
        self.update()

    def slot_at(self, point: QPoint) -> _Slot | None:
        for slot in self._slots:
            if slot.rect.contains(point):
                return slot
        return None

    def slot_rect(self, key: str) -> QRect | None:
        """Where an occurrence is drawn (first day), for tests and drag start."""
        for slot in self._slots:
            if slot.occurrence.key == key:
                return slot.rect
        return None

    def more_count(self, day: date) -> int:
        return next((hidden for _rect, d, hidden in self._more if d == day), 0)

    # ----- painting ------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        base = QFont(self.font())
        small = QFont(base)
        small.setPointSizeF(max(6.5, base.pointSizeF() * 0.82))
        bold = QFont(base)
        bold.setBold(True)
        names = self.weekday_names()
        width = self.width() / 7
        painter.setPen(QColor("#4a4f57"))
        painter.setFont(bold)
        for column, name in enumerate(names):
            rect = QRect(round(column * width), 0, round(width), HEADER_HEIGHT)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, name)
        today = local_today()
        grid_pen = QPen(QColor("#dde1e6"))
        for index in range(42):
            day = self.first_day + timedelta(days=index)
            cell = self.cell_rect(day)
            info = self.days.day_info(day)
            if info.holiday is not None:
                painter.fillRect(cell, HOLIDAY_BACKGROUND)
            elif info.swapped_workday:
                painter.fillRect(cell, SWAPPED_BACKGROUND)
            elif info.is_weekend:
                painter.fillRect(cell, WEEKEND_BACKGROUND)
            if self._dragging and day == self._drag_target:
                painter.fillRect(cell, QColor(31, 78, 140, 40))
            painter.setPen(grid_pen)
            painter.drawRect(cell.adjusted(0, 0, -1, -1))
            in_month = day.month == self.month
            number_rect = QRect(cell.left() + 4, cell.top() + 2, 26, CELL_TOP - 3)
            if day == today:
                painter.setBrush(TODAY_COLOUR)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawRoundedRect(number_rect.adjusted(-2, 0, 0, 0), 8, 8)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QColor("white"))
            elif info.holiday is not None or (info.is_weekend and day.weekday() == 6):
                painter.setPen(HOLIDAY_TEXT if in_month else MUTED)
            else:
                painter.setPen(QColor("#1d2127") if in_month else MUTED)
            painter.setFont(bold if in_month else base)
            painter.drawText(number_rect, Qt.AlignmentFlag.AlignCenter, str(day.day))
            painter.setFont(small)
            painter.setPen(HOLIDAY_TEXT if info.lunar_day == 1 else MUTED)
            lunar_rect = QRect(cell.right() - 60, cell.top() + 2, 56, CELL_TOP - 3)
            painter.drawText(
                lunar_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, info.lunar_label()
            )
            if info.holiday is not None:
                painter.setPen(HOLIDAY_TEXT)
                holiday_rect = QRect(cell.left() + 4, cell.top() + CELL_TOP - 2, cell.width() - 8, 14)
                text = painter.fontMetrics().elidedText(
                    str(info.holiday), Qt.TextElideMode.ElideRight, holiday_rect.width()
                )
                painter.drawText(
                    holiday_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text
                )
            elif info.swapped_workday:
                painter.setPen(QColor("#8d6e00"))
                swap_rect = QRect(cell.left() + 32, cell.top() + 2, cell.width() - 96, CELL_TOP - 3)
                label = self.tr("Workday")
                painter.drawText(swap_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
            if day == self.selected_date and self.hasFocus():
                painter.setPen(QPen(TODAY_COLOUR, 2))
                painter.drawRect(cell.adjusted(1, 1, -2, -2))
        painter.setFont(small)
        metrics = painter.fontMetrics()
        for slot in self._slots:
            self._paint_item(painter, slot, metrics)
        painter.setPen(QColor("#1f4e8c"))
        for rect, _day, hidden in self._more:
            label = self.tr("+%n more", "", hidden)
            painter.drawText(
                rect.adjusted(4, 0, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label
            )
        painter.end()

    def _paint_item(self, painter: QPainter, slot: _Slot, metrics: object) -> None:
        occurrence = slot.occurrence
        colour = type_colour(occurrence.activity.type)
        rect = slot.rect
        faded = is_inactive(occurrence)
        fill = QColor(colour)
        fill.setAlpha(60 if faded else 235)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if occurrence.key == self.selected_key:
            painter.setPen(QPen(QColor("#111"), 2))
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
        painter.setPen(QColor("#333") if faded else QColor("white"))
        prefix = "" if occurrence.activity.all_day else format_time(occurrence.starts_at) + " "
        if occurrence.is_recurring:
            prefix = "↻ " + prefix
        text_rect = rect.adjusted(4, 0, -2, 0)
        text = painter.fontMetrics().elidedText(
            prefix + occurrence.activity.title, Qt.TextElideMode.ElideRight, text_rect.width()
        )
        font = painter.font()
        font.setStrikeOut(occurrence.activity.status == "cancelled")
        painter.setFont(font)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        font.setStrikeOut(False)
        painter.setFont(font)

    # ----- interaction ---------------------------------------------------------------------

    def select_date(self, day: date) -> None:
        self.selected_date = day
        start, end = self.visible_range()
        if day.month != self.month or not (start <= day < end):
            self.navigate.emit(day)
        self.date_selected.emit(day)
        self.update()

    def select_occurrence(self, occurrence: Occurrence | None) -> None:
        self.selected_key = occurrence.key if occurrence is not None else None
        self.occurrence_selected.emit(occurrence)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus()
        point = event.position().toPoint()
        if event.button() != Qt.MouseButton.LeftButton:
            return
        for rect, more_day, _hidden in self._more:
            if rect.contains(point):
                self._show_more(more_day, event.globalPosition().toPoint())
                return
        slot = self.slot_at(point)
        day = self.day_at(point)
        if slot is not None:
            self._press = (point, slot)
            self.selected_date = slot.day
            self.select_occurrence(slot.occurrence)
            self.date_selected.emit(slot.day)
        elif day is not None:
            self.select_occurrence(None)
            self.select_date(day)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            start, _slot = self._press
            if (point - start).manhattanLength() >= QApplication.startDragDistance():
                self._dragging = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self._drag_target = self.day_at(point)
                self.update()
            return
        slot = self.slot_at(point)
        if slot is not None:
            QToolTip.showText(event.globalPosition().toPoint(), tooltip_text(slot.occurrence), self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, dragging, target = self._press, self._dragging, self._drag_target
        self._press, self._dragging, self._drag_target = None, False, None
        self.unsetCursor()
        self.update()
        if press is None or not dragging or target is None:
            return
        _start, slot = press
        if target != slot.day:
            self.move_requested.emit(
                slot.occurrence, slot.occurrence.local_start().date() + (target - slot.day)
            )

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        slot = self.slot_at(point)
        if slot is not None:
            self.occurrence_activated.emit(slot.occurrence)
            return
        day = self.day_at(point)
        if day is not None:
            self.new_requested.emit(day)

    def _show_more(self, day: date, where: QPoint) -> None:
        menu = QMenu(self)
        for occurrence in self.by_day.get(day, []):
            prefix = "" if occurrence.activity.all_day else format_time(occurrence.starts_at) + "  "
            action = menu.addAction(prefix + occurrence.activity.title)
            action.triggered.connect(lambda _c=False, o=occurrence: self._choose(o, day))
        menu.popup(where)

    def _choose(self, occurrence: Occurrence, day: date) -> None:
        self.selected_date = day
        self.select_occurrence(occurrence)
        self.occurrence_activated.emit(occurrence)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -7,
            Qt.Key.Key_Down: 7,
        }
        if key in steps:
            self.select_occurrence(None)
            self.select_date(self.selected_date + timedelta(days=steps[key]))
        elif key == Qt.Key.Key_PageUp:
            self.select_date(add_months(self.selected_date, -1))
        elif key == Qt.Key.Key_PageDown:
            self.select_date(add_months(self.selected_date, 1))
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_T):
            self.select_date(local_today())
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            occurrence = self.selected_occurrence()
            if occurrence is not None:
                self.occurrence_activated.emit(occurrence)
            else:
                self.new_requested.emit(self.selected_date)
        elif key == Qt.Key.Key_Tab and self.by_day.get(self.selected_date):
            items = self.by_day[self.selected_date]
            keys = [o.key for o in items]
            position = (keys.index(self.selected_key) + 1) % len(items) if self.selected_key in keys else 0
            self.select_occurrence(items[position])
        else:
            super().keyPressEvent(event)
