"""The planner never keeps statistics of the search indexes' own tables (they made bulk inserts
quadratic: a stale row count turned FTS5's rowid-range deletes into full scans)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.db import open_database, refresh_planner_statistics

SEGMENT_DELETE = "DELETE FROM journalist_fts_data WHERE id >= 1 AND id <= 2"


def _shadow_statistics(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [
            tbl
            for (tbl,) in connection.execute(
                "SELECT tbl FROM sqlite_stat1 WHERE tbl LIKE '%\\_fts\\_%' ESCAPE '\\'"
            )
        ]


def _segment_delete_plan(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return " ".join(row[3] for row in connection.execute(f"EXPLAIN QUERY PLAN {SEGMENT_DELETE}"))


def test_a_new_database_has_no_statistics_for_search_index_tables(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    db = open_database(path)
    refresh_planner_statistics(db.engine)
    db.close()
    assert _shadow_statistics(path) == []
    assert "INTEGER PRIMARY KEY" in _segment_delete_plan(path)


def test_statistics_left_by_an_earlier_version_are_dropped_at_start(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    open_database(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO sqlite_stat1 VALUES ('journalist_fts_data', NULL, '2')")
        connection.execute(
            "INSERT INTO sqlite_stat1 VALUES ('activity_fts_config', 'activity_fts_config', '1 1')"
        )
    assert "SCAN journalist_fts_data" in _segment_delete_plan(path)
    db = open_database(path)
    with db.engine.connect() as connection:
        plan = " ".join(row[3] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {SEGMENT_DELETE}"))
    db.close()
    assert "INTEGER PRIMARY KEY" in plan
    assert _shadow_statistics(path) == []
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0] > 0  # the rest kept
