"""An open form whose record changes underneath (a sync round, another window) reloads or warns."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sync_harness import (  # noqa: F401  (fixtures)
    Desk,
    Harness,
    harness_fixture,
    live_server_fixture,
    memory_keyring_fixture,
    quick_argon2_fixture,
    server_kind_fixture,
    server_rows,
)

from app.services.entity import RecordChanged, stamp_of
from app.ui.app import build_context, install_translations
from app.ui.context import UiContext
from app.ui.media.journalist_form import JournalistDialog
from app.ui.staff.dialogs import UnitDialog

WAIT_MS = 60_000


@pytest.fixture(autouse=True)
def _qt_garbage_on_the_gui_thread() -> Iterator[None]:
    """Set up first, torn down last (after qtbot closed the widgets): collect the test's Qt garbage
    here, on the GUI thread, rather than whenever a worker thread happens to trigger a collection."""
    yield
    gc.collect()


@pytest.fixture(name="desks")
def desks_fixture(qapp, harness: Harness) -> Iterator[tuple[Desk, Desk, UiContext, Any]]:
    """Desk "an" edits without a window; desk "binh" has the form open. Both synced once."""
    install_translations(qapp, "vi")
    a = harness.desk("an", set_up=True)
    b = harness.desk("binh")
    journalist = a.services.journalists.create(
        {"full_name": "Trần Thị Lan", "title": "Phóng viên", "phones": "0912 345 678"}
    )
    a.ok_round()
    b.ok_round()
    ctx = build_context(b.services)
    try:
        yield a, b, ctx, journalist
    finally:
        ctx.tasks.wait_for_done()
        b.services.db.forbid_thread(None)


def on_worker(qtbot, ctx: UiContext, operation: Callable[[], Any]) -> Any:
    box: list[Any] = []
    failures: list[BaseException] = []
    ctx.tasks.run_db(operation, box.append, failures.append)
    qtbot.waitUntil(lambda: bool(box or failures), timeout=WAIT_MS)
    if failures:
        raise failures[0]
    return box[0]


def sync(qtbot, ctx: UiContext, desk: Desk) -> None:
    """A real round on the form's desk, off the GUI thread as the app runs it."""
    result = on_worker(qtbot, ctx, desk.round)
    assert result.ok, result.summary()


def open_form(qtbot, ctx: UiContext, row_id: str) -> JournalistDialog:
    row = on_worker(qtbot, ctx, lambda: ctx.services.journalists.get(row_id))
    dialog = JournalistDialog(ctx, row)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.buttons.isEnabled, timeout=WAIT_MS)
    return dialog


def save(qtbot, dialog: Any) -> None:
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_an_untouched_form_reloads_quietly_after_a_sync(qtbot, harness, desks) -> None:
    a, b, ctx, journalist = desks
    dialog = open_form(qtbot, ctx, journalist.id)
    a.services.journalists.update(journalist.id, {"title": "Trưởng ban Thời sự"})
    a.ok_round()
    sync(qtbot, ctx, b)
    qtbot.waitUntil(lambda: dialog.title_edit.text() == "Trưởng ban Thời sự", timeout=WAIT_MS)
    assert dialog.change_bar.isHidden()
    # Saving now is an edit of the new version, not a return to the old title.
    dialog.notes.setPlainText("Gặp ở họp báo quý")
    save(qtbot, dialog)
    sync(qtbot, ctx, b)
    stored = server_rows(harness.server)[journalist.id]
    assert (stored["title"], stored["notes"]) == ("Trưởng ban Thời sự", "Gặp ở họp báo quý")


def test_an_edited_form_warns_and_keeping_my_edits_keeps_the_pulled_change(qtbot, harness, desks) -> None:
    a, b, ctx, journalist = desks
    dialog = open_form(qtbot, ctx, journalist.id)
    dialog.phones.setText("0912 345 678, 0987 654 321")  # typed, not saved yet
    a.services.journalists.update(journalist.id, {"title": "Trưởng ban Thời sự"})
    a.ok_round()
    sync(qtbot, ctx, b)
    qtbot.waitUntil(lambda: dialog.change_bar.isVisible(), timeout=WAIT_MS)
    text = dialog.change_bar.message.text()
    assert "an" in text and "thay đổi" in text  # who changed it, in Vietnamese
    assert dialog.change_bar.keep_button.isVisible() and dialog.change_bar.reload_button.isVisible()
    assert dialog.title_edit.text() == "Phóng viên"  # nothing replaced under the person's hands
    assert dialog.phones.text() == "0912 345 678, 0987 654 321"
    if os.environ.get("COMMDESK_SCREENSHOTS"):
        dialog.grab().save(os.path.join(os.environ["COMMDESK_SCREENSHOTS"], "form-record-changed.png"))
    dialog.change_bar.keep_button.click()
    assert dialog.change_bar.isHidden()
    save(qtbot, dialog)
    saved = on_worker(qtbot, ctx, lambda: b.services.journalists.get(journalist.id))
    assert (saved.title, saved.phones) == ("Trưởng ban Thời sự", "0912 345 678, 0987 654 321")
    sync(qtbot, ctx, b)
    a.ok_round()
    for row in (server_rows(harness.server)[journalist.id], a.services.journalists.get(journalist.id)):
        values = row if isinstance(row, dict) else {"title": row.title, "phones": row.phones}
        assert (values["title"], values["phones"]) == ("Trưởng ban Thời sự", "0912 345 678, 0987 654 321")


