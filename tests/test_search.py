import pytest

from app.text import fold, fts_prefix_query, search_tokens


def test_fold_strips_tones_and_reads_d_bar_as_d() -> None:
    assert fold("Nguyễn Văn Hùng") == "nguyen van hung"
    assert fold("ĐẶNG Thị Ánh") == "dang thi anh"
    assert fold("Quảng Ngãi, Thừa Thiên Huế") == "quang ngai, thua thien hue"
    assert fold(None) == ""


def test_prefix_query_quotes_each_word() -> None:
    assert fts_prefix_query("Nguyễn vă") == '"nguyen"* "va"*'
    assert fts_prefix_query("  ,, ") == ""
    assert fts_prefix_query('a"b OR c') == '"a"* "b"* "or"* "c"*'


def test_journalist_search_is_accent_insensitive(services) -> None:
    services.journalists.create({"full_name": "Nguyễn Văn Hùng"})
    services.journalists.create({"full_name": "Đặng Thị Mai"})
    services.journalists.create({"full_name": "Trần Hưng"})
    names = lambda q: sorted(r.full_name for r in services.journalists.list(search=q))  # noqa: E731
    assert names("nguyen van hung") == ["Nguyễn Văn Hùng"]
    assert names("dang") == ["Đặng Thị Mai"]
    assert names("ĐẶNG") == ["Đặng Thị Mai"]
    assert names("hu") == ["Nguyễn Văn Hùng", "Trần Hưng"]
    assert names("hung tran") == ["Trần Hưng"]
    assert names("xyz") == []


def test_search_index_follows_edits_and_deletes(services) -> None:
    row = services.journalists.create({"full_name": "Lê Văn Tám"})
    services.journalists.update(row.id, {"full_name": "Lê Thị Tư"})
    assert services.journalists.list(search="tam") == []
    assert [r.id for r in services.journalists.list(search="le thi tu")] == [row.id]
    services.journalists.delete(row.id)
    assert services.journalists.list(search="le thi") == []
    assert services.journalists.count(search="le") == 0


def test_search_covers_agencies_staff_activities_and_coverage(services) -> None:
    services.agencies.create({"name": "Báo Đà Nẵng", "kind": "newspaper", "level": "local"})
    services.staff.create({"full_name": "Phạm Đức Thắng"})
    services.activities.create(
        {
            "type": "press_release",
            "nature": "regular",
            "status": "planned",
            "mode": "online",
            "title": "Thông cáo về đường sắt tốc độ cao",
            "starts_at": "2026-03-02T09:00:00+07:00",
        }
    )
    services.coverage.create(
        {
            "headline": "Người dân đồng tình với chính sách",
            "medium": "online",
            "published_at": "2026-03-02T09:00:00+07:00",
            "sentiment": "positive",
            "sentiment_source": "manual",
            "handling_status": "none",
        }
    )
    assert services.agencies.count(search="da nang") == 1
    assert services.staff.count(search="duc thang") == 1
    assert services.activities.count(search="duong sat toc do") == 1
    assert services.coverage.count(search="dong tinh") == 1


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Thừa Thiên–Huế", "thua thien–hue"),
        ("Ưu đãi ĐẦU TƯ", "uu dai dau tu"),
        ("Quỳnh Phước Nguyệt", "quynh phuoc nguyet"),
        ("Nguye\u0302\u0303n", "nguyen"),  # decomposed input (NFD), as some keyboards send it
        ("Bà Rịa – Vũng Tàu", "ba ria – vung tau"),
        ("Nghị định 09/2017/NĐ-CP", "nghi dinh 09/2017/nd-cp"),
        ("ỐC ĐẢO", "oc dao"),
        ("", ""),
    ],
)
def test_fold_more_cases(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_search_tokens_split_on_punctuation() -> None:
    assert search_tokens("Nghị định 09/2017/NĐ-CP") == ["nghi", "dinh", "09", "2017", "nd", "cp"]
    assert search_tokens("hoa@nhandan.vn") == ["hoa", "nhandan", "vn"]


@pytest.fixture
def people(services):
    names = [
        "Nguyễn Văn Hùng",
        "Nguyễn Văn Hưng",
        "Nguyễn Thị Hồng",
        "Đỗ Đức Dũng",
        "Dương Quốc Đạt",
        "Trịnh Thị Ánh Tuyết",
        "Lê Hoàng Phước",
    ]
    for name in names:
        services.journalists.create(
            {
                "full_name": name,
                "emails": f"{fold(name).replace(' ', '')}@nhandan.vn",
                "phones": "0912 345 678",
            }
        )
    return services


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nguyen van hung", ["Nguyễn Văn Hùng", "Nguyễn Văn Hưng"]),  # tones ignored: both read "hung"
        ("Nguyễn Văn Hùng", ["Nguyễn Văn Hùng", "Nguyễn Văn Hưng"]),
        ("ng va h", ["Nguyễn Văn Hùng", "Nguyễn Văn Hưng"]),  # every word a prefix, as typed
        ("ng h", ["Nguyễn Thị Hồng", "Nguyễn Văn Hùng", "Nguyễn Văn Hưng"]),
        ("d", ["Dương Quốc Đạt", "Đỗ Đức Dũng"]),  # đ is d
        ("đ", ["Dương Quốc Đạt", "Đỗ Đức Dũng"]),
        ("DUNG", ["Đỗ Đức Dũng"]),
        ("dat duong", ["Dương Quốc Đạt"]),  # any word order
        ("anh tuyet", ["Trịnh Thị Ánh Tuyết"]),
        ("Nguye\u0302\u0303n thi", ["Nguyễn Thị Hồng"]),
        ("phuoc", ["Lê Hoàng Phước"]),
        ("lehoangphuoc", ["Lê Hoàng Phước"]),  # the e-mail address is searched too
        ("0912", None),  # every row has the phone
        ("hung xyz", []),
    ],
)
def test_journalist_search_cases(people, query: str, expected: list[str] | None) -> None:
    found = sorted(j.full_name for j in people.journalists.list(search=query))
    if expected is None:
        assert len(found) == 7
    else:
        assert found == sorted(expected)


