from PySide6.QtCore import QCoreApplication

from app.ui.app import build_context, create_main_window
from app.ui.settings import SETTINGS_SECTIONS
from app.ui.settings.page import SettingsPage


def _settle(ctx, services) -> None:
    ctx.tasks.wait_for_done()
    QCoreApplication.processEvents()
    services.db.forbid_thread(None)


def test_every_section_opens(qtbot, services) -> None:
    ctx = build_context(services)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    for spec in SETTINGS_SECTIONS:
        widget = page.show_section(spec.key)
        assert page.current_key() == spec.key
        assert widget.isVisibleTo(page)
    _settle(ctx, services)


def test_office_section_saves_the_office_and_marks_bad_fields(qtbot, services) -> None:
    ctx = build_context(services)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    section = page.show_section("office")
    qtbot.waitUntil(lambda: section.form.code.text() == "UBND-TEST")
    assert not section.save_button.isEnabled()
    section.form.name.setText("")
    assert section.save_button.isEnabled()
    section.save_button.click()
    qtbot.waitUntil(lambda: section.form.error_label.isVisibleTo(section))
    assert section.form.errors.fields_marked() == ["name"]
    section.form.name.setText("Văn phòng UBND tỉnh Lâm Đồng")
    section.save_button.click()
    qtbot.waitUntil(lambda: section.status_label.text() != "")
    assert not section.save_button.isEnabled()
    _settle(ctx, services)
    assert services.offices.current().name == "Văn phòng UBND tỉnh Lâm Đồng"


def test_report_defaults_reload_when_the_office_changes_elsewhere(qtbot, services) -> None:
    ctx = build_context(services)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    section = page.show_section("reports")
    qtbot.waitUntil(lambda: section.form.signer_name.text() == "Nguyễn Văn An")
    office_id = section.form.office.id
    ctx.tasks.run_db(lambda: services.offices.update(office_id, {"signer_name": "Trần Thị Bình"}))
    qtbot.waitUntil(lambda: section.form.signer_name.text() == "Trần Thị Bình")
    _settle(ctx, services)


def test_preference_sections_check_and_store_typed_values(qtbot, services) -> None:
    ctx = build_context(services)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    budget = page.show_section("budget")
    qtbot.waitUntil(lambda: budget.policy.currentData() == "warn")
    budget.policy.setCurrentIndex(budget.policy.findData("refuse"))
    budget.save_button.click()
    qtbot.waitUntil(lambda: budget.status_label.text() != "")

    language = page.show_section("language")
    qtbot.waitUntil(lambda: language.language.currentData() == "vi")
    language.language.setCurrentIndex(language.language.findData("en"))
    language.save_button.click()
    qtbot.waitUntil(lambda: language.restart_button.isVisibleTo(language))

    backup = page.show_section("backup")
    qtbot.waitUntil(lambda: backup.keep.value() == 14)
    backup.folder.setText("relative/but/fine")
    backup.keep.setValue(7)
    backup.revert_button.click()
    assert backup.keep.value() == 14 and backup.folder.text() == ""
    _settle(ctx, services)
    assert services.preferences.get("budget.overspend_policy") == "refuse"
    assert services.preferences.get("language") == "en"


def test_settings_is_a_page_of_the_main_window(qtbot, services) -> None:
    window = create_main_window(services)
    qtbot.addWidget(window)
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    _settle(window.ctx, services)
