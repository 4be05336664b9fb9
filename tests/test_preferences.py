import pytest

from app.errors import ValidationError
from app.services import open_services
from app.services.preferences import PREFERENCES, SCHEMA_KEY, SCHEMA_VERSION, Preferences


def test_defaults_until_set_then_typed_values(services) -> None:
    prefs = services.preferences
    assert prefs.get("language") == "vi"
    assert prefs.get("backup.keep") == 14
    assert prefs.get("budget.overspend_policy") == "warn"
    assert prefs.update({"backup.keep": "30", "smtp.host": "  mail.hanoi.gov.vn "}) == {
        "backup.keep": 30,
        "smtp.host": "mail.hanoi.gov.vn",
    }
    assert prefs.get("backup.keep") == 30
    assert prefs.values(["backup.keep", "smtp.port"]) == {"backup.keep": 30, "smtp.port": 587}
    assert prefs.reset("backup.keep") == 14
    assert prefs.get("backup.keep") == 14


def test_bad_values_name_every_key_and_store_nothing(services) -> None:
    prefs = services.preferences
    with pytest.raises(ValidationError) as caught:
        prefs.update(
            {
                "backup.keep": 0,
                "language": "fr",
                "sync.server_url": "ftp://example",
                "smtp.from": "not an address",
                "reminders.minutes_before": 15,
            }
        )
    assert set(caught.value.fields()) == {"backup.keep", "language", "sync.server_url", "smtp.from"}
    assert "Số bản sao lưu giữ lại" in str(caught.value)
    assert prefs.get("reminders.minutes_before") == 30  # the good value was not half-saved


def test_unknown_key_is_a_programming_error(services) -> None:
    with pytest.raises(KeyError):
        services.preferences.get("backup.kept")


def test_a_stored_value_that_no_longer_fits_falls_back_to_the_default(services) -> None:
    services.settings.set("budget.overspend_policy", "ignore")
    services.settings.set("backup.keep", "lots")
    assert services.preferences.get("budget.overspend_policy") == "warn"
    assert services.preferences.values(["backup.keep"]) == {"backup.keep": 14}


def test_schema_version_is_stamped_and_upgrades_run_once(data_dir, monkeypatch) -> None:
    from app.services import preferences as module

    services = open_services(data_dir, actor="tester")
    try:
        assert services.settings.get(SCHEMA_KEY) == SCHEMA_VERSION
        # A later version renames a key: the step runs once and the version moves on.
        services.settings.set("reminders.before", 45)
        calls = []

        def rename(store) -> None:
            calls.append(1)
            store.set("reminders.minutes_before", store.get("reminders.before"))
            store.delete("reminders.before")

        monkeypatch.setattr(module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
        monkeypatch.setitem(module.UPGRADES, SCHEMA_VERSION, rename)
        prefs = Preferences(services.settings)
        assert prefs.upgrade() == SCHEMA_VERSION
        assert prefs.upgrade() == SCHEMA_VERSION + 1
        assert calls == [1]
        assert prefs.get("reminders.minutes_before") == 45
        assert services.settings.get("reminders.before") is None
    finally:
        services.close()


def test_every_declared_default_passes_its_own_check() -> None:
    for preference in PREFERENCES.values():
        assert preference.clean(preference.default) == preference.default
