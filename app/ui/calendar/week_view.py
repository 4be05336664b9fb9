"""The week time grid: Monday to Sunday, hours down the side, all-day items on top.

Drag an item to another day or time (snapped to 15 minutes) to move it; drag its lower edge
to change when it ends. The page turns both into a reschedule it can undo.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QScrollArea, QToolTip, QVBoxLayout, QWidget

from app.services.schedule import Occurrence
from app.services.vn_days import PLAIN_DAYS, DayCalendar
from app.ui.calendar.common import (
    HOLIDAY_BACKGROUND,
    HOLIDAY_TEXT,
    MUTED,
    SWAPPED_BACKGROUND,
    TODAY_COLOUR,
    WEEKEND_BACKGROUND,
    at_local,
    is_inactive,
    local_today,
    monday_of,
    type_colour,
)
from app.ui.calendar.month_view import tooltip_text
from app.ui.formatting import format_time

TIME_COLUMN = 52
HOUR_HEIGHT = 44
SNAP_MINUTES = 15
RESIZE_EDGE = 6
HEADER_TOP = 40  # weekday, date, lunar date and holiday
ALL_DAY_ROW = 18


@dataclass
class _Block:
    rect: QRect
    occurrence: Occurrence
    day: date


def _lanes(items: list[Occurrence]) -> list[tuple[Occurrence, int, int]]:
    """Side-by-side columns for overlapping items: (item, lane, lanes in its cluster)."""
    placed: list[tuple[Occurrence, int, int]] = []
    cluster: list[tuple[Occurrence, int]] = []
    cluster_end: datetime | None = None
    lane_ends: list[datetime] = []

    def flush() -> None:
        width = max((lane for _o, lane in cluster), default=0) + 1
        placed.extend((o, lane, width) for o, lane in cluster)

    for occurrence in sorted(items, key=lambda o: (o.starts_at, -(o.ends_at or o.starts_at).timestamp())):
        end = max(occurrence.ends_at or occurrence.starts_at, occurrence.starts_at + timedelta(minutes=30))
        if cluster_end is not None and occurrence.starts_at >= cluster_end:
            flush()
            cluster, lane_ends, cluster_end = [], [], None
        lane = next((i for i, lane_end in enumerate(lane_ends) if lane_end <= occurrence.starts_at), None)
        if lane is None:
            lane = len(lane_ends)
            lane_ends.append(end)
        else:
            lane_ends[lane] = end
        cluster.append((occurrence, lane))
        cluster_end = end if cluster_end is None else max(cluster_end, end)
    flush()
    return placed


class WeekCanvas(QWidget):
    def __init__(self, view: WeekView) -> None:
        super().__init__(view)
        self.view = view
        self.setMouseTracking(True)
        self.setFixedHeight(24 * HOUR_HEIGHT + 1)
        self.blocks: list[_Block] = []
        self._press: tuple[QPoint, _Block, str] | None = None  # start, block, "move" | "resize"
        self.preview: tuple[_Block, datetime, datetime] | None = None

    def column_width(self) -> float:
        return (self.width() - TIME_COLUMN) / 7

    def column_rect(self, index: int) -> QRect:
        width = self.column_width()
        left = TIME_COLUMN + round(index * width)
        return QRect(left, 0, TIME_COLUMN + round((index + 1) * width) - left, self.height())

    def y_of(self, moment: datetime, day: date) -> int:
        local = moment.astimezone(at_local(day).tzinfo)
        minutes = (local - at_local(day)).total_seconds() / 60
        return round(max(0.0, min(24 * 60.0, minutes)) * HOUR_HEIGHT / 60)

    def moment_at(self, point: QPoint) -> tuple[date, datetime] | None:
        if point.x() < TIME_COLUMN:
            return None
        index = min(6, max(0, int((point.x() - TIME_COLUMN) / self.column_width())))
        day = self.view.week_start + timedelta(days=index)
        minutes = max(0, min(24 * 60 - SNAP_MINUTES, round(point.y() * 60 / HOUR_HEIGHT)))
        minutes = minutes // SNAP_MINUTES * SNAP_MINUTES
        return day, at_local(day) + timedelta(minutes=minutes)

    def relayout(self) -> None:
        self.blocks = []
        for index in range(7):
            day = self.view.week_start + timedelta(days=index)
            column = self.column_rect(index)
            items = [o for o in self.view.timed.get(day, [])]
            for occurrence, lane, lanes in _lanes(items):
                top = self.y_of(occurrence.starts_at, day)
                end = max(
                    occurrence.ends_at or occurrence.starts_at, occurrence.starts_at + timedelta(minutes=30)
                )
                bottom = (
                    self.y_of(end, day)
                    if end.astimezone(at_local(day).tzinfo).date() == day
                    else self.height()
                )
                width = (column.width() - 6) / lanes
                rect = QRect(
                    column.left() + 2 + round(lane * width),
                    top + 1,
                    max(8, round(width) - 2),
                    max(14, bottom - top - 2),
                )
                self.blocks.append(_Block(rect, occurrence, day))
        self.update()

    def block_at(self, point: QPoint) -> _Block | None:
        for block in reversed(self.blocks):
            if block.rect.contains(point):
                return block
        return None

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.85))
        for index in range(7):
            day = self.view.week_start + timedelta(days=index)
            info = self.view.days.day_info(day)
            column = self.column_rect(index)
            if info.holiday is not None:
                painter.fillRect(column, HOLIDAY_BACKGROUND)
            elif info.swapped_workday:
                painter.fillRect(column, SWAPPED_BACKGROUND)
            elif info.is_weekend:
                painter.fillRect(column, WEEKEND_BACKGROUND)
            if day == self.view.selected_date and self.view.has_focus():
                painter.fillRect(column, QColor(31, 78, 140, 18))
        painter.setFont(small)
        for hour in range(24):
            y = hour * HOUR_HEIGHT
            painter.setPen(QPen(QColor("#e3e6ea")))
            painter.drawLine(TIME_COLUMN, y, self.width(), y)
            painter.setPen(QPen(QColor("#f1f3f5"), 1, Qt.PenStyle.DotLine))
            painter.drawLine(TIME_COLUMN, y + HOUR_HEIGHT // 2, self.width(), y + HOUR_HEIGHT // 2)
            painter.setPen(MUTED)
            painter.drawText(
                QRect(0, y + 2, TIME_COLUMN - 6, 14),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                f"{hour:02d}:00",
            )
        painter.setPen(QPen(QColor("#dde1e6")))
        for index in range(8):
            x = self.column_rect(min(index, 6)).left() if index < 7 else self.width() - 1
            painter.drawLine(x, 0, x, self.height())
        now = datetime.now(at_local(local_today()).tzinfo)
        if self.view.week_start <= now.date() < self.view.week_start + timedelta(days=7):
            column = self.column_rect((now.date() - self.view.week_start).days)
            y = self.y_of(now, now.date())
            painter.setPen(QPen(HOLIDAY_TEXT, 2))
            painter.drawLine(column.left(), y, column.right(), y)
        for block in self.blocks:
            if self.preview is not None and self.preview[0].occurrence.key == block.occurrence.key:
                continue
            self._paint_block(
                painter, block.rect, block.occurrence, block.occurrence.starts_at, block.occurrence.ends_at
            )
        if self.preview is not None:
            block, start, end = self.preview
            day = start.astimezone(at_local(block.day).tzinfo).date()
            index = (day - self.view.week_start).days
            if 0 <= index < 7:
                column = self.column_rect(index)
                rect = QRect(
                    column.left() + 2,
                    self.y_of(start, day) + 1,
                    column.width() - 6,
                    max(14, self.y_of(end, day) - self.y_of(start, day) - 2),
                )
                self._paint_block(painter, rect, block.occurrence, start, end, ghost=True)
        painter.end()

    def _paint_block(
        self,
        painter: QPainter,
        rect: QRect,
        occurrence: Occurrence,
        start: datetime,
        end: datetime | None,
        ghost: bool = False,
    ) -> None:
        colour = QColor(type_colour(occurrence.activity.type))
        colour.setAlpha(70 if is_inactive(occurrence) else 150 if ghost else 230)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, 4, 4)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if occurrence.key == self.view.selected_key:
            painter.setPen(QPen(QColor("#111"), 2))
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
        painter.setPen(QColor("#222") if is_inactive(occurrence) else QColor("white"))
        prefix = "↻ " if occurrence.is_recurring else ""
        title = occurrence.activity.title
        area = rect.adjusted(4, 1, -3, -1)
        if rect.height() < 34:  # a short item: one line, time then title
            line = f"{prefix}{format_time(start)} {title}"
            painter.drawText(
                area,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                painter.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, area.width()),
            )
            return
        text = f"{prefix}{format_time(start)}–{format_time(end or start)}\n{title}"
        if occurrence.activity.location and rect.height() > 60:
            text += f"\n{occurrence.activity.location}"
        painter.save()
        painter.setClipRect(area)
        painter.drawText(
            area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, text
        )
        painter.restore()

    # ----- mouse ---------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.view.setFocus()
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.position().toPoint()
        block = self.block_at(point)
        if block is not None:
            mode = "resize" if point.y() >= block.rect.bottom() - RESIZE_EDGE else "move"
            self._press = (point, block, mode)
            self.view.selected_date = block.day
            self.view.select_occurrence(block.occurrence)
            return
        found = self.moment_at(point)
        if found is not None:
            self.view.select_occurrence(None)
            self.view.select_date(found[0])

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self._press is None:
            block = self.block_at(point)
            if block is not None and point.y() >= block.rect.bottom() - RESIZE_EDGE:
                self.setCursor(Qt.CursorShape.SizeVerCursor)
            else:
                self.unsetCursor()
            if block is not None:
                QToolTip.showText(event.globalPosition().toPoint(), tooltip_text(block.occurrence), self)
            return
        start_point, block, mode = self._press
        if (
            point - start_point
        ).manhattanLength() < QApplication.startDragDistance() and self.preview is None:
            return
        occurrence = block.occurrence
        end = occurrence.ends_at or occurrence.starts_at + timedelta(hours=1)
        if mode == "resize":
            found = self.moment_at(
                QPoint(block.rect.center().x(), point.y() + HOUR_HEIGHT * SNAP_MINUTES // 60)
            )
            if found is None:
                return
            new_end = max(found[1], occurrence.starts_at + timedelta(minutes=SNAP_MINUTES))
            self.preview = (block, occurrence.starts_at, new_end)
        else:
            origin = self.moment_at(start_point)
            target = self.moment_at(point)
            if origin is None or target is None:
                return
            delta = target[1] - origin[1]
            self.preview = (block, occurrence.starts_at + delta, end + delta)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, preview = self._press, self.preview
        self._press, self.preview = None, None
        self.update()
        if press is None or preview is None:
            return
        block, start, end = preview
        occurrence = block.occurrence
        if start != occurrence.starts_at or end != (
            occurrence.ends_at or occurrence.starts_at + timedelta(hours=1)
        ):
            self.view.move_requested.emit(occurrence, start, end)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        block = self.block_at(point)
        if block is not None:
            self.view.occurrence_activated.emit(block.occurrence)
            return
        found = self.moment_at(point)
        if found is not None:
            self.view.new_at_requested.emit(found[1])

    def sizeHint(self) -> QSize:
        return QSize(900, 24 * HOUR_HEIGHT)


class WeekHeader(QWidget):
    """Weekday, date, lunar date and holiday of each day, and the all-day items."""

    def __init__(self, view: WeekView) -> None:
        super().__init__(view)
        self.view = view
        self.blocks: list[_Block] = []

    def relayout(self) -> None:
        rows = max([len(v) for v in self.view.all_day.values()] + [0])
        rows = min(rows, 4)
        self.setFixedHeight(HEADER_TOP + rows * ALL_DAY_ROW + 4)
        self.blocks = []
        canvas = self.view.canvas
        for index in range(7):
            day = self.view.week_start + timedelta(days=index)
            column = canvas.column_rect(index)
            for row, occurrence in enumerate(self.view.all_day.get(day, [])[:rows]):
                rect = QRect(
                    column.left() + 2, HEADER_TOP + row * ALL_DAY_ROW, column.width() - 4, ALL_DAY_ROW - 2
                )
                self.blocks.append(_Block(rect, occurrence, day))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        canvas = self.view.canvas
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.82))
        names = self.view.month_names()
        today = local_today()
        for index in range(7):
            day = self.view.week_start + timedelta(days=index)
            info = self.view.days.day_info(day)
            column = canvas.column_rect(index)
            column.setHeight(self.height())
            if info.holiday is not None:
                painter.fillRect(column, HOLIDAY_BACKGROUND)
            elif info.is_weekend and not info.swapped_workday:
                painter.fillRect(column, WEEKEND_BACKGROUND)
            painter.setFont(bold)
            painter.setPen(
                TODAY_COLOUR
                if day == today
                else HOLIDAY_TEXT
                if info.holiday is not None
                else QColor("#1d2127")
            )
            painter.drawText(
                QRect(column.left() + 4, 2, column.width() - 8, 16),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{names[index]} {day.day:02d}/{day.month:02d}",
            )
            painter.setFont(small)
            painter.setPen(HOLIDAY_TEXT if info.lunar_day == 1 else MUTED)
            lunar = f"{info.lunar_day}/{info.lunar_month}{'+' if info.lunar_leap else ''}"
            painter.drawText(
                QRect(column.left() + 4, 2, column.width() - 8, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                lunar,
            )
            label = (
                str(info.holiday)
                if info.holiday is not None
                else (self.tr("Workday") if info.swapped_workday else "")
            )
            if label:
                painter.setPen(HOLIDAY_TEXT if info.holiday is not None else QColor("#8d6e00"))
                rect = QRect(column.left() + 4, 19, column.width() - 8, 16)
                painter.drawText(
                    rect,
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, rect.width()),
                )
            painter.setPen(QPen(QColor("#dde1e6")))
            painter.drawLine(column.left(), 0, column.left(), self.height())
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        painter.setFont(small)
        for block in self.blocks:
            colour = QColor(type_colour(block.occurrence.activity.type))
            colour.setAlpha(70 if is_inactive(block.occurrence) else 230)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(block.rect, 3, 3)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if block.occurrence.key == self.view.selected_key:
                painter.setPen(QPen(QColor("#111"), 2))
                painter.drawRoundedRect(block.rect.adjusted(1, 1, -1, -1), 3, 3)
            painter.setPen(QColor("white"))
            painter.drawText(
                block.rect.adjusted(4, 0, -2, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                painter.fontMetrics().elidedText(
                    block.occurrence.activity.title, Qt.TextElideMode.ElideRight, block.rect.width() - 6
                ),
            )
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        for block in self.blocks:
            if block.rect.contains(point):
                self.view.select_occurrence(block.occurrence)
                return

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        for block in self.blocks:
            if block.rect.contains(point):
                self.view.occurrence_activated.emit(block.occurrence)
                return


class WeekView(QWidget):
    date_selected = Signal(object)  # date
    occurrence_selected = Signal(object)  # Occurrence | None
    occurrence_activated = Signal(object)  # Occurrence
    new_at_requested = Signal(object)  # aware datetime of the empty slot double-clicked
    move_requested = Signal(object, object, object)  # Occurrence, new start, new end
    navigate = Signal(object)  # a date outside the shown week

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekView")
        self.days: DayCalendar = PLAIN_DAYS  # holidays with the published overrides
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.selected_date = local_today()
        self.week_start = monday_of(self.selected_date)
        self.selected_key: str | None = None
        self.timed: dict[date, list[Occurrence]] = {}
        self.all_day: dict[date, list[Occurrence]] = {}
        self.canvas = WeekCanvas(self)
        self.header = WeekHeader(self)
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.canvas)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.scroller, 1)
        self.scroller.verticalScrollBar().setValue(7 * HOUR_HEIGHT)

    def month_names(self) -> list[str]:
        return [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]

    def has_focus(self) -> bool:
        return self.hasFocus()

    def visible_range(self) -> tuple[date, date]:
        return self.week_start, self.week_start + timedelta(days=7)

    def set_week(self, day: date) -> None:
        self.week_start = monday_of(day)
        self.selected_date = day
        self.timed, self.all_day = {}, {}
        self.relayout()

    def set_occurrences(self, occurrences: list[Occurrence]) -> None:
        timed: dict[date, list[Occurrence]] = defaultdict(list)
        all_day: dict[date, list[Occurrence]] = defaultdict(list)
        start, end = self.visible_range()
        for occurrence in occurrences:
            days = occurrence.local_days()
            target = all_day if occurrence.activity.all_day or len(days) > 1 else timed
            for day in days:
                if start <= day < end:
                    target[day].append(occurrence)
        self.timed, self.all_day = dict(timed), dict(all_day)
        self.relayout()

    def relayout(self) -> None:
        self.canvas.relayout()
        self.header.relayout()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.relayout()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.relayout()

    def block_rect(self, key: str) -> QRect | None:
        for block in self.canvas.blocks:
            if block.occurrence.key == key:
                return block.rect
        return None

    def select_date(self, day: date) -> None:
        self.selected_date = day
        if not (self.week_start <= day < self.week_start + timedelta(days=7)):
            self.navigate.emit(day)
        self.date_selected.emit(day)
        self.canvas.update()

    def select_occurrence(self, occurrence: Occurrence | None) -> None:
        self.selected_key = occurrence.key if occurrence is not None else None
        self.occurrence_selected.emit(occurrence)
        self.canvas.update()
        self.header.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_PageUp: -7, Qt.Key.Key_PageDown: 7}
        if key in steps:
            self.select_occurrence(None)
            self.select_date(self.selected_date + timedelta(days=steps[key]))
        elif key == Qt.Key.Key_Up:
            bar = self.scroller.verticalScrollBar()
            bar.setValue(bar.value() - HOUR_HEIGHT)
        elif key == Qt.Key.Key_Down:
            bar = self.scroller.verticalScrollBar()
            bar.setValue(bar.value() + HOUR_HEIGHT)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_T):
            self.select_date(local_today())
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            for items in (self.timed, self.all_day):
                for occurrence in items.get(self.selected_date, []):
                    if occurrence.key == self.selected_key:
                        self.occurrence_activated.emit(occurrence)
                        return
            self.new_at_requested.emit(at_local(self.selected_date, 9))
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: object) -> None:
        super().focusInEvent(event)  # type: ignore[arg-type]
        self.canvas.update()

    def focusOutEvent(self, event: object) -> None:
        super().focusOutEvent(event)  # type: ignore[arg-type]
        self.canvas.update()
