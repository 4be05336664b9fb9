"""The Dashboard: today and the week ahead, what is overdue, compliance, budget, coverage, sync.

Every tile opens the workspace behind it; the page refreshes when the data it shows changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.reports.dashboard import DashboardData, SyncSummary, gather, sync_summary
from app.services.money import format_vnd
from app.ui.context import UiContext
from app.ui.formatting import format_date, format_datetime, format_day_month, format_time, local
from app.ui.sync.controller import sync_controller, while_alive

WATCHED = frozenset(
    {
        "activity",
        "interaction",
        "coverage_item",
        "coverage_topic",
        "budget_allocation",
        "budget_adjustment",
        "expense",
        "staff_member",
        "setting",
    }
)
STATE_COLOURS = {"ok": "#2e7d4f", "pending": "#8a6d1f", "at_risk": "#c76a00", "missed": "#b3261e"}


class Tile(QFrame):
    """A clickable card: a title, a big figure, some lines, and the page it opens."""

    opened = Signal(str)

    def __init__(self, key: str, title: str, target: str) -> None:
        super().__init__()
        self.setObjectName(f"tile_{key}")
        self.target = target
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"QFrame#tile_{key} {{ background: white; border: 1px solid #d5dbe3; border-radius: 6px; }}"
            f"QFrame#tile_{key}:hover {{ border-color: #1f4e8c; }}"
        )
        self.title = QLabel(f"<b>{escape(title)}</b>")
        self.figure = QLabel()
        self.figure.setObjectName("figure")
        self.figure.setWordWrap(True)  # "1 hôm nay · 6 trong 8 ngày" on a narrow tile
        self.figure.setStyleSheet("font-size: 26px; font-weight: 600; color: #1f4e8c;")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.linkActivated.connect(self.opened.emit)  # <a href="page">: a page other than the tile's
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setFlat(True)
        self.open_button.setStyleSheet("color: #1f4e8c; text-align: right;")
        self.open_button.clicked.connect(lambda: self.opened.emit(self.target))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.figure)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumHeight(190)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.opened.emit(self.target)
        super().mouseReleaseEvent(event)

    def show_content(self, figure: str, lines: list[str], colour: str | None = None) -> None:
        self.figure.setText(escape(figure))
        if colour:
            self.figure.setStyleSheet(f"font-size: 26px; font-weight: 600; color: {colour};")
        self.body.setText("<br>".join(lines))


class DashboardPage(QWidget):
    refreshed = Signal()

    def __init__(self, ctx: UiContext, open_page: Callable[[str], None] | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self._open_page = open_page
        self.data: DashboardData | None = None
        self._loading = False
        self._again = False
        title = self.tr("Dashboard")
        heading = QLabel(f"<h2>{escape(title)}</h2>")
        self.as_of = QLabel()
        self.as_of.setStyleSheet("color: #666;")
        self.tiles = {
            "upcoming": Tile("upcoming", self.tr("Today and the next 7 days"), "calendar"),
            "overdue": Tile("overdue", self.tr("Overdue deadlines"), "calendar"),
            "compliance": Tile("compliance", self.tr("Compliance this quarter"), "reports"),
            "budget": Tile("budget", self.tr("Budget burn"), "budget"),
            "coverage": Tile("coverage", self.tr("Coverage alerts"), "monitoring"),
            "sync": Tile("sync", self.tr("Sync status"), "sync"),
        }
        grid = QGridLayout()
        grid.setSpacing(12)
        for index, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, index // 3, index % 3)
            tile.opened.connect(self.open_page)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(heading)
        layout.addWidget(self.as_of)
        layout.addLayout(grid)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.refresh)
        self._clock = QTimer(self)  # today's list changes as the day goes on
        self._clock.setInterval(5 * 60 * 1000)
        self._clock.timeout.connect(self.refresh)
        self._clock.start()
        ctx.data_changed.changed.connect(self._data_changed)
        sync = sync_controller(ctx)  # a round finishing, or a conflict resolved on the Sync page
        sync.round_finished.connect(self.refresh_sync)
        sync.status_changed.connect(self.refresh_sync)
        self.as_of.setText(self.tr("Loading…"))
        self.refresh()

    @Slot(str)
    def open_page(self, key: str) -> None:
        if self._open_page is not None:
            self._open_page(key)
            return
        window = self.window()
        show_page = getattr(window, "show_page", None)
        if callable(show_page):
            show_page(key)

    @Slot(object)
    def _data_changed(self, tables: frozenset[str]) -> None:
        if tables & WATCHED:
            self._timer.start()

    @Slot()
    def refresh(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        services = self.ctx.services
        self.ctx.tasks.run_db(lambda: gather(services), self._show, self._failed)

    @Slot()
    def refresh_sync(self, _result: object = None) -> None:
        """A sync round finished: re-read the sync tile only (what it pulled refreshes the rest)."""
        services = self.ctx.services
        self.ctx.tasks.run_db(
            lambda: sync_summary(services), while_alive(self, self._sync_read), lambda _e: None
        )

    def _sync_read(self, summary: SyncSummary) -> None:
        if self.data is not None:
            self.data.sync = summary
            self._show_sync(self.data)

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.as_of.setText(self.tr("The dashboard could not be loaded: %1").replace("%1", str(error)))

    def _show(self, data: DashboardData) -> None:
        self._loading = False
        self.data = data
        self.as_of.setText(
            self.tr("As of %1 %2").replace("%1", format_time(data.now)).replace("%2", format_date(data.now))
        )
        self._show_upcoming(data)
        self._show_overdue(data)
        self._show_compliance(data)
        self._show_budget(data)
        self._show_coverage(data)
        self._show_sync(data)
        self.refreshed.emit()
        if self._again:
            self._again = False
            self.refresh()

    def _show_upcoming(self, data: DashboardData) -> None:
        lines = [
            f"{format_time(item.starts_at)} {format_day_month(item.starts_at)} — {escape(item.title)}"
            f" <span style='color:#666'>({escape(str(item.type_label))})</span>"
            for item in data.upcoming
        ]
        if not lines:
            lines = [self.tr("Nothing scheduled.")]
        elif data.week_count > len(data.upcoming):
            lines.append(self.tr("… and %1 more").replace("%1", str(data.week_count - len(data.upcoming))))
        figure = self.tr("%1 today · %2 in 8 days").replace("%1", str(data.today_count))
        self.tiles["upcoming"].show_content(figure.replace("%2", str(data.week_count)), lines)

    def _show_overdue(self, data: DashboardData) -> None:
        lines = [
            f"{escape(str(title))} <span style='color:#b3261e'>"
            + self.tr("(%1 days)").replace("%1", str(days))
            + "</span>"
            for title, days in data.overdue
        ]
        colour = STATE_COLOURS["missed"] if data.overdue_count else STATE_COLOURS["ok"]
        self.tiles["overdue"].show_content(
            str(data.overdue_count), lines or [self.tr("Nothing is overdue.")], colour
        )

    def _show_compliance(self, data: DashboardData) -> None:
        names = {
            "ok": self.tr("met"),
            "pending": self.tr("in progress"),
            "at_risk": self.tr("at risk"),
            "missed": self.tr("missed"),
        }
        lines = [
            f"<span style='color:{STATE_COLOURS.get(c.state, '#333')}'>●</span> "
            f"<b>{escape(str(c.title))}</b>: {escape(names.get(c.state, c.state))}<br>"
            f"<span style='color:#555'>{escape(str(c.detail))}</span>"
            for c in data.compliance
        ]
        ok = sum(1 for c in data.compliance if c.state == "ok")
        self.tiles["compliance"].show_content(
            f"{ok}/{len(data.compliance)}", lines, STATE_COLOURS.get(data.worst_state)
        )

    def _show_budget(self, data: DashboardData) -> None:
        budget = data.budget
        if budget is None or budget.allocated == 0 and budget.spent == 0:
            self.tiles["budget"].show_content("—", [self.tr("No allocations for this year yet.")])
            return
        share = budget.share_spent
        figure = "—" if share is None else f"{share * 100:.1f}%".replace(".", ",")
        lines = [
            self.tr("Spent %1 of %2 allocated in %3")
            .replace("%1", escape(format_vnd(budget.spent)))
            .replace("%2", escape(format_vnd(budget.allocated)))
            .replace("%3", str(budget.year)),
            self.tr("%1% of the year has passed").replace("%1", f"{budget.year_elapsed * 100:.0f}"),
        ]
        if budget.overspent_allocations:
            lines.append(
                "<span style='color:#b3261e'>"
                + self.tr("%1 allocation(s) overspent").replace("%1", str(budget.overspent_allocations))
                + "</span>"
            )
        ahead = share is not None and share > budget.year_elapsed + 0.1
        colour = STATE_COLOURS["at_risk"] if ahead or budget.overspent_allocations else None
        self.tiles["budget"].show_content(figure, lines, colour)

    def _show_coverage(self, data: DashboardData) -> None:
        lines = [escape(str(w)) for w in data.warnings[:3]]
        lines.append(
            self.tr("Negative articles in the last 7 days: %1").replace("%1", str(data.negative_this_week))
        )
        lines.append(
            self.tr("Replies to the press overdue: %1").replace("%1", str(data.coverage_replies_overdue))
        )
        colour = STATE_COLOURS["missed"] if data.warnings else STATE_COLOURS["ok"]
        self.tiles["coverage"].show_content(str(len(data.warnings)), lines, colour)

    def _show_sync(self, data: DashboardData) -> None:
        sync = data.sync
        if sync.server:
            lines = [self.tr("Server: %1").replace("%1", escape(sync.server))]
        else:
            lines = [self.tr("Not connected to a sync server")]
        if sync.last_success is None:
            lines.append(self.tr("Never synced"))
        else:
            lines.append(self.tr("Last synced: %1").replace("%1", escape(self.when(sync.last_success))))
        if sync.last_error:
            lines.append(
                f"<span style='color:{STATE_COLOURS['missed']}'>"
                + escape(self.tr("Last attempt failed: %1").replace("%1", sync.last_error[:160]))
                + "</span>"
            )
        lines.append(self.tr("Changes waiting to sync: %1").replace("%1", str(sync.pending)))
        if sync.conflicts:
            text = self.tr("%n conflict(s) waiting for review", "", sync.conflicts)
            lines.append(f"<a href='sync' style='color:{STATE_COLOURS['missed']}'>{escape(text)}</a>")
        if sync.refused:
            text = self.tr("%n change(s) refused by the server", "", sync.refused)
            lines.append(f"<a href='sync' style='color:{STATE_COLOURS['missed']}'>{escape(text)}</a>")
        colour = STATE_COLOURS["missed"] if sync.conflicts or sync.refused or sync.last_error else None
        self.tiles["sync"].show_content(str(sync.pending), lines, colour or "#1f4e8c")

    def when(self, moment: datetime, now: datetime | None = None) -> str:
        """A past moment, relative when it was today ("25 minutes ago"), in full otherwise."""
        now = now or datetime.now(UTC)
        seconds = (now - moment).total_seconds()
        if local(moment).date() != local(now).date() or seconds < 0:
            return format_datetime(moment)
        if seconds < 60:
            return self.tr("just now")
        if seconds < 3600:
            return self.tr("%n minute(s) ago", "", int(seconds // 60))
        ago = self.tr("%n hour(s) ago", "", int(seconds // 3600))
        return self.tr("today at %1 (%2)").replace("%1", format_time(moment)).replace("%2", ago)
