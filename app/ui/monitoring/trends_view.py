"""Trends of coverage by tone, per topic, with the warnings and a forecast of the negative share."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QT_TRANSLATE_NOOP, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.services.monitoring import local_today
from app.services.trends import DAY, WEEK, Bucket, CoverageWarning, ShareForecast
from app.ui.context import UiContext
from app.ui.formatting import format_date, format_datetime, format_number
from app.ui.monitoring.common import TONE_COLOURS, fill_combo, tone_label

WATCHED = frozenset({"coverage_item", "coverage_topic", "policy_topic", "activity"})
# (label, granularity, number of periods)
SPANS = (
    (QT_TRANSLATE_NOOP("TrendsView", "12 weeks"), WEEK, 12),
    (QT_TRANSLATE_NOOP("TrendsView", "26 weeks"), WEEK, 26),
    (QT_TRANSLATE_NOOP("TrendsView", "52 weeks"), WEEK, 52),
    (QT_TRANSLATE_NOOP("TrendsView", "60 days"), DAY, 60),
)
MAX_AXIS_LABELS = 9


@dataclass(frozen=True)
class TrendData:
    buckets: list[Bucket]
    granularity: str
    warnings: list[CoverageWarning]
    forecast: ShareForecast | None
    today: date


def load_trend(services: Any, topic_id: str | None, granularity: str, periods: int, today: date) -> TrendData:
    step = 7 if granularity == WEEK else 1
    start = today - timedelta(days=step * periods - 1)
    buckets = services.trends.series(granularity, start, today, topic_id)
    warnings = [
        w
        for w in services.trends.warnings_between(start, today)
        if topic_id is None or w.topic_id in (topic_id, None)
    ]
    forecast = services.trends.forecast(topic_id, today)
    return TrendData(
        buckets, granularity, sorted(warnings, key=lambda w: w.day, reverse=True), forecast, today
    )


def _axis_label(bucket: Bucket) -> str:
    return f"{bucket.start.day:02d}/{bucket.start.month:02d}"


class TrendsView(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: TrendData | None = None
        self.today: date | None = None  # None: today in Vietnam
        self.topic = QComboBox()
        self.topic.setObjectName("trend_topic")
        self.topic.setMinimumWidth(320)
        self.span = QComboBox()
        for label, granularity, periods in SPANS:
            self.span.addItem(self.tr(str(label)), (granularity, periods))
        self.span.setCurrentIndex(1)
        self.forecast_label = QLabel()
        self.forecast_label.setObjectName("forecast_label")
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Topic")))
        controls.addWidget(self.topic, 1)
        controls.addWidget(QLabel(self.tr("Period")))
        controls.addWidget(self.span)
        controls.addStretch(1)

        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart_view = QChartView(self.chart)
        self.chart_view.setObjectName("trend_chart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(320)

        self.warnings = QListWidget()
        self.warnings.setObjectName("warning_list")
        self.warnings.setWordWrap(True)
        self.details = QTextBrowser()
        self.details.setObjectName("warning_details")
        self.details.setOpenLinks(False)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Early warnings"))
        heading.setStyleSheet("font-weight: bold;")
        side_layout.addWidget(heading)
        side_layout.addWidget(self.warnings, 1)
        side_layout.addWidget(self.details, 2)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(controls)
        left_layout.addWidget(self.chart_view, 1)
        left_layout.addWidget(self.forecast_label)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.topic.currentIndexChanged.connect(self.refresh)
        self.span.currentIndexChanged.connect(self.refresh)
        self.warnings.currentRowChanged.connect(self._show_warning)
        ctx.data_changed.changed.connect(self._data_changed)
        self._generation = 0
        self.load_topics()

    # ----- loading -----------------------------------------------------------------------------

    def load_topics(self) -> None:
        topics = self.ctx.services.topics
        self.ctx.tasks.run_db(
            lambda: [(t.name, t.id) for t in topics.list(order_by="name")], self._topics_loaded
        )

    def _topics_loaded(self, items: list[tuple[str, str]]) -> None:
        fill_combo(self.topic, items, self.tr("All coverage"))
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        granularity, periods = self.span.currentData()
        topic_id = self.topic.currentData()
        today = self.today or local_today()
        services = self.ctx.services
        self.ctx.tasks.run_db(
            lambda: load_trend(services, topic_id, granularity, periods, today),
            lambda data: self._loaded(generation, data),
        )

    def _data_changed(self, tables: frozenset[str]) -> None:
        if "policy_topic" in tables:
            self.load_topics()
        elif tables & WATCHED:
            self.refresh()

    def _loaded(self, generation: int, data: TrendData) -> None:
        if generation != self._generation:
            return
        self.data = data
        self._draw(data)
        self.warnings.clear()
        for warning in data.warnings:
            item = QListWidgetItem(f"⚠ {format_date(warning.day)} — {warning.topic_name}")
            item.setSizeHint(item.sizeHint())
            item.setToolTip(str(warning.message))
            item.setForeground(QColor("#c62828"))
            self.warnings.addItem(item)
        if data.warnings:
            self.warnings.setCurrentRow(0)
        else:
            self.details.setHtml(
                "<p>" + html.escape(self.tr("No unusual rise of negative coverage in this period.")) + "</p>"
            )
        self.forecast_label.setText(self._forecast_text(data.forecast))

    # ----- drawing -----------------------------------------------------------------------------

    def _draw(self, data: TrendData) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        bars = QStackedBarSeries()
        sets = {}
        for tone in ("positive", "neutral", "negative"):
            bar_set = QBarSet(tone_label(tone))
            bar_set.setColor(TONE_COLOURS[tone])
            bar_set.setBorderColor(TONE_COLOURS[tone])
            sets[tone] = bar_set
        for bucket in data.buckets:
            sets["positive"].append(bucket.positive)
            sets["neutral"].append(bucket.neutral)
            sets["negative"].append(bucket.negative)
        forecast_slot = data.forecast is not None
        if forecast_slot:
            for bar_set in sets.values():
                bar_set.append(0)
        for bar_set in sets.values():
            bars.append(bar_set)
        bars.setBarWidth(0.8)
        chart.addSeries(bars)

        # The bar axis keeps the bars in place; its own labels would be cut to one bar's width,
        # so the dates are drawn by a category axis whose labels span several bars.
        slots = len(data.buckets) + (1 if forecast_slot else 0)
        bar_axis = QBarCategoryAxis()
        bar_axis.append([str(index) for index in range(slots)])
        bar_axis.setVisible(False)
        chart.addAxis(bar_axis, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(bar_axis)
        every = max(1, -(-len(data.buckets) // MAX_AXIS_LABELS))
        axis_x = QCategoryAxis()
        axis_x.setRange(-0.5, slots - 0.5)
        axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter)
        for start in range(0, len(data.buckets), every):
            end = min(start + every, len(data.buckets))
            axis_x.append(_axis_label(data.buckets[start]), end - 0.5)
        if forecast_slot:
            axis_x.append(self.tr("+7 days"), slots - 0.5)
        axis_x.setGridLineVisible(False)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        highest = max((b.total for b in data.buckets), default=0)
        axis_y = QValueAxis()
        axis_y.setRange(0, max(5, highest * 1.1))
        axis_y.applyNiceNumbers()
        axis_y.setLabelFormat("%d")
        axis_y.setTitleText(self.tr("Articles"))
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(axis_y)

        share = QLineSeries()
        share.setName(self.tr("Negative share (%)"))
        pen = QPen(QColor("#6a1b9a"))
        pen.setWidth(2)
        share.setPen(pen)
        for index, bucket in enumerate(data.buckets):
            if bucket.negative_share is not None:
                share.append(QPointF(index, bucket.negative_share * 100))
        chart.addSeries(share)
        axis_share = QValueAxis()
        axis_share.setRange(0, 100)
        axis_share.setLabelFormat("%d%%")
        axis_share.setTitleText(self.tr("Negative share"))
        chart.addAxis(axis_share, Qt.AlignmentFlag.AlignRight)
        share.attachAxis(axis_x)
        share.attachAxis(axis_share)
        if data.forecast is not None:
            x = len(data.buckets)
            interval = QLineSeries()
            interval.setName(self.tr("Forecast, 80% range"))
            interval_pen = QPen(QColor("#6a1b9a"))
            interval_pen.setWidth(6)
            interval_pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            interval.setPen(interval_pen)
            interval.append(QPointF(x, data.forecast.low * 100))
            interval.append(QPointF(x, data.forecast.high * 100))
            point = QScatterSeries()
            point.setName(self.tr("Forecast"))
            point.setColor(QColor("#ffffff"))
            point.setBorderColor(QColor("#6a1b9a"))
            point.setMarkerSize(12)
            point.append(QPointF(x, data.forecast.share * 100))
            for series in (interval, point):
                chart.addSeries(series)
                series.attachAxis(axis_x)
                series.attachAxis(axis_share)
        for warning in data.warnings:
            for index, bucket in enumerate(data.buckets):
                span = 7 if data.granularity == WEEK else 1
                if bucket.start <= warning.day < bucket.start + timedelta(days=span):
                    sets["negative"].setBorderColor(QColor("#c62828"))
                    marker = QScatterSeries()
                    marker.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeTriangle)
                    marker.setColor(QColor("#ff8f00"))
                    marker.setMarkerSize(14)
                    marker.append(QPointF(index, bucket.total))
                    chart.addSeries(marker)
                    marker.attachAxis(axis_x)
                    marker.attachAxis(axis_y)
                    chart.legend().markers(marker)[0].setVisible(False)
        topic = self.topic.currentText()
        chart.setTitle(self.tr("Coverage by tone — %1").replace("%1", topic))

    def _forecast_text(self, forecast: ShareForecast | None) -> str:
        if forecast is None:
            return self.tr("Not enough recent coverage for a forecast.")
        text = self.tr(
            "Negative share expected over the next 7 days: %1% (80% range %2–%3%), about %4 articles."
        )
        return (
            text.replace("%1", format_number(forecast.share * 100))
            .replace("%2", format_number(forecast.low * 100))
            .replace("%3", format_number(forecast.high * 100))
            .replace("%4", format_number(forecast.expected_articles))
        )

    def _show_warning(self, row: int) -> None:
        if self.data is None or not 0 <= row < len(self.data.warnings):
            return
        warning = self.data.warnings[row]
        parts = [f"<p><b style='color:#c62828'>{html.escape(str(warning.message))}</b></p>"]
        test = self.tr("Test against the 14 days before: p = %1, robust z = %2; first day of the rise %3.")
        parts.append(
            "<p>"
            + html.escape(
                test.replace("%1", f"{warning.p_value:.1e}")
                .replace("%2", format_number(warning.z_score, 1))
                .replace("%3", format_date(warning.first_day))
            )
            + "</p>"
        )
        activities_title = self.tr("Office activities from 3 days before to 3 days after")
        parts.append(f"<p><b>{html.escape(activities_title)}</b></p><ul>")
        if not warning.activities:
            parts.append(f"<li>{html.escape(self.tr('None recorded.'))}</li>")
        for activity in warning.activities:
            title = html.escape(activity.title)
            line = f"{html.escape(format_datetime(activity.starts_at))} — {'<b>' + title + '</b>' if activity.on_topic else title}"
            parts.append(f"<li>{line}</li>")
        parts.append("</ul>")
        if warning.headlines:
            articles_title = self.tr("Negative articles that day")
            parts.append(f"<p><b>{html.escape(articles_title)}</b></p><ul>")
            parts.extend(f"<li>{html.escape(headline)}</li>" for _, headline in warning.headlines)
            parts.append("</ul>")
        if warning.forecast is not None:
            parts.append(f"<p>{html.escape(self._forecast_text(warning.forecast))}</p>")
        self.details.setHtml("".join(parts))
