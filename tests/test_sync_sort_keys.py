"""Rows that arrive by sync take their place in the Vietnamese order of the lists."""

from __future__ import annotations

from sqlalchemy import text
from sync_harness import (  # noqa: F401  (fixtures)
    Harness,
    harness_fixture,
    live_server_fixture,
    memory_keyring_fixture,
    quick_argon2_fixture,
    rows_of,
    server_kind_fixture,
)

from app.text import sort_key

NAMES = ["Vũ Văn Bình", "Đặng Thị Hoa", "Giang Minh", "Dương Quốc Anh", "an Nhiên", "An Khang"]
IN_ORDER = ["An Khang", "an Nhiên", "Dương Quốc Anh", "Đặng Thị Hoa", "Giang Minh", "Vũ Văn Bình"]


def test_pulled_rows_get_their_sort_key(harness: Harness) -> None:
    a = harness.desk("an", set_up=True)
    b = harness.desk("binh")
    for name in NAMES:
        a.services.journalists.create({"full_name": name})
        a.services.staff.create({"full_name": name})
    renamed = a.services.agencies.create({"name": "Báo Vĩnh Long", "kind": "newspaper", "level": "local"})
    a.ok_round()
    b.ok_round()
    assert [j.full_name for j in b.services.journalists.list()] == IN_ORDER
    assert [s.full_name for s in b.services.staff.list(descending=True)] == IN_ORDER[::-1]
    a.services.agencies.update(renamed.id, {"name": "Báo Đắk Lắk"})
    a.services.agencies.create({"name": "Báo Dân tộc và Phát triển", "kind": "newspaper", "level": "central"})
    a.ok_round()
    b.ok_round()
    assert [x.name for x in b.services.agencies.list()] == ["Báo Dân tộc và Phát triển", "Báo Đắk Lắk"]
    with b.services.db.session() as session:
        keys = session.execute(text("SELECT full_name, name_key FROM journalist")).all()
        assert keys and all(key == sort_key(name) for name, key in keys)
    # The key is made on each desk and never travels: both desks hold the same rows.
    assert rows_of(a.services, "journalist") == rows_of(b.services, "journalist")
    b.ok_round()
