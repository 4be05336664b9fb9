from app.text import fold, fts_prefix_query


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
