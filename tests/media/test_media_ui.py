"""The Media workspace driven through its real widgets."""

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from tenacity import wait_none

from app.models import utcnow
from app.ui.app import build_context, install_translations
from app.ui.context import UiContext
from app.ui.media.duplicates import DuplicatesDialog, MergeDialog
from app.ui.media.import_dialog import ImportDialog
from app.ui.media.interaction_form import InteractionDialog
from app.ui.media.journalist_form import JournalistDialog
from app.ui.media.models import RED
from app.ui.media.page import MediaPage
from app.ui.media.send import PressReleaseDialog
from tests.media.helpers import agency, journalist
from tests.media.smtp_server import SmtpServer


@pytest.fixture(autouse=True)
def vietnamese_ui(qapp) -> None:
    install_translations(qapp, "vi")


@pytest.fixture
def people(services) -> dict[str, Any]:
    today = utcnow().date()
    tv = agency(services, "Đài Truyền hình Việt Nam", media_types="tv", kind="broadcaster")
    paper = agency(services, "Báo Quảng Bình", level="local", media_types="print,online")
    return {
        "tv": tv,
        "paper": paper,
        "hung": journalist(
            services,
            "Nguyễn Văn Hùng",
            agency_id=tv.id,
            emails="hung@vtv.vn",
            beats="Y tế",
            press_card_expires=today - timedelta(days=3),
        ),
        "lan": journalist(
            services,
            "Trần Thị Lan",
            agency_id=paper.id,
            emails="lan@baoqb.vn",
            beats="y tế, giáo dục",
            press_card_expires=today + timedelta(days=30),
        ),
        "tam": journalist(
            services,
            "Lê Văn Tám",
            agency_id=paper.id,
            emails="tam@baoqb.vn",
            do_not_contact=True,
            do_not_contact_reason="Đã nghỉ hưu",
        ),
        "hung2": journalist(services, "Nguyen Van Hung", agency_id=tv.id, phones="0912345678"),
    }


@pytest.fixture
def ctx(qtbot, services, people) -> Iterator[UiContext]:
    context = build_context(services)
    yield context
    context.tasks.wait_for_done()
    services.db.forbid_thread(None)


@pytest.fixture
def page(qtbot, ctx) -> MediaPage:
    widget = MediaPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    return widget


def on_worker(qtbot, ctx: UiContext, operation: Callable[[], Any]) -> Any:
    """Run a service call on the database worker (the GUI thread may not) and return its result."""
    box: list[Any] = []
    ctx.tasks.run_db(operation, box.append)
    qtbot.waitUntil(lambda: bool(box))
    return box[0]


def names_shown(tab) -> list[str]:
    model = tab.model
    return sorted(model.data(model.index(row, 0)) for row in range(model.rowCount()))


def wait_rows_loaded(qtbot, model) -> None:
    for row in range(model.rowCount()):
        model.data(model.index(row, 0))
    qtbot.waitUntil(lambda: all(model.cached(r) is not None for r in range(model.rowCount())))


def test_search_as_you_type_and_filters(qtbot, page, people) -> None:
    tab = page.journalists
    qtbot.waitUntil(lambda: tab.model.rowCount() == 4)
    qtbot.keyClicks(tab.search, "nguyen van h")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    wait_rows_loaded(qtbot, tab.model)
    assert names_shown(tab) == ["Nguyen Van Hung", "Nguyễn Văn Hùng"]
    tab.search.clear()
    qtbot.keyClicks(tab.search, "TRAN thi")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.search.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 4)

    tab.card_filter.setCurrentIndex(tab.card_filter.findData("expired"))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    wait_rows_loaded(qtbot, tab.model)
    assert names_shown(tab) == ["Nguyễn Văn Hùng"]
    expiry = tab.model.index(0, 6)
    assert tab.model.data(expiry, Qt.ItemDataRole.ForegroundRole) == QBrush(RED)
    tab.card_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: tab.beat_filter.count() > 1)
    tab.beat_filter.setCurrentIndex(tab.beat_filter.findData("giáo dục"))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.beat_filter.setCurrentIndex(0)
    tab.level_filter.setCurrentIndex(tab.level_filter.findData("local"))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    tab.contact_filter.setCurrentIndex(tab.contact_filter.findData(True))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    wait_rows_loaded(qtbot, tab.model)
    assert names_shown(tab) == ["Lê Văn Tám"]
    assert tab.count_label.text() != ""


