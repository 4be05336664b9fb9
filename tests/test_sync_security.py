"""Security: office isolation on every endpoint, tokens, revocation, rate limits, and no 5xx
for any request the OpenAPI schema allows (schemathesis)."""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime, timedelta

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import select, update
from sync_harness import (  # noqa: F401  (fixtures)
    PASSWORD,
    Harness,
    harness_fixture,
    live_server_fixture,
    memory_keyring_fixture,
    quick_argon2_fixture,
    server_kind_fixture,
    server_rows,
)

from app.server import auth
from app.server.models import Account, Device, ServerAudit
from app.sync.protocol import PROTOCOL_HEADER, SCHEMA_HEADER

VERSIONS = {PROTOCOL_HEADER: "1", SCHEMA_HEADER: "1"}


def _login(harness: Harness, username: str) -> dict[str, str]:
    response = httpx.post(
        f"{harness.server.url}/auth/login",
        json={"username": username, "password": PASSWORD, "device_id": str(uuid.uuid4()), "device_name": "t"},
        headers=VERSIONS,
    )
    assert response.status_code == 200, response.text
    return response.json()


def _headers(token: str) -> dict[str, str]:
    return {**VERSIONS, "Authorization": f"Bearer {token}"}


def _op(row_id: str, entity: str = "journalist", op: str = "update", changes: dict | None = None) -> dict:
    return {
        "op_id": str(uuid.uuid4()),
        "entity": entity,
        "row_id": row_id,
        "op": op,
        "base_version": 1,
        "changes": changes or {"notes": {"old": "", "new": "chen ngang"}},
        "hlc": "999999999999999-00000-intruder",
    }


def test_an_office_token_never_reaches_another_office(harness: Harness) -> None:
    a = harness.desk("an", office="UBND-A", set_up=True)
    b = harness.desk("binh", office="UBND-B", set_up=True)
    secret = b.services.journalists.create({"full_name": "Liên hệ riêng của B"})
    a.services.journalists.create({"full_name": "Liên hệ của A"})
    a.ok_round()
    b.ok_round()
    office_b = b.services.ctx.office_id
    token = _login(harness, "an")["access_token"]
    url = harness.server.url
    with httpx.Client(base_url=url, headers=_headers(token)) as client:
        assert client.get("/sync/pull", params={"office": office_b}).status_code == 403
        assert client.get("/sync/status", params={"office": office_b}).status_code == 403
        pulled = client.get("/sync/pull").json()
        assert secret.id not in {row["id"] for row in pulled["rows"]}
        assert {row["values"]["office_id"] for row in pulled["rows"]} == {a.services.ctx.office_id}
        status = client.get("/sync/status").json()
        assert status["office_id"] == a.services.ctx.office_id
        for op in (
            _op(secret.id),
            _op(
                secret.id,
                op="delete",
                changes={"deleted_at": {"old": None, "new": "2026-01-01T00:00:00+00:00"}},
            ),
            _op(secret.id, op="insert", changes={"full_name": {"old": None, "new": "chiếm chỗ"}}),
            _op(office_b, entity="office", changes={"name": {"old": "", "new": "đổi tên"}}),
        ):
            result = client.post("/sync/push", json={"ops": [op]}).json()["results"][0]
            assert result["status"] == "rejected", result
    assert server_rows(harness.server)[secret.id]["full_name"] == "Liên hệ riêng của B"
    assert server_rows(harness.server)[secret.id]["notes"] == ""
    # The central role reads every office.
    harness.user("trung-uong", office="UBND-A", role="central")
    central = _login(harness, "trung-uong")["access_token"]
    pulled = httpx.get(f"{url}/sync/pull", params={"office": office_b}, headers=_headers(central)).json()
    assert secret.id in {row["id"] for row in pulled["rows"]}


def test_every_endpoint_wants_a_valid_token(harness: Harness) -> None:
    harness.user("an")
    url = harness.server.url
    for token in (None, "garbage", "a.b", _login(harness, "an")["access_token"][:-3] + "AAA"):
        headers = _headers(token) if token else VERSIONS
        assert httpx.get(f"{url}/sync/pull", headers=headers).status_code == 401
        assert httpx.get(f"{url}/sync/status", headers=headers).status_code == 401
        assert httpx.post(f"{url}/sync/push", json={"ops": []}, headers=headers).status_code == 401
        assert httpx.post(f"{url}/auth/logout", headers=headers).status_code == 401


