"""HTTP to the sync server: TLS verification (custom CA bundle), versions headers, token refresh,
and failures sorted into what the engine does about them."""

from __future__ import annotations

import ssl
from collections.abc import Callable
from typing import Any

import httpx
from pydantic import ValidationError as PydanticError

from app.sync.protocol import (
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
    LoginRequest,
    Op,
    PullResponse,
    PushRequest,
    PushResponse,
    RefreshRequest,
    StatusResponse,
    TokenResponse,
)


class SyncFailure(Exception):
    """Base of the failures a round reports; ``kind`` is a stable code for the UI and the CLI."""

    kind = "error"

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or self.kind)
        self.detail = detail


class Offline(SyncFailure):
    kind = "offline"


class TlsFailure(SyncFailure):
    kind = "tls"


class LoginRequired(SyncFailure):
    kind = "login_required"


class UpgradeRequired(SyncFailure):
    kind = "upgrade_required"


class Throttled(SyncFailure):
    kind = "throttled"


class ServerFailure(SyncFailure):
    kind = "server_error"


class BadRequest(SyncFailure):
    kind = "bad_request"


class CursorGone(SyncFailure):
    kind = "cursor_gone"


class CursorAhead(SyncFailure):
    kind = "cursor_ahead"


def _verify(ca_bundle: str | None) -> ssl.SSLContext | bool:
    if not ca_bundle:
        return True
    try:
        return ssl.create_default_context(cafile=ca_bundle)
    except OSError as exc:
        raise TlsFailure(
            f"the CA certificate file {ca_bundle} cannot be read: {exc.strerror or exc}"
        ) from exc
    except ssl.SSLError as exc:
        raise TlsFailure(f"the CA certificate file {ca_bundle} holds no usable certificate: {exc}") from exc


def _untrusted(exc: Exception) -> TlsFailure:
    return TlsFailure(
        f"the server's certificate could not be verified ({exc}); if the office uses its own "
        "certificate authority, set its CA certificate file (Settings → Sync, or --ca-bundle)"
    )


class Transport:
    def __init__(
        self,
        server_url: str,
        ca_bundle: str | None = None,
        timeout: float = 30.0,
        refresh_token: Callable[[], str | None] | None = None,
        client: httpx.Client | None = None,
        protocol_version: int = PROTOCOL_VERSION,
        schema_version: int = SCHEMA_VERSION,
    ) -> None:
        self.server_url = server_url.rstrip("/")
        self._refresh_token = refresh_token or (lambda: None)
        self.access_token: str | None = None
        self.last_token: TokenResponse | None = None
        headers = {
            PROTOCOL_HEADER: str(protocol_version),
            SCHEMA_HEADER: str(schema_version),
            "Content-Type": "application/json",
        }
        self.http = client or httpx.Client(
            base_url=self.server_url,
            verify=_verify(ca_bundle),
            timeout=httpx.Timeout(timeout, connect=10.0),
            headers=headers,
        )
        if client is not None:
            self.http.headers.update(headers)

    def close(self) -> None:
        self.http.close()

    # ----- raw requests -------------------------------------------------------------------

    def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            return self.http.request(method, path, **kwargs)
        except httpx.ConnectError as exc:
            if "CERTIFICATE" in str(exc).upper() or "SSL" in str(exc).upper():
                raise _untrusted(exc) from exc
            raise Offline(str(exc)) from exc
        except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
            raise Offline(str(exc) or type(exc).__name__) from exc
        except ssl.SSLError as exc:
            raise _untrusted(exc) from exc

    @staticmethod
    def _raise_for(response: httpx.Response) -> None:
        status = response.status_code
        if status < 400:
            return
        try:
            detail = str(response.json().get("detail", ""))
        except ValueError:
            detail = response.text[:300]
        if status == 401:
            raise LoginRequired(detail)
        if status == 426:
            raise UpgradeRequired(detail)
        if status == 410:
            raise CursorGone(detail)
        if status == 409:
            raise CursorAhead(detail)
        if status == 429:
            raise Throttled(detail)
        if status >= 500:
            raise ServerFailure(f"{status} {detail}")
        raise BadRequest(f"{status} {detail}")

    def _authorised(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        if self.access_token is None:
            self.refresh()
        response = self._send(
            method, path, headers={"Authorization": f"Bearer {self.access_token}"}, **kwargs
        )
        if response.status_code == 401:
            self.refresh()
            response = self._send(
                method, path, headers={"Authorization": f"Bearer {self.access_token}"}, **kwargs
            )
        self._raise_for(response)
        return response

    # ----- the protocol -------------------------------------------------------------------

    def login(self, request: LoginRequest) -> TokenResponse:
        response = self._send("POST", "/auth/login", content=request.model_dump_json())
        self._raise_for(response)
        token = _parse(TokenResponse, response)
        self.access_token = token.access_token
        self.last_token = token
        return token

    def refresh(self) -> TokenResponse:
        refresh_token = self._refresh_token()
        if not refresh_token:
            raise LoginRequired("not logged in")
        response = self._send(
            "POST", "/auth/refresh", content=RefreshRequest(refresh_token=refresh_token).model_dump_json()
        )
        self._raise_for(response)
        token = _parse(TokenResponse, response)
        self.access_token = token.access_token
        self.last_token = token
        return token

    def logout(self) -> None:
        self._authorised("POST", "/auth/logout")

    def push(self, ops: list[Op]) -> PushResponse:
        body = PushRequest(ops=ops).model_dump_json()
        response = self._authorised("POST", "/sync/push", content=body)
        return _parse(PushResponse, response)

    def pull(self, since: int, limit: int, entity: str | None = None) -> PullResponse:
        params: dict[str, Any] = {"since": since, "limit": limit}
        if entity:
            params["entity"] = entity
        return _parse(PullResponse, self._authorised("GET", "/sync/pull", params=params))

    def reference(self, since: int, limit: int) -> PullResponse:
        params = {"since": since, "limit": limit}
        return _parse(PullResponse, self._authorised("GET", "/sync/reference", params=params))

    def status(self) -> StatusResponse:
        return _parse(StatusResponse, self._authorised("GET", "/sync/status"))


def _parse(model: Any, response: httpx.Response) -> Any:
    try:
        return model.model_validate_json(response.content)
    except PydanticError as exc:
        raise ServerFailure(f"unexpected answer from the server: {str(exc).splitlines()[0]}") from exc
