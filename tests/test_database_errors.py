"""Read-only, full, unreachable and failing databases are told apart, each with its own message;
the planner statistics that keep queries on the partial indexes fast are kept."""

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from sqlalchemy import text

from app.db import classify_sqlite_error, make_engine, open_database, refresh_planner_statistics
from app.errors import DatabaseUnavailable
from app.services import open_services
from app.ui.database_problem import DatabaseProblemDialog


def _sqlite_error(statements: list[str], database: Path) -> sqlite3.Error:
    connection = sqlite3.connect(database, isolation_level=None)
    try:
        for statement in statements:
            connection.execute(statement)
    except sqlite3.Error as exc:
        return exc
    finally:
        connection.close()
    raise AssertionError("the statements were expected to fail")


def test_a_write_to_a_read_only_database_is_read_only(tmp_path) -> None:
    error = _sqlite_error(
        ["CREATE TABLE t (x)", "PRAGMA query_only = ON", "INSERT INTO t VALUES (1)"], tmp_path / "ro.sqlite3"
    )
    unavailable = classify_sqlite_error(error, tmp_path / "ro.sqlite3")
    assert unavailable is not None and unavailable.kind == "read_only"
    assert "read-only" in unavailable.message.en and "chỉ cho phép đọc" in unavailable.message.vi


def test_a_full_database_says_free_space_and_not_a_failing_disk(tmp_path) -> None:
    error = _sqlite_error(
        [
            "PRAGMA max_page_count = 3",
            "CREATE TABLE t (x)",
            "INSERT INTO t VALUES (zeroblob(100000))",
        ],
        tmp_path / "full.sqlite3",
    )
    unavailable = classify_sqlite_error(error, tmp_path / "full.sqlite3")
    assert unavailable is not None and unavailable.kind == "full"
    assert "full" in unavailable.message.en and "failing" not in unavailable.message.en


def test_a_disk_io_error_is_not_called_a_full_disk(tmp_path) -> None:
    unavailable = classify_sqlite_error(sqlite3.OperationalError("disk I/O error"), tmp_path / "x.sqlite3")
    assert unavailable is not None and unavailable.kind == "io_error"
    assert "free" not in unavailable.message.en.lower()
    assert "lỗi khi đọc hoặc ghi" in unavailable.message.vi


def test_a_data_file_that_cannot_be_opened_is_reported_not_raised_raw(tmp_path) -> None:
    where = tmp_path / "commdesk.sqlite3"
    where.mkdir()  # a folder where the file should be: SQLite cannot open it
    with pytest.raises(DatabaseUnavailable) as caught:
        open_database(where)
    assert caught.value.kind == "cannot_open"
    assert str(where) in caught.value.message.en and str(where) in caught.value.message.vi


def test_unrelated_errors_are_left_to_the_crash_dialog(tmp_path) -> None:
    assert classify_sqlite_error(sqlite3.OperationalError("no such table: x"), tmp_path / "x") is None


@pytest.mark.parametrize("kind", ["cannot_open", "io_error"])
def test_the_problem_dialog_advises_and_offers_a_backup(qtbot, tmp_path, kind) -> None:
    unavailable = classify_sqlite_error(
        sqlite3.OperationalError(
            {"cannot_open": "unable to open database file", "io_error": "disk I/O error"}[kind]
        ),
        tmp_path / "commdesk.sqlite3",
    )
    assert unavailable is not None
    dialog = DatabaseProblemDialog(unavailable, tmp_path / "commdesk.sqlite3", at_start=True)
    qtbot.addWidget(dialog)
    assert dialog.retry_button is not None and dialog.restore_button is not None
    advice = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "drive" in advice or "ổ" in advice  # English, or Vietnamese when a translator is installed


def _statistics_rows(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        exists = connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()
        return connection.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0] if exists else 0


def test_demo_data_leaves_the_planner_its_statistics(tmp_path) -> None:
    from app.services.demo import generate

    services = open_services(tmp_path, actor="test")
    try:
        generate(services, scale="small", seed=3)
    finally:
        services.close()
    assert _statistics_rows(tmp_path / "commdesk.sqlite3") > 0


def test_a_database_without_statistics_gets_them_when_opened(tmp_path) -> None:
    path = tmp_path / "data.sqlite3"
    engine = make_engine(path)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (x INTEGER)"))
        connection.execute(text("CREATE INDEX ix_t ON t (x)"))
        for value in range(50):
            connection.execute(text("INSERT INTO t VALUES (:v)"), {"v": value})
    assert _statistics_rows(path) == 0
    refresh_planner_statistics(engine, only_if_missing=True)
    assert _statistics_rows(path) > 0
    engine.dispose()
