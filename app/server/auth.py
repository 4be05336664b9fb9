"""Accounts, devices and tokens: argon2id passwords, hashed refresh tokens, signed access tokens."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, Table, func, insert, select, update

from app.server.db import reading
from app.server.models import Account, Device, LoginAttempt, ServerAudit, ServerOffice
from app.server.store import Caller

ACCESS_TTL_SECONDS = 15 * 60
FAILED_LOGINS_PER_USER = 5
FAILED_LOGINS_PER_ADDRESS = 30
LOGIN_WINDOW = timedelta(minutes=15)

account_t = cast(Table, Account.__table__)
device_t = cast(Table, Device.__table__)
attempt_t = cast(Table, LoginAttempt.__table__)
audit_t = cast(Table, ServerAudit.__table__)
office_t = cast(Table, ServerOffice.__table__)

_hasher = PasswordHasher()  # argon2id with the library's recommended cost
# A hash to verify against when the user does not exist, so timing does not reveal accounts.
_DUMMY_HASH = _hasher.hash("not a password")


class AuthError(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def hash_refresh(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class Login:
    caller: Caller
    access_token: str
    refresh_token: str | None
    office_code: str


class TokenSigner:
    def __init__(self, key: str, ttl: int = ACCESS_TTL_SECONDS) -> None:
        self._key = bytes.fromhex(key)
        self.ttl = ttl

    def issue(self, caller: Caller) -> str:
        payload = {
            "o": caller.office_id,
            "a": caller.account_id,
            "u": caller.username,
            "r": caller.role,
            "d": caller.device_id,
            "c": caller.client_device_id,
            "exp": int(time.time()) + self.ttl,
        }
        body = _b64(json.dumps(payload, separators=(",", ":")).encode())
        return f"{body}.{_b64(hmac.new(self._key, body.encode(), hashlib.sha256).digest())}"

    def verify(self, token: str) -> Caller:
        try:
            body, signature = token.split(".", 1)
            expected = _b64(hmac.new(self._key, body.encode(), hashlib.sha256).digest())
            if not hmac.compare_digest(expected, signature):
                raise ValueError("bad signature")
            payload = json.loads(_unb64(body))
        except (ValueError, UnicodeError):
            raise AuthError(401, "invalid token") from None
        if not isinstance(payload, dict) or int(payload.get("exp", 0)) < time.time():
            raise AuthError(401, "token expired")
        return Caller(
            office_id=payload["o"],
            account_id=payload["a"],
            username=payload["u"],
            role=payload["r"],
            device_id=payload["d"],
            client_device_id=payload["c"],
        )


def audit(
    connection: Connection, action: str, caller: Caller | None = None, address: str = "", detail: str = ""
) -> None:
    connection.execute(
        insert(audit_t).values(
            at=datetime.now(UTC),
            office_id=caller.office_id if caller else "",
            account=caller.username if caller else "",
            device_id=caller.device_id if caller else "",
            address=address[:64],
            action=action,
            detail=detail[:2000],
        )
    )


def login(
    engine: Engine,
    signer: TokenSigner,
    username: str,
    password: str,
    device_id: str,
    device_name: str,
    address: str,
) -> Login:
    since = datetime.now(UTC) - LOGIN_WINDOW
    with engine.begin() as connection:
        failed_user = connection.scalar(
            select(func.count()).where(
                attempt_t.c.username == username, attempt_t.c.at > since, attempt_t.c.succeeded.is_(False)
            )
        )
        failed_address = connection.scalar(
            select(func.count()).where(
                attempt_t.c.address == address, attempt_t.c.at > since, attempt_t.c.succeeded.is_(False)
            )
        )
        throttled = (failed_user or 0) >= FAILED_LOGINS_PER_USER
        throttled = throttled or (failed_address or 0) >= FAILED_LOGINS_PER_ADDRESS
        if throttled:
            audit(connection, "login_throttled", address=address, detail=username)
    # Raised after the commit, so the audit entry (and below, the failed attempt) is kept.
    if throttled:
        raise AuthError(429, "too many failed logins; try again later")
    with engine.connect() as connection:
        account = connection.execute(
            select(account_t, office_t.c.code)
            .join(office_t, office_t.c.id == account_t.c.office_id)
            .where(account_t.c.username == username)
        ).first()
    ok = False
    try:
        ok = (
            _hasher.verify(account.password_hash if account else _DUMMY_HASH, password)
            and account is not None
        )
    except (VerificationError, InvalidHashError):
        ok = False
    ok = ok and account is not None and not account.disabled
    with engine.begin() as connection:
        connection.execute(
            insert(attempt_t).values(
                username=username, address=address[:64], at=datetime.now(UTC), succeeded=ok
            )
        )
        if not ok:
            audit(connection, "login_failed", address=address, detail=username)
    if not ok or account is None:
        raise AuthError(401, "wrong user name or password")
    with engine.begin() as connection:
        refresh = secrets.token_urlsafe(32)
        device_row_id = str(uuid.uuid4())
        connection.execute(
            insert(device_t).values(
                id=device_row_id,
                client_device_id=device_id,
                account_id=account.id,
                office_id=account.office_id,
                name=device_name,
                refresh_hash=hash_refresh(refresh),
                created_at=datetime.now(UTC),
                last_seen_at=datetime.now(UTC),
            )
        )
        caller = Caller(
            account.office_id, account.id, account.username, account.role, device_row_id, device_id
        )
        audit(connection, "login", caller, address, detail=device_name)
    return Login(caller, signer.issue(caller), refresh, account.code)


# A device's "last seen" is kept to the minute: a refresh within it writes nothing.
LAST_SEEN_STEP = timedelta(minutes=1)


def refresh(engine: Engine, signer: TokenSigner, token: str, address: str) -> Login:
    """Read-only unless something must be written (a refusal to audit, a stale "last seen"): on
    SQLite every write waits for the one writer, pushes included."""
    with reading(engine) as connection:
        row = connection.execute(
            select(device_t, account_t.c.username, account_t.c.role, account_t.c.disabled, office_t.c.code)
            .join(account_t, account_t.c.id == device_t.c.account_id)
            .join(office_t, office_t.c.id == device_t.c.office_id)
            .where(device_t.c.refresh_hash == hash_refresh(token))
        ).first()
    if row is None or row.revoked_at is not None or row.disabled:
        with engine.begin() as connection:
            audit(connection, "refresh_refused", address=address)
        raise AuthError(401, "this device was signed out or revoked; log in again")
    now = datetime.now(UTC)
    if row.last_seen_at is None or now - row.last_seen_at >= LAST_SEEN_STEP:
        with engine.begin() as connection:
            connection.execute(update(device_t).where(device_t.c.id == row.id).values(last_seen_at=now))
    caller = Caller(row.office_id, row.account_id, row.username, row.role, row.id, row.client_device_id)
    return Login(caller, signer.issue(caller), None, row.code)


def check_device(engine: Engine, caller: Caller) -> None:
    """Revocation takes effect at once, not only when the access token expires."""
    with engine.connect().execution_options(read_only=True) as connection:
        revoked = connection.execute(
            select(device_t.c.revoked_at, account_t.c.disabled)
            .join(account_t, account_t.c.id == device_t.c.account_id)
            .where(device_t.c.id == caller.device_id)
        ).first()
    if revoked is None or revoked.revoked_at is not None or revoked.disabled:
        raise AuthError(401, "this device was revoked; log in again")


def revoke_device(engine: Engine, device_id: str, caller: Caller | None = None, address: str = "") -> bool:
    with engine.begin() as connection:
        done = connection.execute(
            update(device_t)
            .where(device_t.c.id == device_id, device_t.c.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC))
        ).rowcount
        audit(connection, "revoke_device", caller, address, detail=device_id)
    return bool(done)