def test_passwords_and_refresh_tokens_are_stored_hashed(harness: Harness) -> None:
    harness.user("an")
    login = _login(harness, "an")
    with harness.server.engine.connect() as connection:
        stored = connection.scalar(select(Account.password_hash).where(Account.username == "an"))
        hashes = list(connection.scalars(select(Device.refresh_hash)))
        actions = list(connection.scalars(select(ServerAudit.action)))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert hashes == [hashlib.sha256(login["refresh_token"].encode()).hexdigest()]
    assert "login" in actions and "create_user" in actions


def test_expired_access_token_is_refreshed_and_a_revoked_device_is_out(harness: Harness) -> None:
    a = harness.desk("an", set_up=True)
    a.ok_round()
    engine = a.sync.engine()
    engine.transport.access_token = auth.TokenSigner("00" * 32).issue(  # wrong key: like an expired token
        auth.Caller("x", "x", "an", "staff", "x", "x")
    )
    assert a.ok_round().ok  # refreshed with the keyring's refresh token
    token = engine.transport.access_token
    assert token
    with harness.server.engine.connect() as connection:
        device = connection.execute(select(Device.id)).scalar_one()
    auth.revoke_device(harness.server.engine, device)
    result = a.round()
    assert (result.ok, result.failure) == (False, "login_required")
    assert httpx.get(f"{harness.server.url}/sync/pull", headers=_headers(token)).status_code == 401


def test_refresh_keeps_last_seen_to_the_minute_and_audits_a_refusal(harness: Harness) -> None:
    harness.user("an")
    login = _login(harness, "an")
    engine = harness.server.engine

    def refresh(token: str) -> int:
        return httpx.post(
            f"{harness.server.url}/auth/refresh", json={"refresh_token": token}, headers=VERSIONS
        ).status_code

    def last_seen() -> datetime:
        with engine.connect() as connection:
            return connection.execute(select(Device.last_seen_at)).scalar_one()

    seen_at_login = last_seen()
    assert refresh(login["refresh_token"]) == 200
    assert last_seen() == seen_at_login  # within the minute: nothing written
    with engine.begin() as connection:
        connection.execute(update(Device).values(last_seen_at=seen_at_login - timedelta(minutes=5)))
    assert refresh(login["refresh_token"]) == 200
    assert last_seen() > seen_at_login - timedelta(minutes=1)
    assert refresh("not-a-token-of-this-server") == 401
    with engine.connect() as connection:
        assert "refresh_refused" in set(connection.scalars(select(ServerAudit.action)))


def test_login_is_rate_limited(harness: Harness) -> None:
    harness.user("an")
    body = {"username": "an", "password": "sai mật khẩu", "device_id": str(uuid.uuid4())}
    for _ in range(auth.FAILED_LOGINS_PER_USER):
        assert httpx.post(f"{harness.server.url}/auth/login", json=body, headers=VERSIONS).status_code == 401
    body["password"] = PASSWORD
    throttled = httpx.post(f"{harness.server.url}/auth/login", json=body, headers=VERSIONS)
    assert throttled.status_code == 429 and throttled.headers["Retry-After"]
    unknown = {**body, "username": "khong-ton-tai"}
    assert httpx.post(f"{harness.server.url}/auth/login", json=unknown, headers=VERSIONS).status_code == 401


@pytest.mark.timeout(600)
def test_no_request_the_schema_allows_gets_a_server_error(harness: Harness) -> None:
    import schemathesis
    from schemathesis.openapi import from_dict

    a = harness.desk("an", set_up=True)
    a.services.journalists.create({"full_name": "Dữ liệu mẫu"})
    a.ok_round()
    token = _login(harness, "an")["access_token"]
    spec = httpx.get(f"{harness.server.url}/openapi.json").json()
    schema = from_dict(spec)
    checked = 0
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def no_server_error(case: schemathesis.Case) -> None:
            headers = dict(case.headers or {})
            headers.setdefault("Authorization", f"Bearer {token}")
            response = case.call(base_url=harness.server.url, headers=headers)
            assert response.status_code < 500, (case.method, case.path, response.status_code, response.text)

        no_server_error()
        checked += 1
    assert checked >= 6
