"""The Settings sections that belong to the whole application (workspaces add their own)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.context import UiContext
from app.ui.office_dialog import IDENTITY_FIELDS, REPORT_FIELDS, OfficeForm
from app.ui.settings.form import PreferencesForm


class _OfficeFieldsSection(QWidget):
    """Some fields of the Office row, with Save and Undo; reloads when sync changes the office."""

    fields: tuple[str, ...] = ()
    intro_text = ""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        intro = QLabel(self.intro())
        intro.setWordWrap(True)
        self.form = OfficeForm(ctx, self.fields)
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color: #2e7d32;")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setEnabled(False)
        self.revert_button = QPushButton(self.tr("Undo changes"))
        self.revert_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addLayout(buttons)

        self.form.dirty_changed.connect(self._dirty)
        self.form.saved.connect(lambda _office: self.status_label.setText(self.tr("Saved.")))
        self.form.failed.connect(lambda _error: self.save_button.setEnabled(True))
        self.save_button.clicked.connect(self._save)
        self.revert_button.clicked.connect(self._revert)
        ctx.data_changed.changed.connect(self._data_changed)
        self.form.load()

    def intro(self) -> str:
        return ""

    @Slot(bool)
    def _dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self.status_label.clear()

    def _save(self) -> None:
        self.save_button.setEnabled(False)
        self.form.save()

    def _revert(self) -> None:
        if self.form.office is not None:
            self.form.fill(self.form.office)
        self.form.errors.clear()

    @Slot(object)
    def _data_changed(self, tables: Any) -> None:
        if "office" in tables and not self.form.is_dirty():
            self.form.load()


class OfficeSection(_OfficeFieldsSection):
    fields = IDENTITY_FIELDS

    def intro(self) -> str:
        return self.tr(
            "How the office is named in report headers and document symbols. These details are shared with the other computers of the office through sync."
        )


class ReportDefaultsSection(_OfficeFieldsSection):
    fields = REPORT_FIELDS

    def intro(self) -> str:
        return self.tr(
            "Used for every new report: who signs it, who receives it (one recipient per line) and how reporting periods are cut."
        )


class LanguageSection(PreferencesForm):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.set_intro(
            self.tr(
                "The language of menus, forms, messages and reports. The change applies when CommDesk starts again."
            )
        )
        self.language = self.add_choice("language", [("vi", "Tiếng Việt"), ("en", "English")])
        self.restart_button = QPushButton(self.tr("Restart CommDesk now"))
        self.restart_button.hide()
        self.restart_button.clicked.connect(self._restart)
        self.column.addWidget(self.restart_button)
        self.saved.connect(self._language_saved)
        self.load()

    def _language_saved(self, _stored: dict[str, Any]) -> None:
        self.status_label.setText(self.tr("Saved. The new language applies when CommDesk starts again."))
        self.restart_button.show()

    def _restart(self) -> None:
        restart = self.ctx.extras.get("restart")
        if callable(restart):
            restart()


class RemindersSection(PreferencesForm):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.set_intro(
            self.tr(
                "How long before an activity starts CommDesk reminds you of it, unless the activity sets its own reminder."
            )
        )
        self.minutes = self.add_number("reminders.minutes_before", suffix=self.tr(" min"))
        self.load()


class BudgetSection(PreferencesForm):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.set_intro(self.tr("What happens when an expense would take an allocation over its amount."))
        self.policy = self.add_choice(
            "budget.overspend_policy",
            [
                ("warn", self.tr("Warn, and let the expense be recorded")),
                ("refuse", self.tr("Refuse the expense")),
            ],
        )
        self.load()
