"""Legal deadlines at a glance: the compliance checks and the overdue list.

A self-contained widget (``CompliancePanel(ctx)``) the Calendar shows beside its views and the
Dashboard can embed; it refreshes itself when activities or interactions change.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.services.compliance import ComplianceSummary, OverdueItem, State
from app.ui.calendar.common import while_alive
from app.ui.context import UiContext
from app.ui.formatting import format_date

STATE_COLOURS = {
    State.OK: "#2e7d32",
    State.PENDING: "#1f4e8c",
    State.AT_RISK: "#ef6c00",
    State.MISSED: "#c62828",
}
WATCHED = frozenset({"activity", "interaction"})


class CompliancePanel(QWidget):
    overdue_activated = Signal(object)  # OverdueItem

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("compliancePanel")
        self.summary: ComplianceSummary | None = None
        self.overdue: list[OverdueItem] = []
        title = self.tr("Legal deadlines")
        self.heading = QLabel(f"<b>{title}</b>")
        self.checks = QLabel()
        self.checks.setObjectName("complianceChecks")
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.RichText)
        self.overdue_label = QLabel()
        self.overdue_list = QListWidget()
        self.overdue_list.setObjectName("overdueList")
        self.overdue_list.setMaximumHeight(120)
        self.overdue_list.setWordWrap(True)
        self.overdue_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.overdue_list.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.checks)
        layout.addWidget(self.overdue_label)
        layout.addWidget(self.overdue_list)
        ctx.data_changed.changed.connect(self._data_changed)
        self.refresh()

    @Slot(object)
    def _data_changed(self, tables: frozenset[str]) -> None:
        if tables & WATCHED:
            self.refresh()

    def refresh(self) -> None:
        compliance = self.ctx.services.compliance
        self.ctx.tasks.run_db(
            lambda: (compliance.summary(), compliance.overdue()), self._show, lambda _e: None
        )

    @while_alive
    def _show(self, result: tuple[ComplianceSummary, list[OverdueItem]]) -> None:
        self.summary, self.overdue = result
        lines = []
        for check in self.summary.checks:
            colour = STATE_COLOURS[check.state]
            lines.append(
                f"<p style='margin:2px 0'><span style='color:{colour}'>●</span> <b>{html.escape(str(check.title))}</b><br>"
                f"<span style='color:#444'>{html.escape(str(check.detail))}</span><br>"
                f"<span style='color:#888; font-size:small'>{html.escape(check.legal_basis)}</span></p>"
            )
        self.checks.setText("".join(lines))
        self.overdue_label.setText(self.tr("Overdue: %n", "", len(self.overdue)))
        self.overdue_list.clear()
        for item in self.overdue:
            entry = QListWidgetItem(f"{format_date(item.due)} — {item.title}")
            entry.setData(Qt.ItemDataRole.UserRole, item)
            entry.setForeground(Qt.GlobalColor.darkRed)
            self.overdue_list.addItem(entry)
        self.overdue_list.setVisible(bool(self.overdue))

    def _activated(self, entry: QListWidgetItem) -> None:
        self.overdue_activated.emit(entry.data(Qt.ItemDataRole.UserRole))
