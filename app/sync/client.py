"""Sync for one local database: settings, login with the refresh token in the OS keyring, and the
engine that runs rounds. Used by the GUI and the ``commdesk sync`` command alike."""

from __future__ import annotations

import contextlib
import platform
from dataclasses import dataclass
from datetime import datetime

from app.errors import CommDeskError
from app.i18n import Message
from app.services import Services
from app.services import secrets as keyring_secrets
from app.services.holidays import ROLE_SETTING
from app.sync import local as state
from app.sync.engine import RoundResult, SyncEngine
from app.sync.local import LocalStore, OfficeMismatch
from app.sync.protocol import LoginRequest, TokenResponse
from app.sync.transport import SyncFailure, Transport

SERVER_URL = "sync.server_url"
CA_BUNDLE = "sync.ca_bundle"
INTERVAL = "sync.interval_minutes"
USERNAME = "sync.username"
OFFICE_CODE = "sync.office_code"
OFFICE_ID = "sync.office_id"
DEFAULT_INTERVAL_MINUTES = 5


class SyncNotConfigured(CommDeskError):
    def __init__(self) -> None:
        super().__init__(
            Message(
                "Chưa đăng nhập máy chủ đồng bộ. Hãy nhập địa chỉ máy chủ và đăng nhập.",
                "Not logged in to a sync server. Enter the server address and log in.",
            )
        )


class WrongOffice(CommDeskError):
    def __init__(self) -> None:
        super().__init__(
            Message(
                "Dữ liệu trên máy này đã đồng bộ với một đơn vị khác; tài khoản này thuộc đơn vị khác.",
                "The data on this computer was synced with another office; this account belongs to a different one.",
            )
        )


@dataclass(frozen=True)
class SyncStatus:
    server_url: str
    username: str
    logged_in: bool
    pending: int
    conflicts: int
    dead_letters: int
    last_success: datetime | None
    last_attempt: datetime | None
    last_error: str
    log: list[tuple[datetime, str]]


def _secret_key(server_url: str, username: str) -> str:
    return f"sync-refresh:{server_url.rstrip('/')}:{username}"


class SecretStore:
    """The refresh token's place: the OS keyring (app/services/secrets.py)."""

    def get(self, key: str) -> str | None:
        return keyring_secrets.get_secret(key)

    def set(self, key: str, value: str) -> None:
        keyring_secrets.set_secret(key, value)

    def delete(self, key: str) -> None:
        keyring_secrets.delete_secret(key)


class SyncClient:
    def __init__(self, services: Services, secrets: SecretStore | None = None) -> None:
        self.services = services
        self.secrets = secrets or SecretStore()
        self.store = LocalStore(services.db)
        self._engine: SyncEngine | None = None
        self._engine_key: tuple[str, str, str] | None = None
        # The office id saved at login is adopted when the services open (app/services), not
        # here: a client is made on the GUI thread, which must not read the database.

    # ----- settings -----------------------------------------------------------------------

    @property
    def server_url(self) -> str:
        return str(self.services.settings.get(SERVER_URL, "") or "")

    @property
    def username(self) -> str:
        return str(self.services.settings.get(USERNAME, "") or "")

    @property
    def ca_bundle(self) -> str:
        return str(self.services.settings.get(CA_BUNDLE, "") or "")

    def interval_minutes(self) -> int:
        value = self.services.settings.get(INTERVAL, DEFAULT_INTERVAL_MINUTES)
        return value if isinstance(value, int) and value > 0 else DEFAULT_INTERVAL_MINUTES

    def configured(self) -> bool:
        return bool(self.server_url and self.username)

    # ----- login --------------------------------------------------------------------------

    def login(self, server_url: str, username: str, password: str, ca_bundle: str = "") -> TokenResponse:
        """Log in; the password is not kept, the refresh token goes to the OS keyring."""
        server_url = server_url.strip().rstrip("/")
        transport = Transport(server_url, ca_bundle or None)
        try:
            token = transport.login(
                LoginRequest(
                    username=username,
                    password=password,
                    device_id=self.services.device_id,
                    device_name=platform.node()[:200],
                )
            )
        finally:
            transport.close()
        try:
            office_id = self.store.adopt_office(token.office_id)
        except OfficeMismatch:
            raise WrongOffice() from None
        assert token.refresh_token is not None
        self.secrets.set(_secret_key(server_url, username), token.refresh_token)
        self.services.ctx.office_id = office_id
        settings = self.services.settings
        settings.set(SERVER_URL, server_url)
        settings.set(USERNAME, username)
        settings.set(OFFICE_CODE, token.office_code)
        settings.set(OFFICE_ID, office_id)
        settings.set(ROLE_SETTING, token.role.value)
        if ca_bundle:
            settings.set(CA_BUNDLE, ca_bundle)
        self._engine = None
        self.store.add_log(f"logged in to {server_url} as {username} ({token.office_code})")
        return token

    def logout(self) -> None:
        if not self.configured():
            return
        engine = self.engine()
        # The server may be unreachable: forgetting the token here is what matters most.
        with contextlib.suppress(SyncFailure, CommDeskError):
            engine.transport.logout()
        engine.transport.close()
        self.secrets.delete(_secret_key(self.server_url, self.username))
        self.services.settings.set(USERNAME, "")
        self.services.settings.set(ROLE_SETTING, "")  # a signed-out desk publishes nothing
        self._engine = None

    def _refresh_token(self) -> str | None:
        return self.secrets.get(_secret_key(self.server_url, self.username))

    # ----- rounds -------------------------------------------------------------------------

    def engine(self) -> SyncEngine:
        if not self.configured():
            raise SyncNotConfigured()
        key = (self.server_url, self.username, self.ca_bundle)
        if self._engine is None or self._engine_key != key:
            if self._engine is not None:
                self._engine.transport.close()
            transport = Transport(self.server_url, self.ca_bundle or None, refresh_token=self._refresh_token)
            ctx = self.services.ctx
            self._engine = SyncEngine(
                self.services.db,
                transport,
                clock=ctx.clock,
                bus=self.services.bus,
                office_id=lambda: ctx.office_id,
            )
            self._engine_key = key
        return self._engine

    def sync_now(self) -> RoundResult:
        try:
            engine = self.engine()
        except SyncFailure as failure:  # e.g. the CA certificate file is gone: say so, keep everything
            self.store.set_state(state.LAST_ERROR, f"{failure.kind}: {failure.detail}"[:500])
            return RoundResult(
                failure=failure.kind, detail=failure.detail, pending=self.store.pending_count()
            )
        return engine.run_round()

    def close(self) -> None:
        if self._engine is not None:
            self._engine.transport.close()
            self._engine = None

    def status(self) -> SyncStatus:
        def when(key: str) -> datetime | None:
            raw = self.store.get_state(key)
            return datetime.fromisoformat(raw) if raw else None

        logged_in = False
        if self.configured():
            try:
                logged_in = bool(self._refresh_token())
            except CommDeskError:
                logged_in = False
        return SyncStatus(
            server_url=self.server_url,
            username=self.username,
            logged_in=logged_in,
            pending=self.store.pending_count(),
            conflicts=self.store.open_conflict_count(),
            dead_letters=len(self.store.dead_letters()),
            last_success=when(state.LAST_SUCCESS),
            last_attempt=when(state.LAST_ATTEMPT),
            last_error=self.store.get_state(state.LAST_ERROR),
            log=self.store.log(),
        )
