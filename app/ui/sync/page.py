"""The Sync page: state at a glance, "Sync now", the conflict inbox, refused changes, the log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.sync.client import SyncStatus
from app.sync.conflicts import MERGED, Conflict, ConflictInbox
from app.sync.engine import RoundResult
from app.ui.context import UiContext
from app.ui.formatting import format_datetime
from app.ui.sync.authorship import replaced_written_here
from app.ui.sync.conflicts_model import (
    ConflictModel,
    in_use,
    in_use_written_here,
    keep_in_use_choice,
    replaced,
    restore_replaced_choice,
    show_value,
    this_desk_mark,
)
from app.ui.sync.connection import ConnectionSection, explain
from app.ui.sync.controller import sync_controller, while_alive

FAILURE_KINDS = ("offline", "tls", "login_required", "throttled", "upgrade_required", "server_error")


class SyncPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.controller = sync_controller(ctx)
        self.inbox = ConflictInbox(ctx.services)

        title = QLabel("<h2>" + self.tr("Sync with the central server") + "</h2>")
        self.banner = QLabel()
        self.banner.setObjectName("conflictBanner")
        self.banner.setStyleSheet("background: #fdecea; color: #8c1d18; padding: 8px; border-radius: 4px;")
        self.banner.setVisible(False)
        self.server_value = QLabel("—")
        self.last_success_value = QLabel("—")
        self.pending_value = QLabel("—")
        self.error_value = QLabel("")
        self.error_value.setObjectName("syncError")
        self.error_value.setWordWrap(True)
        self.error_value.setStyleSheet("color: #b3261e;")
        facts = QFormLayout()
        facts.addRow(self.tr("Server"), self.server_value)
        facts.addRow(self.tr("Last successful sync"), self.last_success_value)
        facts.addRow(self.tr("Changes waiting"), self.pending_value)
        facts.addRow(self.tr("Last problem"), self.error_value)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(self.sync_now)
        self.round_label = QLabel()
        self.round_label.setObjectName("syncRoundResult")
        self.round_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addLayout(facts, 1)
        side = QVBoxLayout()
        side.addWidget(self.sync_button)
        side.addStretch(1)
        top.addLayout(side)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._conflicts_tab(), self.tr("Conflicts"))
        self.tabs.addTab(self._refused_tab(), self.tr("Refused changes"))
        self.log = QListWidget()
        self.log.setObjectName("syncLog")
        self.tabs.addTab(self.log, self.tr("Recent log"))
        self.connection = ConnectionSection(ctx)
        self.tabs.addTab(self.connection, self.tr("Connection"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.round_label)
        layout.addWidget(self.tabs, 1)

        self.controller.status_changed.connect(self._show_status)
        self.controller.round_finished.connect(self._show_round)
        self.controller.busy_changed.connect(self._show_busy)
        ctx.data_changed.changed.connect(self._data_changed)
        if self.controller.last_status is not None:
            self._show_status(self.controller.last_status)
        self.controller.refresh_status()
        self.reload_inbox()

    # ----- tabs -----------------------------------------------------------------------------

    def _conflicts_tab(self) -> QWidget:
        self.conflict_model = ConflictModel()
        self.conflict_view = QTableView()
        self.conflict_view.setObjectName("conflictInbox")
        self.conflict_view.setModel(self.conflict_model)
        self.conflict_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflict_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflict_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.conflict_view.verticalHeader().setVisible(False)
        self.keep_in_use = QPushButton(self.tr("Keep the value in use"))
        self.keep_in_use.setObjectName("keepInUse")
        self.restore_replaced = QPushButton(self.tr("Restore the replaced value"))
        self.restore_replaced.setObjectName("restoreReplaced")
        self.edit_merged = QPushButton(self.tr("Edit merged…"))
        self.edit_merged.setObjectName("editMerged")
        self.keep_in_use.clicked.connect(lambda: self._resolve_selected(keep_in_use_choice))
        self.restore_replaced.clicked.connect(lambda: self._resolve_selected(restore_replaced_choice))
        self.edit_merged.clicked.connect(self._edit_merged)
        self.conflict_view.selectionModel().selectionChanged.connect(
            lambda *_: self._enable_conflict_buttons()
        )
        explanation = QLabel(
            self.tr(
                "The same information was changed on two computers of the office. The value in use is "
                "the one every computer has now; the value it replaced is kept here so nothing is lost. "
                "Anyone in the office can settle it: keep the value in use, restore the replaced one, "
                "or write a combined value. The decision reaches every computer."
            )
        )
        explanation.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.keep_in_use, self.restore_replaced, self.edit_merged):
            buttons.addWidget(button)
        buttons.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(explanation)
        layout.addWidget(self.conflict_view, 1)
        layout.addLayout(buttons)
        self._enable_conflict_buttons()
        return tab

    def _refused_tab(self) -> QWidget:
        self.refused = QListWidget()
        self.refused.setObjectName("refusedChanges")
        self.retry_button = QPushButton(self.tr("Send again"))
        self.discard_button = QPushButton(self.tr("Discard"))
        self.retry_button.clicked.connect(lambda: self._dead_letter_action(retry=True))
        self.discard_button.clicked.connect(lambda: self._dead_letter_action(retry=False))
        explanation = QLabel(
            self.tr(
                "Changes the server refused. They do not hold up the others. Send one again after the "
                "cause is fixed, or discard it to take the server's version."
            )
        )
        explanation.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(explanation)
        layout.addWidget(self.refused, 1)
        layout.addLayout(buttons)
        return tab

    # ----- actions --------------------------------------------------------------------------

    def sync_now(self) -> None:
        self.controller.sync_now()

    def selected_conflict(self) -> Conflict | None:
        rows = self.conflict_view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.conflict_model.conflicts[rows[0].row()]

    def _resolve_selected(self, choice_for: Callable[[Conflict], str]) -> None:
        conflict = self.selected_conflict()
        if conflict is not None:
            self.resolve(choice_for(conflict))

    def resolve(self, choice: str, value: Any = None) -> None:
        conflict = self.selected_conflict()
        if conflict is None:
            return
        inbox = self.inbox
        self.ctx.tasks.run_db(
            lambda: inbox.resolve(conflict.id, choice, value),
            while_alive(self, lambda _r: self._resolved()),
            while_alive(self, self._resolve_failed),
        )

    def _resolved(self) -> None:
        self.reload_inbox()
        self.controller.refresh_status()

    def _resolve_failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Conflict"), explain(self, error))
        self.reload_inbox()

    def _edit_merged(self) -> None:
        conflict = self.selected_conflict()
        if conflict is None or conflict.deletion:
            return
        current, lost = in_use(conflict), replaced(conflict)
        current_text, lost_text = show_value(conflict, current), show_value(conflict, lost)
        if in_use_written_here(conflict):
            current_text += " " + this_desk_mark()
        if conflict.id in self.conflict_model.replaced_here:
            lost_text += " " + this_desk_mark()
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Combined value"),
            self.tr("In use: %1\nReplaced: %2\n\nThe value to keep:")
            .replace("%1", current_text)
            .replace("%2", lost_text),
            _editable(current if current is not None else lost),
        )
        if not ok:
            return
        try:
            value = _parse_like(current if current is not None else lost, text)
        except ValueError:
            QMessageBox.warning(
                self, self.tr("Conflict"), self.tr("That value cannot be read: %1").replace("%1", text)
            )
            return
        self.resolve(MERGED, value)

    def _dead_letter_action(self, retry: bool) -> None:
        item = self.refused.currentItem()
        if item is None:
            return
        op_id = item.data(Qt.ItemDataRole.UserRole)
        store = self.controller.client.store
        action = store.retry_dead_letter if retry else store.discard_dead_letter
        self.ctx.tasks.run_db(
            lambda: action(op_id),
            while_alive(self, lambda _r: self._after_dead_letter(retry)),
            while_alive(self, self._resolve_failed),
        )

    def _after_dead_letter(self, retry: bool) -> None:
        self.controller.refresh_status()
        if retry:
            self.controller.sync_now()

    # ----- showing --------------------------------------------------------------------------

    def reload_inbox(self) -> None:
        inbox, services = self.inbox, self.ctx.services
        store = self.controller.client.store

        def read() -> tuple[list[Conflict], set[str], list[dict[str, Any]]]:
            conflicts = inbox.open()
            return conflicts, replaced_written_here(services, conflicts), store.dead_letters()

        self.ctx.tasks.run_db(read, while_alive(self, self._show_inbox), lambda _e: None)

    def _show_inbox(self, found: tuple[list[Conflict], set[str], list[dict[str, Any]]]) -> None:
        conflicts, replaced_here, letters = found
        self.conflict_model.set_conflicts(conflicts, replaced_here)
        self.banner.setVisible(bool(conflicts))
        self.banner.setText(self.tr("%n conflict(s) need your decision.", "", len(conflicts)))
        if conflicts:
            self.tabs.setCurrentIndex(0)
        self._enable_conflict_buttons()
        self.refused.clear()
        for letter in letters:
            item = QListWidgetItem(f"{letter['entity']} {letter['row_id'][:8]}… — {letter['error']}")
            item.setData(Qt.ItemDataRole.UserRole, letter["op_id"])
            self.refused.addItem(item)
        self.retry_button.setEnabled(bool(letters))
        self.discard_button.setEnabled(bool(letters))

    def _enable_conflict_buttons(self) -> None:
        conflict = self.selected_conflict() if hasattr(self, "conflict_view") else None
        for button in (self.keep_in_use, self.restore_replaced):
            button.setEnabled(conflict is not None)
        self.edit_merged.setEnabled(conflict is not None and not conflict.deletion)

    def _show_status(self, status: SyncStatus) -> None:
        if status.server_url and status.logged_in:
            self.server_value.setText(f"{status.server_url} — {status.username}")
        else:
            self.server_value.setText(self.tr("not connected (see Connection)"))
        self.last_success_value.setText(
            format_datetime(status.last_success) if status.last_success else self.tr("never")
        )
        self.pending_value.setText(str(status.pending))
        self.error_value.setText(status.last_error)
        self.sync_button.setEnabled(bool(status.server_url and status.logged_in) and not self.controller.busy)
        self.log.clear()
        for at, line in reversed(status.log):
            self.log.addItem(f"{format_datetime(at)}  {line}")

    def _show_round(self, result: RoundResult) -> None:
        if result.ok:
            text = self.tr("Synced: %1 sent, %2 received, %3 waiting.")
            text = (
                text.replace("%1", str(result.pushed))
                .replace("%2", str(result.pulled))
                .replace("%3", str(result.pending))
            )
            if result.conflicts:
                text += " " + self.tr("%n new conflict(s).", "", result.conflicts)
            if result.rejected:
                text += " " + self.tr("%n change(s) refused.", "", result.rejected)
        else:
            from app.sync.transport import SyncFailure

            failure = SyncFailure(result.detail)
            failure.kind = result.failure
            text = explain(self, failure) if result.failure in FAILURE_KINDS else result.detail
        self.round_label.setText(text)
        self.reload_inbox()

    def _show_busy(self, busy: bool) -> None:
        self.sync_button.setEnabled(not busy)
        if busy:
            self.round_label.setText(self.tr("Syncing…"))

    def _data_changed(self, tables: frozenset[str]) -> None:
        if "sync_conflict" in tables:
            self.reload_inbox()


def _editable(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _parse_like(example: Any, text: str) -> Any:
    """Read ``text`` as the same kind of value as ``example``."""
    if isinstance(example, bool):
        return text.strip().lower() in ("1", "true", "có", "yes")
    if isinstance(example, int):
        return int(text.replace(".", "").replace(" ", "").replace("đ", ""))
    if isinstance(example, datetime):
        return datetime.fromisoformat(text.strip())
    if isinstance(example, date):
        return date.fromisoformat(text.strip())
    return text
