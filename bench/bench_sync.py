"""Sync benchmarks (DESIGN.md §5), all on 127.0.0.1:

- initial sync of 100k rows through the server vs a raw ``executemany`` of the same rows (<= 10x);
- an incremental round of 100 changes on a server holding 10k rows vs 1M rows (<= 1.5x);
- 50 desks syncing at once: p99 request latency <= 1 s, no errors (bounded in rounds and time).
"""

from __future__ import annotations

import json
import shutil
import statistics
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import keyring
from keyring.backend import KeyringBackend
from sqlalchemy import insert

from bench.common import CACHE, Measurement, percentile

PASSWORD = "bench-password-1"
OFFICE_CODE = "UBND-BENCH"


class _MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


def _journalist_values(row_id: str, office_id: str, version: int, name: str) -> dict[str, Any]:
    from app.server.schema import SCHEMAS

    data = SCHEMAS["journalist"].defaults()
    data.update(
        id=row_id,
        office_id=office_id,
        version=version,
        full_name=name,
        notes="Ghi chú mẫu về phóng viên thường trú, lĩnh vực kinh tế – xã hội",
        updated_at=datetime(2026, 1, 1, tzinfo=UTC).isoformat(),
        updated_hlc=f"{1767225600000:015d}-00000-bench",
        updated_by="bench",
        deleted_at=None,
    )
    return data


def _fill_server(engine: Any, office_id: str, count: int, first_version: int = 1) -> None:
    """Rows straight into the server's table (with digests), as if pushed long ago."""
    from app.server.models import EntityDigestRow, ServerOffice, SyncRow
    from app.sync.digest import EMPTY_DIGEST, combine

    digest = EMPTY_DIGEST
    batch: list[dict[str, Any]] = []
    version = first_version - 1
    with engine.begin() as connection:
        for index in range(count):
            version += 1
            row_id = str(uuid.UUID(int=(hash(office_id) & 0xFFFF_FFFF) << 64 | index))
            data = _journalist_values(row_id, office_id, version, f"Nhà báo số {index}")
            batch.append(
                {
                    "id": row_id,
                    "office_id": office_id,
                    "entity": "journalist",
                    "version": version,
                    "data": json.dumps(data, ensure_ascii=False, sort_keys=True),
                    "field_meta": "{}",
                    "deleted": False,
                    "deleted_at": None,
                }
            )
            digest = combine(digest, row_id, version)
            if len(batch) == 5000:
                connection.execute(insert(SyncRow), batch)
                batch = []
        if batch:
            connection.execute(insert(SyncRow), batch)
        connection.execute(
            insert(EntityDigestRow).values(
                office_id=office_id, entity="journalist", count=count, digest=digest
            )
        )
        connection.execute(
            ServerOffice.__table__.update().where(ServerOffice.id == office_id).values(version=version)  # type: ignore[attr-defined]
        )


@contextmanager
def _server(db_file: Path) -> Iterator[Any]:
    """A live server (uvicorn in a thread) on a SQLite file."""
    import socket

    import uvicorn

    from app.server.app import create_app
    from app.server.db import make_server_engine, migrate

    engine = make_server_engine(f"sqlite:///{db_file}")
    migrate(engine)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(engine), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    server.url = f"http://127.0.0.1:{sock.getsockname()[1]}"  # type: ignore[attr-defined]
    server.engine = engine  # type: ignore[attr-defined]
    try:
        yield server
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        engine.dispose()


def _office_and_users(engine: Any, users: list[str]) -> str:
    from app.server import admin

    office_id = admin.create_office(engine, OFFICE_CODE, "Văn phòng đo hiệu năng")
    for user in users:
        admin.create_user(engine, OFFICE_CODE, user, PASSWORD, "staff")
    return office_id


def _desk(folder: Path, name: str, url: str) -> Any:
    from app.services import open_services
    from app.sync.client import SyncClient

    services = open_services(folder / name, actor=name)
    client = SyncClient(services)
    client.login(url, name, PASSWORD)
    client.engine().pull_limit = 5000
    return services, client


def bench_initial(work: Path, rows: int = 100_000) -> list[Measurement]:
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    from app.db import open_database
    from app.models import Journalist
    from app.models.codec import column_kinds, decode_value

    with _server(work / "initial.sqlite3") as server:
        office_id = _office_and_users(server.engine, ["an"])
        _fill_server(server.engine, office_id, rows)
        services, client = _desk(work, "an", server.url)
        start = time.perf_counter()
        result = client.sync_now()
        sync_s = time.perf_counter() - start
        assert result.ok and result.pulled == rows, result.summary()
        client.close()
        services.close()
        # The physical limit: the same rows inserted locally with one executemany.
        kinds = column_kinds(Journalist)
        decoded = []
        from sqlalchemy import select

        from app.server.models import SyncRow

        with server.engine.connect() as connection:
            for (data,) in connection.execute(select(SyncRow.data)):
                values = json.loads(data)
                decoded.append({k: decode_value(kinds[k], v) for k, v in values.items() if k in kinds})
    db = open_database(work / "raw" / "commdesk.sqlite3")
    start = time.perf_counter()
    with db.engine.begin() as connection:
        connection.execute(sqlite_insert(Journalist), decoded)
    raw_s = time.perf_counter() - start
    db.close()
    return [
        Measurement(
            "sync: initial sync of 100k rows / raw executemany",
            sync_s / raw_s,
            "ratio",
            target=10,
            details={"sync_s": round(sync_s, 2), "executemany_s": round(raw_s, 2), "rows": rows},
        ),
        Measurement("sync: initial sync of 100k rows", sync_s, "s"),
    ]


