"""The activity editor's topics and invitations when another desk changes them while it is open:
untouched lists reload, edited ones warn, and nothing typed here or done there is lost silently."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sync_harness import (  # noqa: F401  (fixtures)
    Desk,
    Harness,
    harness_fixture,
    live_server_fixture,
    memory_keyring_fixture,
    quick_argon2_fixture,
    server_kind_fixture,
)

from app.services.fields import LOCAL_TZ
from app.services.schedule import Occurrence
from app.ui.app import build_context, install_translations
from app.ui.calendar.editor import ActivityEditor
from app.ui.context import UiContext

WAIT_MS = 60_000


@pytest.fixture(autouse=True)
def _qt_garbage_on_the_gui_thread() -> Iterator[None]:
    yield
    gc.collect()


@dataclass
class Scene:
    a: Desk  # changes the lists without a window
    b: Desk  # has the editor open
    ctx: UiContext
    activity_id: str
    topics: dict[str, str]  # name -> id
    journalists: dict[str, str]
    invitee_lan: str  # the invitation of Lan, made before the editor opens


@pytest.fixture(name="scene")
def scene_fixture(qapp, harness: Harness) -> Iterator[Scene]:
    install_translations(qapp, "vi")
    a = harness.desk("an", set_up=True)
    b = harness.desk("binh")
    topics = {
        name: a.services.topics.create({"name": name, "kind": "in_force", "stage": "implementation"}).id
        for name in ("Chuyển đổi số", "Học phí", "Giao thông")
    }
    journalists = {
        name: a.services.journalists.create({"full_name": name}).id
        for name in ("Trần Thị Lan", "Lê Văn Minh", "Phạm Thu Hà")
    }
    starts = datetime(2026, 3, 26, 14, tzinfo=LOCAL_TZ)
    activity = a.services.calendar.create(
        {
            "type": "press_conference_regular",
            "title": "Họp báo quý I",
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=2),
        },
        [topics["Chuyển đổi số"]],
    )
    lan = a.services.calendar.invite(activity.id, journalist_id=journalists["Trần Thị Lan"])
    a.ok_round()
    b.ok_round()
    ctx = build_context(b.services)
    try:
        yield Scene(a, b, ctx, activity.id, topics, journalists, lan.id)
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


def sync(qtbot, scene: Scene) -> None:
    """A real round on the editor's desk, off the GUI thread as the app runs it."""
    result = on_worker(qtbot, scene.ctx, scene.b.round)
    assert result.ok, result.summary()


def open_editor(qtbot, scene: Scene) -> ActivityEditor:
    b = scene.b
    row = on_worker(qtbot, scene.ctx, lambda: b.services.activities.get(scene.activity_id))
    editor = ActivityEditor(scene.ctx, Occurrence(row, row.starts_at, row.ends_at))
    qtbot.addWidget(editor)
    editor.accept_conflicts = lambda _warnings: True
    editor.show()
    qtbot.waitUntil(lambda: editor.ready, timeout=WAIT_MS)
    return editor


def tick(editor: ActivityEditor, topic_id: str, on: bool = True) -> None:
    for index in range(editor.topics.count()):
        item = editor.topics.item(index)
        if item.data(Qt.ItemDataRole.UserRole) == topic_id:
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            return
    raise AssertionError(f"topic {topic_id} is not listed")


def shown_invitees(editor: ActivityEditor) -> dict[str, str]:
    """Name -> attendance, as the table shows them."""
    return {row.name: row.attendance for row in editor.invitee_model.rows}


def stored(qtbot, scene: Scene, desk: Desk | None = None) -> tuple[set[str], dict[str, str]]:
    """The activity's topic ids and its invitations (journalist id -> attendance) on a desk."""
    services = (desk or scene.b).services
    links = on_worker(qtbot, scene.ctx, lambda: services.calendar.links(scene.activity_id))
    return set(links.topic_ids), {v.journalist_id: v.attendance for v in links.invitees}


