"""Sync benchmarks (DESIGN.md §5), all on 127.0.0.1, each against a server on SQLite and one on
PostgreSQL (127.0.0.1:5432, a database of its own created and dropped by the run):

- initial sync of 100k rows through the server vs a raw ``executemany`` of the same rows (<= 10x);
- an incremental round of 100 changes on a server holding 10k rows vs 1M rows (<= 1.5x);
- 50 desks syncing at once: p99 request latency <= 1 s, no errors (bounded in rounds and time).

The server runs as deployed, ``commdesk-server serve`` in its own process(es). The 1M-row server
database is built once in bulk (executemany) and cached as a SQLite file under
COMMDESK_BENCH_CACHE; PostgreSQL gets it with COPY at each run.

python -m bench sync                                  # both back ends
COMMDESK_BENCH_SYNC_BACKENDS=sqlite python -m bench sync
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import keyring
from sqlalchemy import create_engine, insert, select, text

from bench.common import CACHE, Measurement, percentile, print_table
from tests.media.keyring_memory import MemoryKeyring

PASSWORD = "bench-password-1"
OFFICE_CODE = "UBND-BENCH"
PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
BACKEND_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
TEMPLATE_VERSION = 2  # bump when the cached server databases change shape


# ----- server databases ---------------------------------------------------------------------


def _postgres_reachable() -> bool:
    try:
        engine = create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
        return True
    except Exception:
        return False


def backends() -> list[str]:
    wanted = os.environ.get("COMMDESK_BENCH_SYNC_BACKENDS", "sqlite,postgresql").split(",")
    found = [b for b in wanted if b == "sqlite" or (b == "postgresql" and _postgres_reachable())]
    if "postgresql" in wanted and "postgresql" not in found:
        print("PostgreSQL not reachable at 127.0.0.1:5432: SQLite only", flush=True)
    return found


@contextlib.contextmanager
def _database(kind: str, work: Path, name: str) -> Iterator[str]:
    """A new, empty server database: a SQLite file, or a PostgreSQL database dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{work / f'{name}.sqlite3'}"
        return
    database = f"commdesk_bench_{name}_{os.getpid()}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
        connection.execute(text(f"CREATE DATABASE {database}"))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{database}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
        admin.dispose()


def _row_id(office_id: str, index: int) -> str:
    return str(uuid.UUID(int=(uuid.UUID(office_id).int & ~0xFFFF_FFFF) | index))


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


def _fill_server(engine: Any, office_id: str, count: int) -> None:
    """Rows straight into the server's table in bulk (with their digest), as if pushed long ago."""
    from app.server.models import EntityDigestRow, ServerOffice, SyncRow
    from app.sync.digest import EMPTY_DIGEST, combine

    digest = EMPTY_DIGEST
    batch: list[dict[str, Any]] = []
    with engine.begin() as connection:
        for index in range(count):
            version = index + 1
            row_id = _row_id(office_id, index)
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
            ServerOffice.__table__.update().where(ServerOffice.id == office_id).values(version=count)  # type: ignore[attr-defined]
        )


def _cheap_passwords() -> None:
    """argon2id at a low cost for the bench accounts (the server verifies with the stored cost)."""
    from argon2 import PasswordHasher

    from app.server import auth

    auth._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def _office_and_users(engine: Any, users: list[str], code: str = OFFICE_CODE) -> str:
    from app.server import admin

    office_id = admin.create_office(engine, code, "Văn phòng đo hiệu năng")
    for user in users:
        admin.create_user(engine, code, user, PASSWORD, "staff")
    return office_id


def _server_template(total: int, office_rows: int) -> Path:
    """A SQLite server database holding ``total`` rows, ``office_rows`` of them in the bench
    office (users an and binh) and the rest in other offices; built once, cached."""
    CACHE.mkdir(parents=True, exist_ok=True)
    target = CACHE / f"sync-server-v{TEMPLATE_VERSION}-{total}.sqlite3"
    marker = target.with_suffix(".ready")
    if not marker.exists():
        from app.server import admin
        from app.server.db import make_server_engine, migrate

        start = time.perf_counter()
        target.unlink(missing_ok=True)
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
        with sqlite3.connect(target) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.execute("ANALYZE")
        marker.write_text(f"built in {time.perf_counter() - start:.0f} s\n")
    return target