def _big_server_template(total: int, office_rows: int) -> tuple[Path, str]:
    """A server database holding ``total`` rows, ``office_rows`` of them in the bench office."""
    CACHE.mkdir(parents=True, exist_ok=True)
    target = CACHE / f"sync-server-{total}.sqlite3"
    marker = CACHE / f"sync-server-{total}.ready"
    if not marker.exists():
        target.unlink(missing_ok=True)
        from app.server import admin
        from app.server.db import make_server_engine, migrate

        engine = make_server_engine(f"sqlite:///{target}")
        migrate(engine)
        office_id = _office_and_users(engine, ["an", "binh"])
        _fill_server(engine, office_id, office_rows)
        others = total - office_rows
        per_office = 50_000
        for number in range((others + per_office - 1) // per_office):
            other = admin.create_office(engine, f"UBND-{number:02d}", "")
            _fill_server(engine, other, min(per_office, others - number * per_office))
        engine.dispose()
        marker.write_text(office_id)
    return target, marker.read_text()


def _incremental_rounds(work: Path, total: int, repeat: int = 5) -> list[float]:
    template, _office_id = _big_server_template(total, 10_000)
    db_file = work / f"incremental-{total}.sqlite3"
    shutil.copyfile(template, db_file)
    with _server(db_file) as server:
        reader_services, reader = _desk(work / str(total), "an", server.url)
        writer_services, writer = _desk(work / str(total), "binh", server.url)
        assert reader.sync_now().ok and writer.sync_now().ok
        ids = writer_services.journalists.ids()[:100]
        samples = []
        for round_number in range(repeat):
            for row_id in ids:
                writer_services.journalists.update(row_id, {"notes": f"sửa lần {round_number}"})
            start = time.perf_counter()
            pushed = writer.sync_now()
            pulled = reader.sync_now()
            samples.append((time.perf_counter() - start) * 1000)
            assert pushed.ok and pushed.pushed == 100, pushed.summary()
            assert pulled.ok and pulled.pulled == 100 and not pulled.repaired, pulled.summary()
        for services, client in ((reader_services, reader), (writer_services, writer)):
            client.close()
            services.close()
    return samples


def bench_incremental(work: Path) -> list[Measurement]:
    small = statistics.median(_incremental_rounds(work, 10_000))
    large = statistics.median(_incremental_rounds(work, 1_000_000))
    return [
        Measurement(
            "sync: 100 changes, server with 1M rows / with 10k rows",
            large / small,
            "ratio",
            target=1.5,
            details={"10k_ms": round(small, 1), "1M_ms": round(large, 1)},
        ),
        Measurement("sync: 100 changes pushed and pulled (10k rows)", small, "ms"),
    ]


def bench_concurrent(work: Path, clients: int = 50, rounds: int = 3) -> list[Measurement]:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def timed(request: httpx.Request) -> None:
        request.extensions["started"] = time.perf_counter()

    def done(response: httpx.Response) -> None:
        elapsed = (time.perf_counter() - response.request.extensions["started"]) * 1000
        with lock:
            latencies.append(elapsed)
            if response.status_code >= 500:
                errors.append(str(response.status_code))

    with _server(work / "concurrent.sqlite3") as server:
        names = [f"desk{n:02d}" for n in range(clients)]
        _office_and_users(server.engine, names)
        desks = [_desk(work / "many", name, server.url) for name in names]
        for _services, client in desks:
            client.engine().transport.http.event_hooks = {"request": [timed], "response": [done]}

        def work_of(services: Any, client: Any) -> None:
            for number in range(rounds):
                services.journalists.create({"full_name": f"Nhà báo {client.username} {number}"})
                result = client.sync_now()
                if not result.ok:
                    with lock:
                        errors.append(result.summary())

        threads = [threading.Thread(target=work_of, args=desk) for desk in desks]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        wall = time.perf_counter() - start
        for services, client in desks:
            client.close()
            services.close()
    return [
        Measurement(
            "sync: 50 desks at once, p99 request latency",
            percentile(latencies, 99),
            "ms",
            target=1000,
            details={"requests": len(latencies), "errors": len(errors), "wall_s": round(wall, 1)},
        ),
        Measurement("sync: 50 desks at once, errors", float(len(errors)), "count", target=0),
    ]


def run() -> list[Measurement]:
    previous = keyring.get_keyring()
    keyring.set_keyring(_MemoryKeyring())
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    try:
        return [*bench_initial(work), *bench_incremental(work), *bench_concurrent(work)]
    finally:
        keyring.set_keyring(previous)
        shutil.rmtree(work, ignore_errors=True)
