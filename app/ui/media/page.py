"""The Media workspace: tabs for journalists, agencies, questions, lists and press releases."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.ui.context import UiContext
from app.ui.media.agencies import AgenciesTab
from app.ui.media.import_dialog import ImportDialog
from app.ui.media.journalists import JournalistsTab
from app.ui.media.lists import ListsTab
from app.ui.media.questions import QuestionsTab
from app.ui.media.send import OutboxPump, OutboxTab, PressReleaseDialog


class MediaPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        shared = ctx.extras.get("mail_pump")
        self.pump = shared if isinstance(shared, OutboxPump) else OutboxPump(ctx, self)
        self.journalists = JournalistsTab(ctx)
        self.agencies = AgenciesTab(ctx)
        self.questions = QuestionsTab(ctx)
        self.lists = ListsTab(ctx)
        self.outbox = OutboxTab(ctx, self.pump)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.journalists, self.tr("Journalists"))
        self.tabs.addTab(self.agencies, self.tr("Press agencies"))
        self.tabs.addTab(self.questions, self.tr("Awaiting answer"))
        self.tabs.addTab(self.lists, self.tr("Distribution lists"))
        self.tabs.addTab(self.outbox, self.tr("Press releases"))
        title = self.tr("Press relations")
        heading = QLabel(f"<h2 style='margin:0'>{title}</h2>")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tabs)

        self.journalists.send_requested.connect(lambda ids: self.compose(journalist_ids=ids))
        self.journalists.import_requested.connect(self.import_contacts)
        self.lists.send_requested.connect(lambda list_id: self.compose(list_ids=[list_id] if list_id else []))
        self.outbox.new_button.clicked.connect(lambda: self.compose())
        self.questions.model.modelReset.connect(self._update_question_tab)
        self.pump.deliver_now()  # messages left waiting from an earlier session

    def _update_question_tab(self) -> None:
        overdue = sum(1 for w in self.questions.model.rows() if w.overdue)
        title = self.tr("Awaiting answer")
        if overdue:
            title += f" ({overdue}!)"
        self.tabs.setTabText(self.tabs.indexOf(self.questions), title)

    def compose(
        self, journalist_ids: list[str] | None = None, list_ids: list[str] | None = None
    ) -> PressReleaseDialog:
        dialog = PressReleaseDialog(self.ctx, self.pump, journalist_ids, list_ids, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.tabs.setCurrentWidget(self.outbox)
        return dialog

    def import_contacts(self) -> None:
        ImportDialog(self.ctx, None, self).exec()
