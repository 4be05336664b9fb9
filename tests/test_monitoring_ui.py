"""The Monitoring page driven through its widgets: log, bulk tone, proposals, trends."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from app.services import Services
from app.services.feeds import Download
from app.ui.context import UiContext
from app.ui.monitoring.background import MonitoringBackground
from app.ui.monitoring.coverage_dialog import CoverageDialog
from app.ui.monitoring.page import MonitoringPage
from tests.ui_pages import direct, settle

FEEDS = Path(__file__).parent / "data" / "feeds"
TODAY = date(2026, 3, 20)


def fill(services: Services) -> dict[str, str]:
    """A month of coverage for two topics, a rise of negative articles on the land prices."""
    land = services.topics.create(
        {
            "name": "Bảng giá đất 2026–2030",
            "kind": "in_force",
            "stage": "implementation",
            "keywords": "giá đất",
        }
    ).id
    fees = services.topics.create(
        {"name": "Miễn học phí", "kind": "in_force", "stage": "implementation", "keywords": "học phí"}
    ).id
    paper = services.agencies.create({"name": "Báo Quảng Ninh", "kind": "newspaper", "level": "local"}).id
    rng = random.Random(4)
    good = ["Miễn học phí giúp phụ huynh yên tâm", "Học sinh phấn khởi đến trường", "Hội nghị về học phí"]
    bad = [
        "Người dân bức xúc vì giá đất tăng cao",
        "Khiếu nại đông người về bảng giá đất",
        "Ô nhiễm sông Cầu",
    ]
    for offset in range(45, 0, -1):
        day = TODAY - timedelta(days=offset)
        for n in range(3):
            services.coverage_topics.add_topic(
                [
                    services.coverage.create(
                        {
                            "headline": f"{rng.choice(good)} ({day:%d/%m} #{n})",
                            "medium": "online",
                            "agency_id": paper,
                            "published_at": datetime(day.year, day.month, day.day, 2, tzinfo=UTC),
                        }
                    ).id
                ],
                fees,
            )
        if rng.random() < 0.4:
            item = services.coverage.create(
                {
                    "headline": f"{bad[0]} ({day:%d/%m})",
                    "medium": "print",
                    "published_at": datetime(day.year, day.month, day.day, 3, tzinfo=UTC),
                }
            )
            services.coverage_topics.add_topic([item.id], land)
    spike_day = TODAY - timedelta(days=1)
    for n in range(11):
        item = services.coverage.create(
            {
                "headline": f"{bad[n % 2]} — phản ánh số {n + 1}",
                "medium": "online",
                "agency_id": paper,
                "reach": 10_000 * (n + 1),
                "published_at": datetime(spike_day.year, spike_day.month, spike_day.day, 4, tzinfo=UTC),
            }
        )
        services.coverage_topics.add_topic([item.id], land)
    services.coverage.create(
        {
            "headline": "Ô nhiễm sông Cầu kéo dài",
            "medium": "tv",
            "published_at": datetime(2026, 3, 1, 3, tzinfo=UTC),
        }
    )
    services.activities.create(
        {
            "type": "press_conference_thematic",
            "nature": "ad_hoc",
            "status": "done",
            "title": "Họp báo chuyên đề về bảng giá đất",
            "starts_at": datetime(2026, 3, 20, 2, 0, tzinfo=UTC),
            "mode": "in_person",
        }
    )
    services.activities.create(
        {
            "type": "press_release",
            "nature": "regular",
            "status": "done",
            "title": "Thông cáo báo chí tuần",
            "starts_at": datetime(2026, 3, 17, 8, 0, tzinfo=UTC),
            "mode": "online",
        }
    )
    feed = services.feeds.add("https://baoquangninh.example.vn/rss", paper)
    services.feeds.record(
        Download(feed.id, 200, (FEEDS / "rss_vi.xml").read_bytes(), {"ETag": '"x"'}),
        now=datetime(2026, 3, 2, 12, tzinfo=UTC),
    )
    return {"land": land, "fees": fees, "paper": paper}


def monitoring_page(ctx: UiContext) -> MonitoringPage:
    # No background timers in tests: a background object that is not started.
    ctx.extras["monitoring"] = MonitoringBackground(ctx)
    widget = MonitoringPage(ctx)
    widget.trends.today = TODAY
    return widget


@pytest.fixture
def page(open_ui_page: Any, services: Services) -> tuple[MonitoringPage, dict[str, str]]:
    ids = fill(services)
    return open_ui_page(monitoring_page, (1400, 860)), ids


def test_every_model_passes_the_model_tester(qtbot: Any, page: Any, qtmodeltester: Any) -> None:
    widget, _ = page
    qtbot.waitUntil(lambda: widget.log.model.rowCount() > 100, timeout=15_000)
    widget.log.table.scrollToBottom()
    settle(qtbot, widget.ctx)
    for model in (widget.log.model, widget.proposals.model, widget.feeds.model):
        qtmodeltester.check(model, force_py=True)


def test_log_searches_without_marks_and_filters(qtbot: Any, page: Any) -> None:
    widget, ids = page
    log = widget.log
    qtbot.waitUntil(
        lambda: log.model.rowCount() == 135 + 18 + 11 + 1 or log.model.rowCount() > 150, timeout=15_000
    )
    total = log.model.rowCount()
    qtbot.keyClicks(log.search, "o nhiem song cau")
    qtbot.waitUntil(lambda: log.model.rowCount() == 1, timeout=15_000)
    settle(qtbot, widget.ctx)
    qtbot.waitUntil(lambda: log.model.row_at(0) is not None, timeout=15_000)
    assert log.model.row_at(0).row.headline == "Ô nhiễm sông Cầu kéo dài"
    log.search.clear()
    qtbot.waitUntil(lambda: log.model.rowCount() == total, timeout=15_000)
    log.topic.setCurrentIndex(log.topic.findData(ids["land"]))
    qtbot.waitUntil(lambda: log.model.rowCount() < total, timeout=15_000)
    settle(qtbot, widget.ctx)
    with direct(widget.ctx.services, widget.ctx) as services:
        expected = services.coverage.count({"topic_id": ids["land"]})
    assert log.model.rowCount() == expected
    assert log.summary.text().startswith(f"{expected} ")


def test_bulk_tone_change_is_manual(qtbot: Any, page: Any) -> None:
    widget, _ = page
    log = widget.log
    qtbot.waitUntil(lambda: log.model.rowCount() > 100, timeout=15_000)
    selection = log.table.selectionModel()
    for row in range(3):
        selection.select(
            log.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    chosen = log.selected_ids()
    assert len(chosen) == 3 and log.tone_button.isEnabled()
    log.set_tone("negative")
    settle(qtbot, widget.ctx)
    with direct(widget.ctx.services, widget.ctx) as services:
        rows = services.coverage.get_many(chosen)
    assert {(r.sentiment, r.sentiment_source) for r in rows.values()} == {("negative", "manual")}
    qtbot.waitUntil(
        lambda: log.model.row_at(0) is not None and log.model.row_at(0).row.sentiment == "negative",
        timeout=15_000,
    )


def test_the_form_suggests_a_tone_and_names_bad_fields(qtbot: Any, page: Any) -> None:
    widget, _ = page
    dialog = CoverageDialog(widget.ctx, None, widget)
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=15_000)
    dialog.headline.setText("Dự án chậm tiến độ, người dân bức xúc")
    qtbot.waitUntil(lambda: "Tiêu cực" in dialog.suggestion.text(), timeout=5_000)
    dialog.url.setText("not an address")
    dialog.save()
    settle(qtbot, widget.ctx)
    assert "url" in dialog.errors.fields_marked()
    dialog.url.setText("https://baoquangninh.example.vn/du-an.html")
    dialog.needs_action.setChecked(True)
    assert dialog.reply_deadline.value() is not None
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=15_000)
    assert dialog.saved.sentiment == "negative" and dialog.saved.sentiment_source == "automatic"
    assert dialog.saved.needs_action and dialog.saved.handling_status == "open"


def test_accepting_a_proposed_article(qtbot: Any, page: Any) -> None:
    widget, ids = page
    proposals = widget.proposals
    qtbot.waitUntil(lambda: proposals.model.rowCount() > 0, timeout=15_000)
    waiting = proposals.model.rowCount()
    assert "(" in widget.tabs.tabText(1)
    headline = proposals.model.row_at(0).headline
    proposals.table.selectRow(0)
    qtbot.mouseClick(proposals.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: proposals.model.rowCount() == waiting - 1, timeout=15_000)
    settle(qtbot, widget.ctx)
    with direct(widget.ctx.services, widget.ctx) as services:
        found = services.coverage.list(filters={"headline": headline})
        assert len(found) == 1 and found[0].agency_id == ids["paper"]
        assert services.coverage.topic_ids(found[0].id)


def test_the_proposed_count_in_the_tab_title_follows_changes_while_another_tab_is_shown(
    qtbot: Any, page: Any
) -> None:
    widget, _ = page
    assert widget.tabs.currentWidget() is widget.log
    qtbot.waitUntil(lambda: widget.proposals.model.rowCount() > 1, timeout=15_000)
    waiting = widget.proposals.model.rowCount()
    assert widget.tabs.tabText(1).endswith(f"({waiting})")
    with direct(widget.ctx.services, widget.ctx) as services:
        services.feeds.dismiss([services.feeds.proposals()[0].id])
    qtbot.waitUntil(lambda: widget.tabs.tabText(1).endswith(f"({waiting - 1})"), timeout=15_000)
    assert widget.proposals.status.text().startswith(f"{waiting - 1} ")


def test_feeds_are_listed_when_shown_and_several_can_be_unfollowed_at_once(qtbot: Any, page: Any) -> None:
    widget, ids = page
    feeds = widget.feeds
    with direct(widget.ctx.services, widget.ctx) as services:
        services.feeds.add("https://baoquangninh.example.vn/thoi-su.rss", ids["paper"])
        services.feeds.add("https://baoquangninh.example.vn/kinh-te.rss", ids["paper"])
    widget.tabs.setCurrentWidget(feeds)
    qtbot.waitUntil(lambda: feeds.model.rowCount() == 3, timeout=15_000)
    feeds.table.selectRow(0)
    feeds.table.selectionModel().select(
        feeds.model.index(2, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    kept = feeds.model.row_at(1).id
    qtbot.mouseClick(feeds.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: feeds.model.rowCount() == 1, timeout=15_000)
    assert feeds.model.row_at(0).id == kept
    settle(qtbot, widget.ctx)
    with direct(widget.ctx.services, widget.ctx) as services:
        assert [f.id for f in services.feeds.list()] == [kept]


def test_trend_page_shows_the_warning_with_activities(qtbot: Any, page: Any, tmp_path: Path) -> None:
    widget, ids = page
    widget.tabs.setCurrentWidget(widget.trends)
    trends = widget.trends
    trends.span.setCurrentIndex(0)  # 12 weeks
    qtbot.waitUntil(lambda: trends.data is not None and trends.warnings.count() > 0, timeout=15_000)
    settle(qtbot, widget.ctx)
    assert any("Bảng giá đất" in trends.warnings.item(i).text() for i in range(trends.warnings.count()))
    assert "Họp báo chuyên đề về bảng giá đất" in trends.details.toPlainText()
    assert len(trends.chart.series()) >= 3
    assert "%" in trends.forecast_label.text()
    trends.topic.setCurrentIndex(trends.topic.findData(ids["land"]))
    qtbot.waitUntil(
        lambda: trends.data is not None and trends.chart.title().endswith("2026–2030"), timeout=15_000
    )
    settle(qtbot, widget.ctx)
    assert trends.warnings.count() >= 1
    qtbot.wait(200)
    assert widget.grab().save(str(tmp_path / "trends.png"))


def test_a_new_warning_is_notified_once(qtbot: Any, page: Any) -> None:
    widget, _ = page
    background = widget.ctx.extras["monitoring"]
    assert isinstance(background, MonitoringBackground)
    seen: list[Any] = []
    background.new_warnings.connect(seen.append)
    # current_warnings() uses today's date: the fixture's spike is in the past, so nothing new.
    background.check_warnings()
    settle(qtbot, widget.ctx)
    assert seen == []
    background._got_warnings(([_warning()], []))
    background._got_warnings(([_warning()], ["topic:2026-03-19"]))
    assert len(seen) == 1 and seen[0][0].topic_name == "Bảng giá đất"


def _warning() -> Any:
    from app.services.trends import CoverageWarning

    return CoverageWarning(
        topic_id="topic",
        topic_name="Bảng giá đất",
        first_day=date(2026, 3, 19),
        day=date(2026, 3, 19),
        negative=11,
        expected=0.4,
        p_value=1e-9,
        z_score=12.0,
        key="topic:2026-03-19",
    )
