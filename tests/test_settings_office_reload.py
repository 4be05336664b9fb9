"""The office details in Settings when the office changes underneath (a sync round, another window):
an untouched section reloads, an edited one warns, and a save never writes over a newer version."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
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

from app.ui.app import build_context, install_translations
from app.ui.context import UiContext
from app.ui.settings.page import SettingsPage

WAIT_MS = 60_000


@pytest.fixture(autouse=True)
def _qt_garbage_on_the_gui_thread() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture(name="desks")
def desks_fixture(qapp, harness: Harness) -> Iterator[tuple[Desk, Desk, UiContext, str]]:
    """Desk "an" changes the office without a window; desk "binh" has Settings open."""
    install_translations(qapp, "vi")
    a = harness.desk("an", set_up=True)
    a.ok_round()
    b = harness.desk("binh")
    b.ok_round()
    ctx = build_context(b.services)
    try:
        yield a, b, ctx, a.services.offices.current().id
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
    result = on_worker(qtbot, ctx, desk.round)
    assert result.ok, result.summary()


PAGES: list[SettingsPage] = []  # held for the test's length (a section does not hold its page)


@pytest.fixture(autouse=True)
def _pages_held() -> Iterator[None]:
    yield
    PAGES.clear()


def open_section(qtbot, ctx: UiContext, key: str = "office") -> Any:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    PAGES.append(page)
    page.show()
    section = page.show_section(key)
    qtbot.waitUntil(lambda: section.form.office is not None, timeout=WAIT_MS)
    return section


def save(qtbot, section: Any) -> None:
    with qtbot.waitSignal(section.form.saved, timeout=WAIT_MS):
        section.save_button.click()


def test_an_untouched_office_section_reloads_quietly_after_a_sync(qtbot, desks) -> None:
    a, b, ctx, office_id = desks
    section = open_section(qtbot, ctx)
    a.services.offices.update(office_id, {"name": "Văn phòng UBND tỉnh Lâm Đồng"})
    a.ok_round()
    sync(qtbot, ctx, b)
    qtbot.waitUntil(lambda: section.form.name.text() == "Văn phòng UBND tỉnh Lâm Đồng", timeout=WAIT_MS)
    assert section.change_bar.isHidden()
    assert not section.save_button.isEnabled()  # nothing of the person's to save


def test_an_edited_office_section_warns_and_keeping_my_edits_keeps_the_pulled_change(
    qtbot, harness, desks
) -> None:
    a, b, ctx, office_id = desks
    section = open_section(qtbot, ctx)
    section.form.province.setText("Lâm Đồng")  # typed, not saved yet
    a.services.offices.update(office_id, {"name": "Văn phòng UBND tỉnh Lâm Đồng"})
    a.ok_round()
    sync(qtbot, ctx, b)
    qtbot.waitUntil(section.change_bar.isVisible, timeout=WAIT_MS)
    text = section.change_bar.message.text()
    assert "an" in text and "thay đổi" in text  # who changed it, in Vietnamese
    assert section.form.name.text() == "Văn phòng UBND tỉnh A"  # nothing replaced under the person's hands
    assert section.form.province.text() == "Lâm Đồng"
    if os.environ.get("COMMDESK_SCREENSHOTS"):
        page = section.window()
        page.resize(1000, 640)
        page.grab().save(os.path.join(os.environ["COMMDESK_SCREENSHOTS"], "settings-office-changed.png"))
    section.change_bar.keep_button.click()
    assert section.change_bar.isHidden()
    save(qtbot, section)
    stored = on_worker(qtbot, ctx, lambda: b.services.offices.get(office_id))
    assert (stored.name, stored.province) == ("Văn phòng UBND tỉnh Lâm Đồng", "Lâm Đồng")
    assert section.form.name.text() == "Văn phòng UBND tỉnh Lâm Đồng"  # the form shows what is stored
    sync(qtbot, ctx, b)
    a.ok_round()
    server = server_rows(harness.server)[office_id]
    assert (server["name"], server["province"]) == ("Văn phòng UBND tỉnh Lâm Đồng", "Lâm Đồng")
    mirrored = a.services.offices.get(office_id)
    assert (mirrored.name, mirrored.province) == ("Văn phòng UBND tỉnh Lâm Đồng", "Lâm Đồng")


def test_reload_discards_my_edits_and_saving_with_the_bar_open_keeps_them(qtbot, desks) -> None:
    a, b, ctx, office_id = desks
    section = open_section(qtbot, ctx)
    section.form.name.setText("Văn phòng UBND tỉnh B")
    a.services.offices.update(office_id, {"name": "Văn phòng UBND tỉnh Lâm Đồng", "province": "Lâm Đồng"})
    a.ok_round()
    sync(qtbot, ctx, b)
    qtbot.waitUntil(section.change_bar.isVisible, timeout=WAIT_MS)
    section.change_bar.reload_button.click()
    assert section.change_bar.isHidden()
    assert (section.form.name.text(), section.form.province.text()) == (
        "Văn phòng UBND tỉnh Lâm Đồng",
        "Lâm Đồng",
    )
    assert not section.save_button.isEnabled()
    # Saving while the bar is open is "keep my edits": only the typed field goes over the new version.
    section.form.superior_body.setText("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG")
    a.services.offices.update(office_id, {"place_name": "Đà Lạt", "province": "Tỉnh Lâm Đồng"})
    a.ok_round()
    sync(qtbot, ctx, b)
    qtbot.waitUntil(section.change_bar.isVisible, timeout=WAIT_MS)
    save(qtbot, section)
    stored = on_worker(qtbot, ctx, lambda: b.services.offices.get(office_id))
    assert (stored.superior_body, stored.place_name, stored.province) == (
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        "Đà Lạt",
        "Tỉnh Lâm Đồng",
    )
    assert section.change_bar.isHidden()


def test_a_change_to_the_other_sections_fields_leaves_my_edits_alone(qtbot, desks) -> None:
    a, b, ctx, office_id = desks
    section = open_section(qtbot, ctx)
    section.form.place_name.setText("Đà Lạt")
    a.services.offices.update(office_id, {"signer_name": "Trần Thị Bình"})  # a report default
    a.ok_round()
    sync(qtbot, ctx, b)
    qtbot.waitUntil(lambda: section.form.office.signer_name == "Trần Thị Bình", timeout=WAIT_MS)
    assert section.change_bar.isHidden()
    assert section.form.place_name.text() == "Đà Lạt"
    save(qtbot, section)  # based on the newer version: not refused
    stored = on_worker(qtbot, ctx, lambda: b.services.offices.get(office_id))
    assert (stored.place_name, stored.signer_name) == ("Đà Lạt", "Trần Thị Bình")


def test_a_stale_save_is_refused_and_the_bar_explains_why(qtbot, desks) -> None:
    """A change the section has not heard of yet (another session on the same database file):
    the save's own transaction sees the newer version, refuses, and the bar offers the choice."""
    _a, b, ctx, office_id = desks
    section = open_section(qtbot, ctx, "reports")
    section.form.signer_title.setText("Phó Chánh Văn phòng")
    ctx.data_changed.blockSignals(True)
    try:
        on_worker(qtbot, ctx, lambda: b.services.offices.update(office_id, {"signer_name": "Lê Văn Cường"}))
    finally:
        ctx.data_changed.blockSignals(False)
    assert section.change_bar.isHidden()
    section.save_button.click()
    qtbot.waitUntil(section.change_bar.isVisible, timeout=WAIT_MS)
    assert section.form.error_label.isHidden() or not section.form.error_label.text()
    stored = on_worker(qtbot, ctx, lambda: b.services.offices.get(office_id))
    # Nothing was overwritten.
    assert (stored.signer_name, stored.signer_title) == ("Lê Văn Cường", "Chánh Văn phòng")
    assert section.form.signer_name.text() == "Nguyễn Văn An"
    section.change_bar.keep_button.click()
    save(qtbot, section)
    stored = on_worker(qtbot, ctx, lambda: b.services.offices.get(office_id))
    assert (stored.signer_name, stored.signer_title) == ("Lê Văn Cường", "Phó Chánh Văn phòng")
