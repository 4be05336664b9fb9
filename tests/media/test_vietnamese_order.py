"""Vietnamese alphabetical order of every list, whoever wrote the rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from app.db import alembic_config, make_engine, open_database
from app.models.sort_keys import SORT_SOURCES
from app.services import Services
from app.services.demo import generate
from app.text import sort_key
from tests.media.helpers import agency, journalist

# The Vietnamese alphabet: a ă â b c d đ e ê ... o ô ơ ... u ư ...; tones and case only break ties.
IN_ORDER = [
    "an",
    "An",
    "Án",
    "Anh",
    "Ăn",
    "Âu Cơ",
    "Bùi Thị Xuân",
    "Dương Văn Minh",
    "Đặng Thùy Trâm",
    "Đỗ Mười",
    "Giang Văn Minh",
    "Lê Lợi",
    "Ông Ích Khiêm",
    "Phạm Văn Đồng",
    "Ưng Hoàng Phúc",
    "Vũ Trọng Phụng",
    "Vương Thừa Vũ",
]
SHUFFLED = [IN_ORDER[i] for i in (9, 16, 0, 8, 12, 3, 15, 1, 6, 11, 4, 14, 2, 10, 7, 13, 5)]


def test_sort_key_follows_the_vietnamese_alphabet() -> None:
    assert sorted(SHUFFLED, key=sort_key) == IN_ORDER
    assert sort_key("Dương") < sort_key("Đặng") < sort_key("Giang")
    for a, b in [("a", "A"), ("A", "Á"), ("a", "à"), ("à", "ả"), ("ả", "ã"), ("ã", "á"), ("á", "ạ")]:
        assert sort_key(a) < sort_key(b)
    # Tones and case never outweigh a letter: "Á" and "an" stay beside "A" and "An".
    assert sorted(["B", "Á", "a", "Ab", "A"], key=sort_key) == ["a", "A", "Á", "Ab", "B"]
    # The same name typed decomposed, or with extra spaces, has the same key.
    assert sort_key("Nguye\u0302\u0303n  Văn A ") == sort_key("Nguyễn Văn A")
    assert sort_key("") == sort_key(None) == ""


def _names(rows: list) -> list[str]:
    return [getattr(row, "full_name", None) or row.name for row in rows]


@pytest.mark.parametrize("kind", ["journalists", "agencies", "staff"])
def test_lists_are_in_vietnamese_order_both_ways_and_by_page(services: Services, kind: str) -> None:
    service = getattr(services, kind)
    for name in SHUFFLED:
        if kind == "agencies":
            agency(services, name)
        else:
            service.create({"full_name": name})
    assert _names(service.list()) == IN_ORDER
    assert _names(service.list(descending=True)) == IN_ORDER[::-1]
    pages = [service.page(page_size=5, page_number=n).rows for n in range(4)]
    assert _names([row for page in pages for row in page]) == IN_ORDER
    assert service.page(page_size=5, page_number=1).total == len(IN_ORDER)
    ids = service.ids(descending=True)
    assert _names([service.get(row_id) for row_id in ids]) == IN_ORDER[::-1]
    # A search answered from the index alone keeps the same order.
    with_van = ["Dương Văn Minh", "Giang Văn Minh", "Phạm Văn Đồng"]
    assert _names(service.list(search="van")) == with_van
    assert _names(service.list(search="van", descending=True)) == with_van[::-1]
    assert _names(service.list(search="van", limit=2, offset=1)) == with_van[1:]


def test_renaming_moves_the_row(services: Services) -> None:
    row = journalist(services, "Vũ Văn A")
    journalist(services, "Dương Thị B")
    journalist(services, "Giang Văn C")
    services.journalists.update(row.id, {"full_name": "Đặng Văn A"})
    assert _names(services.journalists.list()) == ["Dương Thị B", "Đặng Văn A", "Giang Văn C"]


def test_other_text_columns_and_the_agency_column_sort_the_same_way(services: Services) -> None:
    titles = ["Phóng viên", "Biên tập viên", "Đạo diễn", "Dẫn chương trình", "ảnh"]
    papers = {name: agency(services, name) for name in ("Báo Đồng Nai", "Báo Dân trí", "Báo Điện Biên")}
    for i, title in enumerate(titles):
        journalist(services, f"Người {i}", title=title, agency_id=list(papers.values())[i % 3].id)
    assert [row.title for row in services.journalists.list(order_by="title")] == [
        "ảnh",
        "Biên tập viên",
        "Dẫn chương trình",
        "Đạo diễn",
        "Phóng viên",
    ]
    by_agency = services.journalists.list(order_by="agency")
    names = {row.id: name for name, row in papers.items()}
    assert [names[row.agency_id] for row in by_agency] == [
        "Báo Dân trí",
        "Báo Dân trí",
        "Báo Điện Biên",
        "Báo Đồng Nai",
        "Báo Đồng Nai",
    ]
    assert [name for _id, name in services.agencies.names()] == [
        "Báo Dân trí",
        "Báo Điện Biên",
        "Báo Đồng Nai",
    ]


def test_imported_rows_get_their_key(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "danh_ba.csv"
    path.write_text(
        "Họ và tên,Email\n" + "".join(f"{name},{i}@bao.vn\n" for i, name in enumerate(SHUFFLED)),
        encoding="utf-8",
    )
    _plan, result = services.contacts_import.import_file(path, good_rows=True)
    assert result.imported == len(SHUFFLED)
    assert _names(services.journalists.list()) == IN_ORDER
    _assert_keys_current(services)


def test_demo_rows_get_their_key(bare_services: Services) -> None:
    generate(bare_services, "small", seed=5)
    _assert_keys_current(bare_services)
    names = _names(bare_services.journalists.list(limit=200))
    assert names == sorted(names, key=sort_key)


def _assert_keys_current(services: Services) -> None:
    with services.db.session() as session:
        for table, source in SORT_SOURCES.items():
            rows = session.execute(text(f"SELECT {source}, name_key FROM {table}")).all()
            assert all(key == sort_key(name) for name, key in rows), table


def test_migration_fills_keys_and_other_connections_still_work(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    engine = make_engine(path)
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0008_reference")
        for i, name in enumerate(SHUFFLED):
            connection.execute(
                text(
                    "INSERT INTO journalist (id, office_id, updated_at, updated_hlc, updated_by, full_name,"
                    " title, press_card_number, resident_correspondent, beats, phones, emails,"
                    " do_not_contact, do_not_contact_reason, notes)"
                    " VALUES (:id, 'o', '2026-01-01 00:00:00', '', '', :name, '', '', 0, '', '', '', 0, '', '')"
                ),
                {"id": f"j{i:02d}", "name": name},
            )
        connection.execute(
            text(
                "INSERT INTO activity (id, office_id, updated_at, updated_hlc, updated_by, type, nature, status,"
                " title, description, starts_at, all_day, location, mode, planned_cost, actual_cost, rrule,"
                " exdates, ical_uid)"
                " VALUES ('a1', 'o', '2026-01-01 00:00:00', '', '', 'other', 'regular', 'planned', 'Họp',"
                " '', '2026-01-01 00:00:00', 0, '', 'in_person', 4000000000, 0, '', '', '')"
            )
        )
    engine.dispose()
    open_database(path).close()  # migrates to head

    # A plain connection, without the application's functions: the schema must not need them.
    plain = sqlite3.connect(path)
    try:
        assert plain.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        plan = " ".join(
            str(r[-1])
            for r in plain.execute(
                "EXPLAIN QUERY PLAN SELECT full_name FROM journalist WHERE deleted_at IS NULL ORDER BY name_key, id"
            )
        )
        assert "ix_journalist_live_order" in plan
        names = plain.execute(
            "SELECT full_name FROM journalist WHERE deleted_at IS NULL ORDER BY name_key, id"
        ).fetchall()
        assert [n for (n,) in names] == IN_ORDER
        assert plain.execute("SELECT planned_cost FROM activity").fetchone()[0] == 4_000_000_000
        declared = plain.execute("SELECT sql FROM sqlite_master WHERE name = 'activity'").fetchone()[0]
        assert "planned_cost BIGINT" in declared and "actual_cost BIGINT" in declared
    finally:
        plain.close()


VIETNAMESE_LETTERS = (
    "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
)
ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _reference(text_value: str) -> tuple:
    """The order spelled out: letters by the alphabet, then tones, then case; the rest by code point."""
    import unicodedata

    units, tones, cases = [], [], []
    for char in " ".join(text_value.split()):
        lower = char.lower()
        decomposed = unicodedata.normalize("NFD", lower)
        tone = next((TONES[m] for m in decomposed[1:] if m in TONES), 0)
        plain = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in TONES))
        if plain in ALPHABET:
            base = "d" if plain == "đ" else unicodedata.normalize("NFD", plain)[0]
            units.append((ord(base), ALPHABET.index(plain)))
            tones.append(tone)
            cases.append(int(char != lower))
        else:
            units.append((ord(char), -1))
    return units, tones, cases


chars = st.sampled_from(VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + "  -.0129")


@given(st.lists(st.text(chars, max_size=12), min_size=2, max_size=30))
def test_sort_key_matches_the_spelled_out_order(texts: list[str]) -> None:
    assert sorted(texts, key=sort_key) == sorted(texts, key=lambda t: (_reference(t), sort_key(t)))
    for a in texts:
        for b in texts:
            if _reference(a) == _reference(b):
                assert sort_key(a) == sort_key(b)
