"""Gathering the Dashboard on the large data set (target: under 1 s, so it never keeps staff waiting)."""

from __future__ import annotations

import statistics

from bench.common import Measurement, large_dataset, timings_ms, working_copy


def run() -> list[Measurement]:
    from app.reports.dashboard import DashboardData, gather
    from app.services import open_services

    folder = working_copy(large_dataset(), "dashboard")
    services = open_services(folder, actor="bench")
    seen: list[DashboardData] = []
    try:
        samples = timings_ms(lambda: seen.append(gather(services)), repeat=5)
    finally:
        services.close()
    data = seen[-1]
    details: dict[str, float | str] = {
        "week_count": data.week_count,
        "overdue_count": data.overdue_count,
        "replies_overdue": data.coverage_replies_overdue,
        "warnings": len(data.warnings),
        "worst_compliance": data.worst_state,
    }
    return [
        Measurement("dashboard: gather (large set)", statistics.median(samples), "ms", 1000, details=details)
    ]
