"""Typed preferences over the settings store: each key has a kind, a default and a label.

Keys are prefixed by area (``backup.keep``, ``smtp.host``, ``sync.server_url``). Reading a
key that was never set gives its default; a stored value that no longer fits its kind (an
older version wrote it, or someone edited the file) also gives the default rather than an
error. Writing checks every value and refuses the whole change with a :class:`ValidationError`
naming each bad key, so nothing is half-saved.

The report defaults (signer, recipients, period rule) and the office's own details are fields
of the Office row (``services.offices.current()``), shared with every PC of the office through
sync; they are not duplicated here.

Upgrades: ``SCHEMA_VERSION`` is stored under ``settings.schema_version``. When a later version
renames or reshapes a key, add a step to ``UPGRADES`` (from version N to N+1); steps run once,
in order, when the database is opened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from app.errors import FieldProblem, ValidationError
from app.i18n import Message
from app.services.fields import EMAIL, URL
from app.services.settings import SettingsStore

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
SCHEMA_KEY = "settings.schema_version"

TEXT = "text"
INT = "int"
BOOL = "bool"
CHOICE = "choice"
URL_KIND = "url"
EMAIL_KIND = "email"
PATH = "path"


@dataclass(frozen=True)
class Preference:
    key: str
    kind: str
    default: Any
    label: Message
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    def clean(self, value: Any) -> Any:
        """The value in its stored form, or :class:`ValueError` with a reason for people."""
        if self.kind in (TEXT, PATH, URL_KIND, EMAIL_KIND):
            if value is None:
                return ""
            if not isinstance(value, str):
                raise _invalid("phải là văn bản", "must be text")
            text = value.strip()
            if text and self.kind == URL_KIND and not URL.match(text):
                raise _invalid(
                    "phải là địa chỉ http:// hoặc https://", "must be an http:// or https:// address"
                )
            if text and self.kind == EMAIL_KIND and not EMAIL.match(text):
                raise _invalid("không phải địa chỉ thư điện tử hợp lệ", "is not a valid e-mail address")
            return text
        if self.kind == INT:
            if isinstance(value, bool) or not isinstance(value, int | str):
                raise _invalid("phải là số nguyên", "must be a whole number")
            try:
                number = int(value)
            except ValueError:
                raise _invalid("phải là số nguyên", "must be a whole number") from None
            if self.minimum is not None and number < self.minimum:
                raise _invalid(f"không được nhỏ hơn {self.minimum}", f"must be at least {self.minimum}")
            if self.maximum is not None and number > self.maximum:
                raise _invalid(f"không được lớn hơn {self.maximum}", f"must be at most {self.maximum}")
            return number
        if self.kind == BOOL:
            if not isinstance(value, bool):
                raise _invalid("phải là có hoặc không", "must be yes or no")
            return value
        if self.kind == CHOICE:
            if value not in self.choices:
                allowed = ", ".join(self.choices)
                raise _invalid(f"phải là một trong: {allowed}", f"must be one of: {allowed}")
            return value
        raise AssertionError(f"unknown preference kind {self.kind}")


class _Invalid(ValueError):
    def __init__(self, reason: Message) -> None:
        super().__init__(reason.en)
        self.reason = reason


def _invalid(vi: str, en: str) -> _Invalid:
    return _Invalid(Message(vi, en))


M = Message
PREFERENCES: dict[str, Preference] = {}


def register(*preferences: Preference) -> None:
    """Declare keys (an area may add its own at import time); a key is declared once."""
    for preference in preferences:
        if preference.key in PREFERENCES and PREFERENCES[preference.key] != preference:
            raise ValueError(f"preference {preference.key} declared twice")
        PREFERENCES[preference.key] = preference


register(
    Preference("language", CHOICE, "vi", M("Ngôn ngữ", "Language"), choices=("vi", "en")),
    Preference("backup.folder", PATH, "", M("Thư mục sao lưu", "Backup folder")),
    Preference("backup.keep", INT, 14, M("Số bản sao lưu giữ lại", "Backups kept"), minimum=1, maximum=365),
    Preference("backup.daily", BOOL, True, M("Sao lưu tự động hằng ngày", "Daily automatic backup")),
    Preference(
        "reminders.minutes_before",
        INT,
        30,
        M("Nhắc trước (phút)", "Remind before (minutes)"),
        minimum=0,
        maximum=7 * 24 * 60,
    ),
    Preference(
        "budget.overspend_policy",
        CHOICE,
        "warn",
        M("Khi chi vượt dự toán", "When spending exceeds the allocation"),
        choices=("warn", "refuse"),
    ),
    Preference("smtp.host", TEXT, "", M("Máy chủ thư (SMTP)", "Mail server (SMTP)")),
    Preference("smtp.port", INT, 587, M("Cổng", "Port"), minimum=1, maximum=65535),
    Preference(
        "smtp.security",
        CHOICE,
        "starttls",
        M("Bảo mật kết nối", "Connection security"),
        choices=("starttls", "ssl", "none"),
    ),
    Preference("smtp.user", TEXT, "", M("Tên đăng nhập", "User name")),
    Preference("smtp.from", EMAIL_KIND, "", M("Địa chỉ gửi", "From address")),
    Preference(
        "smtp.ca_file",
        PATH,
        "",
        M("Chứng chỉ gốc (CA) riêng của máy chủ thư", "Mail server's own CA certificate"),
    ),
    Preference("sync.server_url", URL_KIND, "", M("Địa chỉ máy chủ đồng bộ", "Sync server address")),
    Preference("sync.ca_bundle", PATH, "", M("Chứng chỉ gốc (CA) riêng", "Custom CA bundle")),
    Preference(
        "sync.interval_minutes",
        INT,
        15,
        M("Đồng bộ mỗi (phút)", "Sync every (minutes)"),
        minimum=1,
        maximum=24 * 60,
    ),
)

# Steps from version N to N+1, run in order on open. Version 0 is a database from before
# preferences had a version: its keys already have today's names, so there is nothing to do.
UPGRADES: dict[int, Callable[[SettingsStore], None]] = {0: lambda _store: None}


class Preferences:
    """Typed access to the settings store. Every call touches the database: call it on the
    database worker (``ctx.tasks.run_db``), never on the GUI thread."""

    def __init__(self, store: SettingsStore) -> None:
        self.store = store

    @staticmethod
    def spec(key: str) -> Preference:
        try:
            return PREFERENCES[key]
        except KeyError:
            raise KeyError(f"unknown preference {key!r}; declare it with preferences.register") from None

    def get(self, key: str) -> Any:
        spec = self.spec(key)
        stored = self.store.get(key)
        if stored is None:
            return spec.default
        try:
            return spec.clean(stored)
        except ValueError:
            log.warning("stored preference %s=%r no longer fits; using the default", key, stored)
            return spec.default

    def values(self, keys: Iterable[str] | None = None) -> dict[str, Any]:
        wanted = list(keys) if keys is not None else list(PREFERENCES)
        stored = self.store.all()
        result: dict[str, Any] = {}
        for key in wanted:
            spec = self.spec(key)
            raw = stored.get(key)
            try:
                result[key] = spec.default if raw is None else spec.clean(raw)
            except ValueError:
                result[key] = spec.default
        return result

    def set(self, key: str, value: Any) -> Any:
        return self.update({key: value})[key]

    def update(self, changes: dict[str, Any]) -> dict[str, Any]:
        """Check every value, then store them all; returns the cleaned values."""
        cleaned: dict[str, Any] = {}
        problems: list[FieldProblem] = []
        for key, value in changes.items():
            spec = self.spec(key)
            try:
                cleaned[key] = spec.clean(value)
            except _Invalid as exc:
                problems.append(FieldProblem(key, spec.label, exc.reason))
        if problems:
            raise ValidationError(problems)
        self.store.set_many(cleaned)
        return cleaned

    def reset(self, key: str) -> Any:
        self.store.delete(key)
        return self.spec(key).default

    def upgrade(self) -> int:
        """Bring stored preferences to ``SCHEMA_VERSION``; returns the version found."""
        found = int(self.store.get(SCHEMA_KEY, 0) or 0)
        if found > SCHEMA_VERSION:
            log.warning(
                "preferences schema %s is newer than %s; leaving them as they are", found, SCHEMA_VERSION
            )
            return found
        for version in range(found, SCHEMA_VERSION):
            UPGRADES[version](self.store)
            self.store.set(SCHEMA_KEY, version + 1)
        return found