def test_untouched_lists_reload_quietly_and_a_later_save_keeps_them(qtbot, scene: Scene) -> None:
    a, topics, people = scene.a, scene.topics, scene.journalists
    editor = open_editor(qtbot, scene)
    assert editor.topic_ids() == [topics["Chuyển đổi số"]]
    editor.title.setText("Họp báo định kỳ quý I")  # a field typed: the lists are still untouched
    occurrence = a.services.calendar.occurrence_at(scene.activity_id, editor.occurrence.starts_at)
    a.services.calendar.edit(occurrence, {}, topic_ids=[topics["Chuyển đổi số"], topics["Học phí"]])
    a.services.calendar.invite(scene.activity_id, journalist_id=people["Lê Văn Minh"])
    a.ok_round()
    sync(qtbot, scene)
    qtbot.waitUntil(lambda: "Lê Văn Minh" in shown_invitees(editor), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: topics["Học phí"] in editor.topic_ids(), timeout=WAIT_MS)
    assert editor.links_bar.isHidden() and editor.change_bar.isHidden()
    assert editor.title.text() == "Họp báo định kỳ quý I"  # what was typed stays
    editor.save()
    qtbot.waitUntil(lambda: editor.saved_row is not None, timeout=WAIT_MS)
    assert stored(qtbot, scene) == (
        {topics["Chuyển đổi số"], topics["Học phí"]},
        {people["Trần Thị Lan"]: "invited", people["Lê Văn Minh"]: "invited"},
    )


def test_edited_lists_warn_and_keeping_my_edits_keeps_both_sides(qtbot, scene: Scene) -> None:
    a, b, topics, people = scene.a, scene.b, scene.topics, scene.journalists
    editor = open_editor(qtbot, scene)
    # Here: tick "Giao thông", mark Lan as confirmed, invite Hà.
    tick(editor, topics["Giao thông"])
    editor.invitee_model.setData(editor.invitee_model.index(0, 2), "confirmed")
    editor.journalist_pick.setText("Phạm Thu Hà")
    editor.invite_button.click()
    # There: untick "Chuyển đổi số", tick "Học phí", invite Minh.
    occurrence = a.services.calendar.occurrence_at(scene.activity_id, editor.occurrence.starts_at)
    a.services.calendar.edit(occurrence, {}, topic_ids=[topics["Học phí"]])
    a.services.calendar.invite(scene.activity_id, journalist_id=people["Lê Văn Minh"])
    a.ok_round()
    sync(qtbot, scene)
    qtbot.waitUntil(editor.links_bar.isVisible, timeout=WAIT_MS)
    text = editor.links_bar.message.text()
    assert "an" in text and "khách mời" in text, text  # who, and what, in Vietnamese
    assert editor.links_bar.reload_button.isVisible() and editor.links_bar.keep_button.isVisible()
    # Nothing replaced under the person's hands.
    assert set(editor.topic_ids()) == {topics["Chuyển đổi số"], topics["Giao thông"]}
    assert shown_invitees(editor) == {"Trần Thị Lan": "confirmed", "Phạm Thu Hà": "invited"}
    if os.environ.get("COMMDESK_SCREENSHOTS"):
        editor.grab().save(
            os.path.join(os.environ["COMMDESK_SCREENSHOTS"], "calendar-editor-links-changed.png")
        )
    editor.links_bar.keep_button.click()
    assert editor.links_bar.isHidden()
    # Both sides, shown before saving: their change of topics with mine on top, all three invitations.
    assert set(editor.topic_ids()) == {topics["Học phí"], topics["Giao thông"]}
    assert shown_invitees(editor) == {
        "Trần Thị Lan": "confirmed",
        "Lê Văn Minh": "invited",
        "Phạm Thu Hà": "invited",
    }
    editor.save()
    qtbot.waitUntil(lambda: editor.saved_row is not None, timeout=WAIT_MS)
    wanted = (
        {topics["Học phí"], topics["Giao thông"]},
        {
            people["Trần Thị Lan"]: "confirmed",
            people["Lê Văn Minh"]: "invited",
            people["Phạm Thu Hà"]: "invited",
        },
    )
    assert stored(qtbot, scene) == wanted
    sync(qtbot, scene)
    a.ok_round()
    assert stored(qtbot, scene, a) == wanted
    assert b.sync.store.open_conflict_count() == 0


