"""Pulled rows reach the search index in one statement per page, and search stays exact."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sync_harness import (  # noqa: F401  (fixtures)
    Harness,
    harness_fixture,
    live_server_fixture,
    memory_keyring_fixture,
    quick_argon2_fixture,
    server_kind_fixture,
)

from app.db import search_index_in_one_go
from app.services import Services


def _index_writes(services: Services) -> list[str]:
    """Statements the application itself sends that write the journalist search index."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("INSERT INTO journalist_fts"):
            seen.append(statement)

    event.listen(services.db.engine, "before_cursor_execute", record)
    return seen


def test_pulled_journalists_are_indexed_in_one_statement_and_found(harness: Harness) -> None:
    a = harness.desk("an", set_up=True)
    b = harness.desk("binh")
    hung = a.services.journalists.create({"full_name": "Nguyễn Văn Hùng", "beats": "Giao thông"})
    mai = a.services.journalists.create({"full_name": "Đặng Thị Mai", "emails": "mai@baodanang.vn"})
    gone = a.services.journalists.create({"full_name": "Trần Văn Hưng"})
    a.services.journalists.delete(gone.id)
    a.ok_round()
    writes = _index_writes(b.services)
    b.ok_round()
    assert len(writes) == 1  # one set-wise statement, not the insert trigger once per row
    names = lambda q: sorted(r.id for r in b.services.journalists.list(search=q))  # noqa: E731
    assert names("nguyen van hung") == [hung.id]
    assert names("giao thong") == [hung.id]
    assert names("baodanang") == [mai.id]
    assert names("tran van") == []
    assert b.services.journalists.count(search="hu") == 1

    # Later pulls of changed rows and rows made here keep the index exact (triggers are back).
    a.services.journalists.update(hung.id, {"full_name": "Nguyễn Văn Hải"})
    a.ok_round()
    b.ok_round()
    local = b.services.journalists.create({"full_name": "Lê Thị Hoa"})
    assert names("hung") == []
    assert names("nguyen van hai") == [hung.id]
    assert names("le thi hoa") == [local.id]
    assert names("h") == sorted([hung.id, local.id])


def test_a_row_inserted_then_changed_in_the_block_is_indexed_once(services: Services) -> None:
    first = services.journalists.create({"full_name": "Phạm Thu Trang"})
    with services.db.engine.begin() as connection:
        with search_index_in_one_go(connection, "journalist"):
            connection.exec_driver_sql(
                "INSERT INTO journalist(id, office_id, full_name, title, press_card_number, "
                "resident_correspondent, beats, phones, emails, do_not_contact, do_not_contact_reason, "
                "notes, updated_at, updated_hlc, updated_by) SELECT 'j-new', office_id, 'Võ Minh Tuấn', "
                "'', '', 0, '', '', '', 0, '', '', updated_at, updated_hlc, updated_by FROM journalist "
                "WHERE id = ?",
                (first.id,),
            )
            # The update trigger indexes the new row already; the end of the block must not again.
            connection.exec_driver_sql("UPDATE journalist SET full_name = 'Võ Minh Tâm' WHERE id = 'j-new'")
        entries = connection.exec_driver_sql("SELECT body FROM journalist_fts WHERE id = 'j-new'").all()
    assert [body.split() for (body,) in entries] == [["vo", "minh", "tam"]]
    assert [r.id for r in services.journalists.list(search="vo minh tam")] == ["j-new"]
    assert services.journalists.list(search="tuan") == []
    assert [r.id for r in services.journalists.list(search="pham thu")] == [first.id]
