"""The Calendar workspace: month / week / agenda, filters, details, legal deadlines, undo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import CommDeskError
from app.models import enums as e
from app.services.labels import enum_label
from app.services.schedule import ActivityFilter, Choices, MoveResult, Occurrence, Scope
from app.services.vn_days import DayCalendar
from app.ui.calendar.agenda import AgendaModel
from app.ui.calendar.common import add_months, at_local, local_today, monday_of, while_alive
from app.ui.calendar.compliance_panel import CompliancePanel
from app.ui.calendar.details import DetailsPanel
from app.ui.calendar.editor import ActivityEditor, ask_scope
from app.ui.calendar.month_view import MonthView
from app.ui.calendar.week_view import WeekView
from app.ui.context import UiContext
from app.ui.flow_layout import FlowLayout
from app.ui.formatting import format_date

WATCHED = frozenset({"activity", "activity_topic", "activity_invitee", "staff_member", "policy_topic"})


class MoveCommand(QUndoCommand):
    """Reschedule an occurrence; undo puts it back (a series occurrence returns to the series)."""

    def __init__(
        self, page: CalendarPage, occurrence: Occurrence, start: datetime, end: datetime | None
    ) -> None:
        super().__init__(
            QCoreApplication.translate("CalendarPage", "Move “%1”").replace("%1", occurrence.activity.title)
        )
        self.page = page
        self.occurrence = occurrence
        self.start, self.end = start, end
        self.result: MoveResult | None = None

    def redo(self) -> None:
        calendar = self.page.ctx.services.calendar

        def move() -> MoveResult:
            self.result = calendar.move(self.occurrence, self.start, self.end)
            return self.result

        self.page.ctx.tasks.run_db(move, lambda _r: None, self.page.show_error)

    def undo(self) -> None:
        calendar = self.page.ctx.services.calendar

        def back() -> None:
            if self.result is not None:
                calendar.undo_move(self.result)

        self.page.ctx.tasks.run_db(back, lambda _r: None, self.page.show_error)


class CalendarPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("calendarPage")
        self.anchor = local_today()
        self.filters = ActivityFilter()
        self.editor: ActivityEditor | None = None
        self.undo_stack = QUndoStack(self)
        self._generation = 0
        self.loaded = False
        # Replaceable for tests and scripts.
        self.choose_scope: Callable[[str], Scope | None] = lambda verb: ask_scope(self, verb)
        self.confirm: Callable[[str], bool] = self._confirm_dialog

        self.month = MonthView()
        self.week = WeekView()
        self.agenda_model = AgendaModel(ctx, self)
        self.agenda = QTableView()
        self.agenda.setObjectName("agendaTable")
        self.agenda.setModel(self.agenda_model)
        self.agenda.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.agenda.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.agenda.verticalHeader().hide()
        header = self.agenda.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 150), (1, 95), (3, 170), (4, 110), (5, 170), (6, 170)):
            self.agenda.setColumnWidth(column, width)
        self.agenda.verticalHeader().setDefaultSectionSize(24)
        self.agenda.setWordWrap(False)
        self.stack = QStackedWidget()
        for widget in (self.month, self.week, self.agenda):
            self.stack.addWidget(widget)
        self.details = DetailsPanel(ctx)
        self.compliance = CompliancePanel(ctx)

        self._build_toolbar()
        side = QWidget()
        side.setMinimumWidth(260)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 0, 0, 0)
        side_layout.addWidget(self.details, 3)
        side_layout.addWidget(self.compliance, 2)
        splitter = QSplitter()
        splitter.addWidget(self.stack)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 320])
        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addLayout(self.filter_bar)
        layout.addWidget(splitter, 1)

        for view in (self.month, self.week):
            view.occurrence_selected.connect(self.details.show_occurrence)
            view.occurrence_activated.connect(self.edit_occurrence)
            view.navigate.connect(self.go_to)
            view.date_selected.connect(self._date_selected)
        self.month.new_requested.connect(lambda day: self.new_activity(at_local(day, 9)))
        self.week.new_at_requested.connect(self.new_activity)
        self.month.move_requested.connect(self._month_move)
        self.week.move_requested.connect(self.reschedule)
        self.agenda.selectionModel().currentRowChanged.connect(self._agenda_selected)
        self.agenda.doubleClicked.connect(lambda index: self._agenda_open(index.row()))
        self.details.edit_requested.connect(self.edit_occurrence)
        self.details.delete_requested.connect(self.delete_occurrence)
        self.details.status_requested.connect(self.change_status)
        ctx.data_changed.changed.connect(self._data_changed)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._apply_filters)
        self._load_choices()
        self._load_days()
        self.show_view("month")

    # ----- building ------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        self.toolbar = FlowLayout()  # wraps onto a second line on a small screen
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setShortcut(QKeySequence("Ctrl+T"))
        self.previous_button = QToolButton()
        self.previous_button.setText("‹")
        self.previous_button.setToolTip(self.tr("Previous (Page Up)"))
        self.next_button = QToolButton()
        self.next_button.setText("›")
        self.next_button.setToolTip(self.tr("Next (Page Down)"))
        self.period = QLabel()
        self.period.setObjectName("periodLabel")
        self.period.setStyleSheet("font-size: 16px; font-weight: bold; padding: 0 8px;")
        self.view_buttons = QButtonGroup(self)
        self.view_buttons.setExclusive(True)
        views = QHBoxLayout()
        views.setSpacing(0)
        for key, text in (
            ("month", self.tr("Month")),
            ("week", self.tr("Week")),
            ("agenda", self.tr("Agenda")),
        ):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setObjectName(f"view_{key}")
            button.clicked.connect(lambda _c=False, k=key: self.show_view(k))
            self.view_buttons.addButton(button)
            views.addWidget(button)
        self.new_button = QPushButton(self.tr("New activity"))
        self.new_button.setObjectName("newActivity")
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        undo_button = QToolButton()
        undo_button.setDefaultAction(self.undo_action)
        redo_button = QToolButton()
        redo_button.setDefaultAction(self.redo_action)
        self.export_button = QPushButton(self.tr("Export .ics…"))
        self.import_button = QPushButton(self.tr("Import .ics…"))
        self.period.setMinimumWidth(190)  # the buttons after it stay put from month to month
        views.setContentsMargins(0, 0, 12, 0)
        view_switch = QWidget()
        view_switch.setLayout(views)
        for widget in (self.today_button, self.previous_button, self.next_button, self.period, view_switch):
            self.toolbar.addWidget(widget)
        for widget in (undo_button, redo_button, self.export_button, self.import_button, self.new_button):
            self.toolbar.addWidget(widget)
        self.today_button.clicked.connect(lambda: self.go_to(local_today()))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.new_button.clicked.connect(lambda: self.new_activity(None))
        self.export_button.clicked.connect(self._export)
        self.import_button.clicked.connect(self._import)
        for sequence, offset in (("PgUp", -1), ("PgDown", 1)):
            shortcut = QShortcut(QKeySequence(sequence), self.agenda)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda o=offset: self.step(o))

        self.filter_bar = QHBoxLayout()
        self.type_filter = QComboBox()
        self.type_filter.setObjectName("typeFilter")
        self.type_filter.addItem(self.tr("All types"), None)
        for member in e.ActivityType:
            self.type_filter.addItem(str(enum_label(e.ActivityType, member.value)), member.value)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in e.ActivityStatus:
            self.status_filter.addItem(str(enum_label(e.ActivityStatus, status.value)), status.value)
        self.staff_filter = QComboBox()
        self.staff_filter.setObjectName("staffFilter")
        self.staff_filter.addItem(self.tr("All staff"), None)
        self.staff_filter.setMinimumWidth(160)
        self.topic_filter = QComboBox()
        self.topic_filter.setObjectName("topicFilter")
        self.topic_filter.addItem(self.tr("All topics"), None)
        self.topic_filter.setMinimumWidth(160)
        self.topic_filter.setMaximumWidth(260)
        self.search = QLineEdit()
        self.search.setObjectName("calendarSearch")
        self.search.setPlaceholderText(self.tr("Search title, description, location…"))
        self.search.setClearButtonEnabled(True)
        for combo in (self.type_filter, self.status_filter, self.staff_filter, self.topic_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
            self.filter_bar.addWidget(combo)
        self.filter_bar.addWidget(self.search, 1)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())

    def _load_choices(self) -> None:
        calendar = self.ctx.services.calendar
        self.ctx.tasks.run_db(calendar.choices, self._choices_loaded, self.show_error)

    @while_alive
    def _choices_loaded(self, choices: Choices) -> None:
        for combo, pairs in ((self.staff_filter, choices.staff), (self.topic_filter, choices.topics)):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for row_id, name in pairs:
                combo.addItem(name, row_id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self.agenda_model.staff_names = dict(choices.staff)

    # ----- navigation ----------------------------------------------------------------------

    def current_view(self) -> str:
        widget = self.stack.currentWidget()
        return "month" if widget is self.month else "week" if widget is self.week else "agenda"

    def show_view(self, key: str) -> None:
        widget = {"month": self.month, "week": self.week, "agenda": self.agenda}[key]
        self.stack.setCurrentWidget(widget)
        for button in self.view_buttons.buttons():
            button.setChecked(button.objectName() == f"view_{key}")
        self.go_to(self.anchor)
        widget.setFocus()

    def step(self, offset: int) -> None:
        view = self.current_view()
        if view == "week":
            self.go_to(self.anchor + timedelta(days=7 * offset))
        elif view == "agenda":
            self.go_to(add_months(self.anchor, 12 * offset))
        else:
            self.go_to(add_months(self.anchor, offset))

    @Slot(object)
    def go_to(self, day: date) -> None:
        self.anchor = day
        view = self.current_view()
        if view == "month":
            self.month.set_month(day.year, day.month, day)
            self.period.setText(self.tr("Month %1").replace("%1", f"{day.month:02d}/{day.year}"))
        elif view == "week":
            self.week.set_week(day)
            start = monday_of(day)
            self.period.setText(f"{format_date(start)} – {format_date(start + timedelta(days=6))}")
        else:
            self.period.setText(self.tr("Year %1").replace("%1", str(day.year)))
        self.reload()

    def _date_selected(self, day: date) -> None:
        self.anchor = day
        self.details.show_day(day)

    # ----- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        view = self.current_view()
        if view == "agenda":
            self.details.show_day(self.anchor)
            self.agenda_model.reset(
                date(self.anchor.year, 1, 1), date(self.anchor.year + 1, 1, 1), self.filters
            )
            return
        target = self.month if view == "month" else self.week
        first, last = target.visible_range()
        self._generation += 1
        generation = self._generation
        calendar = self.ctx.services.calendar
        filters = self.filters
        self.loaded = False
        self.ctx.tasks.run_db(
            lambda: calendar.occurrences(at_local(first), at_local(last), filters),
            lambda found: self._loaded(generation, target, found),
            self.show_error,
        )

    @while_alive
    def _loaded(self, generation: int, target: MonthView | WeekView, found: list[Occurrence]) -> None:
        if generation != self._generation:
            return
        target.set_occurrences(found)
        self.loaded = True
        selected = target.selected_key
        if selected is not None and not any(o.key == selected for o in found):
            target.selected_key = None
            self.details.show_day(target.selected_date)
        elif selected is not None:
            self.details.show_occurrence(next(o for o in found if o.key == selected))

    def _load_days(self) -> None:
        """Holidays with the centrally published overrides, read in the background."""
        holidays = self.ctx.services.holidays
        self.ctx.tasks.run_db(holidays.day_calendar, self._days_loaded, lambda _error: None)

    def _days_loaded(self, days: DayCalendar) -> None:
        if not shiboken6.isValid(self.month):
            return
        self.month.days = self.week.days = self.details.days = days
        for widget in (self.month, self.week.canvas, self.week.header):
            widget.update()

    @Slot(object)
    def _data_changed(self, tables: frozenset[str]) -> None:
        if "holiday_override" in tables:
            self._load_days()
        if tables & WATCHED:
            if tables & {"staff_member", "policy_topic"}:
                self._load_choices()
            self.reload()

    def _apply_filters(self) -> None:
        self.filters = ActivityFilter(
            types=frozenset({self.type_filter.currentData()} - {None}),
            statuses=frozenset({self.status_filter.currentData()} - {None}),
            staff_id=self.staff_filter.currentData(),
            topic_id=self.topic_filter.currentData(),
            search=self.search.text(),
        )
        self.reload()

    def _agenda_selected(self, current: Any, _previous: Any) -> None:
        self.details.show_occurrence(self.agenda_model.occurrence(current.row()))

    def _agenda_open(self, row: int) -> None:
        occurrence = self.agenda_model.occurrence(row)
        if occurrence is not None:
            self.edit_occurrence(occurrence)

    # ----- actions -------------------------------------------------------------------------

    def new_activity(self, start: datetime | None) -> ActivityEditor:
        start = start or at_local(self.anchor, 9)
        return self._open_editor(ActivityEditor(self.ctx, None, start, parent=self))

    def edit_occurrence(self, occurrence: Occurrence) -> ActivityEditor:
        return self._open_editor(ActivityEditor(self.ctx, occurrence, parent=self))

    def _open_editor(self, editor: ActivityEditor) -> ActivityEditor:
        self.editor = editor
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.finished.connect(lambda _r: setattr(self, "editor", None))
        editor.open()
        return editor

    def _month_move(self, occurrence: Occurrence, day: date) -> None:
        start = occurrence.local_start()
        new_start = start.replace(year=day.year, month=day.month, day=day.day)
        delta = new_start - start
        end = occurrence.ends_at + delta if occurrence.ends_at is not None else None
        self.reschedule(occurrence, new_start, end)

    def reschedule(self, occurrence: Occurrence, start: datetime, end: datetime | None) -> None:
        self.undo_stack.push(MoveCommand(self, occurrence, start, end))

    def change_status(self, occurrence: Occurrence, status: str) -> None:
        calendar = self.ctx.services.calendar
        scope: Scope = "this"
        if occurrence.is_recurring and not occurrence.is_exception:
            chosen = self.choose_scope(self.tr("Change status"))
            if chosen is None:
                return
            scope = chosen
        self.ctx.tasks.run_db(
            lambda: calendar.set_occurrence_status(occurrence, status, scope),
            lambda _r: None,
            self.show_error,
        )

    def delete_occurrence(self, occurrence: Occurrence) -> None:
        scope: Scope = "all"
        if occurrence.is_recurring:
            chosen = self.choose_scope(self.tr("Delete"))
            if chosen is None:
                return
            scope = chosen
        elif not self.confirm(self.tr("Delete “%1”?").replace("%1", occurrence.activity.title)):
            return
        calendar = self.ctx.services.calendar
        self.ctx.tasks.run_db(lambda: calendar.delete(occurrence, scope), lambda _r: None, self.show_error)
        self.details.show_day(self.anchor)

    def selected_occurrence(self) -> Occurrence | None:
        view = self.current_view()
        if view == "month":
            return self.month.selected_occurrence()
        if view == "agenda":
            return self.agenda_model.occurrence(self.agenda.currentIndex().row())
        return self.details.occurrence

    def _export(self) -> None:
        from app.ui.calendar.ical_dialogs import ExportDialog

        view = self.current_view()
        target = self.month if view == "month" else self.week
        first, last = (
            target.visible_range()
            if view != "agenda"
            else (
                date(self.anchor.year, 1, 1),
                date(self.anchor.year + 1, 1, 1),
            )
        )
        dialog = ExportDialog(
            self.ctx, (at_local(first), at_local(last)), self.filters, self.selected_occurrence(), self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _import(self) -> None:
        from app.ui.calendar.ical_dialogs import ImportDialog

        dialog = ImportDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _confirm_dialog(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Calendar"), text)
        return answer == QMessageBox.StandardButton.Yes

    @Slot(object)
    @while_alive
    def show_error(self, error: BaseException) -> None:
        if isinstance(error, CommDeskError):
            QMessageBox.warning(self, self.tr("Calendar"), str(error))
        else:
            self.ctx.tasks.unhandled_error.emit(error)


def undo_action(page: CalendarPage) -> QAction:
    return page.undo_action
