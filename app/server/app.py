"""The sync server's HTTP API (FastAPI); the wire format is app/sync/protocol.py."""

import json
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine

from app.server import auth, push, store
from app.server.db import read_meta, reading
from app.server.store import Caller, CursorAhead, CursorGone
from app.sync.protocol import (
    DEFAULT_PULL_LIMIT,
    MAX_PULL_LIMIT,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
    ErrorBody,
    LoginRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    RefreshRequest,
    Role,
    StatusResponse,
    TokenResponse,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody},
    401: {"model": ErrorBody},
    403: {"model": ErrorBody},
    409: {"model": ErrorBody},
    410: {"model": ErrorBody},
    426: {"model": ErrorBody},
    429: {"model": ErrorBody},
}


@dataclass(frozen=True)
class ServerConfig:
    protocol_range: tuple[int, int] = (PROTOCOL_VERSION, PROTOCOL_VERSION)
    schema_range: tuple[int, int] = (SCHEMA_VERSION, SCHEMA_VERSION)
    access_ttl: int = auth.ACCESS_TTL_SECONDS


class HttpError(Exception):
    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = headers or {}


def create_app(engine: Engine, config: ServerConfig | None = None) -> FastAPI:
    config = config or ServerConfig()
    store.warm()
    pusher = push.Pusher(engine)
    with reading(engine) as connection:
        signer = auth.TokenSigner(read_meta(connection, "token_key"), config.access_ttl)
    app = FastAPI(
        title="CommDesk sync server",
        version=f"{PROTOCOL_VERSION}",
        description="Offline-first sync for CommDesk offices (DESIGN.md §3).",
    )
    bearer = HTTPBearer(auto_error=False)

    @app.exception_handler(HttpError)
    def _http_error(_request: Request, exc: HttpError) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status, headers=exc.headers)

    @app.exception_handler(auth.AuthError)
    def _auth_error(_request: Request, exc: auth.AuthError) -> JSONResponse:
        headers = {"Retry-After": "900"} if exc.status == 429 else {}
        if exc.status == 401:
            headers["WWW-Authenticate"] = "Bearer"
        return JSONResponse({"detail": exc.detail}, status_code=exc.status, headers=headers)

    @app.exception_handler(RequestValidationError)
    def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in error.get('loc', ()))}: {error.get('msg', '')}"
            for error in exc.errors()[:20]
        )
        return JSONResponse({"detail": problems or "invalid request"}, status_code=422)

    def epoch() -> str:
        with reading(engine) as connection:
            return read_meta(connection, "server_epoch")

    def versions(
        protocol: Annotated[int, Header(alias=PROTOCOL_HEADER, ge=0, le=1_000_000)],
        schema: Annotated[int, Header(alias=SCHEMA_HEADER, ge=0, le=1_000_000)],
    ) -> None:
        low, high = config.protocol_range
        schema_low, schema_high = config.schema_range
        if not low <= protocol <= high or not schema_low <= schema <= schema_high:
            raise HttpError(
                426,
                f"this server speaks protocol {low}-{high} and schema {schema_low}-{schema_high}; "
                f"the client sent protocol {protocol}, schema {schema}: update CommDesk",
            )

    def caller(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> Caller:
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise auth.AuthError(401, "log in first")
        who = signer.verify(credentials.credentials)
        auth.check_device(engine, who)
        return who

    def office_for(who: Caller, office: str | None) -> str:
        if office is None or office == who.office_id:
            return who.office_id
        if who.role != Role.CENTRAL:
            raise HttpError(403, "only the central role reads other offices")
        return office

    def token_response(done: auth.Login) -> TokenResponse:
        return TokenResponse(
            access_token=done.access_token,
            refresh_token=done.refresh_token,
            expires_in=config.access_ttl,
            office_id=done.caller.office_id,
            office_code=done.office_code,
            role=Role(done.caller.role),
            username=done.caller.username,
            server_epoch=epoch(),
        )

    def address(request: Request) -> str:
        return request.client.host if request.client else ""

    @app.get("/health", responses=ERRORS)
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/auth/login", response_model=TokenResponse, responses=ERRORS, dependencies=[Depends(versions)])
    def login_endpoint(body: LoginRequest, request: Request) -> TokenResponse:
        done = auth.login(
            engine, signer, body.username, body.password, body.device_id, body.device_name, address(request)
        )
        return token_response(done)

    @app.post(
        "/auth/refresh", response_model=TokenResponse, responses=ERRORS, dependencies=[Depends(versions)]
    )
    def refresh_endpoint(body: RefreshRequest, request: Request) -> TokenResponse:
        return token_response(auth.refresh(engine, signer, body.refresh_token, address(request)))

    @app.post("/auth/logout", status_code=204, responses=ERRORS)
    def logout_endpoint(request: Request, who: Annotated[Caller, Depends(caller)]) -> Response:
        auth.revoke_device(engine, who.device_id, who, address(request))
        return Response(status_code=204)

    @app.post("/sync/push", response_model=PushResponse, responses=ERRORS, dependencies=[Depends(versions)])
    def push_endpoint(body: PushRequest, who: Annotated[Caller, Depends(caller)]) -> PushResponse:
        try:
            results, office_version = pusher.push(who, list(body.ops))
        except LookupError:
            raise HttpError(403, "your office no longer exists on this server") from None
        return PushResponse(results=results, server_epoch=epoch(), office_version=office_version)

    @app.get("/sync/pull", response_model=PullResponse, responses=ERRORS, dependencies=[Depends(versions)])
    def pull_endpoint(
        who: Annotated[Caller, Depends(caller)],
        since: Annotated[int, Query(ge=0, le=2_000_000_000)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
        entity: Annotated[str | None, Query(pattern=r"^[a-z_]{1,60}$")] = None,
        office: Annotated[str | None, Query(pattern=r"^[0-9a-fA-F-]{36}$")] = None,
    ) -> Response:
        office_id = office_for(who, office)
        try:
            rows, next_cursor, has_more = store.pull_page(engine, office_id, since, limit, entity)
        except CursorGone:
            raise HttpError(410, "cursor older than the tombstone horizon: pull everything again") from None
        except CursorAhead:
            raise HttpError(409, "cursor ahead of the server: the server was restored; reconcile") from None
        except LookupError:
            raise HttpError(403, "office not found") from None
        return _page_response(rows, next_cursor, has_more, epoch())

    @app.get(
        "/sync/reference", response_model=PullResponse, responses=ERRORS, dependencies=[Depends(versions)]
    )
    def reference_endpoint(
        who: Annotated[Caller, Depends(caller)],
        since: Annotated[int, Query(ge=0, le=2_000_000_000)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
    ) -> Response:
        """What the central role publishes (the national press-agency directory), read-only here."""
        source = store.reference_office(engine)
        rows: list[tuple[str, str, int, str, bool]] = []
        next_cursor, has_more = since, False
        if source is not None and source != who.office_id:
            try:
                rows, next_cursor, has_more = store.pull_page(
                    engine, source, since, limit, entities=store.REFERENCE_ENTITIES
                )
            except CursorAhead:
                raise HttpError(409, "reference cursor ahead of the server: read it again") from None
            except CursorGone:
                raise HttpError(410, "reference cursor older than the tombstone horizon") from None
        return _page_response(rows, next_cursor, has_more, epoch())

    @app.get(
        "/sync/status", response_model=StatusResponse, responses=ERRORS, dependencies=[Depends(versions)]
    )
    def status_endpoint(
        who: Annotated[Caller, Depends(caller)],
        office: Annotated[str | None, Query(pattern=r"^[0-9a-fA-F-]{36}$")] = None,
    ) -> StatusResponse:
        office_id = office_for(who, office)
        try:
            version, horizon, digests = store.office_status(engine, office_id)
        except LookupError:
            raise HttpError(403, "office not found") from None
        return StatusResponse(
            server_epoch=epoch(),
            office_id=office_id,
            office_version=version,
            tombstone_horizon=horizon,
            entities=digests,
            protocol_min=config.protocol_range[0],
            protocol_max=config.protocol_range[1],
            schema_min=config.schema_range[0],
            schema_max=config.schema_range[1],
        )

    return app


def _page_response(
    rows: list[tuple[str, str, int, str, bool]], next_cursor: int, has_more: bool, epoch: str
) -> Response:
    """The stored rows are already JSON: assemble the page without decoding them again."""
    parts = [
        f'{{"entity":{json.dumps(e)},"id":{json.dumps(i)},"version":{v},"values":{d},"deleted":{"true" if dl else "false"}}}'
        for e, i, v, d, dl in rows
    ]
    body = (
        f'{{"rows":[{",".join(parts)}],"next_cursor":{next_cursor},"has_more":{"true" if has_more else "false"},'
        f'"server_epoch":{json.dumps(epoch)},"schema_version":{SCHEMA_VERSION},"protocol_version":{PROTOCOL_VERSION}}}'
    )
    return Response(body, media_type="application/json")
