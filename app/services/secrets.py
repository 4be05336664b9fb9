"""Passwords and tokens in the operating system's keyring, never in the database.

The keyring can be missing (no backend on this machine) or present but locked (the user has
not unlocked the wallet, or refused to). Callers need to tell these apart to say the right
thing, so each has its own error.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from app.errors import CommDeskError
from app.i18n import Message

if TYPE_CHECKING:
    import keyring.backend

SERVICE = "CommDesk"


def platform_backend_modules(platform: str = sys.platform) -> tuple[str, ...]:
    """The modules the password store of ``platform`` needs; the bundle must carry them all."""
    if platform == "win32":
        return ("keyring.backends.Windows", "win32ctypes.core")  # Windows Credential Locker
    if platform == "darwin":
        return ("keyring.backends.macOS",)
    return ("keyring.backends.SecretService", "secretstorage", "jeepney", "jeepney.io.blocking")


def platform_backend_name(platform: str = sys.platform) -> str:
    """The entry-point name under which keyring finds the backend of ``platform``."""
    return {"win32": "Windows", "darwin": "macOS"}.get(platform, "SecretService")


class SecretStoreUnavailable(CommDeskError):
    """No usable keyring on this computer."""


class SecretStoreLocked(CommDeskError):
    """The keyring exists but is locked, or the user refused access."""


def _unavailable(detail: object) -> SecretStoreUnavailable:
    return SecretStoreUnavailable(
        Message(
            f"Không có kho mật khẩu của hệ điều hành trên máy này ({detail}). Mật khẩu không được lưu.",
            f"This computer has no operating-system password store ({detail}). The password was not kept.",
        )
    )


def _locked(detail: object) -> SecretStoreLocked:
    return SecretStoreLocked(
        Message(
            f"Kho mật khẩu của hệ điều hành đang khóa ({detail}). Hãy mở khóa rồi thử lại.",
            f"The operating-system password store is locked ({detail}). Unlock it and try again.",
        )
    )


def _backend() -> keyring.backend.KeyringBackend:
    import keyring.errors  # loaded on first use: it is slow to import and rarely needed
    from keyring.backends import fail

    try:
        backend = keyring.get_keyring()
    except keyring.errors.InitError as exc:
        raise _unavailable(exc) from exc
    if isinstance(backend, fail.Keyring):
        raise _unavailable("no backend")
    return backend


def status() -> str:
    """'available', 'unavailable' or 'locked' (probing with a read)."""
    import keyring.errors

    try:
        _backend().get_password(SERVICE, "__probe__")
    except SecretStoreUnavailable:
        return "unavailable"
    except keyring.errors.KeyringLocked:
        return "locked"
    except keyring.errors.NoKeyringError:
        return "unavailable"
    except keyring.errors.KeyringError:
        return "unavailable"
    return "available"


def get_secret(name: str) -> str | None:
    import keyring.errors

    backend = _backend()
    try:
        return backend.get_password(SERVICE, name)
    except keyring.errors.KeyringLocked as exc:
        raise _locked(exc) from exc
    except keyring.errors.KeyringError as exc:
        raise _unavailable(exc) from exc


def set_secret(name: str, value: str) -> None:
    import keyring.errors

    backend = _backend()
    try:
        backend.set_password(SERVICE, name, value)
    except keyring.errors.KeyringLocked as exc:
        raise _locked(exc) from exc
    except keyring.errors.KeyringError as exc:
        raise _unavailable(exc) from exc


def delete_secret(name: str) -> None:
    import keyring.errors

    try:
        backend = _backend()
    except SecretStoreUnavailable:
        return  # no password store: nothing can have been kept in it
    try:
        backend.delete_password(SERVICE, name)
    except keyring.errors.PasswordDeleteError:
        return  # nothing stored: nothing to delete
    except keyring.errors.KeyringLocked as exc:
        raise _locked(exc) from exc
    except keyring.errors.KeyringError as exc:
        raise _unavailable(exc) from exc