def test_reload_shows_the_new_lists_and_drops_my_list_edits(qtbot, scene: Scene) -> None:
    a, topics, people = scene.a, scene.topics, scene.journalists
    editor = open_editor(qtbot, scene)
    tick(editor, topics["Giao thông"])
    a.services.calendar.uninvite(scene.invitee_lan)
    a.services.calendar.invite(scene.activity_id, journalist_id=people["Lê Văn Minh"])
    a.ok_round()
    sync(qtbot, scene)
    qtbot.waitUntil(editor.links_bar.isVisible, timeout=WAIT_MS)
    assert shown_invitees(editor) == {"Trần Thị Lan": "invited"}
    editor.links_bar.reload_button.click()
    assert editor.links_bar.isHidden()
    assert editor.topic_ids() == [topics["Chuyển đổi số"]]
    assert shown_invitees(editor) == {"Lê Văn Minh": "invited"}


def test_saving_with_the_bar_open_keeps_my_edits_and_a_removed_invitation_marked_here_returns(
    qtbot, scene: Scene
) -> None:
    """Lan's attendance was marked here while Lan's invitation was removed there: the person's
    mark is not dropped silently; saving with the bar open is "keep my edits"."""
    a, topics, people = scene.a, scene.topics, scene.journalists
    editor = open_editor(qtbot, scene)
    editor.invitee_model.setData(editor.invitee_model.index(0, 2), "attended")
    a.services.calendar.uninvite(scene.invitee_lan)
    a.ok_round()
    sync(qtbot, scene)
    qtbot.waitUntil(editor.links_bar.isVisible, timeout=WAIT_MS)
    editor.save()
    qtbot.waitUntil(lambda: editor.saved_row is not None, timeout=WAIT_MS)
    assert stored(qtbot, scene) == ({topics["Chuyển đổi số"]}, {people["Trần Thị Lan"]: "attended"})


def test_a_save_based_on_old_lists_changes_only_what_the_person_changed(qtbot, scene: Scene) -> None:
    """Links changed by another session on the same database file that the editor has not heard of
    yet: the save applies the person's own changes to what is stored, undoing nothing."""
    b, topics, people = scene.b, scene.topics, scene.journalists
    editor = open_editor(qtbot, scene)
    tick(editor, topics["Giao thông"])
    editor.journalist_pick.setText("Phạm Thu Hà")
    editor.invite_button.click()
    occurrence = editor.occurrence
    scene.ctx.data_changed.blockSignals(True)
    try:
        on_worker(
            qtbot,
            scene.ctx,
            lambda: b.services.calendar.edit(
                occurrence, {}, topic_ids=[topics["Chuyển đổi số"], topics["Học phí"]]
            ),
        )
        on_worker(
            qtbot,
            scene.ctx,
            lambda: b.services.calendar.invite(scene.activity_id, journalist_id=people["Phạm Thu Hà"]),
        )
        on_worker(qtbot, scene.ctx, lambda: b.services.calendar.uninvite(scene.invitee_lan))
    finally:
        scene.ctx.data_changed.blockSignals(False)
    assert editor.links_bar.isHidden()
    editor.save()
    qtbot.waitUntil(lambda: editor.saved_row is not None, timeout=WAIT_MS)
    assert stored(qtbot, scene) == (
        {topics["Chuyển đổi số"], topics["Học phí"], topics["Giao thông"]},
        {people["Phạm Thu Hà"]: "invited"},  # invited once, and Lan's removal is not undone
    )


def test_an_activity_deleted_underneath_is_saved_as_new_with_its_topics_and_invitations(
    qtbot, scene: Scene
) -> None:
    a, b, topics, people = scene.a, scene.b, scene.topics, scene.journalists
    editor = open_editor(qtbot, scene)
    tick(editor, topics["Học phí"])
    editor.invitee_model.setData(editor.invitee_model.index(0, 2), "confirmed")
    occurrence = a.services.calendar.occurrence_at(scene.activity_id, editor.occurrence.starts_at)
    a.services.calendar.delete(occurrence)
    a.ok_round()
    sync(qtbot, scene)
    qtbot.waitUntil(editor.change_bar.isVisible, timeout=WAIT_MS)
    assert editor.change_bar.save_as_new_button.isVisible()
    with qtbot.waitSignal(editor.accepted, timeout=WAIT_MS):
        editor.change_bar.save_as_new_button.click()
    copy = editor.saved_row
    assert copy.id != scene.activity_id and copy.title == "Họp báo quý I"
    links = on_worker(qtbot, scene.ctx, lambda: b.services.calendar.links(copy.id))
    assert set(links.topic_ids) == {topics["Chuyển đổi số"], topics["Học phí"]}
    assert {v.journalist_id: v.attendance for v in links.invitees} == {people["Trần Thị Lan"]: "confirmed"}
