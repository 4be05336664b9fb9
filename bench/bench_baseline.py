"""The physical limit for the sync benchmark: a raw executemany of 100k rows into plain SQLite.

Same connection settings as the app (WAL, synchronous NORMAL), one transaction, rows shaped
like a synced record (text UUID key, office, timestamps, a few text and number columns).
The sync benchmark compares an initial sync of 100k rows against this figure (≤ 10×).
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import uuid

from bench.common import CACHE, Measurement, timings_ms

ROWS = 100_000
REPEAT = 3

SCHEMA = """
CREATE TABLE baseline (
    id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL,
    version INTEGER,
    updated_at TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted_at TEXT,
    headline TEXT NOT NULL,
    published_at TEXT NOT NULL,
    sentiment TEXT NOT NULL,
    reach INTEGER
)
"""


def baseline_rows(count: int = ROWS, seed: int = 1) -> list[tuple[object, ...]]:
    rng = random.Random(seed)
    office = str(uuid.UUID(int=rng.getrandbits(128)))
    return [
        (
            str(uuid.UUID(int=rng.getrandbits(128))),
            office,
            n + 1,
            "2026-11-16 02:30:00.000000",
            f"{1_700_000_000_000 + n:015d}-00000-demo",
            "bench",
            None,
            f"Tin bài số {n} về chính sách của tỉnh",
            "2026-11-15 08:00:00.000000",
            ("positive", "neutral", "negative")[n % 3],
            rng.randrange(100_000),
        )
        for n in range(count)
    ]


def insert_once(rows: list[tuple[object, ...]]) -> None:
    path = CACHE / "work" / "baseline.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute(SCHEMA)
        connection.execute("BEGIN")
        connection.executemany("INSERT INTO baseline VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        connection.execute("COMMIT")
    finally:
        connection.close()


def run() -> list[Measurement]:
    rows = baseline_rows()
    samples = timings_ms(lambda: insert_once(rows), repeat=REPEAT)
    best, median = min(samples), statistics.median(samples)
    return [
        Measurement(
            "baseline: raw executemany insert of 100k rows (median)",
            median,
            "ms",
            details={"rows": ROWS, "best_ms": round(best, 1), "rows_per_s": round(ROWS / (median / 1000))},
        )
    ]
