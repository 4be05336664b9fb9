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


def test_search_index_can_be_rebuilt_after_vacuum(tmp_path: Path) -> None:
    import sqlite3

    from app.db import rebuild_search_index

    services = open_services(tmp_path)
    try:
        for number in range(30):
            row = services.journalists.create({"full_name": f"Vũ Văn Số {number}"})
            if number % 3 == 1:
                services.journalists.delete(row.id)
        services.db.engine.dispose()
        raw = sqlite3.connect(database_path(tmp_path), isolation_level=None)
        raw.execute("DELETE FROM journalist WHERE deleted_at IS NOT NULL")  # no trigger needs fold()
        raw.execute("VACUUM")
        raw.close()
        rebuild_search_index(services.db.engine)
        assert services.journalists.count(search="vu van so") == 20
        names = [j.full_name for j in services.journalists.list(search="vu van so 2")]
        assert names == [f"Vũ Văn Số {n}" for n in (2, 20, 21, 23, 24, 26, 27, 29)]
    finally:
        services.close()
