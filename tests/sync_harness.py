"""A real sync server on loopback (uvicorn in a thread) over SQLite or PostgreSQL, and desktop
clients with their own databases, for the sync tests."""

from __future__ import annotations

import contextlib
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import keyring
import pytest
import uvicorn
from argon2 import PasswordHasher
from sqlalchemy import create_engine, text

from app.db import open_database
from app.paths import database_path
from app.server import auth
from app.server.admin import create_office, create_user
from app.server.app import ServerConfig, create_app
from app.server.db import make_server_engine, migrate
from app.services import Services, open_services
from app.sync.client import SecretStore, SyncClient
from app.sync.engine import RoundResult
from tests.media.keyring_memory import MemoryKeyring

PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PASSWORD = "mật-khẩu-đủ-dài"


@pytest.fixture(autouse=True, name="memory_keyring")
def memory_keyring_fixture() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True, name="quick_argon2")
def quick_argon2_fixture(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id still, at a cost that suits a test run (the server default costs ~0.5 s a hash)."""
    monkeypatch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


_template: Path | None = None


def migrated_copy(destination: Path) -> None:
    """A new, migrated, empty desktop database (copied from one migrated once per run)."""
    global _template
    if _template is None or not _template.exists():
        folder = Path(tempfile.mkdtemp(prefix="commdesk-template-"))
        db = open_database(database_path(folder))
        db.close()
        _template = database_path(folder)
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_template, database_path(destination))


_pg_available: bool | None = None


def postgres_available() -> bool:
    global _pg_available
    if _pg_available is None:
        try:
            engine = create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
            with engine.connect() as connection:
                connection.execute(text("select 1"))
            engine.dispose()
            _pg_available = True
        except Exception:
            _pg_available = False
    return _pg_available


@contextlib.contextmanager
def database_url(kind: str, folder: Path) -> Iterator[str]:
    """A fresh server database: a SQLite file, or a PostgreSQL schema of its own."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / f'server-{uuid.uuid4().hex[:8]}.sqlite3'}"
        return
    if not postgres_available():
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{PG_ADMIN_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


class LiveServer:
    """uvicorn serving the app on 127.0.0.1 in a background thread; stop() and start() again."""

    def __init__(self, url: str, config: ServerConfig | None = None) -> None:
        self.db_url = url
        self.engine = make_server_engine(url)
        migrate(self.engine)
        self.config = config or ServerConfig()
        self.port = 0
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, config: ServerConfig | None = None) -> None:
        if config is not None:
            self.config = config
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        self.port = sock.getsockname()[1]
        app = create_app(self.engine, self.config)
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self._server = server
        self._thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("sync server did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=20)
        self._server = None
        self._thread = None

    def close(self) -> None:
        self.stop()
        self.engine.dispose()


class ProcessServer:
    """``commdesk-server serve`` in its own process (``--workers N``, optionally TLS), as deployed.
    ``engine`` is a connection of the test's own to the same database, for setting up and checking."""

    def __init__(
        self,
        url: str,
        folder: Path,
        workers: int = 1,
        certfile: Path | None = None,
        keyfile: Path | None = None,
        ca_bundle: Path | None = None,
    ) -> None:
        self.db_url = url
        self.engine = make_server_engine(url)
        migrate(self.engine)
        self.folder = folder
        self.workers = workers
        self.certfile = certfile
        self.keyfile = keyfile
        self.ca_bundle = ca_bundle
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        scheme = "https" if self.certfile else "http"
        host = "localhost" if self.certfile else "127.0.0.1"
        return f"{scheme}://{host}:{self.port}"

    def start(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        command = [sys.executable, "-m", "app.server.cli", "serve", "--db", self.db_url]
        command += ["--host", "127.0.0.1", "--port", str(self.port), "--workers", str(self.workers)]
        command += ["--log-level", "warning"]
        if self.certfile and self.keyfile:
            command += ["--ssl-certfile", str(self.certfile), "--ssl-keyfile", str(self.keyfile)]
        with (self.folder / f"server-{self.port}.log").open("wb") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        verify: Any = ssl.create_default_context(cafile=str(self.ca_bundle)) if self.ca_bundle else True
        deadline = time.monotonic() + 90
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"sync server exited: {self.log_text()}")
            try:
                if httpx.get(f"{self.url}/health", verify=verify, timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"sync server did not start: {self.log_text()}")
            time.sleep(0.2)

    def log_text(self) -> str:
        return (self.folder / f"server-{self.port}.log").read_text(errors="replace")[-3000:]

    def close(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.engine.dispose()


@dataclass
class Desk:
    """One desktop: its own database, its own login, one sync client."""

    name: str
    services: Services
    sync: SyncClient
    results: list[RoundResult] = field(default_factory=list)

    def round(self) -> RoundResult:
        result = self.sync.sync_now()
        self.results.append(result)
        return result

    def ok_round(self) -> RoundResult:
        result = self.round()
        assert result.ok, result.summary()
        return result

    def close(self) -> None:
        self.sync.close()
        self.services.close()


OFFICE_VALUES = {
    "code": "UBND-A",
    "name": "Văn phòng UBND tỉnh A",
    "province": "Tỉnh A",
    "superior_body": "ỦY BAN NHÂN DÂN TỈNH A",
    "place_name": "Tỉnh A",
    "symbol_suffix": "UBND",
    "signer_name": "Nguyễn Văn An",
    "signer_title": "Chánh Văn phòng",
    "period_rule": "calendar_quarter",
}


class Harness:
    def __init__(self, server: LiveServer | ProcessServer, folder: Path) -> None:
        self.server = server
        self.folder = folder
        self.desks: list[Desk] = []
        self.offices: dict[str, str] = {}

    def office(self, code: str) -> str:
        if code not in self.offices:
            self.offices[code] = create_office(self.server.engine, code, f"Văn phòng {code}")
        return self.offices[code]

    def user(self, username: str, office: str = "UBND-A", role: str = "staff") -> str:
        self.office(office)
        create_user(self.server.engine, office, username, PASSWORD, role)
        return username

    def desk(self, name: str, office: str = "UBND-A", set_up: bool = False, login: bool = True) -> Desk:
        folder = self.folder / f"desk-{name}"
        migrated_copy(folder)
        services = open_services(folder, actor=name)
        if set_up:
            services.offices.set_up({**OFFICE_VALUES, "code": office})
        desk = Desk(name, services, SyncClient(services, SecretStore()))
        self.desks.append(desk)
        if login:
            self.user(name, office)
            desk.sync.login(self.server.url, name, PASSWORD)
        return desk

    def close(self) -> None:
        for desk in self.desks:
            desk.close()


@pytest.fixture(params=["sqlite", "postgresql"], name="server_kind")
def server_kind_fixture(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(name="live_server")
def live_server_fixture(server_kind: str, tmp_path: Path) -> Iterator[LiveServer]:
    with database_url(server_kind, tmp_path) as url:
        server = LiveServer(url)
        server.start()
        try:
            yield server
        finally:
            server.close()


@pytest.fixture(name="harness")
def harness_fixture(live_server: LiveServer, tmp_path: Path) -> Iterator[Harness]:
    h = Harness(live_server, tmp_path)
    try:
        yield h
    finally:
        h.close()


def rows_of(services: Services, table: str) -> dict[str, dict[str, Any]]:
    """Every row of a synced table (tombstones too), without the local-only version column."""
    from sqlalchemy import select

    from app.models import SYNCED_MODELS
    from app.models.codec import row_to_dict

    model = SYNCED_MODELS[table]
    with services.db.session() as session:
        return {
            obj.id: {k: v for k, v in row_to_dict(obj).items() if k not in ("updated_at",)}
            for obj in session.scalars(select(model))
        }


def aware(text_value: str) -> datetime:
    return datetime.fromisoformat(text_value).astimezone(UTC)


def http(server: LiveServer) -> httpx.Client:
    return httpx.Client(base_url=server.url, timeout=30)


Rule = Callable[[httpx.Request], str | None]


class FaultTransport(httpx.BaseTransport):
    """Passes requests to the real server, except where the rule says to fail one:
    "before" (the request never arrives) or "after" (the server did the work, the answer is lost)."""

    def __init__(self, rule: Rule) -> None:
        self.inner = httpx.HTTPTransport()
        self.rule = rule

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        action = self.rule(request)
        if action == "before":
            raise httpx.ConnectError("injected: connection refused", request=request)
        response = self.inner.handle_request(request)
        if action == "after":
            response.read()
            response.close()
            raise httpx.ReadError("injected: connection cut before the answer arrived", request=request)
        return response

    def close(self) -> None:
        self.inner.close()


def inject(desk: Desk, rule: Rule) -> None:
    """Route this desk's sync traffic through a FaultTransport."""
    transport = desk.sync.engine().transport
    old = transport.http
    transport.http = httpx.Client(
        base_url=old.base_url, headers=old.headers, timeout=old.timeout, transport=FaultTransport(rule)
    )
    old.close()


def nth(path: str, *which: int, action: str = "after") -> Rule:
    """Fail the n-th request (1-based) to ``path``."""
    seen = {"count": 0}

    def rule(request: httpx.Request) -> str | None:
        if request.url.path != path:
            return None
        seen["count"] += 1
        return action if seen["count"] in which else None

    return rule


def server_rows(
    server: LiveServer | ProcessServer, office_id: str | None = None
) -> dict[str, dict[str, Any]]:
    """The server's copy of every record row (conflict records aside): id -> values."""
    import json

    from sqlalchemy import select

    from app.server.models import SyncRow
    from app.sync.protocol import CONFLICT_ENTITY

    query = select(SyncRow.id, SyncRow.data).where(SyncRow.entity != CONFLICT_ENTITY)
    if office_id is not None:
        query = query.where(SyncRow.office_id == office_id)
    with server.engine.connect() as connection:
        return {row_id: json.loads(data) for row_id, data in connection.execute(query)}


def office_version(server: LiveServer | ProcessServer, office_id: str) -> int:
    from sqlalchemy import select

    from app.server.models import ServerOffice

    with server.engine.connect() as connection:
        return int(connection.scalar(select(ServerOffice.version).where(ServerOffice.id == office_id)) or 0)


def assert_same_as_server(desk: Desk, server: LiveServer | ProcessServer) -> None:
    """Every synced row on the desk equals the server's copy, and nothing is missing either way."""
    from app.models import SYNCED_MODELS
    from app.models.codec import encode_value
    from app.models.sort_keys import DERIVED_COLUMNS

    office_id = desk.services.ctx.office_id
    theirs = server_rows(server, office_id)
    mine: dict[str, dict[str, Any]] = {}
    with desk.services.db.session() as session:
        for model in SYNCED_MODELS.values():
            for obj in session.query(model):
                mine[obj.id] = {
                    c: encode_value(getattr(obj, c)) for c in [col.key for col in obj.__table__.columns]
                }
    assert set(mine) == set(theirs), set(mine) ^ set(theirs)
    for row_id, values in mine.items():
        server_values = theirs[row_id]
        for name, value in values.items():
            if name == "updated_at" or name in DERIVED_COLUMNS:  # derived on each desk, never synced
                continue
            assert server_values.get(name) == value, (row_id, name, value, server_values.get(name))


def clash_on_notes(harness: Harness) -> tuple[Desk, Desk, Desk, str]:
    """Desks an, binh and chi; an and binh change the same journalist's notes offline, an first."""
    a = harness.desk("an", set_up=True)
    journalist = a.services.journalists.create({"full_name": "Lê Văn Tám", "notes": "ban đầu"})
    a.ok_round()
    b = harness.desk("binh")
    c = harness.desk("chi")
    b.ok_round()
    c.ok_round()
    a.services.journalists.update(journalist.id, {"notes": "của An"})
    b.services.journalists.update(journalist.id, {"notes": "của Bình"})
    a.ok_round()
    assert b.ok_round().conflicts == 1  # binh wrote last: binh's value stands, An's is kept aside
    return a, b, c, journalist.id