def test_reload_discards_my_edits_and_shows_the_new_version(qtbot, desks) -> None:
    a, b, ctx, journalist = desks
    dialog = open_form(qtbot, ctx, journalist.id)
    dialog.title_edit.setText("Biên tập viên")
    a.services.journalists.update(journalist.id, {"title": "Trưởng ban Thời sự", "beats": "Y tế"})
    a.ok_round()
    sync(qtbot, ctx, b)
    qtbot.waitUntil(lambda: dialog.change_bar.isVisible(), timeout=WAIT_MS)
    dialog.change_bar.reload_button.click()
    assert dialog.change_bar.isHidden()
    assert (dialog.title_edit.text(), dialog.beats.text()) == ("Trưởng ban Thời sự", "Y tế")
    # Saving with the bar open is "keep my edits": only the typed field goes over the new version.
    dialog.title_edit.setText("Biên tập viên")
    a.services.journalists.update(journalist.id, {"beats": "Giáo dục"})
    a.ok_round()
    sync(qtbot, ctx, b)
    qtbot.waitUntil(lambda: dialog.change_bar.isVisible(), timeout=WAIT_MS)
    save(qtbot, dialog)
    saved = on_worker(qtbot, ctx, lambda: b.services.journalists.get(journalist.id))
    assert (saved.title, saved.beats) == ("Biên tập viên", "Giáo dục")


def test_same_field_edited_here_and_there_still_goes_through_the_merge(qtbot, harness, desks) -> None:
    """Keeping my edit of a field the other desk also changed is an ordinary local edit: the
    server merges it field by field, and the other desk's value stays on record as a conflict."""
    a, b, ctx, journalist = desks
    dialog = open_form(qtbot, ctx, journalist.id)
    dialog.title_edit.setText("Biên tập viên")
    a.services.journalists.update(journalist.id, {"title": "Trưởng ban Thời sự"})
    a.ok_round()
    sync(qtbot, ctx, b)
    qtbot.waitUntil(lambda: dialog.change_bar.isVisible(), timeout=WAIT_MS)
    dialog.change_bar.keep_button.click()
    save(qtbot, dialog)
    # Meanwhile desk "an" changes the title again, offline: both edits meet at the server.
    a.services.journalists.update(journalist.id, {"title": "Phó ban Thời sự"})
    sync(qtbot, ctx, b)
    a.ok_round()
    sync(qtbot, ctx, b)
    title = server_rows(harness.server)[journalist.id]["title"]
    assert title in ("Biên tập viên", "Phó ban Thời sự")
    conflicts = a.sync.store.open_conflicts() + on_worker(qtbot, ctx, b.sync.store.open_conflicts)
    # The conflict is the office's: both desks list the same record of it.
    assert [c["field"] for c in conflicts] == ["title", "title"]
    assert len({c["id"] for c in conflicts}) == 1
    assert on_worker(qtbot, ctx, lambda: b.services.journalists.get(journalist.id)).title == title


def test_a_record_deleted_underneath_can_be_saved_as_new(qtbot, desks) -> None:
    a, b, ctx, journalist = desks
    dialog = open_form(qtbot, ctx, journalist.id)
    dialog.notes.setPlainText("Ghi chú chưa lưu")
    a.services.journalists.delete(journalist.id)
    a.ok_round()
    sync(qtbot, ctx, b)
    qtbot.waitUntil(lambda: dialog.change_bar.isVisible(), timeout=WAIT_MS)
    assert "xóa" in dialog.change_bar.message.text() and "an" in dialog.change_bar.message.text()
    assert dialog.change_bar.save_as_new_button.isVisible() and dialog.change_bar.close_button.isVisible()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.change_bar.save_as_new_button.click()
    assert dialog.saved.id != journalist.id
    copy = on_worker(qtbot, ctx, lambda: b.services.journalists.get(dialog.saved.id))
    assert (copy.full_name, copy.notes) == ("Trần Thị Lan", "Ghi chú chưa lưu")


