"""The form of one holiday-schedule change (central desks only): the day, whether it is off or
worked, its name in both languages and the document announcing it."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.models.enums import HolidayOverrideKind
from app.services.vn_days import day_info
from app.ui.context import UiContext
from app.ui.date_edits import OptionalDateEdit
from app.ui.form_dialog import FormDialog, combo
from app.ui.formatting import weekday_name


class HolidayOverrideForm(FormDialog):
    def __init__(
        self,
        ctx: UiContext,
        override: Any | None = None,
        day: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent, override, ctx.services.holidays)
        self.setWindowTitle(
            self.tr("Holiday schedule change") if override else self.tr("New holiday schedule change")
        )
        self.setMinimumWidth(560)
        self.day = OptionalDateEdit()
        self.day_hint = QLabel()
        self.day_hint.setStyleSheet("color: #666;")
        self.kind = combo(
            [
                (None, "—"),
                (
                    HolidayOverrideKind.DAY_OFF.value,
                    self.tr("Day off: an extra holiday or a day off in exchange"),
                ),
                (
                    HolidayOverrideKind.WORKDAY.value,
                    self.tr("Working day: a weekend worked or a holiday cancelled"),
                ),
            ]
        )
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Nghỉ Tết Nguyên Đán (bổ sung)"))
        self.name_en = QLineEdit()
        self.name_en.setPlaceholderText(self.tr("Shown when CommDesk is in English"))
        self.decision = QLineEdit()
        self.decision.setPlaceholderText(self.tr("e.g. Thông báo 6150/TB-BLĐTBXH"))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(56)
        note = QLabel(self.tr("Saved changes are published to every office at the next sync."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")

        form = QFormLayout()
        form.addRow(self.tr("Day"), self.day)
        form.addRow("", self.day_hint)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Name in English"), self.name_en)
        form.addRow(self.tr("Announced by"), self.decision)
        form.addRow(self.tr("Notes"), self.notes)
        self.set_form(
            form,
            note,
            errors={
                "day": self.day,
                "kind": self.kind,
                "name": self.name,
                "name_en": self.name_en,
                "decision": self.decision,
                "notes": self.notes,
            },
        )
        self.day.dateChanged.connect(lambda _date: self._describe_day())
        if override is not None:
            self.fill(override)
            self.loaded()
        else:
            self.day.set_value(day)
        self._describe_day()

    def fill(self, row: Any) -> None:
        self.day.set_value(row.day)
        self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind)))
        self.name.setText(row.name or "")
        self.name_en.setText(row.name_en or "")
        self.decision.setText(row.decision or "")
        self.notes.setPlainText(row.notes or "")

    def values(self) -> dict[str, Any]:
        return {
            "day": self.day.value(),
            "kind": self.kind.currentData(),
            "name": self.name.text(),
            "name_en": self.name_en.text(),
            "decision": self.decision.text(),
            "notes": self.notes.toPlainText(),
        }

    def _describe_day(self) -> None:
        """What the chosen day is without any change: the kind to choose follows from it."""
        day = self.day.value()
        if day is None:
            self.day_hint.clear()
            return
        info = day_info(day)
        if info.holiday is not None:
            what = self.tr("public holiday: %1").replace("%1", str(info.holiday))
        elif info.swapped_workday:
            what = self.tr("a weekend day already worked in exchange for a day off")
        elif info.is_weekend:
            what = self.tr("weekend")
        else:
            what = self.tr("working day")
        self.day_hint.setText(f"{weekday_name(day)}, {what}")