def test_sorting_and_the_journalist_page(qtbot, page, people) -> None:
    tab = page.journalists
    qtbot.waitUntil(lambda: tab.model.rowCount() == 4)
    tab.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)  # press card expiry
    qtbot.waitUntil(lambda: tab.model.order_by == "press_card_expires" and tab.model.rowCount() == 4)
    wait_rows_loaded(qtbot, tab.model)
    assert tab.model.cached(0).row.full_name == "Trần Thị Lan"
    assert tab.select_id(people["hung"].id)
    qtbot.waitUntil(lambda: tab.page.details is not None and tab.page.details.row.id == people["hung"].id)
    assert "Nguyễn Văn Hùng" in tab.page.heading.text()
    assert tab.page.card.isVisibleTo(tab.page) and "hết hạn" in tab.page.card.text()


def test_the_list_is_in_vietnamese_alphabetical_order(qtbot, page, people, ctx) -> None:
    for name in ("Đặng Thị Ánh", "Dương Văn Nam", "Giang Thị Thu", "an Văn Bình", "Vũ Đức Đam"):
        on_worker(qtbot, ctx, lambda name=name: journalist(ctx.services, name))
    tab = page.journalists
    tab.model.reload()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 9)
    wait_rows_loaded(qtbot, tab.model)
    in_order = [
        "an Văn Bình",
        "Dương Văn Nam",
        "Đặng Thị Ánh",
        "Giang Thị Thu",
        "Lê Văn Tám",
        "Nguyen Van Hung",
        "Nguyễn Văn Hùng",
        "Trần Thị Lan",
        "Vũ Đức Đam",
    ]
    shown = lambda: [tab.model.data(tab.model.index(r, 0)) for r in range(tab.model.rowCount())]  # noqa: E731
    assert shown() == in_order
    tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: shown() == in_order[::-1])


def test_every_model_passes_the_model_tester(qtbot, qtmodeltester, page, people, ctx) -> None:
    tab = page.journalists
    qtbot.waitUntil(lambda: tab.model.rowCount() == 4)
    wait_rows_loaded(qtbot, tab.model)
    qtmodeltester.check(tab.model)
    agencies = page.agencies
    qtbot.waitUntil(lambda: agencies.model.rowCount() == 2)
    wait_rows_loaded(qtbot, agencies.model)
    qtmodeltester.check(agencies.model)
    on_worker(
        qtbot,
        ctx,
        lambda: ctx.services.interactions.create(
            {
                "journalist_id": people["hung"].id,
                "kind": "question_received",
                "occurred_at": utcnow() - timedelta(days=40),
            }
        ),
    )
    qtbot.waitUntil(lambda: page.questions.model.rowCount() == 1)
    qtmodeltester.check(page.questions.model)
    tab.page.show_journalist(people["hung"].id)
    qtbot.waitUntil(lambda: tab.page.timeline.model.rowCount() == 1)
    qtmodeltester.check(tab.page.timeline.model)
    qtmodeltester.check(page.lists.lists_model)
    qtmodeltester.check(page.outbox.model)


def test_editing_shows_problems_on_the_fields_then_saves(qtbot, ctx, people) -> None:
    row = on_worker(qtbot, ctx, lambda: ctx.services.journalists.get(people["lan"].id))
    dialog = JournalistDialog(ctx, row)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.buttons.isEnabled)
    assert dialog.agency.currentText() == "Báo Quảng Bình"
    assert dialog.card_state.isVisibleTo(dialog)  # expires within 90 days: amber note
    dialog.emails.setText("lan@baoqb.vn, không-phải-thư")
    dialog.press_card_issued.setText("01/01/2030")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisibleTo(dialog))
    assert set(dialog.errors.fields_marked()) == {"emails", "press_card_expires"}
    assert "không-phải-thư" in dialog.error_label.text()
    dialog.emails.setText("lan@baoqb.vn, lan.tran@gmail.com")
    dialog.press_card_issued.setText("01/01/2022")
    dialog.title_edit.setText("Trưởng ban Thời sự")
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    saved = on_worker(qtbot, ctx, lambda: ctx.services.journalists.get(people["lan"].id))
    assert (saved.title, saved.emails) == ("Trưởng ban Thời sự", "lan@baoqb.vn, lan.tran@gmail.com")