def _load_template(template: Path, kind: str, url: str, work: Path) -> None:
    """The cached server database into ``url``: a file copy for SQLite, COPY for PostgreSQL."""
    from app.server.db import make_server_engine, migrate
    from app.server.models import ServerBase

    if kind == "sqlite":
        shutil.copyfile(template, url.removeprefix("sqlite:///"))
        return
    target = make_server_engine(url)
    migrate(target)
    source = create_engine(f"sqlite:///{template}")
    with source.connect() as reading, target.begin() as writing:
        cursor = writing.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        for table in ServerBase.metadata.sorted_tables:
            if table.name == "alembic_version":
                continue
            cursor.execute(f"DELETE FROM {table.name}")  # server_meta rows made by migrate
            names = [c.name for c in table.columns]
            with cursor.copy(f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
                for row in reading.execution_options(yield_per=20_000).execute(select(table)):
                    copy.write_row(tuple(row))
            for column in table.primary_key.columns:
                if column.autoincrement is True:  # serial keys continue after the copied rows
                    cursor.execute(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                        f"COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"
                    )
    with target.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE"))
    source.dispose()
    target.dispose()


# ----- the server and the desks -------------------------------------------------------------


class _Server:
    url = ""


@contextlib.contextmanager
def _serve(db_url: str, work: Path, workers: int = 1) -> Iterator[_Server]:
    """``commdesk-server serve`` in its own process(es), as deployed."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "app.server.cli", "serve", "--db", db_url, "--port", str(port)]
    command += ["--workers", str(workers), "--log-level", "warning"]
    log = work / f"server-{port}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    server = _Server()
    server.url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"sync server did not start: {log.read_text()[-2000:]}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{server.url}/health", timeout=2).status_code == 200:
                    break
            time.sleep(0.2)
        yield server
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


_desk_template: Path | None = None


def _desk(folder: Path, name: str, url: str) -> Any:
    """A desktop with its own (migrated, empty) database, logged in."""
    global _desk_template
    from app.db import open_database
    from app.paths import database_path
    from app.services import open_services
    from app.sync.client import SyncClient

    if _desk_template is None or not _desk_template.exists():
        template_folder = Path(tempfile.mkdtemp(prefix="bench-desk-"))
        open_database(database_path(template_folder)).close()
        _desk_template = database_path(template_folder)
    (folder / name).mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_desk_template, database_path(folder / name))
    services = open_services(folder / name, actor=name)
    client = SyncClient(services)
    client.login(url, name, PASSWORD)
    client.engine().pull_limit = 5000
    return services, client


def _close(*desks: tuple[Any, Any]) -> None:
    for services, client in desks:
        client.close()
        services.close()


# ----- initial sync -------------------------------------------------------------------------


def _raw_inserts(work: Path, decoded: list[dict[str, Any]]) -> tuple[float, float]:
    """The physical limits: the same rows by one executemany into the desktop's own journalist
    table (its indexes and search triggers included), and into a bare table of the same columns."""
    from sqlalchemy import MetaData, Table
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    from app.db import open_database
    from app.models import Journalist

    db = open_database(work / "raw" / "commdesk.sqlite3")
    start = time.perf_counter()
    with db.engine.begin() as connection:
        connection.execute(sqlite_insert(Journalist), decoded)
    app_table_s = time.perf_counter() - start
    bare = Table("bare_journalist", MetaData())
    for column in Journalist.__table__.columns:
        bare.append_column(column._copy(index=False, unique=False, foreign_keys=[]))  # type: ignore[call-arg]
    bare.create(db.engine)
    start = time.perf_counter()
    with db.engine.begin() as connection:
        connection.execute(insert(bare), decoded)
    bare_s = time.perf_counter() - start
    db.close()
    return app_table_s, bare_s


def bench_initial(kind: str, work: Path, rows: int = 100_000) -> list[Measurement]:
    from app.models import Journalist
    from app.models.codec import column_kinds, decode_value
    from app.server.db import make_server_engine, migrate

    label = BACKEND_NAMES[kind]
    with _database(kind, work, "initial") as url:
        engine = make_server_engine(url)
        migrate(engine)
        office_id = _office_and_users(engine, ["an"])
        _fill_server(engine, office_id, rows)
        engine.dispose()
        with _serve(url, work) as server:
            desk = _desk(work / f"initial-{kind}", "an", server.url)
            start = time.perf_counter()
            result = desk[1].sync_now()
            sync_s = time.perf_counter() - start
            assert result.ok and result.pulled == rows, result.summary()
            _close(desk)
    kinds = column_kinds(Journalist)  # type: ignore[arg-type]
    decoded = [
        {k: decode_value(kinds[k], v) for k, v in values.items() if k in kinds}
        for values in (
            _journalist_values(_row_id(office_id, i), office_id, i + 1, f"Nhà báo số {i}")
            for i in range(rows)
        )
    ]
    raw_s, bare_s = _raw_inserts(work / f"raw-{kind}", decoded)
    return [
        Measurement(
            f"sync ({label}): initial sync of 100k rows / raw executemany",
            sync_s / raw_s,
            "ratio",
            target=10,
            details={
                "sync_s": round(sync_s, 2),
                "executemany_s": round(raw_s, 2),
                "bare_table_executemany_s": round(bare_s, 2),
                "ratio_to_bare_table": round(sync_s / bare_s, 1),
                "rows": rows,
            },
        ),
        Measurement(f"sync ({label}): initial sync of 100k rows", sync_s, "s"),
    ]


# ----- incremental sync ---------------------------------------------------------------------


@contextlib.contextmanager
def _incremental_setup(kind: str, work: Path, total: int) -> Iterator[tuple[Any, Any]]:
    """A server holding ``total`` rows (10k of them in the bench office) and two synced desks."""
    template = _server_template(total, 10_000)
    with _database(kind, work, f"incr{total}") as url:
        _load_template(template, kind, url, work)
        with _serve(url, work) as server:
            reader = _desk(work / f"incr-{kind}-{total}", "an", server.url)
            writer = _desk(work / f"incr-{kind}-{total}", "binh", server.url)
            assert reader[1].sync_now().ok and writer[1].sync_now().ok
            try:
                yield reader, writer
            finally:
                _close(reader, writer)


def _incremental_round(reader: Any, writer: Any, ids: list[str], number: int) -> float:
    writer_services, writer_client = writer
    for row_id in ids:
        writer_services.journalists.update(row_id, {"notes": f"sửa lần {number}"})
    start = time.perf_counter()
    pushed = writer_client.sync_now()
    pulled = reader[1].sync_now()
    elapsed = (time.perf_counter() - start) * 1000
    assert pushed.ok and pushed.pushed == 100, pushed.summary()
    assert pulled.ok and pulled.pulled == 100 and not pulled.repaired, pulled.summary()
    return elapsed


def bench_incremental(kind: str, work: Path, repeat: int = 15) -> list[Measurement]:
    """Both servers up side by side and their rounds interleaved, so load from elsewhere on the
    machine falls on both alike."""
    label = BACKEND_NAMES[kind]
    samples: dict[int, list[float]] = {10_000: [], 1_000_000: []}
    with (
        _incremental_setup(kind, work, 10_000) as small,
        _incremental_setup(kind, work, 1_000_000) as large,
    ):
        setups = {10_000: small, 1_000_000: large}
        ids = {total: setup[1][0].journalists.ids()[:100] for total, setup in setups.items()}
        for number in range(repeat + 1):
            for total, (reader, writer) in setups.items():
                elapsed = _incremental_round(reader, writer, ids[total], number)
                if number:  # the first round warms the caches
                    samples[total].append(elapsed)
    small_ms = statistics.median(samples[10_000])
    large_ms = statistics.median(samples[1_000_000])
    return [
        Measurement(
            f"sync ({label}): 100 changes, server with 1M rows / with 10k rows",
            large_ms / small_ms,
            "ratio",
            target=1.5,
            details={"10k_ms": round(small_ms, 1), "1M_ms": round(large_ms, 1), "rounds": repeat},
        ),
        Measurement(f"sync ({label}): 100 changes pushed and pulled (10k rows)", small_ms, "ms"),
    ]


# ----- many desks at once -------------------------------------------------------------------


def bench_concurrent(kind: str, work: Path) -> list[Measurement]:
    """50 desks at once, as the server is meant to be used: ten offices of five desks each; and
    the worst case, all 50 desks in one office, where every push waits its turn for the office's
    version counter."""
    return [
        *_concurrent(kind, work, offices=10, what="50 desks at once (10 offices × 5 desks)"),
        *_concurrent(kind, work, offices=1, what="50 desks of one office at once"),
    ]


def _workers() -> int:
    """Two server worker processes (COMMDESK_BENCH_SYNC_WORKERS to change it)."""
    return int(os.environ.get("COMMDESK_BENCH_SYNC_WORKERS") or 2)


def _concurrent(
    kind: str, work: Path, offices: int, what: str, clients: int = 50, rounds: int = 3
) -> list[Measurement]:
    from app.server.db import make_server_engine, migrate

    label = BACKEND_NAMES[kind]
    latencies: list[float] = []
    by_path: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()

    def timed(request: httpx.Request) -> None:
        request.extensions["started"] = time.perf_counter()

    def done(response: httpx.Response) -> None:
        elapsed = (time.perf_counter() - response.request.extensions["started"]) * 1000
        with lock:
            latencies.append(elapsed)
            by_path.setdefault(response.request.url.path, []).append(elapsed)
            if response.status_code >= 500:
                errors.append(str(response.status_code))

    names = [f"desk{n:02d}" for n in range(clients)]
    with _database(kind, work, f"many{offices}") as url:
        engine = make_server_engine(url)
        migrate(engine)
        for office in range(offices):
            _office_and_users(engine, names[office::offices], f"{OFFICE_CODE}-{office:02d}")
        engine.dispose()
        with _serve(url, work, workers=_workers()) as server:
            desks = [_desk(work / f"many-{kind}-{offices}", name, server.url) for name in names]
            for _services, client in desks:
                client.engine().transport.http.event_hooks = {"request": [timed], "response": [done]}
            barrier = threading.Barrier(clients)

            def work_of(services: Any, client: Any) -> None:
                barrier.wait()
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
            if any(thread.is_alive() for thread in threads):
                errors.append("desks still syncing after 300 s")
            _close(*desks)
    return [
        Measurement(
            f"sync ({label}): {what}, p99 request latency",
            percentile(latencies, 99),
            "ms",
            target=1000,
            details={
                "requests": len(latencies),
                "p50_ms": round(percentile(latencies, 50), 1),
                "errors": len(errors),
                "wall_s": round(wall, 1),
                "server_workers": _workers(),
                "offices": offices,
                **{
                    f"p99_ms {path}": round(percentile(samples, 99), 1)
                    for path, samples in sorted(by_path.items())
                    if len(samples) > 1
                },
            },
        ),
        Measurement(f"sync ({label}): {what}, errors", float(len(errors)), "count", target=0),
    ]


def run() -> list[Measurement]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    _cheap_passwords()
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    which = os.environ.get("COMMDESK_BENCH_SYNC_PARTS", "initial,incremental,concurrent").split(",")
    parts = {"initial": bench_initial, "incremental": bench_incremental, "concurrent": bench_concurrent}
    measurements: list[Measurement] = []
    try:
        for kind in backends():
            for name in which:
                print(f"-- sync {name} on {BACKEND_NAMES[kind]}", flush=True)
                try:
                    found = parts[name](kind, work)  # type: ignore[operator]
                except Exception as exc:  # the other parts still run and report
                    traceback.print_exc()
                    found = [
                        Measurement(
                            f"sync ({BACKEND_NAMES[kind]}): {name} did not complete",
                            1.0,
                            "count",
                            target=0,
                            details={"error": f"{type(exc).__name__}: {exc}"[:300]},
                        )
                    ]
                print_table(found)
                measurements.extend(found)
        return measurements
    finally:
        keyring.set_keyring(previous)
        shutil.rmtree(work, ignore_errors=True)
