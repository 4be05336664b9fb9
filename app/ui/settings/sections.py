"""The Settings sections that belong to the whole application (workspaces add their own)."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.errors import NotFound
from app.services.entity import RecordChanged, stamp_of
from app.ui.context import UiContext
from app.ui.form_dialog import RecordChangedBar
from app.ui.formatting import format_datetime
from app.ui.office_dialog import IDENTITY_FIELDS, REPORT_FIELDS, OfficeForm
from app.ui.settings.form import PreferencesForm


class _OfficeFieldsSection(QWidget):
    """Some fields of the Office row, with Save and Undo. When sync or another window changes the
    office, an untouched section reloads; an edited one whose fields changed underneath shows a
    bar to reload or keep the edits (a change to the other section's fields is taken quietly)."""

    fields: tuple[str, ...] = ()
    intro_text = ""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        intro = QLabel(self.intro())
        intro.setWordWrap(True)
        self.form = OfficeForm(ctx, self.fields)
        self.form.watched = True
        self.change_bar = RecordChangedBar(self)
        self.change_bar.reload_button.clicked.connect(self.reload_changed)
        self.change_bar.keep_button.clicked.connect(self.keep_my_edits)
        self._newer: Any | None = None  # a changed office waiting for "reload" or "keep my edits"
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
        layout.addWidget(self.change_bar)
        layout.addLayout(buttons)

        self.form.dirty_changed.connect(self._dirty)
        self.form.saved.connect(lambda _office: self.status_label.setText(self.tr("Saved.")))
        self.form.failed.connect(self._save_failed)
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
        if self._newer is not None:
            self.keep_my_edits()  # saving with the bar open keeps the edits, field by field
        self.save_button.setEnabled(False)
        self.form.save()

    def _save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, RecordChanged):
            self.check_office()

    def _revert(self) -> None:
        newest = self._newer or self.form.office
        self._forget_newer()
        if newest is not None:
            self.form.fill(newest)
        self.form.errors.clear()

    # ----- the office changing underneath -------------------------------------------------

    @Slot(object)
    def _data_changed(self, tables: Any) -> None:
        if "office" in tables:
            self.check_office()

    def check_office(self) -> None:
        """Read the office again in the background and react if it is not what the form shows."""
        if self.form.saving:
            return
        if self.form.office is None:
            self.form.load()
            return
        offices, office_id = self.ctx.services.offices, self.form.office.id

        def read() -> Any:
            try:
                return offices.get(office_id)
            except NotFound:
                return None  # deleted: nothing sensible to offer here, the form stays as it is

        self.ctx.tasks.run_db(read, self._office_read, lambda _error: None)

    def _office_read(self, office: Any | None) -> None:
        if not shiboken6.isValid(self.change_bar) or office is None or self.form.saving:
            return
        stamp = stamp_of(office)
        if stamp == self.form.stamp or (self._newer is not None and stamp == stamp_of(self._newer)):
            return
        if not self.form.is_dirty():
            self._forget_newer()
            self.form.fill(office)  # nothing typed: show the new values without asking
        elif self.form.office is not None and self.form.shown_fields_of(office) == self.form.shown_fields_of(
            self.form.office
        ):
            self.form.adopt(office)  # only fields of another section changed: the edits stand
        else:
            self._newer = office
            self.change_bar.show_changed(office.updated_by, format_datetime(office.updated_at))
            self.change_bar.message.setText(
                self.tr("The office details were changed by {who} at {when}.").format(
                    who=office.updated_by or "?", when=format_datetime(office.updated_at)
                )
            )

    def reload_changed(self) -> None:
        if self._newer is not None:
            newer = self._newer
            self._forget_newer()
            self.form.fill(newer)
            self.form.errors.clear()

    def keep_my_edits(self) -> None:
        if self._newer is not None:
            self.form.keep_edits_over(self._newer)
            self._forget_newer()

    def _forget_newer(self) -> None:
        self._newer = None
        self.change_bar.hide()


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