def test_an_agency_not_in_the_list_is_offered_for_creation(qtbot, ctx, people) -> None:
    dialog = JournalistDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.buttons.isEnabled)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    dialog.full_name.setText("Đỗ Thị Hạnh")
    dialog.agency.setEditText("Báo Lao Động")
    save.click()
    prompt = dialog.agency_prompt
    qtbot.waitUntil(prompt.isVisible)
    assert "Báo Lao Động" in prompt.question.text() and "Tạo" in prompt.question.text()
    prompt.buttons.button(prompt.buttons.StandardButton.No).click()  # not now: nothing is created
    assert not prompt.isVisible() and dialog.isVisible()
    assert on_worker(qtbot, ctx, lambda: ctx.services.agencies.count()) == 2

    save.click()
    prompt = dialog.agency_prompt
    qtbot.waitUntil(prompt.isVisible)
    prompt.kind.setCurrentIndex(prompt.kind.findData("newspaper"))
    prompt.level.setCurrentIndex(prompt.level.findData("central"))
    with qtbot.waitSignal(dialog.accepted):
        prompt.buttons.button(prompt.buttons.StandardButton.Yes).click()
    created = on_worker(qtbot, ctx, lambda: ctx.services.agencies.list(search="lao dong"))
    assert [(a.name, a.kind, a.level) for a in created] == [("Báo Lao Động", "newspaper", "central")]
    assert dialog.saved_row.agency_id == created[0].id

    # The same name typed without accents is the agency already there: no question.
    again = JournalistDialog(ctx)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(again.buttons.isEnabled)
    again.full_name.setText("Phan Văn Lộc")
    again.agency.setEditText("bao lao dong")
    with qtbot.waitSignal(again.accepted):
        again.buttons.button(again.buttons.StandardButton.Save).click()
    assert again.saved_row.agency_id == created[0].id
    assert on_worker(qtbot, ctx, lambda: ctx.services.agencies.count()) == 3