@pytest.mark.parametrize(
    "query", ['"', "hung OR", "NOT hung", "hung*", "(dung", "a:b", "^x", "NEAR(a b)", "-", "'"]
)
def test_search_syntax_in_the_query_is_plain_text(people, query: str) -> None:
    people.journalists.list(search=query)  # never an FTS syntax error
    people.journalists.count(search=query)


def test_blank_search_matches_everything(people) -> None:
    assert people.journalists.count(search="   ") == 7
    assert people.journalists.count(search="—") == 7


def test_index_only_search_matches_the_joined_query(services) -> None:
    """The fast path (search index alone) and the general query agree on rows and order."""
    from app.services.demo import generate

    generate(services, "small", seed=11)
    cases = [
        (services.journalists, "ng"),
        (services.journalists, "tran thi"),
        (services.agencies, "bao"),
        (services.staff, "n"),
        (services.activities, "hop bao"),
        (services.coverage, "quang ninh"),
    ]
    for service, query in cases:
        slow = {"deleted_at": None}  # any filter takes the general path
        for descending in (False, True):
            fast_ids = service.ids(search=query, descending=descending)
            assert fast_ids == service.ids(filters=slow, search=query, descending=descending)
            assert len(fast_ids) == service.count(search=query) == service.count(filters=slow, search=query)
            page = service.list(search=query, descending=descending, limit=7, offset=3)
            assert [r.id for r in page] == fast_ids[3:10]
            assert service.ids(search=query, limit=5) == fast_ids[:5] if not descending else True


def test_search_index_follows_the_sort_column(services) -> None:
    first = services.journalists.create({"full_name": "Bùi Văn Một"})
    second = services.journalists.create({"full_name": "Bùi Văn Hai"})
    assert services.journalists.ids(search="bui van") == [second.id, first.id]
    services.journalists.update(second.id, {"full_name": "Bùi Văn Ba Mươi"})
    services.journalists.update(first.id, {"full_name": "Bùi Văn An"})
    assert services.journalists.ids(search="bui van") == [first.id, second.id]


def test_fold_by_character_matches_folding_the_whole_text() -> None:
    from app.text import _fold_slowly, fold

    texts = [
        "Đặng Thị Ánh Nguyệt",
        "ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH",
        "Nguye\u0302\u0303n",  # tones typed as combining marks (Windows-1258)
        "ΟΔΟΣ ΣΟΦΟΣ",  # the lower case of Σ depends on its place in the word
        "İstanbul ﬁ ß Ǆ",
        "".join(chr(c) for c in range(0x20, 0x3000)),
    ]
    for text in texts:
        assert fold(text) == _fold_slowly(text)
    assert fold("Đặng Hùng") == "dang hung"
