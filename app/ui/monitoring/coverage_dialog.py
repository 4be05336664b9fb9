"""The form of one article: every field, its topics, and the tone with the suggestion beside it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.models import enums as e
from app.services.monitoring import reply_deadline_for
from app.services.sentiment import suggest_sentiment
from app.ui.context import UiContext
from app.ui.date_edits import OptionalDateEdit, OptionalDateTimeEdit
from app.ui.form_dialog import FormDialog
from app.ui.formatting import format_date, format_number
from app.ui.monitoring.common import TONES, medium_label, status_label, tone_label


class CoverageDialog(FormDialog):
    """Create (``row`` None) or edit an article; saving runs on the database worker."""

    def __init__(self, ctx: UiContext, row: Any | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, row, ctx.services.coverage)
        self.setWindowTitle(
            self.tr("Article") if row is None else self.tr("Article: %1").replace("%1", row.headline[:60])
        )
        self.setMinimumWidth(680)

        self.headline = QLineEdit()
        self.summary = QPlainTextEdit()
        self.summary.setFixedHeight(80)
        self.agency = QComboBox()
        self.journalist = QComboBox()
        self.medium = QComboBox()
        for medium in e.MediaType:
            self.medium.addItem(medium_label(medium.value), medium.value)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        self.published_at = OptionalDateTimeEdit()
        self.author = QLineEdit()
        self.tone = QComboBox()
        self.tone.addItem(self.tr("Suggest automatically"), None)
        for tone in TONES:
            self.tone.addItem(tone_label(tone), tone)
        self.suggestion = QLabel()
        self.suggestion.setObjectName("tone_suggestion")
        self.suggestion.setStyleSheet("color: #555;")
        self.reach = QSpinBox()
        self.reach.setRange(-1, 2_000_000_000)
        self.reach.setSpecialValueText("—")
        self.reach.setSingleStep(1000)
        self.reach.setValue(-1)
        self.needs_action = QCheckBox(self.tr("Needs a reply (within 30 days of publication)"))
        self.status = QComboBox()
        for status in e.HandlingStatus:
            self.status.addItem(status_label(status.value), status.value)
        self.reply_deadline = OptionalDateEdit()
        self.activity = QComboBox()
        self.topics = QListWidget()
        self.topics.setFixedHeight(110)

        tone_row = QHBoxLayout()
        tone_row.addWidget(self.tone)
        tone_row.addWidget(self.suggestion, 1)
        form = QFormLayout()
        form.addRow(self.tr("Headline"), self.headline)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Agency"), self.agency)
        form.addRow(self.tr("Journalist"), self.journalist)
        form.addRow(self.tr("Author (as printed)"), self.author)
        form.addRow(self.tr("Medium"), self.medium)
        form.addRow(self.tr("Address (URL)"), self.url)
        form.addRow(self.tr("Published at"), self.published_at)
        form.addRow(self.tr("Tone"), tone_row)
        form.addRow(self.tr("Reach"), self.reach)
        form.addRow("", self.needs_action)
        form.addRow(self.tr("Handling"), self.status)
        form.addRow(self.tr("Reply deadline"), self.reply_deadline)
        form.addRow(self.tr("Related activity"), self.activity)
        form.addRow(self.tr("Topics"), self.topics)

        self.set_form(
            form,
            errors={
                "headline": self.headline,
                "summary": self.summary,
                "agency_id": self.agency,
                "journalist_id": self.journalist,
                "medium": self.medium,
                "url": self.url,
                "published_at": self.published_at,
                "author": self.author,
                "sentiment": self.tone,
                "reach": self.reach,
                "handling_status": self.status,
                "reply_deadline": self.reply_deadline,
                "activity_id": self.activity,
            },
        )

        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(200)
        self._suggest_timer.timeout.connect(self._show_suggestion)
        self.headline.textChanged.connect(self._suggest_timer.start)
        self.summary.textChanged.connect(self._suggest_timer.start)
        self.needs_action.toggled.connect(self._needs_action_toggled)
        self.agency.currentIndexChanged.connect(self._agency_changed)
        self._journalists: list[tuple[str, str, str | None]] = []
        self._topic_ids: list[str] = []
        self.buttons.setEnabled(False)
        self._load()

    # ----- loading -----------------------------------------------------------------------------

    def _load(self) -> None:
        services = self.ctx.services
        row_id = self.row.id if self.row is not None else None

        def load() -> dict[str, Any]:
            journalists = [
                (j.id, j.full_name, j.agency_id)
                for j in services.journalists.list(order_by="full_name", limit=5000)
            ]
            activities = [
                (a.id, a.title, a.starts_at)
                for a in services.activities.list(order_by="starts_at", descending=True, limit=300)
            ]
            return {
                "agencies": services.agencies.names(),
                "journalists": journalists,
                "activities": activities,
                "topics": [(t.id, t.name) for t in services.topics.list(order_by="name")],
                "chosen": services.coverage.topic_ids(row_id) if row_id else [],
            }

        self.ctx.tasks.run_db(load, self._loaded, self._failed)

    def _loaded(self, data: dict[str, Any]) -> None:
        self.agency.addItem("—", None)
        for agency_id, name in data["agencies"]:
            self.agency.addItem(name, agency_id)
        self._journalists = data["journalists"]
        self.activity.addItem("—", None)
        for activity_id, title, starts in data["activities"]:
            self.activity.addItem(f"{format_date(starts)} · {title}", activity_id)
        chosen = set(data["chosen"])
        for topic_id, name in data["topics"]:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if topic_id in chosen else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, topic_id)
            self.topics.addItem(item)
        if self.row is not None:
            self.fill(self.row)
            self.loaded()
        else:
            self.published_at.set_value(datetime.now(UTC))
            self._agency_changed()
        self.buttons.setEnabled(True)
        self._show_suggestion()

    @property
    def row(self) -> Any | None:
        return self.record

    def fill(self, row: Any) -> None:
        self.headline.setText(row.headline)
        self.summary.setPlainText(row.summary or "")
        self.agency.setCurrentIndex(max(0, self.agency.findData(row.agency_id)))
        self._agency_changed()
        self.journalist.setCurrentIndex(max(0, self.journalist.findData(row.journalist_id)))
        self.medium.setCurrentIndex(max(0, self.medium.findData(row.medium)))
        self.url.setText(row.url or "")
        self.published_at.set_value(row.published_at)
        self.author.setText(row.author or "")
        manual = row.sentiment_source == e.SentimentSource.MANUAL.value
        self.tone.setCurrentIndex(max(0, self.tone.findData(row.sentiment)) if manual else 0)
        self.reach.setValue(row.reach if row.reach is not None else -1)
        self.needs_action.setChecked(bool(row.needs_action))
        self.status.setCurrentIndex(max(0, self.status.findData(row.handling_status)))
        self.reply_deadline.set_value(row.reply_deadline)
        if row.activity_id and self.activity.findData(row.activity_id) < 0:
            self.activity.addItem(self.tr("(linked activity)"), row.activity_id)
        self.activity.setCurrentIndex(max(0, self.activity.findData(row.activity_id)))

    def _agency_changed(self) -> None:
        agency_id = self.agency.currentData()
        current = self.journalist.currentData()
        self.journalist.clear()
        self.journalist.addItem("—", None)
        for journalist_id, name, of_agency in self._journalists:
            if agency_id is None or of_agency == agency_id:
                self.journalist.addItem(name, journalist_id)
        self.journalist.setCurrentIndex(max(0, self.journalist.findData(current)))

    def _show_suggestion(self) -> None:
        headline = self.headline.text().strip()
        if not headline:
            self.suggestion.setText("")
            return
        suggestion = suggest_sentiment(headline, self.summary.toPlainText())
        words = ", ".join(phrase for phrase, _ in suggestion.evidence[:4])
        text = self.tr("Suggested: %1 (confidence %2%)").replace("%1", tone_label(suggestion.sentiment))
        text = text.replace("%2", format_number(suggestion.confidence * 100))
        self.suggestion.setText(text + (f" — {words}" if words else ""))

    def _needs_action_toggled(self, checked: bool) -> None:
        if checked and self.reply_deadline.value() is None:
            published = self.published_at.value()
            self.reply_deadline.set_value(reply_deadline_for(published))
            if self.status.currentData() == e.HandlingStatus.NONE.value:
                self.status.setCurrentIndex(self.status.findData(e.HandlingStatus.OPEN.value))

    # ----- saving ------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "headline": self.headline.text(),
            "summary": self.summary.toPlainText(),
            "agency_id": self.agency.currentData(),
            "journalist_id": self.journalist.currentData(),
            "medium": self.medium.currentData(),
            "url": self.url.text(),
            "published_at": self.published_at.value(),
            "author": self.author.text(),
            "reach": self.reach.value() if self.reach.value() >= 0 else None,
            "needs_action": self.needs_action.isChecked(),
            "handling_status": self.status.currentData(),
            "reply_deadline": self.reply_deadline.value(),
            "activity_id": self.activity.currentData(),
        }
        if self.tone.currentData():
            # A tone a person picked; an untouched automatic tone is left to the suggestion.
            values["sentiment"] = self.tone.currentData()
            values["sentiment_source"] = e.SentimentSource.MANUAL.value
        return values

    def topic_ids(self) -> list[str]:
        return [
            str(self.topics.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.topics.count())
            if self.topics.item(i).checkState() == Qt.CheckState.Checked
        ]

    def form_state(self) -> dict[str, Any]:
        return {**self.values(), "topics": self.topic_ids()}

    def create_operation(self, values: dict[str, Any]) -> Callable[[], Any]:
        return self._save_operation(None, values)

    def update_operation(self, row_id: str, values: dict[str, Any]) -> Callable[[], Any]:
        return self._save_operation(row_id, values)

    def _save_operation(self, row_id: str | None, values: dict[str, Any]) -> Callable[[], Any]:
        services, topic_ids = self.ctx.services, self.topic_ids()
        return lambda: services.coverage.save_with_topics(row_id, values, topic_ids, services.coverage_topics)