def test_a_question_falls_due_and_turns_overdue(qtbot, page, ctx, people) -> None:
    dialog = InteractionDialog(
        ctx, journalist_id=people["lan"].id, kind="question_received", counterpart="Trần Thị Lan"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.due_note.isVisibleTo(dialog) and "30" in dialog.due_note.text()
    dialog.occurred_at.setDateTime(dialog.occurred_at.dateTime().addDays(-29))
    dialog.summary.setPlainText("Khi nào công bố kết quả thanh tra bệnh viện tỉnh?")
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    questions = page.questions
    qtbot.waitUntil(lambda: questions.model.rowCount() == 1)
    waiting = questions.model.row_at(0)
    assert waiting.days_left == 1 and not waiting.overdue
    assert questions.model.data(questions.model.index(0, 1)) == "còn 1 ngày"

    # Two days later the same question is overdue: shown in red and counted on the tab.
    on_worker(
        qtbot,
        ctx,
        lambda: ctx.services.interactions.update(
            waiting.interaction.id,
            {"occurred_at": utcnow() - timedelta(days=32), "due_date": (utcnow() - timedelta(days=2)).date()},
        ),
    )
    qtbot.waitUntil(lambda: questions.model.rowCount() == 1 and questions.model.row_at(0).overdue)
    assert questions.model.data(questions.model.index(0, 1)).startswith("Quá hạn")
    assert questions.model.data(questions.model.index(0, 1), Qt.ItemDataRole.ForegroundRole) == QBrush(RED)
    assert "2" in questions.summary.text() or "quá hạn" in questions.summary.text()
    assert "!" in page.tabs.tabText(page.tabs.indexOf(questions))

    # Answered on the journalist's page, it leaves the list.
    journalist_page = page.journalists.page
    journalist_page.show_journalist(people["lan"].id)
    qtbot.waitUntil(lambda: journalist_page.timeline.model.rowCount() == 1)
    journalist_page.timeline.table.selectRow(0)
    assert journalist_page.answer_button.isEnabled()
    from app.ui.media.interaction_form import AnswerDialog

    answer = AnswerDialog(ctx, journalist_page.timeline.selected_entry().interaction)
    qtbot.addWidget(answer)
    answer.summary.setPlainText("Đã trả lời bằng Công văn số 12/UBND")
    with qtbot.waitSignal(answer.accepted):
        answer.buttons.button(answer.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: questions.model.rowCount() == 0)


def test_building_a_list_from_the_selection(qtbot, page, people) -> None:
    tab = page.journalists
    qtbot.waitUntil(lambda: tab.model.rowCount() == 4)
    tab.table.selectAll()
    qtbot.waitUntil(lambda: len(tab.selected_ids()) == 4)
    tab.add_to_new_list("Y tế", tab.selected_ids())
    lists = page.lists
    qtbot.waitUntil(lambda: lists.lists_model.rowCount() == 1)
    lists.lists_view.selectRow(0)
    qtbot.waitUntil(lambda: lists.members_model.rowCount() == 4)
    assert lists.lists_model.data(lists.lists_model.index(0, 1)) == "4"
    tam_row = next(r for r in range(4) if lists.members_model.row_at(r).id == people["tam"].id)
    assert lists.members_model.data(lists.members_model.index(tam_row, 2)) == "Không liên hệ"
    lists.members_view.selectRow(tam_row)
    lists.remove_members()
    qtbot.waitUntil(lambda: lists.members_model.rowCount() == 3)


def test_sending_a_press_release_through_the_dialog(qtbot, page, ctx, people, tmp_path: Path) -> None:
    server = SmtpServer().start()
    try:

        def configure() -> None:
            s = ctx.services.settings
            s.set("smtp.host", "127.0.0.1")
            s.set("smtp.port", server.port)
            s.set("smtp.security", "none")
            s.set("smtp.from", "ttcs@quangbinh.gov.vn")

        on_worker(qtbot, ctx, configure)
        ctx.services.press_releases.connect_wait = wait_none()
        on_worker(
            qtbot,
            ctx,
            lambda: ctx.services.interactions.create(
                {
                    "journalist_id": people["lan"].id,
                    "kind": "pitch",
                    "occurred_at": utcnow() - timedelta(days=1),
                }
            ),
        )
        note = tmp_path / "Thông cáo.txt"
        note.write_text("Nội dung đính kèm", encoding="utf-8")
        ids = [people["hung"].id, people["lan"].id, people["tam"].id]
        dialog = PressReleaseDialog(ctx, page.pump, ids)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.plan is not None)
        assert "Lê Văn Tám" in dialog.plan_label.text()  # do not contact: left out, and said so
        assert dialog.skip_recent.isVisibleTo(dialog) and "Trần Thị Lan" in dialog.plan_label.text()
        dialog.skip_recent.setChecked(False)
        dialog.subject.setText("Thông cáo báo chí về Ngày hội hiến máu tình nguyện")
        dialog.body.setPlainText("Kính gửi quý phóng viên,\nTrân trọng thông báo…")
        dialog.attachments.addItem(str(note))
        with qtbot.waitSignal(dialog.accepted):
            dialog.send_button.click()
        qtbot.waitUntil(lambda: len(server.mailbox.received) == 2, timeout=10_000)
        assert sorted(r.recipients[0] for r in server.mailbox.received) == ["hung@vtv.vn", "lan@baoqb.vn"]
        qtbot.waitUntil(
            lambda: (
                page.outbox.model.rowCount() == 2
                and all(m.status == "sent" for m in page.outbox.model.rows())
            )
        )
        assert page.outbox.model.data(page.outbox.model.index(0, 3)) == "Đã gửi"
    finally:
        server.stop()


def test_import_with_a_column_mapping(qtbot, page, ctx, tmp_path: Path) -> None:
    path = tmp_path / "excel-cu.csv"
    path.write_text(
        "Tên phóng viên,Tờ báo,Hộp thư,Sở thích\n"
        "Phạm Thu Trang,Báo Quảng Bình,trang@baoqb.vn,đọc sách\n"
        "Võ Minh Tuấn,Báo Mới Lập,tuan@sai,chạy bộ\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.mapping.rowCount() == 4)
    combos = [dialog.mapping.cellWidget(r, 2) for r in range(4)]
    assert [c.currentData() for c in combos] == ["", "", "", ""]  # nothing recognised
    for combo, target in zip(combos, ["full_name", "agency", "emails", ""], strict=True):
        combo.setCurrentIndex(combo.findData(target))
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == 1)
    assert dialog.good_model.rowCount() == 1 and dialog.rejected_model.rowCount() == 1
    assert "tuan@sai" in dialog.rejected_model.data(dialog.rejected_model.index(0, 1))
    assert "Báo Mới Lập" not in dialog.summary.text()  # only agencies of good rows are created
    with qtbot.waitSignal(dialog.accepted):
        dialog.import_good_button.click()
    tab = page.journalists
    qtbot.waitUntil(lambda: tab.model.rowCount() == 5)
    found = on_worker(qtbot, ctx, lambda: ctx.services.journalists.list(search="pham thu trang"))
    assert found[0].emails == "trang@baoqb.vn"


