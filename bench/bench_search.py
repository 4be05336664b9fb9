"""Accent-insensitive search per keystroke over the 20k journalists of the large set (DESIGN.md §5).

"nguyen van hung" is typed one character at a time; each keystroke runs what the journalist
list runs: the number of matches and the first page of ids in list order. The time per
keystroke is p50 / p95 over several passes (target p95 ≤ 30 ms).
"""

from __future__ import annotations

from app.text import fold
from bench.common import Measurement, large_dataset, percentile, timings_ms, working_copy

QUERY = "nguyen van hung"
PAGE = 100
PASSES = 20
TARGET_P95_MS = 30.0


def run() -> list[Measurement]:
    from app.services import open_services

    services = open_services(working_copy(large_dataset(), "search"), actor="bench")
    try:
        journalists = services.journalists
        total = journalists.count()
        prefixes = [QUERY[: n + 1] for n in range(len(QUERY))]

        def keystroke(text: str) -> None:
            journalists.count(search=text)
            journalists.ids(search=text, limit=PAGE)

        samples: list[float] = []
        for text in prefixes:
            samples.extend(timings_ms(lambda text=text: keystroke(text), repeat=PASSES))
        worst = max(
            prefixes, key=lambda t: percentile(timings_ms(lambda: keystroke(t), repeat=3, warmup=0), 50)
        )
        found = journalists.count(search=QUERY)
        names = {fold(row.full_name) for row in journalists.list(search=QUERY, limit=PAGE)}
        assert QUERY in names, "the large set should hold a Nguyễn Văn Hùng"
        p50, p95 = percentile(samples, 50), percentile(samples, 95)
        details: dict[str, float | str] = {
            "journalists": total,
            "keystrokes": len(prefixes),
            "samples": len(samples),
            "matches_for_full_query": found,
            "slowest_prefix": worst,
        }
        return [
            Measurement(
                "search: journalists per keystroke p95", p95, "ms", target=TARGET_P95_MS, details=details
            ),
            Measurement("search: journalists per keystroke p50", p50, "ms"),
        ]
    finally:
        services.close()
