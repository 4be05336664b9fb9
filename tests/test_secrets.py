"""The OS password store: missing and locked are told apart, and neither crashes anything."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from app.services import secrets


class LockedKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("the collection is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("the collection is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked("the collection is locked")


class BrokenKeyring(KeyringBackend):
    """A backend that is there but cannot talk to its service (no D-Bus session, for one)."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringError("cannot connect to the session bus")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringError("cannot connect to the session bus")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringError("cannot connect to the session bus")


@pytest.fixture
def use_backend() -> Iterator[object]:
    previous = keyring.get_keyring()

    def use(backend: KeyringBackend) -> None:
        keyring.set_keyring(backend)

    yield use
    keyring.set_keyring(previous)


def test_no_backend_is_unavailable_with_a_clear_message(use_backend) -> None:
    use_backend(fail.Keyring())
    assert secrets.status() == "unavailable"
    with pytest.raises(secrets.SecretStoreUnavailable) as raised:
        secrets.set_secret("smtp:ttcs@mail", "mật khẩu")
    assert "kho mật khẩu" in str(raised.value)
    assert "no operating-system password store" in raised.value.message.en
    with pytest.raises(secrets.SecretStoreUnavailable):
        secrets.get_secret("smtp:ttcs@mail")
    secrets.delete_secret("smtp:ttcs@mail")  # nothing can be stored: forgetting is fine


def test_a_backend_that_cannot_reach_its_service_is_unavailable(use_backend) -> None:
    use_backend(BrokenKeyring())
    assert secrets.status() == "unavailable"
    with pytest.raises(secrets.SecretStoreUnavailable) as raised:
        secrets.set_secret("sync", "token")
    assert "session bus" in raised.value.message.en


def test_a_locked_store_is_told_apart(use_backend) -> None:
    use_backend(LockedKeyring())
    assert secrets.status() == "locked"
    for call in (
        lambda: secrets.get_secret("sync"),
        lambda: secrets.set_secret("sync", "token"),
        lambda: secrets.delete_secret("sync"),
    ):
        with pytest.raises(secrets.SecretStoreLocked) as raised:
            call()
        assert "Unlock it" in raised.value.message.en and "mở khóa" in str(raised.value)


def test_each_platform_names_the_backend_its_bundle_needs() -> None:
    assert secrets.platform_backend_modules("win32")[0] == "keyring.backends.Windows"
    assert "secretstorage" in secrets.platform_backend_modules("linux")
    assert secrets.platform_backend_name("linux") == "SecretService"
    assert secrets.platform_backend_name("win32") == "Windows"
    from importlib import import_module
    from importlib.metadata import entry_points

    for name in secrets.platform_backend_modules():  # this machine's: installed with keyring
        import_module(name)
    assert secrets.platform_backend_name() in {e.name for e in entry_points(group="keyring.backends")}


def test_logging_out_of_sync_works_without_a_password_store(use_backend, services) -> None:
    from app.sync.client import SyncClient

    use_backend(fail.Keyring())
    client = SyncClient(services)
    services.settings.set("sync.server_url", "http://127.0.0.1:9")
    services.settings.set("sync.username", "ttcs")
    client.logout()
    assert not client.configured()