def test_import_lists_the_agencies_it_created(qtbot, ctx, page, people, tmp_path: Path) -> None:
    path = tmp_path / "danh-ba.csv"
    path.write_text(
        "Họ và tên,Cơ quan,Email\n"
        "Phạm Thu Trang,Báo Quảng Bình,trang@baoqb.vn\n"
        "Võ Minh Tuấn,Tạp chí Du lịch Miền Trung,tuan@dulich.vn\n"
        "Lý Thị Mơ,tap chi du lich mien trung,mo@dulich.vn\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled())
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == 1)
    assert "Tạp chí Du lịch Miền Trung" in dialog.summary.text()
    dialog.import_good_button.click()
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == 2)
    report = dialog.report.text()
    assert "Đã nhập 3 nhà báo" in report
    assert "kiểm tra loại hình và cấp" in report and "• Tạp chí Du lịch Miền Trung" in report
    assert "Báo Quảng Bình" not in report
    assert dialog.close_button.isVisible() and not dialog.import_good_button.isVisible()
    with qtbot.waitSignal(dialog.accepted):
        dialog.close_button.click()
    assert dialog.import_result.new_agencies == ("Tạp chí Du lịch Miền Trung",)
    agencies = page.agencies
    agencies.to_check_filter.setChecked(True)
    qtbot.waitUntil(lambda: agencies.model.rowCount() == 1)
    wait_rows_loaded(qtbot, agencies.model)
    assert agencies.model.data(agencies.model.index(0, 0)) == "Tạp chí Du lịch Miền Trung"
    agencies.to_check_filter.setChecked(False)
    qtbot.waitUntil(lambda: agencies.model.rowCount() == 3)


def test_import_nothing_leaves_the_contacts_alone(qtbot, ctx, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "CSV" in dialog.file_label.text())
    assert not dialog.check_button.isEnabled()
    dialog.import_nothing_button.click()
    assert on_worker(qtbot, ctx, ctx.services.journalists.count) == 4


def test_finding_and_merging_duplicates(qtbot, ctx, page, people) -> None:
    finder = DuplicatesDialog(ctx)
    qtbot.addWidget(finder)
    finder.show()
    qtbot.waitUntil(lambda: finder.model.rowCount() == 1)
    pair = finder.model.row_at(0)
    assert {pair.first_id, pair.second_id} == {people["hung"].id, people["hung2"].id}
    merge = MergeDialog(ctx, people["hung"].id, people["hung2"].id)
    qtbot.addWidget(merge)
    merge.show()
    qtbot.waitUntil(merge.merge_button.isEnabled)
    assert "hung@vtv.vn" in merge.keep_first.text()
    with qtbot.waitSignal(merge.accepted):
        merge.merge_button.click()
    kept = on_worker(qtbot, ctx, lambda: ctx.services.journalists.get(people["hung"].id))
    assert kept.phones == "0912345678"
    qtbot.waitUntil(lambda: page.journalists.model.rowCount() == 3)


def test_the_mail_outbox_runs_without_the_media_page_and_the_page_shares_it(qtbot, ctx) -> None:
    from PySide6.QtWidgets import QWidget

    from app.ui.media.send import start_mail_outbox

    window = QWidget()
    qtbot.addWidget(window)
    pump = start_mail_outbox(ctx, window)
    with qtbot.waitSignal(pump.delivered, timeout=10_000) as delivered:
        pump.deliver_now()
    assert delivered.args[0].waiting == 0 and delivered.args[0].error == ""
    page = MediaPage(ctx)
    qtbot.addWidget(page)
    assert page.pump is pump
