"""The commdesk command: help, version, backup and restore."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.cli import main
from app.paths import backup_dir, database_path
from app.services import open_services
from tests.conftest import OFFICE


def journalist_names(folder: Path) -> list[str]:
    services = open_services(folder)
    try:
        return sorted(j.full_name for j in services.journalists.list())
    finally:
        services.close()


def test_help_lists_the_commands() -> None:
    script = Path(sys.executable).with_name("commdesk")
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for command in ("demo", "backup", "restore", "--data-dir"):
        assert command in result.stdout


def test_python_m_app_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"CommDesk {__version__}"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    services = open_services(data, actor="tester")
    services.offices.set_up(dict(OFFICE))
    services.journalists.create({"full_name": "Nguyễn Văn Sao Lưu"})
    services.close()
    return data


def test_backup_and_restore_round_trip(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert main(["--data-dir", str(folder), "backup", "--out", str(copy)]) == 0
    assert copy.is_file()
    services = open_services(folder)
    services.journalists.create({"full_name": "Trần Thị Mới"})
    services.close()
    assert journalist_names(folder) == ["Nguyễn Văn Sao Lưu", "Trần Thị Mới"]

    assert main(["--data-dir", str(folder), "restore", str(copy)]) == 0
    assert journalist_names(folder) == ["Nguyễn Văn Sao Lưu"]
    kept = sorted(backup_dir(folder).glob("pre-restore-*.sqlite3"))
    assert len(kept) == 1 and str(kept[0]) in capsys.readouterr().out
    connection = sqlite3.connect(kept[0])  # the replaced data is kept
    try:
        names = [r[0] for r in connection.execute("SELECT full_name FROM journalist ORDER BY full_name")]
    finally:
        connection.close()
    assert names == ["Nguyễn Văn Sao Lưu", "Trần Thị Mới"]


def test_restore_refuses_a_file_that_is_not_a_database(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("Đây không phải cơ sở dữ liệu\n" * 100, encoding="utf-8")
    assert main(["--data-dir", str(folder), "restore", str(bogus)]) == 2
    assert "không phải cơ sở dữ liệu CommDesk hợp lệ" in capsys.readouterr().err
    assert journalist_names(folder) == ["Nguyễn Văn Sao Lưu"]
    assert not list(backup_dir(folder).glob("pre-restore-*"))


def test_restore_refuses_a_database_from_a_newer_version(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newer = tmp_path / "newer.sqlite3"
    assert main(["--data-dir", str(folder), "backup", "--out", str(newer)]) == 0
    connection = sqlite3.connect(newer)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()
    services = open_services(folder)
    services.journalists.create({"full_name": "Lê Văn Sau"})
    services.close()
    capsys.readouterr()
    assert main(["--language", "en", "--data-dir", str(folder), "restore", str(newer)]) == 2
    assert "newer version of CommDesk" in capsys.readouterr().err
    assert journalist_names(folder) == ["Lê Văn Sau", "Nguyễn Văn Sao Lưu"]


def test_restore_refuses_a_missing_file_and_a_plain_sqlite_file(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(folder), "restore", str(tmp_path / "none.sqlite3")]) == 2
    assert "Không tìm thấy tệp" in capsys.readouterr().err
    other = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE t (x)")
    connection.close()
    assert main(["--data-dir", str(folder), "restore", str(other)]) == 2
    assert capsys.readouterr().err.startswith("commdesk: ")
    assert journalist_names(folder) == ["Nguyễn Văn Sao Lưu"]
    assert database_path(folder).is_file()
