"""Press releases: composing, the e-mail outbox, and delivery in the background."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import CommDeskError
from app.models.enums import MailStatus
from app.services.press_release import DeliveryReport, SendPlan, attachment_paths, recipients_of
from app.ui.context import UiContext
from app.ui.formatting import format_datetime
from app.ui.media.background import on_db, on_io
from app.ui.media.common import selected_rows, set_up_table, show_error, tr
from app.ui.media.models import AMBER, RED, Column, RowsModel

RETRY_MS = 60_000


class OutboxPump(QObject):
    """Tries the waiting messages now and then, in the background, until they have all left."""

    delivered = Signal(object)  # DeliveryReport

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False
        self.last_report: DeliveryReport | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self.deliver_now)
        self.timer.start()

    def deliver_now(self) -> None:
        if self.busy:
            return
        self.busy = True
        press = self.ctx.services.press_releases

        def deliver() -> DeliveryReport:
            if press.waiting_count() == 0:
                return DeliveryReport()
            return press.deliver()

        on_io(self, deliver, self._done, self._failed)

    def _done(self, report: DeliveryReport) -> None:
        self.busy = False
        self.last_report = report
        self.delivered.emit(report)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.last_report = DeliveryReport(error=str(error))
        self.delivered.emit(self.last_report)


def _status_text(code: str) -> str:
    return {
        MailStatus.QUEUED.value: tr("Waiting"),
        MailStatus.SENDING.value: tr("Interrupted while sending — check, then send again"),
        MailStatus.SENT.value: tr("Sent"),
        MailStatus.FAILED.value: tr("Failed"),
        MailStatus.CANCELLED.value: tr("Cancelled (do not contact)"),
    }.get(code, code)


def _status_color(code: str) -> Any:
    if code in (MailStatus.FAILED.value, MailStatus.SENDING.value):
        return RED
    if code == MailStatus.QUEUED.value:
        return AMBER
    return None


class OutboxTab(QWidget):
    def __init__(self, ctx: UiContext, pump: OutboxPump, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pump = pump
        self.model = RowsModel(
            [
                Column(tr("Created"), lambda m: format_datetime(m.created_at)),
                Column(tr("Recipient"), lambda m: m.recipient),
                Column(tr("Subject"), lambda m: m.subject),
                Column(
                    tr("Status"),
                    lambda m: _status_text(m.status),
                    foreground=lambda m: _status_color(m.status),
                ),
                Column(tr("Sent"), lambda m: format_datetime(m.sent_at)),
                Column(tr("Last error"), lambda m: m.last_error, tooltip=lambda m: m.last_error),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        set_up_table(self.table)
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        for column, width in enumerate((125, 200, 260, 150, 125)):
            self.table.setColumnWidth(column, width)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New press release…"))
        self.send_now_button = QPushButton(self.tr("Send waiting messages now"))
        self.retry_button = QPushButton(self.tr("Send again"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.send_now_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.send_now_button.clicked.connect(pump.deliver_now)
        self.retry_button.clicked.connect(self.retry)
        pump.delivered.connect(self._delivered)
        ctx.data_changed.changed.connect(lambda tables: self.reload() if "email_outbox" in tables else None)
        self.reload()

    def reload(self) -> None:
        press = self.ctx.services.press_releases
        on_db(self, press.outbox, self._loaded)

    def _loaded(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        waiting = sum(1 for r in rows if r.status == MailStatus.QUEUED.value)
        text = (
            self.tr("%n message(s) waiting to be sent.", "", waiting)
            if waiting
            else self.tr("Nothing waiting.")
        )
        report = self.pump.last_report
        if waiting and report is not None and report.error:
            text += " " + self.tr("Last attempt: %1").replace("%1", report.error)
        self.status.setText(text)

    def _delivered(self, report: DeliveryReport) -> None:
        self.reload()

    def retry(self) -> None:
        ids = [self.model.row_at(r).id for r in selected_rows(self.table)]
        if not ids:
            return
        press = self.ctx.services.press_releases
        on_db(self, lambda: press.requeue(ids), lambda _n: self.pump.deliver_now())


class PressReleaseDialog(QDialog):
    def __init__(
        self,
        ctx: UiContext,
        pump: OutboxPump | None = None,
        journalist_ids: list[str] | None = None,
        list_ids: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pump = pump
        self.journalist_ids = list(journalist_ids or [])
        self.plan: SendPlan | None = None
        self.batch_id: str | None = None
        self.setWindowTitle(self.tr("Send a press release"))
        self.resize(760, 640)

        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.attachments = QListWidget()
        self.attachments.setFixedHeight(70)
        self.add_attachment_button = QPushButton(self.tr("Attach files…"))
        self.remove_attachment_button = QPushButton(self.tr("Remove"))
        attach_buttons = QVBoxLayout()
        attach_buttons.addWidget(self.add_attachment_button)
        attach_buttons.addWidget(self.remove_attachment_button)
        attach_buttons.addStretch(1)
        attach_row = QHBoxLayout()
        attach_row.addWidget(self.attachments, 1)
        attach_row.addLayout(attach_buttons)
        self.lists = QListWidget()
        self.lists.setFixedHeight(90)
        self.people_label = QLabel()
        self.skip_recent = QCheckBox()
        self.skip_recent.setChecked(True)
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.plan_label.setTextFormat(Qt.TextFormat.RichText)
        form = QFormLayout()
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow(self.tr("Message"), self.body)
        form.addRow(self.tr("Attachments"), attach_row)
        form.addRow(self.tr("Lists"), self.lists)
        form.addRow(self.tr("People"), self.people_label)
        form.addRow("", self.skip_recent)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.plan_label)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

        self.people_label.setText(
            self.tr("%n journalist(s) chosen in the list", "", len(self.journalist_ids))
        )
        self.add_attachment_button.clicked.connect(self.add_attachments)
        self.remove_attachment_button.clicked.connect(
            lambda: [
                self.attachments.takeItem(self.attachments.row(i)) for i in self.attachments.selectedItems()
            ]
        )
        self.lists.itemChanged.connect(lambda _i: self.update_plan())
        self.skip_recent.toggled.connect(lambda _c: self._show_plan())
        self.send_button.clicked.connect(self.send)
        cancel.clicked.connect(self.reject)
        lists = ctx.services.lists
        chosen = set(list_ids or [])
        on_db(self, lists.list, lambda rows: self._lists_loaded(rows, chosen))

    def _lists_loaded(self, rows: list[Any], chosen: set[str]) -> None:
        self.lists.blockSignals(True)
        for row in rows:
            item = QListWidgetItem(row.name)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.id in chosen else Qt.CheckState.Unchecked)
            self.lists.addItem(item)
        self.lists.blockSignals(False)
        self.update_plan()

    def chosen_lists(self) -> list[str]:
        return [
            str(self.lists.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.lists.count())
            if self.lists.item(i).checkState() == Qt.CheckState.Checked
        ]

    def add_attachments(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        for name in names:
            self.attachments.addItem(name)

    def remove_attachments(self) -> None:
        for item in self.attachments.selectedItems():
            self.attachments.takeItem(self.attachments.row(item))

    def attachment_files(self) -> list[str]:
        return [self.attachments.item(i).text() for i in range(self.attachments.count())]

    def update_plan(self) -> None:
        press = self.ctx.services.press_releases
        people, lists = list(self.journalist_ids), self.chosen_lists()
        self.send_button.setEnabled(False)
        on_db(self, lambda: press.plan(people, lists), self._planned, lambda err: show_error(self, err))

    def _planned(self, plan: SendPlan) -> None:
        self.plan = plan
        self._show_plan()

    def _show_plan(self) -> None:
        plan = self.plan
        if plan is None:
            return
        self.skip_recent.setText(
            self.tr(
                "Leave out the %n journalist(s) pitched in the last %1 days", "", len(plan.recently_pitched)
            ).replace("%1", str(plan.quiet_days))
        )
        self.skip_recent.setVisible(bool(plan.recently_pitched))
        recipients = recipients_of(plan, self.skip_recent.isChecked())
        count = self.tr("%n recipient(s), one message each.", "", len(recipients))
        lines = [f"<b>{count}</b>"]
        if plan.do_not_contact:
            names = ", ".join(n for _, n, _ in plan.do_not_contact)
            lines.append(
                "<span style='color:#c62828'>"
                + self.tr("Left out, do not contact: %1").replace("%1", names)
                + "</span>"
            )
        if plan.without_email:
            names = ", ".join(n for _, n in plan.without_email)
            lines.append(self.tr("Left out, no e-mail address: %1").replace("%1", names))
        if plan.recently_pitched:
            names = ", ".join(n for _, n, _ in plan.recently_pitched)
            lines.append(
                "<span style='color:#8a5a00'>"
                + self.tr("Pitched in the last %1 days: %2")
                .replace("%1", str(plan.quiet_days))
                .replace("%2", names)
                + "</span>"
            )
        self.plan_label.setText("<br>".join(lines))
        self.send_button.setEnabled(bool(recipients))

    def send(self) -> None:
        if self.plan is None:
            return
        recipients = recipients_of(self.plan, self.skip_recent.isChecked())
        subject, body, files = self.subject.text(), self.body.toPlainText(), self.attachment_files()
        press = self.ctx.services.press_releases
        self.send_button.setEnabled(False)
        self.error_label.clear()
        on_db(
            self,
            lambda: press.queue(subject, body, recipients, attachment_paths([Path(f) for f in files])),
            self._queued,
            self._failed,
        )

    def _queued(self, batch_id: str) -> None:
        self.batch_id = batch_id
        if self.pump is not None:
            self.pump.deliver_now()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.send_button.setEnabled(True)
        if isinstance(error, CommDeskError):
            self.error_label.setText(str(error))
        else:
            show_error(self, error)


def start_mail_outbox(ctx: UiContext, window: QObject) -> OutboxPump:
    """Messages left waiting from an earlier session leave once the mail server answers,
    whether or not the Media workspace is opened. The Media page shares this pump."""
    pump = OutboxPump(ctx, window)
    ctx.extras["mail_pump"] = pump
    QTimer.singleShot(5_000, pump.deliver_now)  # after start-up, not during it
    return pump
