"""Monitoring: the tone suggestion's accuracy on the labelled headlines, and the trend
aggregates over the 100k coverage items of the large data set (target: <= 200 ms).

Accuracy is printed with its confusion matrix for the labelled set (333 headlines, the one the
lexicon was tuned on) and for the held-out set (89 headlines written after tuning, never used
for it: the honest figure). Trend timings are medians; the reference ("physical limit") is a
plain sqlite3 count over the same covering index, i.e. reading the rows without grouping.
"""

from __future__ import annotations

import sqlite3
import statistics
from datetime import timedelta
from pathlib import Path

from bench.common import Measurement, large_dataset, percentile, timings_ms, working_copy

TARGET_MS = 200.0
REPEAT = 9
DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def _accuracy() -> list[Measurement]:
    from app.services.sentiment import evaluate, read_labelled

    measurements = []
    for name, file, target in (
        ("labelled set", "sentiment_headlines_vi.tsv", 90.0),
        ("held-out set", "sentiment_holdout_vi.tsv", 72.0),
    ):
        result = evaluate(read_labelled(DATA / file))
        print(f"\nTone suggestion, {name}: {result.correct}/{result.total} = {result.accuracy:.1%}")
        print(result.confusion_table())
        measurements.append(
            Measurement(
                f"monitoring: tone accuracy, {name} ({result.total})",
                round(result.accuracy * 100, 1),
                "%",
                target,
                higher_is_better=True,
                details={f"recall_{label}": round(result.recall(label) * 100, 1) for label in result.labels},
            )
        )
    return measurements


def _trends() -> list[Measurement]:
    from app.services import open_services
    from app.services.demo import DEMO_TODAY

    folder = working_copy(large_dataset(), "monitoring")
    services = open_services(folder, actor="bench")  # applies the migrations (covering indexes)
    trends = services.trends
    items = services.coverage.count()
    top_topic = trends.topic_totals()[0].topic_id
    quarter_start = DEMO_TODAY - timedelta(days=91)
    cases = {
        "weekly counts by tone, all 10 years": lambda: trends.series("week"),
        "daily counts by tone, all 10 years": lambda: trends.series("day"),
        "weekly counts of the busiest topic, 10 years": lambda: trends.series("week", topic_id=top_topic),
        "counts per topic and tone, last quarter": lambda: trends.topic_totals(quarter_start, DEMO_TODAY),
        "counts per topic and tone, 10 years": lambda: trends.topic_totals(),
        "current warnings (all topics, with activities)": lambda: trends.current_warnings(DEMO_TODAY),
    }
    measurements = []
    connection = sqlite3.connect(services.db.path)
    physical = timings_ms(
        lambda: connection.execute(
            "SELECT count(*), count(sentiment) FROM coverage_item WHERE deleted_at IS NULL AND published_at >= '1900'"
        ).fetchone(),
        REPEAT,
    )
    limit = statistics.median(physical)
    for label, operation in cases.items():
        samples = timings_ms(operation, REPEAT)
        median = statistics.median(samples)
        measurements.append(
            Measurement(
                f"monitoring: {label}",
                round(median, 1),
                "ms",
                TARGET_MS,
                details={
                    "p90_ms": round(percentile(samples, 90), 1),
                    "coverage_items": items,
                    "reference_scan_ms": round(limit, 1),
                    "ratio_to_scan": round(median / limit, 1) if limit else "",
                },
            )
        )
    warnings = trends.warnings_between(DEMO_TODAY - timedelta(days=365), DEMO_TODAY)
    print(f"\n{items} coverage items; {len(warnings)} warning episodes in the last year of the demo data")
    connection.close()
    services.close()
    return measurements


def run() -> list[Measurement]:
    return _accuracy() + _trends()
