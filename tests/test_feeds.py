"""News feeds against a real HTTP server on loopback serving real RSS 2.0 and Atom documents."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.cli import main as cli_main
from app.services import Services
from app.services.feeds import folded_title, match_topics, normalise_url, retry_delay, topic_keywords

DATA = Path(__file__).parent / "data" / "feeds"
LAST_MODIFIED = "Mon, 02 Mar 2026 03:00:00 GMT"


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), FeedHandler)
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.etag = '"rss-v1"'
        self.rss = (DATA / "rss_vi.xml").read_bytes()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class FeedHandler(BaseHTTPRequestHandler):
    server: FeedServer

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        self.server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        if self.path == "/rss.xml":
            if self.headers.get("If-None-Match") == self.server.etag:
                self._answer(304, b"")
            else:
                self._answer(
                    200, self.server.rss, "application/rss+xml; charset=utf-8", {"ETag": self.server.etag}
                )
        elif self.path == "/atom.xml":
            if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                self._answer(304, b"")
            else:
                body = (DATA / "atom_vi.xml").read_bytes()
                self._answer(200, body, "application/atom+xml", {"Last-Modified": LAST_MODIFIED})
        elif self.path == "/broken.xml":
            self._answer(200, (DATA / "broken.html").read_bytes(), "text/html")
        else:
            self._answer(500, b"internal error", "text/plain")

    def _answer(self, code: int, body: bytes, kind: str = "", extra: dict[str, str] | None = None) -> None:
        self.send_response(code)
        if kind:
            self.send_header("Content-Type", kind)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    httpd = FeedServer()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def set_up(services: Services) -> dict[str, str]:
    def topic(name: str, keywords: str) -> str:
        values = {"name": name, "kind": "in_force", "stage": "implementation", "keywords": keywords}
        return str(services.topics.create(values).id)

    def agency(name: str) -> str:
        return str(services.agencies.create({"name": name, "kind": "newspaper", "level": "central"}).id)

    return {
        "land": topic("Bảng giá đất giai đoạn 2026–2030", "bảng giá đất; giá đất"),
        "fees": topic("Miễn học phí", "hoc phi"),  # typed without marks: must still match
        "schools": topic("Kiên cố hóa trường lớp", "phòng học tạm\nkiên cố hóa trường lớp"),
        "traffic": topic("Chống ùn tắc giao thông", "ùn tắc"),
        "tuoi_tre": agency("Báo Tuổi Trẻ"),
        "vnexpress": agency("Báo VnExpress"),
    }


def test_helpers_fold_and_normalise() -> None:
    assert normalise_url("HTTPS://Example.vn/a/b/?utm_source=rss&id=3#top") == "https://example.vn/a/b?id=3"
    assert folded_title("NGƯỜI DÂN bức xúc!") == folded_title("Người dân bức xúc") == "nguoi dan buc xuc"
    topics = [("t", topic_keywords("giá đất; hoc phi"))]
    assert match_topics("Giá đất tăng", topics) == ["t"]
    assert match_topics("Miễn HỌC PHÍ", topics) == ["t"]
    assert match_topics("Giá đấu thầu", topics) == []  # whole words only
    assert retry_delay(1) < retry_delay(2) < retry_delay(3) <= retry_delay(50) == timedelta(hours=6)


def test_fetch_proposes_matching_new_articles_then_uses_conditional_requests(
    services: Services, server: FeedServer
) -> None:
    ids = set_up(services)
    services.feeds.add(f"{server.base}/rss.xml", ids["tuoi_tre"])
    services.feeds.add(f"{server.base}/atom.xml", ids["vnexpress"])
    assert services.agencies.get(ids["tuoi_tre"]).feed_urls == f"{server.base}/rss.xml"

    rss, atom = services.feeds.fetch()
    assert (rss.state, rss.items, atom.state, atom.items) == ("updated", 7, "updated", 3)
    by_headline = {p.headline: p for p in rss.proposed}
    # Football does not match a topic; the second copy of the first article (same URL without
    # tracking parameters) is dropped.
    assert len(rss.proposed) == 5
    first = by_headline["Người dân bức xúc vì bảng giá đất mới tăng quá cao"]
    assert first.url == "https://tuoitre.example.vn/bang-gia-dat-tang-cao-2026.htm"
    assert first.topic_ids == (ids["land"],) and first.agency_name == "Báo Tuổi Trẻ"
    assert first.summary.startswith("Nhiều hộ dân phản ánh bảng giá đất mới")  # HTML removed
    assert first.author == "Nguyễn Văn Hùng" and first.sentiment == "negative"
    assert first.published_at == datetime(2026, 3, 2, 1, 15, tzinfo=UTC)
    fees = by_headline["Tỉnh miễn học phí cho học sinh từ năm học mới, phụ huynh phấn khởi"]
    assert fees.topic_ids == (ids["fees"],) and fees.sentiment == "positive"
    untitled = [p for p in rss.proposed if p.headline.startswith("Sở Tài nguyên công bố")]
    assert len(untitled) == 1 and untitled[0].topic_ids == (ids["land"],)
    no_link = by_headline["Học phí mầm non: hướng dẫn thủ tục miễn giảm"]
    assert no_link.url == "" and no_link.published_at is None  # unparseable Vietnamese date
    assert by_headline["Bảng giá đất mới sẽ được áp dụng từ năm 2099"].published_at is None  # wrong date
    # Atom: the capitalised copy of the first article is a duplicate by folded headline.
    assert sorted(p.headline for p in atom.proposed) == [
        "Khánh thành trường học đạt chuẩn, xoá xong phòng học tạm",
        "Ùn tắc kéo dài ở cửa ngõ thành phố",
    ]
    school = next(p for p in atom.proposed if p.topic_ids == (ids["schools"],))
    assert school.author == "Lê Thị Mai" and school.published_at == datetime(2026, 3, 1, 0, 0, tzinfo=UTC)
    assert services.feeds.proposal_count() == 7

    # Second round: both servers answer 304 to the validators they gave.
    server.requests.clear()
    again = services.feeds.fetch()
    assert [o.state for o in again] == ["not_modified", "not_modified"]
    headers = dict(server.requests)
    assert headers["/rss.xml"]["if-none-match"] == '"rss-v1"'
    assert headers["/atom.xml"]["if-modified-since"] == LAST_MODIFIED
    assert services.feeds.proposal_count() == 7

    # The feed changes (new ETag) but repeats its items: nothing is proposed twice.
    server.etag = '"rss-v2"'
    assert services.feeds.fetch()[0].proposed == ()
    feeds = services.feeds.list()
    assert all(f.last_error == "" and f.failures == 0 for f in feeds)
    assert [f.title for f in feeds] == ["Báo Tuổi Trẻ - Thời sự", "VnExpress - Thời sự"]


def test_accept_puts_the_article_in_the_log_and_dismiss_hides_it(
    services: Services, server: FeedServer
) -> None:
    ids = set_up(services)
    services.feeds.add(f"{server.base}/rss.xml", ids["tuoi_tre"])
    services.feeds.fetch()
    proposals = {p.headline: p for p in services.feeds.proposals()}
    chosen = proposals["Người dân bức xúc vì bảng giá đất mới tăng quá cao"]
    item = services.feeds.accept(chosen.id)
    assert (item.headline, item.agency_id, item.url) == (chosen.headline, ids["tuoi_tre"], chosen.url)
    assert (item.sentiment, item.sentiment_source) == ("negative", "automatic")
    assert services.coverage.topic_ids(item.id) == [ids["land"]]
    no_date = proposals["Bảng giá đất mới sẽ được áp dụng từ năm 2099"]
    assert services.feeds.accept(no_date.id).published_at == no_date.found_at
    assert (
        services.feeds.dismiss(
            [proposals["Tỉnh miễn học phí cho học sinh từ năm học mới, phụ huynh phấn khởi"].id]
        )
        == 1
    )
    assert services.feeds.proposal_count() == 2
    assert services.feeds.proposal_count("accepted") == 2 and services.feeds.proposal_count("dismissed") == 1
    # Known articles are not proposed again, even after a proposal's record is gone.
    server.etag = '"rss-v3"'
    assert services.feeds.fetch()[0].proposed == ()


def test_broken_and_unreachable_feeds_are_skipped_with_the_error_kept(
    services: Services, server: FeedServer
) -> None:
    set_up(services)
    services.feeds.add(f"{server.base}/broken.xml")
    services.feeds.add(f"{server.base}/missing.xml")
    services.feeds.add(f"http://127.0.0.1:{closed_port()}/rss.xml")
    outcomes = services.feeds.fetch()
    assert [o.state for o in outcomes] == ["failed", "failed", "failed"]
    feeds = {
        f.url.rsplit("/", 1)[-1] + ("-offline" if "missing" not in f.url and "broken" not in f.url else ""): f
        for f in services.feeds.list()
    }
    assert "RSS/Atom" in feeds["broken.xml"].last_error
    assert "500" in feeds["missing.xml"].last_error
    assert feeds["rss.xml-offline"].last_error and feeds["rss.xml-offline"].failures == 1
    first_retry = feeds["rss.xml-offline"].next_check_at
    assert first_retry is not None and first_retry > feeds["rss.xml-offline"].last_checked_at
    # Not due again until the retry time; a second failure waits longer.
    assert services.feeds.due() == []
    services.feeds.fetch()
    offline = next(f for f in services.feeds.list() if f.failures == 2 and "127.0.0.1" in f.url)
    assert (
        offline.next_check_at - offline.last_checked_at
        > first_retry - feeds["rss.xml-offline"].last_checked_at
    )


def test_command_line_add_fetch_list(
    data_dir: Path, server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.services import open_services
    from tests.conftest import OFFICE

    services = open_services(data_dir)
    services.offices.set_up(dict(OFFICE))
    set_up(services)
    services.close()
    folder = ["--data-dir", str(data_dir), "--language", "en"]
    assert cli_main([*folder, "feeds", "add", f"{server.base}/rss.xml", "--agency", "bao tuoi tre"]) == 0
    assert cli_main([*folder, "feeds", "add", f"{server.base}/broken.xml"]) == 0
    assert cli_main([*folder, "feeds", "add", "not a url"]) == 2
    capsys.readouterr()
    assert cli_main([*folder, "feeds", "fetch"]) == 0
    out = capsys.readouterr().out
    assert "5 proposed" in out and "[negative] Người dân bức xúc vì bảng giá đất mới tăng quá cao" in out
    assert "2 feeds, 5 proposed articles, 1 failed" in out
    assert cli_main([*folder, "feeds", "list"]) == 0
    listing = capsys.readouterr().out
    assert "Báo Tuổi Trẻ" in listing and "RSS/Atom" in listing
    assert cli_main([*folder, "feeds", "add", f"{server.base}/atom.xml", "--agency", "Báo Không Có"]) == 2
