"""Calendar: the month view with its items ready (DESIGN.md §5: <= 50 ms) and a lazy year agenda.

"Ready" means everything the person waits for: the occurrences of the six visible weeks read
and expanded (series included), laid out in the grid, and painted once. The physical limit
measured in the same run is a bare SQL read of the same weeks' activity rows.
"""

from __future__ import annotations

import os
from datetime import date, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import Measurement, large_dataset, percentile, timings_ms, working_copy


def run() -> list[Measurement]:
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import func, select, text

    from app.models import Activity
    from app.services import open_services
    from app.ui.calendar.common import add_months, at_local
    from app.ui.calendar.month_view import MonthView

    app = QApplication.instance() or QApplication([])
    folder = working_copy(large_dataset(), "calendar")
    services = open_services(folder, actor="bench")
    try:
        with services.db.session() as session:
            total = int(session.scalar(select(func.count()).select_from(Activity)) or 0)
            last = session.scalar(select(func.max(Activity.starts_at)))
        assert last is not None
        newest = last.date()
        months = [add_months(newest.replace(day=1), -i) for i in range(1, 25)]
        view = MonthView()
        view.resize(1000, 700)
        counts: list[int] = []

        def month_ready(day: date) -> None:
            view.set_month(day.year, day.month)
            first, end = view.visible_range()
            found = services.calendar.occurrences(at_local(first), at_local(end))
            view.set_occurrences(found)
            view.grab()  # paint once, as the screen would
            counts.append(len(found))

        samples: list[float] = []
        for month in months:
            samples += timings_ms(lambda m=month: month_ready(m), repeat=3, warmup=1)

        def raw_read(day: date) -> None:
            first = day.replace(day=1) - timedelta(days=7)
            with services.db.engine.connect() as connection:
                connection.execute(
                    text(
                        "SELECT * FROM activity WHERE starts_at >= :a AND starts_at < :b AND deleted_at IS NULL"
                    ),
                    {"a": first.isoformat(), "b": (first + timedelta(days=42)).isoformat()},
                ).fetchall()

        raw: list[float] = []
        for month in months:
            raw += timings_ms(lambda m=month: raw_read(m), repeat=3, warmup=1)

        # The agenda loads a month at a time as it scrolls: the cost of each step, over a year.
        year = newest.year - 1
        chunks: list[float] = []
        rows = 0
        for index in range(12):
            start = date(year, 1, 1)
            chunk_start = add_months(start, index)
            chunk_end = add_months(start, index + 1)

            def load(a: date = chunk_start, b: date = chunk_end) -> int:
                return len(services.calendar.occurrences(at_local(a), at_local(b)))

            chunks += timings_ms(load, repeat=3, warmup=1)
            rows += load()
        del app
    finally:
        services.close()
    median = percentile(samples, 50)
    floor = max(percentile(raw, 50), 0.01)
    return [
        Measurement(
            "calendar: month view with items ready, median",
            median,
            "ms",
            target=50,
            details={
                "p95_ms": round(percentile(samples, 95), 2),
                "items_per_month_median": sorted(counts)[len(counts) // 2],
                "activities": total,
                "months": len(months),
                "raw_sql_read_ms": round(floor, 2),
                "ratio_to_raw_read": round(median / floor, 1),
            },
        ),
        Measurement("calendar: month view with items ready, p95", percentile(samples, 95), "ms", target=50),
        Measurement(
            "calendar: agenda, one month loaded while scrolling, p95",
            percentile(chunks, 95),
            "ms",
            target=50,
            details={"year": year, "rows_in_year": rows, "max_ms": round(max(chunks), 2)},
        ),
    ]
