"""The coverage log: every article, searchable without marks, filtered, changed in bulk."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.models import enums as e
from app.services.monitoring import CoverageLinks, local_today
from app.ui.context import UiContext
from app.ui.date_edits import OptionalDateEdit
from app.ui.flow_layout import FlowLayout
from app.ui.formatting import format_date, format_datetime, format_number
from app.ui.monitoring.common import TONE_COLOURS, TONES, fill_combo, medium_label, status_label, tone_label
from app.ui.row_models import DANGER, ID_ROLE, Column, LazyRowModel
from app.ui.shortcuts import add_list_actions

WATCHED = frozenset({"coverage_item", "coverage_topic", "press_agency", "policy_topic"})


@dataclass(frozen=True)
class CoverageLine:
    """One article with the names of what it is linked to."""

    row: Any
    links: CoverageLinks

    @property
    def id(self) -> str:
        return str(self.row.id)


def _tone_text(line: CoverageLine) -> str:
    text = tone_label(line.row.sentiment)
    if line.row.sentiment_source == e.SentimentSource.AUTOMATIC.value and line.row.sentiment_confidence:
        return f"{text} ({format_number(line.row.sentiment_confidence * 100)}%)"
    return text


def _reply_text(line: CoverageLine) -> str:
    row = line.row
    if not row.needs_action:
        return ""
    deadline = format_date(row.reply_deadline) if row.reply_deadline else ""
    return (
        f"{status_label(row.handling_status)} · {deadline}" if deadline else status_label(row.handling_status)
    )


def _is_overdue(line: CoverageLine) -> bool:
    row = line.row
    return bool(
        row.needs_action
        and row.reply_deadline is not None
        and row.reply_deadline < local_today()
        and row.handling_status not in (e.HandlingStatus.ANSWERED.value, e.HandlingStatus.CLOSED.value)
    )


class CoverageLog(QWidget):
    open_requested = Signal(str)  # coverage id
    new_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._criteria: tuple[dict[str, Any], str] = ({}, "")
        services = ctx.services

        self.search = QLineEdit()
        self.search.setObjectName("coverage_search")
        self.search.setPlaceholderText(self.tr("Search headlines, summaries and authors (marks optional)"))
        self.search.setClearButtonEnabled(True)
        self.agency = QComboBox()
        self.medium = QComboBox()
        self.medium.addItem(self.tr("All media"), None)
        for medium in e.MediaType:
            self.medium.addItem(medium_label(medium.value), medium.value)
        self.topic = QComboBox()
        self.tone = QComboBox()
        self.tone.addItem(self.tr("All tones"), None)
        for tone in TONES:
            self.tone.addItem(tone_label(tone), tone)
        self.needs_action = QCheckBox(self.tr("Needs a reply"))
        self.overdue = QCheckBox(self.tr("Overdue"))
        self.date_from = OptionalDateEdit()
        self.date_to = OptionalDateEdit()
        self.date_from.setToolTip(self.tr("Published from"))
        self.date_to.setToolTip(self.tr("Published until"))
        for combo in (self.agency, self.topic):
            combo.setMinimumWidth(160)
            combo.setMaximumWidth(260)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.agency, 1)
        filters.addWidget(self.medium)
        filters.addWidget(self.topic, 1)
        filters.addWidget(self.tone)
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("Published from")))
        period.addWidget(self.date_from)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.date_to)
        period.addWidget(self.needs_action)
        period.addWidget(self.overdue)
        period.addStretch(1)

        columns = [
            Column(
                self.tr("Published"), lambda r: format_datetime(r.row.published_at), order_by="published_at"
            ),
            Column(
                self.tr("Headline"),
                lambda r: r.row.headline,
                order_by="headline",
                tooltip=lambda r: r.row.summary,
            ),
            Column(self.tr("Agency"), lambda r: r.links.agency),
            Column(self.tr("Medium"), lambda r: medium_label(r.row.medium), order_by="medium"),
            Column(self.tr("Topics"), lambda r: "; ".join(name for _, name in r.links.topics)),
            Column(
                self.tr("Tone"),
                _tone_text,
                order_by="sentiment",
                colour=lambda r: TONE_COLOURS.get(r.row.sentiment),
                tooltip=lambda r: (
                    self.tr("Set by a person")
                    if r.row.sentiment_source == e.SentimentSource.MANUAL.value
                    else self.tr("Suggested automatically; change it if it is wrong")
                ),
            ),
            Column(
                self.tr("Reply"),
                _reply_text,
                order_by="reply_deadline",
                colour=lambda r: DANGER if _is_overdue(r) else None,
            ),
            Column(
                self.tr("Reach"),
                lambda r: format_number(r.row.reach) if r.row.reach is not None else "",
                align_right=True,
                order_by="reach",
            ),
        ]
        self.model = LazyRowModel(ctx.tasks, columns, self._load_ids, self._load_rows, self)
        self.model.order_by, self.model.descending = "published_at", True
        self.table = QTableView()
        self.table.setObjectName("coverage_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        # The title is what people read: it keeps its width and the topic takes what is left.
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 120), (1, 300), (2, 170), (3, 90), (5, 130), (6, 150), (7, 80)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._open_current)

        self.new_button = QPushButton(self.tr("New article…"))
        self.open_button = QPushButton(self.tr("Open"))
        self.tone_button = QToolButton()
        self.tone_button.setText(self.tr("Set tone"))
        self.tone_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        tone_menu = QMenu(self.tone_button)
        for tone in TONES:
            tone_menu.addAction(tone_label(tone)).setData(tone)
        tone_menu.triggered.connect(lambda action: self.set_tone(str(action.data())))
        self.tone_button.setMenu(tone_menu)
        self.topic_button = QPushButton(self.tr("Add to topic…"))
        self.flag_button = QPushButton(self.tr("Needs a reply"))
        self.answered_button = QPushButton(self.tr("Mark answered"))
        self.summary = QLabel()
        self.summary.setObjectName("coverage_summary")
        actions = FlowLayout()  # the summary takes a second line on a small screen
        for button in (
            self.new_button,
            self.open_button,
            self.tone_button,
            self.topic_button,
            self.flag_button,
            self.answered_button,
        ):
            actions.addWidget(button)
        actions.addWidget(self.summary)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(period)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        for combo in (self.agency, self.medium, self.topic, self.tone):
            combo.currentIndexChanged.connect(self.refresh)
        for box in (self.needs_action, self.overdue):
            box.toggled.connect(self.refresh)
        self.date_from.dateChanged.connect(self.refresh)
        self.date_to.dateChanged.connect(self.refresh)
        self.new_button.clicked.connect(self.new_requested.emit)
        self.open_button.clicked.connect(self._open_current)
        self.topic_button.clicked.connect(self.add_to_topic)
        self.flag_button.clicked.connect(self.flag_for_reply)
        self.answered_button.clicked.connect(self.mark_answered)
        self.actions_ = add_list_actions(
            self,
            self.table,
            new=self.new_requested.emit,
            search=self.search,
            edit=self._open_current,
            refresh=self.refresh,
        )
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        ctx.data_changed.changed.connect(self._data_changed)
        self._update_buttons()
        self.load_choices()
        self.refresh()
        self._services = services

    # ----- loading ---------------------------------------------------------------------------

    def load_choices(self) -> None:
        services = self.ctx.services

        def load() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
            topics = [(t.id, t.name) for t in services.topics.list(order_by="name")]
            return services.agencies.names(), topics

        self.ctx.tasks.run_db(load, self._choices_loaded)

    def _choices_loaded(self, result: tuple[list[tuple[str, str]], list[tuple[str, str]]]) -> None:
        agencies, topics = result
        fill_combo(self.agency, [(name, i) for i, name in agencies], self.tr("All agencies"))
        fill_combo(self.topic, [(name, i) for i, name in topics], self.tr("All topics"))

    def criteria(self) -> tuple[dict[str, Any], str]:
        filters: dict[str, Any] = {}
        for name, combo in (
            ("agency_id", self.agency),
            ("medium", self.medium),
            ("topic_id", self.topic),
            ("sentiment", self.tone),
        ):
            if combo.currentData():
                filters[name] = combo.currentData()
        if self.needs_action.isChecked():
            filters["open_action"] = True
        if self.overdue.isChecked():
            filters["overdue"] = local_today()
        start, end = self.date_from.value(), self.date_to.value()
        if start:
            filters["published_from"] = start
        if end:
            filters["published_to"] = end
        return filters, self.search.text().strip()

    def refresh(self) -> None:
        self._criteria = self.criteria()
        self.model.refresh()
        filters, search = self._criteria
        services = self.ctx.services
        self.ctx.tasks.run_db(lambda: services.coverage.sentiment_counts(filters, search), self._show_counts)

    def _load_ids(self, order_by: str | None, descending: bool) -> Callable[[], list[str]]:
        filters, search = self._criteria
        coverage = self.ctx.services.coverage
        return lambda: coverage.ids(filters, search or None, order_by, descending)

    def _load_rows(self, ids: list[str]) -> dict[str, CoverageLine]:
        services = self.ctx.services
        rows = services.coverage.get_many(ids)
        links = services.coverage.links(list(rows))
        empty = CoverageLinks("", "", "", ())
        return {i: CoverageLine(row, links.get(i, empty)) for i, row in rows.items()}

    def _show_counts(self, counts: dict[str, int]) -> None:
        total = sum(counts.values())
        parts = [f"{tone_label(t)}: {format_number(counts.get(t, 0))}" for t in TONES]
        self.summary.setText(
            self.tr("%1 articles").replace("%1", format_number(total)) + " — " + ", ".join(parts)
        )

    def _data_changed(self, tables: frozenset[str]) -> None:
        if tables & {"press_agency", "policy_topic"}:
            self.load_choices()
        if tables & WATCHED:
            self.refresh()

    # ----- actions ---------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        return [str(self.model.data(index, ID_ROLE)) for index in self.table.selectionModel().selectedRows()]

    def _update_buttons(self) -> None:
        chosen = len(self.table.selectionModel().selectedRows())
        self.open_button.setEnabled(chosen == 1)
        for button in (self.tone_button, self.topic_button, self.flag_button, self.answered_button):
            button.setEnabled(chosen > 0)

    def _open_current(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.open_requested.emit(ids[0])

    def set_tone(self, tone: str) -> None:
        ids = self.selected_ids()
        if ids:
            coverage = self.ctx.services.coverage
            self.ctx.tasks.run_db(lambda: coverage.set_sentiment(ids, tone))

    def add_to_topic(self) -> None:
        ids = self.selected_ids()
        names = [self.topic.itemText(i) for i in range(1, self.topic.count())]
        if not ids or not names:
            return
        name, ok = QInputDialog.getItem(self, self.tr("Add to topic"), self.tr("Topic"), names, 0, False)
        if not ok:
            return
        topic_id = self.topic.itemData(names.index(name) + 1)
        links = self.ctx.services.coverage_topics
        self.ctx.tasks.run_db(lambda: links.add_topic(ids, topic_id))

    def flag_for_reply(self) -> None:
        ids = self.selected_ids()
        coverage = self.ctx.services.coverage

        def flag() -> None:
            for row_id in ids:
                coverage.flag_for_action(row_id)

        self.ctx.tasks.run_db(flag)

    def mark_answered(self) -> None:
        ids = self.selected_ids()
        coverage = self.ctx.services.coverage

        def answer() -> None:
            for row_id in ids:
                row = coverage.get(row_id)
                if row.needs_action:
                    coverage.mark_answered(row_id)

        self.ctx.tasks.run_db(answer)

    def show_period(self, start: date | None, end: date | None) -> None:
        self.date_from.set_value(start)
        self.date_to.set_value(end)
