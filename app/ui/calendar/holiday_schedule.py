"""The holiday schedule of a year: the built-in public holidays and make-up working days with
the changes the central office published. A desk logged in to sync with the central role adds,
edits and withdraws changes (they reach every office at the next sync); every other desk reads."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from app.services.holidays import EXTRA_DAY_OFF, HOLIDAY, ScheduleDay
from app.ui.calendar.holiday_form import HolidayOverrideForm
from app.ui.context import UiContext
from app.ui.formatting import format_date, weekday_name
from app.ui.forms import FormErrors
from app.ui.row_models import DANGER, GOOD, Column, RowListModel
from app.ui.workspace import RefreshingTab, make_table, selected_row, set_widths

DAY_OFF_KINDS = (HOLIDAY, EXTRA_DAY_OFF)


class HolidaySchedulePanel(RefreshingTab):
    tables = frozenset({"holiday_override"})

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.can_publish = False
        self.office_id = ""
        self.loaded = False
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(date.today().year)
        self.year.setAccelerated(True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet("color: #555;")
        self.model = RowListModel(
            [
                Column(self.tr("Date"), lambda entry: format_date(entry.day)),
                Column(self.tr("Weekday"), lambda entry: weekday_name(entry.day)),
                Column(self.tr("Name"), lambda entry: str(entry.name), tooltip=self._replaces),
                Column(self.tr("Kind"), lambda entry: str(entry.kind_label), colour=_kind_colour),
                Column(self.tr("Source"), self._source, tooltip=self._notes),
            ]
        )
        self.table = make_table(self.model)
        set_widths(self.table, [96, 84, 300, 180])
        self.add_button = QPushButton(self.tr("Add a change…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Withdraw"))
        self.error_label = QLabel()
        self.errors = FormErrors(self.error_label, {})

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.hide()
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

        self.year.valueChanged.connect(lambda _year: self.reload())
        self.add_button.clicked.connect(self.add_change)
        self.edit_button.clicked.connect(self.edit_change)
        self.remove_button.clicked.connect(self.withdraw_change)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable_buttons())

    def showEvent(self, event: Any) -> None:
        self._stale = True  # the role comes with a sync login, which may have happened meanwhile
        super().showEvent(event)

    # ----- reading ------------------------------------------------------------------------

    def load(self) -> None:
        holidays, year = self.ctx.services.holidays, self.year.value()
        ctx = self.ctx.services.ctx

        def read() -> tuple[int, bool, str, list[ScheduleDay]]:
            return year, holidays.can_publish(), ctx.office_id, holidays.year_schedule(year)

        self.run(read, self._loaded)

    def _loaded(self, result: tuple[int, bool, str, list[ScheduleDay]]) -> None:
        year, self.can_publish, self.office_id, entries = result
        if year != self.year.value():
            return  # an earlier year's answer arriving after the year changed again
        self.model.set_rows(entries)
        self._fit_height()
        if self.can_publish:
            self.explanation.setText(
                self.tr(
                    "This desk is logged in to sync with the central role: the changes it saves here are "
                    "published to every office at the next sync."
                )
            )
        else:
            self.explanation.setText(
                self.tr(
                    "Changes to the holiday schedule are published by the central office and arrive with "
                    "sync; this list can only be read here."
                )
            )
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setVisible(self.can_publish)
        self._enable_buttons()
        self.loaded = True

    def _fit_height(self) -> None:
        """As tall as the year's days (the section scrolls, not the list), within reason."""
        rows = min(max(self.model.rowCount(), 4), 30)
        header = self.table.horizontalHeader().sizeHint().height()
        row = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(header + rows * row + 2 * self.table.frameWidth() + 2)

    # ----- columns ------------------------------------------------------------------------

    def _source(self, entry: ScheduleDay) -> str:
        if entry.override is None:
            return self.tr("Built in")
        return entry.override.decision or self.tr("Published by the central office")

    def _replaces(self, entry: ScheduleDay) -> str:
        if entry.replaces is None:
            return ""
        return self.tr("Instead of: %1").replace("%1", str(entry.replaces))

    def _notes(self, entry: ScheduleDay) -> str:
        if entry.override is None:
            return ""
        return "\n".join(part for part in (entry.override.decision, entry.override.notes) if part)

    # ----- changing (central role) --------------------------------------------------------

    def selected(self) -> ScheduleDay | None:
        entry = selected_row(self.table)
        return entry if isinstance(entry, ScheduleDay) else None

    def _own_override(self) -> Any | None:
        entry = self.selected()
        if entry is None or entry.override is None or entry.override.office_id != self.office_id:
            return None
        return entry.override

    def _enable_buttons(self) -> None:
        own = self._own_override() is not None
        self.edit_button.setEnabled(own)
        self.remove_button.setEnabled(own)

    def add_change(self) -> None:
        if not self.can_publish:
            return
        entry = self.selected()
        if entry is not None and entry.override is None:
            day = entry.day  # a built-in day chosen first: the change is most likely about it
        elif self.year.value() == date.today().year:
            day = date.today()
        else:
            day = date(self.year.value(), 1, 1)
        self._open_form(HolidayOverrideForm(self.ctx, day=day, parent=self))

    def edit_change(self) -> None:
        override = self._own_override()
        if self.can_publish and override is not None:
            self._open_form(HolidayOverrideForm(self.ctx, override, parent=self))

    def _open_form(self, form: HolidayOverrideForm) -> None:
        form.accepted.connect(lambda: self._saved(form))
        self.open_dialog(form)

    def _saved(self, form: HolidayOverrideForm) -> None:
        if form.saved is not None and form.saved.day.year != self.year.value():
            self.year.setValue(form.saved.day.year)  # show the year of the day just saved

    def withdraw_change(self) -> None:
        override = self._own_override()
        if not self.can_publish or override is None:
            return
        question = self.tr(
            "Withdraw the change of %1 (%2)? Every office gets the built-in day back at its next sync."
        )
        answer = QMessageBox.question(
            self,
            self.tr("Withdraw"),
            question.replace("%1", format_date(override.day)).replace("%2", override.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        holidays, row_id = self.ctx.services.holidays, override.id
        self.errors.clear()
        self.ctx.tasks.run_db(lambda: holidays.delete(row_id), None, self.errors.show)

    @Slot(QModelIndex)
    def _double_clicked(self, _index: QModelIndex) -> None:
        if self._own_override() is not None:
            self.edit_change()


def _kind_colour(entry: ScheduleDay) -> QColor:
    return DANGER if entry.kind in DAY_OFF_KINDS else GOOD
