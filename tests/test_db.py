"""The local database file: where it is, whatever the folder is called."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db import _declared_head, head_revision
from app.paths import database_path
from app.services import open_services


@pytest.mark.parametrize("folder", ["Nguyễn Văn A", "Đặng Thị Ánh (Sở TT)", "a%20b", "c#d", "e?f=1", "g h"])
def test_data_folder_names_are_taken_literally(tmp_path: Path, folder: str) -> None:
    data = tmp_path / folder / "CommDesk"
    services = open_services(data, actor="tester")
    try:
        services.units.create({"name": "Sở Nội vụ", "kind": "department"})
    finally:
        services.close()
    assert database_path(data).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]  # nothing created elsewhere
    again = open_services(data)
    try:
        assert [u.name for u in again.units.list()] == ["Sở Nội vụ"]
    finally:
        again.close()


def test_head_read_from_the_files_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    from app.db import alembic_config

    assert _declared_head() is not None
    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()