def test_a_change_from_another_window_is_noticed_and_a_stale_save_is_refused(qtbot, desks) -> None:
    _a, b, ctx, _journalist = desks
    unit = on_worker(
        qtbot, ctx, lambda: b.services.units.create({"name": "Phòng Thông tin", "kind": "department"})
    )
    dialog = UnitDialog(ctx, [], unit)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.notes.setPlainText("Đầu mối mới")
    on_worker(qtbot, ctx, lambda: b.services.units.update(unit.id, {"name": "Phòng Thông tin - Báo chí"}))
    qtbot.waitUntil(lambda: dialog.change_bar.isVisible(), timeout=WAIT_MS)
    assert "binh" in dialog.change_bar.message.text()
    # The service itself refuses a save based on an older version (the form's last line of defence).
    with pytest.raises(RecordChanged):
        on_worker(qtbot, ctx, lambda: b.services.units.ensure_unchanged(unit.id, stamp_of(unit)))
    with pytest.raises(RecordChanged):  # and so does an update based on it, in its own transaction
        on_worker(
            qtbot, ctx, lambda: b.services.units.update(unit.id, {"notes": "cũ"}, expected=stamp_of(unit))
        )
    dialog.change_bar.keep_button.click()
    save(qtbot, dialog)
    saved = on_worker(qtbot, ctx, lambda: b.services.units.get(unit.id))
    assert (saved.name, saved.notes) == ("Phòng Thông tin - Báo chí", "Đầu mối mới")


def test_the_activity_editor_reloads_or_keeps_edits_after_a_sync(qtbot, harness, desks) -> None:
    from datetime import datetime, timedelta

    from app.services.fields import LOCAL_TZ
    from app.services.schedule import Occurrence
    from app.ui.calendar.editor import ActivityEditor

    a, b, ctx, _journalist = desks
    starts = datetime(2026, 3, 26, 14, tzinfo=LOCAL_TZ)
    row = a.services.activities.create(
        {
            "type": "press_conference_regular",
            "nature": "regular",
            "status": "planned",
            "mode": "in_person",
            "title": "Họp báo quý I",
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=2),
        }
    )
    a.ok_round()
    sync(qtbot, ctx, b)

    def open_editor() -> ActivityEditor:
        mine = on_worker(qtbot, ctx, lambda: b.services.activities.get(row.id))
        editor = ActivityEditor(ctx, Occurrence(mine, mine.starts_at, mine.ends_at))
        qtbot.addWidget(editor)
        editor.accept_conflicts = lambda _warnings: True
        editor.show()
        qtbot.waitUntil(lambda: editor.ready, timeout=WAIT_MS)
        return editor

    # Untouched: the new place appears by itself.
    editor = open_editor()
    a.services.activities.update(row.id, {"location": "Hội trường UBND tỉnh"})
    a.ok_round()
    sync(qtbot, ctx, b)
    qtbot.waitUntil(lambda: editor.location.text() == "Hội trường UBND tỉnh", timeout=WAIT_MS)
    assert editor.change_bar.isHidden()
    editor.close()

    # Edited: the other desk moves it an hour later; this one retitles it and keeps its edit.
    editor = open_editor()
    editor.title.setText("Họp báo định kỳ quý I năm 2026")
    a.services.activities.update(
        row.id, {"starts_at": starts + timedelta(hours=1), "ends_at": starts + timedelta(hours=3)}
    )
    a.ok_round()
    sync(qtbot, ctx, b)
    qtbot.waitUntil(lambda: editor.change_bar.isVisible(), timeout=WAIT_MS)
    editor.change_bar.keep_button.click()
    editor.save()
    qtbot.waitUntil(lambda: editor.saved_row is not None, timeout=WAIT_MS)
    saved = on_worker(qtbot, ctx, lambda: b.services.activities.get(row.id))
    assert saved.title == "Họp báo định kỳ quý I năm 2026"
    assert saved.starts_at == starts + timedelta(hours=1)  # the pulled move is not undone
    assert (saved.location, saved.status) == ("Hội trường UBND tỉnh", "planned")
    sync(qtbot, ctx, b)
    a.ok_round()
    mirrored = a.services.activities.get(row.id)
    assert (mirrored.title, mirrored.starts_at) == (saved.title, saved.starts_at)
