"""Charts of the report, drawn with ReportLab graphics in the report's own font."""

from __future__ import annotations

import math
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from app.models import enums as e
from app.reports.figures import TYPE_GROUPS
from app.reports.tables import GROUP_LABELS, ratio_text
from app.services.labels import enum_label
from app.services.money import group_thousands

FONT = "LiberationSerif"
PALETTE = [
    colors.HexColor("#1f4e8c"),
    colors.HexColor("#5b8fd1"),
    colors.HexColor("#e2a33b"),
    colors.HexColor("#9c4f96"),
    colors.HexColor("#8a9199"),
]
SENTIMENT_COLOURS = {
    "positive": colors.HexColor("#3a8f5c"),
    "neutral": colors.HexColor("#8a9199"),
    "negative": colors.HexColor("#c0392b"),
}


def build(key: str, figures: dict[str, Any], width: float) -> Drawing:
    builders = {
        "activities_by_month": activities_by_month,
        "budget_by_task": budget_by_task,
        "coverage_by_sentiment": coverage_by_sentiment,
    }
    drawing = builders[key](figures, width)
    drawing.initialFontName = FONT  # the renderer would otherwise start every chart in Helvetica
    return drawing


def _empty(drawing: Drawing, width: float, height: float) -> Drawing:
    height = 30
    drawing.height = height
    drawing.add(
        String(
            width / 2,
            height / 2,
            "Không có số liệu trong kỳ",
            fontName=FONT,
            fontSize=11,
            textAnchor="middle",
        )
    )
    return drawing


def _nice_step(value: float, whole: bool) -> float:
    """A round step so that five steps cover ``value`` (whole numbers for counts)."""
    raw = max(value, 1e-9) / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if raw <= m * magnitude)
    return max(1, math.ceil(step)) if whole else step


def _scale(axis: object, top: float, whole: bool) -> None:
    step = _nice_step(top, whole)
    axis.valueMin = 0  # type: ignore[attr-defined]
    axis.valueStep = step  # type: ignore[attr-defined]
    axis.valueMax = step * max(1, math.ceil(top / step))  # type: ignore[attr-defined]


def activities_by_month(figures: dict[str, Any], width: float) -> Drawing:
    months = figures["activities"]["by_month"]
    height = 200
    drawing = Drawing(width, height)
    groups = list(TYPE_GROUPS)
    data = [[m[g] for m in months] for g in groups]
    top = max((sum(m[g] for g in groups) for m in months), default=0)
    if top == 0:
        return _empty(drawing, width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 45
    chart.width, chart.height = width - 170, height - 60
    chart.data = data
    chart.categoryAxis.categoryNames = [f"{int(m['month'][5:])}/{m['month'][:4]}" for m in months]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 9
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 9
    _scale(chart.valueAxis, top, whole=True)
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}".replace(",", ".")
    chart.barWidth = 18
    chart.groupSpacing = 10
    for index, colour in enumerate(PALETTE):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 120, height - 20
    legend.fontName = FONT
    legend.fontSize = 9
    legend.alignment = "right"
    legend.columnMaximum = 5
    legend.colorNamePairs = [(PALETTE[i], GROUP_LABELS[g]) for i, g in enumerate(groups)]
    drawing.add(legend)
    return drawing


def budget_by_task(figures: dict[str, Any], width: float) -> Drawing:
    tasks = figures["budget"]["by_task"]
    codes = [code for code, v in tasks.items() if v["allocated"] + v["adjustments"] or v["spent_to_date"]]
    height = max(120, 34 * len(codes) + 60)
    drawing = Drawing(width, height)
    if not codes:
        return _empty(drawing, width, 120)
    available = [(tasks[c]["allocated"] + tasks[c]["adjustments"]) / 1_000_000 for c in codes]
    spent = [tasks[c]["spent_to_date"] / 1_000_000 for c in codes]
    chart = HorizontalBarChart()
    chart.x, chart.y = 165, 40
    chart.width, chart.height = width - 185, height - 60
    chart.data = [available, spent]
    chart.categoryAxis.categoryNames = [enum_label(e.TaskCategory, c).vi for c in codes]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 9
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.reverseDirection = 1
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 9
    _scale(chart.valueAxis, max([*available, *spent, 0.001]), whole=False)
    chart.valueAxis.labelTextFormat = lambda v: (
        f"{v:,.0f}".replace(",", ".") if v >= 1 else f"{v:g}".replace(".", ",")
    )
    chart.bars[0].fillColor = PALETTE[1]
    chart.bars[1].fillColor = PALETTE[0]
    chart.bars[0].strokeColor = None
    chart.bars[1].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 165, 10
    legend.fontName = FONT
    legend.fontSize = 9
    legend.columnMaximum = 1
    legend.deltax = 140
    legend.colorNamePairs = [(PALETTE[1], "Dự toán sau điều chỉnh"), (PALETTE[0], "Lũy kế chi")]
    drawing.add(legend)
    drawing.add(
        String(width - 10, height - 10, "Đơn vị: triệu đồng", fontName=FONT, fontSize=9, textAnchor="end")
    )
    return drawing


def coverage_by_sentiment(figures: dict[str, Any], width: float) -> Drawing:
    counts = figures["coverage"]["by_sentiment"]
    total = sum(counts.values())
    height = 150
    drawing = Drawing(width, height)
    if total == 0:
        return _empty(drawing, width, height)
    codes = [c for c in counts if counts[c] > 0]
    pie = Pie()
    pie.x, pie.y = width / 2 - 170, 15
    pie.width = pie.height = 120
    pie.data = [counts[c] for c in codes]
    pie.labels = None
    pie.sideLabels = 0
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 1
    for index, code in enumerate(codes):
        pie.slices[index].fillColor = SENTIMENT_COLOURS[code]
    drawing.add(pie)
    legend = Legend()
    legend.x, legend.y = width / 2 - 20, 100
    legend.fontName = FONT
    legend.fontSize = 10
    legend.columnMaximum = 3
    legend.deltay = 16
    legend.colorNamePairs = [
        (
            SENTIMENT_COLOURS[c],
            f"{enum_label(e.Sentiment, c).vi}: {group_thousands(counts[c])} ({ratio_text(counts[c], total)})",
        )
        for c in counts
    ]
    drawing.add(legend)
    return drawing
