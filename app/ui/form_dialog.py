"""The form of one record: fields, the problems under them, Save and Cancel.

Saving runs on the database worker and shows the service's refusals on the fields. A form that
edits a stored record also watches it (DESIGN.md §3, "a form that is open when new data arrives
reloads or warns"): when a sync round or another window changes the record, an untouched form
reloads quietly; an edited one shows a bar offering to reload or to keep the edits, and a
deleted record can be saved as a new one. Saving checks that the record is still the version the
form last saw, and after "keep my edits" sends only the fields the person changed, so a pulled
change to any other field is never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import NotFound
from app.services.entity import EntityService, RecordChanged, Stamp, stamp_of
from app.ui.context import UiContext
from app.ui.formatting import format_datetime
from app.ui.forms import FormErrors


class RecordChangedBar(QFrame):
    """A non-modal bar at the foot of a form: what happened to the record and what to do."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("recordChangedBar")
        self.setStyleSheet(
            "#recordChangedBar { background: #fff4e0; border: 1px solid #e0a030; border-radius: 3px; }"
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #7a4a00;")
        self.reload_button = QPushButton(self.tr("Reload"))
        self.keep_button = QPushButton(self.tr("Keep my edits"))
        self.save_as_new_button = QPushButton(self.tr("Save as new"))
        self.close_button = QPushButton(self.tr("Close"))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.message, 1)
        for button in (self.reload_button, self.keep_button, self.save_as_new_button, self.close_button):
            row.addWidget(button)
        self.hide()

    def show_changed(self, who: str, when: str) -> None:
        self.message.setText(
            self.tr("This record was changed by {who} at {when}.").format(who=who or "?", when=when)
        )
        self._show(changed=True)

    def show_deleted(self, who: str, when: str) -> None:
        self.message.setText(
            self.tr("This record was deleted by {who} at {when}.").format(who=who or "?", when=when)
        )
        self._show(changed=False)

    def _show(self, changed: bool) -> None:
        self.reload_button.setVisible(changed)
        self.keep_button.setVisible(changed)
        self.save_as_new_button.setVisible(not changed)
        self.close_button.setVisible(not changed)
        self.show()


class FormDialog(QDialog):
    """Subclasses build their fields, call :meth:`set_form`, and give :meth:`values` and
    :meth:`fill`; ``service`` is the entity service of ``record`` (None for a new one)."""

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        record: Any | None = None,
        service: EntityService | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record = record
        self.service = service
        self.saved: Any = None
        self.error_label = QLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.change_bar = RecordChangedBar(self)
        self.change_bar.reload_button.clicked.connect(self.reload_changed)
        self.change_bar.keep_button.clicked.connect(self.keep_my_edits)
        self.change_bar.save_as_new_button.clicked.connect(self.save_as_new)
        self.change_bar.close_button.clicked.connect(self.reject)
        self.errors: FormErrors  # set by set_form (or by subclasses that lay out on their own)
        self._stamp: Stamp | None = stamp_of(record) if hasattr(record, "updated_hlc") else None
        self._loaded_state: dict[str, Any] | None = None  # the form's state as last filled from the record
        self._newer: Any | None = None  # a changed record waiting for "reload" or "keep my edits"
        self._only_edited = False  # after "keep my edits": save just the fields the person changed
        self._deleted = False
        self._saving = False
        if record is not None and service is not None:
            ctx.data_changed.changed.connect(self._data_changed)
            if self._stamp is None:  # a list's summary of the record: learn its version first
                self._read(self._adopt_stamp)

    # ----- layout -------------------------------------------------------------------------

    def set_form(self, *parts: QLayout | QWidget, errors: dict[str, QWidget]) -> QVBoxLayout:
        """Lay out ``parts`` from the top, then the change bar, the problems and the buttons."""
        layout = QVBoxLayout(self)
        for part in parts:
            if isinstance(part, QLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        layout.addWidget(self.change_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.errors = FormErrors(self.error_label, errors)
        return layout

    # ----- what subclasses give -----------------------------------------------------------

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def fill(self, row: Any) -> None:
        """Show ``row`` in the fields (used again when a changed record is reloaded)."""
        raise NotImplementedError

    def form_state(self) -> dict[str, Any]:
        """What the person can change; compared to tell an edited form from an untouched one."""
        return self.values()

    def create_operation(self, values: dict[str, Any]) -> Callable[[], Any]:
        assert self.service is not None
        service = self.service
        return lambda: service.create(values)

    def update_operation(self, row_id: str, values: dict[str, Any]) -> Callable[[], Any]:
        assert self.service is not None
        service, stamp = self.service, self._stamp
        return lambda: service.update(row_id, values, expected=stamp)  # checked in the same transaction

    def loaded(self) -> None:
        """Call once the record is in the fields: later states are compared to this one."""
        self._loaded_state = self.form_state()

    # ----- saving -------------------------------------------------------------------------

    def operation(self) -> Callable[[], Any]:
        if self.record is None or self._deleted:
            return self.create_operation(self.values())
        return self.guarded(self.update_operation(self.record.id, self.values_to_save()))

    def values_to_save(self) -> dict[str, Any]:
        """The form's values; after "keep my edits" only those the person changed."""
        values = self.values()
        if self._only_edited and self._loaded_state is not None:
            values = {name: value for name, value in values.items() if self._loaded_state.get(name) != value}
        return values

    def was_edited(self, name: str, value: Any) -> bool:
        """Whether a part of :meth:`form_state` differs from what was loaded (always, for a new record)."""
        return self._loaded_state is None or self._loaded_state.get(name) != value

    def guarded(self, work: Callable[[], Any]) -> Callable[[], Any]:
        """``work`` preceded by the check that the record is still the version the form saw."""
        if self.record is None or self.service is None or self._stamp is None:
            return work
        service, row_id, stamp = self.service, self.record.id, self._stamp

        def checked() -> Any:
            service.ensure_unchanged(row_id, stamp)
            return work()

        return checked

    def may_save(self) -> bool:
        """False once the record is gone; with the change bar open, saving keeps the edits."""
        if self._deleted:
            return False  # only "save as new" or "close" make sense now
        if self._newer is not None:
            self.keep_my_edits()  # saving with the bar open keeps the edits, field by field
        return True

    def save(self) -> None:
        if self.may_save():
            self._run(self.operation())

    def save_as_new(self) -> None:
        self._deleted = True
        self._run(self.create_operation(self.values()))

    def _run(self, operation: Callable[[], Any]) -> None:
        self.saving_started()
        self.ctx.tasks.run_db(operation, self._saved, self._failed)

    def saving_started(self) -> None:
        """While a save runs, changes to the record are the form's own: not reacted to."""
        self._saving = True
        self.buttons.setEnabled(False)

    def saving_stopped(self) -> None:
        self._saving = False
        self.buttons.setEnabled(True)

    def _saved(self, result: Any) -> None:
        if not shiboken6.isValid(self.buttons):
            return  # the form was closed and deleted while the work ran
        self._saving = False
        self.saved = result
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self.buttons):
            self.ctx.tasks.unhandled_error.emit(error)  # still told, in the main window
            return
        self._saving = False
        self.buttons.setEnabled(True)
        if isinstance(error, RecordChanged):
            self.errors.clear()
            self.check_record()
            return
        self.errors.show(error)

    # ----- the record changing underneath -------------------------------------------------

    def _data_changed(self, tables: frozenset[str]) -> None:
        if self.service is not None and self.service.table in tables:
            self.check_record()

    def check_record(self) -> None:
        """Read the record again in the background and react if it is not what the form shows."""
        if self.record is None or self.service is None or self._saving or not self.isVisible():
            return
        self._read(self._record_read)

    def _read(self, then: Callable[[Any], None]) -> None:
        assert self.record is not None and self.service is not None
        service, row_id = self.service, self.record.id

        def read() -> Any:
            try:
                return service.get(row_id, include_deleted=True)
            except NotFound:
                return None

        self.ctx.tasks.run_db(read, then, lambda _error: None)

    def _adopt_stamp(self, row: Any) -> None:
        if shiboken6.isValid(self.change_bar) and row is not None and self._stamp is None:
            self._stamp = stamp_of(row)

    def _record_read(self, row: Any) -> None:
        if not shiboken6.isValid(self.change_bar) or self._saving or self.result() or not self.isVisible():
            return
        if row is None or row.deleted_at is not None:
            self._deleted = True
            self._newer = None
            when = row.deleted_at if row is not None else None
            self.change_bar.show_deleted(row.updated_by if row is not None else "", format_datetime(when))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            return
        if self._stamp is None:
            self._stamp = stamp_of(row)
            return
        if stamp_of(row) == self._stamp or (
            self._newer is not None and stamp_of(row) == stamp_of(self._newer)
        ):
            return
        if self._loaded_state is None or self.form_state() == self._loaded_state:
            self._reload(row)  # nothing typed yet: show the new values without asking
            return
        self._newer = row
        self.change_bar.show_changed(row.updated_by, format_datetime(row.updated_at))

    def reload_changed(self) -> None:
        if self._newer is not None:
            self._reload(self._newer)

    def keep_my_edits(self) -> None:
        """Save over the newer version, but only the fields the person changed."""
        if self._newer is None:
            return
        self.record = self._newer
        self._stamp = stamp_of(self._newer)
        self._newer = None
        self._only_edited = True
        self.change_bar.hide()

    def _reload(self, row: Any) -> None:
        self.record = row
        self._stamp = stamp_of(row)
        self._newer = None
        self._only_edited = False
        self.change_bar.hide()
        self.fill(row)
        self.loaded()


def combo(choices: list[tuple[str | None, str]], current: str | None = None) -> QComboBox:
    combo = QComboBox()
    for value, text in choices:
        combo.addItem(text, value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(0, index))
    return combo
