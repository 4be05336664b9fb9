"""Fault injection: each failure of the network, the server or the desk, on its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sync_harness import (  # noqa: F401  (fixtures)
    Desk,
    Harness,
    LiveServer,
    assert_same_as_server,
    harness_fixture,
    inject,
    live_server_fixture,
    memory_keyring_fixture,
    nth,
    office_version,
    quick_argon2_fixture,
    server_kind_fixture,
    server_rows,
)

from app.models import DeadLetter, Journalist, OutboxEntry
from app.server.store import purge_tombstones
from app.sync import local as state
from app.sync.hlc import HybridLogicalClock
from app.sync.local import LocalStore
from app.sync.protocol import OpStatus

DAY_MS = 24 * 3600 * 1000


def outbox_count(desk: Desk) -> int:
    return desk.sync.store.pending_count()


def journalists(desk: Desk, n: int, prefix: str = "Nhà báo") -> list[str]:
    return [desk.services.journalists.create({"full_name": f"{prefix} {i}"}).id for i in range(n)]


def test_response_lost_after_commit_is_replayed_once(harness: Harness) -> None:
    a = harness.desk("an", set_up=True)
    office = a.services.ctx.office_id
    ids = journalists(a, 3)
    a.services.journalists.update(ids[0], {"notes": "một lần"})
    inject(a, nth("/sync/push", 1, action="after"))
    lost = a.round()
    assert not lost.ok and lost.failure == "offline"
    assert outbox_count(a) == 5  # the answer never came: everything stays queued
    committed = office_version(harness.server, office)
    assert committed == 5  # ...but the server did the work
    again = a.ok_round()
    assert again.pushed == 5 and again.pending == 0
    assert office_version(harness.server, office) == committed  # replayed, not applied twice
    assert_same_as_server(a, harness.server)


def test_request_lost_before_the_server_keeps_everything_queued(harness: Harness) -> None:
    a = harness.desk("an", set_up=True)
    journalists(a, 2)
    inject(a, nth("/sync/push", 1, action="before"))
    assert a.round().failure == "offline"
    assert outbox_count(a) == 3
    assert a.ok_round().pending == 0
    assert_same_as_server(a, harness.server)


def test_connection_cut_mid_pull_never_leaves_the_cursor_ahead(harness: Harness) -> None:
    a = harness.desk("an", set_up=True)
    journalists(a, 40)
    a.ok_round()
    b = harness.desk("binh")
    b.sync.engine().pull_limit = 7
    inject(b, nth("/sync/pull", 3, action="after"))
    assert b.round().failure == "offline"
    cursor = b.sync.store.cursor()
    assert cursor > 0
    held = {
        row_id: row["version"]
        for row_id, row in server_rows(harness.server).items()
        if row["version"] <= cursor
    }
    with b.services.db.session() as session:
        for row_id in held:
            assert session.get(Journalist, row_id) is not None or row_id == b.services.ctx.office_id
    b.ok_round()
    assert_same_as_server(b, harness.server)


def test_duplicated_batches_apply_once(harness: Harness) -> None:
    a = harness.desk("an", set_up=True)
    office = a.services.ctx.office_id
    ids = journalists(a, 2)
    a.services.journalists.update(ids[1], {"title": "Phóng viên"})
    ops = [op for _seq, op in a.sync.store.next_ops(100)[0]]
    transport = a.sync.engine().transport
    first = transport.push(ops)
    version = office_version(harness.server, office)
    second = transport.push(ops)
    assert [r.model_dump() for r in first.results] == [r.model_dump() for r in second.results]
    assert office_version(harness.server, office) == version
    # The same op twice in one batch is also applied once.
    third = transport.push(ops + ops)
    assert len(third.results) == 2 * len(ops)
    assert office_version(harness.server, office) == version
    a.ok_round()
    assert_same_as_server(a, harness.server)


def test_reordered_batches_lose_nothing(harness: Harness) -> None:
    a = harness.desk("an", set_up=True)
    journalist = a.services.journalists.create({"full_name": "Vũ Hoàng"})
    a.ok_round()
    a.services.journalists.update(journalist.id, {"notes": "bản một"})
    a.services.journalists.update(journalist.id, {"notes": "bản hai"})
    (first, second), _ = a.sync.store.next_ops(100)
    transport = a.sync.engine().transport
    later = transport.push([second[1]])  # the later batch arrives first
    earlier = transport.push([first[1]])
    assert later.results[0].status in (OpStatus.APPLIED, OpStatus.MERGED)
    # The stale one does not overwrite the newer value; it is kept as a conflict, not dropped.
    assert earlier.results[0].status == OpStatus.CONFLICT
    assert earlier.results[0].conflicts[0].lost == "bản một"
    a.ok_round()
    assert a.services.journalists.get(journalist.id).notes == "bản hai"
    assert_same_as_server(a, harness.server)


def test_an_op_arriving_before_its_insert_goes_to_dead_letters_and_is_retried(harness: Harness) -> None:
    a = harness.desk("an", set_up=True)
    a.ok_round()
    journalist = a.services.journalists.create({"full_name": "Đặng Thu Thảo"})
    a.services.journalists.update(journalist.id, {"title": "Phóng viên thường trú"})
    other = a.services.journalists.create({"full_name": "Ngô Bảo Châu"})
    (insert, edit, later), _ = a.sync.store.next_ops(100)
    transport = a.sync.engine().transport
    answer = transport.push([edit[1], later[1]])
    a.sync.store.acknowledge([edit, later], answer.results)
    assert [r.status for r in answer.results] == [OpStatus.REJECTED, OpStatus.APPLIED]
    assert [d["op_id"] for d in a.sync.store.dead_letters()] == [edit[1].op_id]
    a.ok_round()  # the insert goes through; the dead letter does not block anything
    assert server_rows(harness.server)[other.id]["full_name"] == "Ngô Bảo Châu"
    assert server_rows(harness.server)[journalist.id]["title"] == ""
    writes = a.services.pending_changes()
    assert a.sync.store.retry_dead_letter(edit[1].op_id)
    assert a.services.pending_changes() == writes + 1  # re-queued as it was, no new local write
    a.ok_round()
    assert a.sync.store.dead_letters() == []
    assert server_rows(harness.server)[journalist.id]["title"] == "Phóng viên thường trú"
    assert_same_as_server(a, harness.server)


def test_a_poison_op_never_blocks_the_queue(harness: Harness) -> None:
    a = harness.desk("an", set_up=True)
    a.ok_round()
    bad = a.services.journalists.create({"full_name": "Tên hợp lệ"})
    with a.services.db.session() as session, session.begin():
        entry = session.scalars(select(OutboxEntry).where(OutboxEntry.row_id == bad.id)).one()
        entry.changes_json = json.dumps({"full_name": {"old": None, "new": 12345}})  # not text
        broken = OutboxEntry(
            entity="journalist", row_id=bad.id, op="update", changes_json="not json", hlc=entry.hlc
        )
        session.add(broken)
    good = journalists(a, 2, "Sau")
    result = a.ok_round()
    assert result.rejected == 2
    assert {d["op_id"] for d in a.sync.store.dead_letters()} == {entry.op_id, broken.op_id}
    for row_id in good:
        assert row_id in server_rows(harness.server)
    assert bad.id not in server_rows(harness.server)
    # Retrying a poison op sends it again: still refused, still a single dead letter, queue free.
    assert a.sync.store.retry_dead_letter(entry.op_id)
    assert a.ok_round().rejected == 1
    with a.services.db.session() as session:
        assert session.scalar(select(func.count()).select_from(DeadLetter)) == 2
    assert outbox_count(a) == 0


def test_clocks_skewed_by_a_day_give_a_deterministic_winner_and_lose_nothing(harness: Harness) -> None:
    ahead = harness.desk("an", set_up=True)
    behind = harness.desk("binh")
    ahead.services.ctx.clock = HybridLogicalClock("ahead", lambda: _now_ms() + DAY_MS)
    behind.services.ctx.clock = HybridLogicalClock("behind", lambda: _now_ms() - DAY_MS)
    ahead.sync.engine().clock = ahead.services.ctx.clock
    behind.sync.engine().clock = behind.services.ctx.clock
    journalist = ahead.services.journalists.create({"full_name": "Hà Anh"})
    ahead.ok_round()
    behind.ok_round()
    behind.services.journalists.update(journalist.id, {"notes": "sau, theo giờ thật"})
    ahead.services.journalists.update(journalist.id, {"notes": "trước, đồng hồ nhanh"})
    behind.ok_round()
    assert ahead.ok_round().conflicts == 1
    behind.ok_round()
    # Last writer by HLC: the fast clock's stamp is later, on every desk alike.
    assert behind.services.journalists.get(journalist.id).notes == "trước, đồng hồ nhanh"
    # The slow desk has seen the fast stamp, so its next edit orders after it and wins.
    behind.services.journalists.update(journalist.id, {"notes": "sửa tiếp"})
    ahead.services.journalists.update(journalist.id, {"title": "Phóng viên"})
    behind.ok_round()
    ahead.ok_round()
    behind.ok_round()
    for desk in (ahead, behind):
        row = desk.services.journalists.get(journalist.id)
        assert (row.notes, row.title) == ("sửa tiếp", "Phóng viên")
        assert_same_as_server(desk, harness.server)


def test_a_clock_stepping_back_does_not_undo_our_own_later_edit(harness: Harness, tmp_path: Path) -> None:
    a = harness.desk("an", set_up=True)
    journalist = a.services.journalists.create({"full_name": "Trịnh Công"})
    a.services.journalists.update(journalist.id, {"notes": "đầu tiên"})
    a.ok_round()
    # Restart the desk with the wall clock a day behind: stamps must still move forward.
    folder = a.services.db.path.parent
    a.close()
    from app.services import open_services
    from app.sync.client import SecretStore, SyncClient

    services = open_services(folder, actor="an")
    services.ctx.clock._wall_ms = lambda: _now_ms() - DAY_MS  # type: ignore[method-assign]
    again = Desk("an2", services, SyncClient(services, SecretStore()))
    harness.desks.append(again)
    again.services.journalists.update(journalist.id, {"notes": "sau khi đồng hồ lùi"})
    result = again.ok_round()
    assert result.conflicts == 0
    assert server_rows(harness.server)[journalist.id]["notes"] == "sau khi đồng hồ lùi"


def _now_ms() -> int:
    return int(datetime.now(UTC).timestamp() * 1000)


def test_old_client_against_new_server_keeps_its_outbox(harness: Harness) -> None:
    from app.server.app import ServerConfig

    a = harness.desk("an", set_up=True)
    journalists(a, 2)
    harness.server.stop()
    harness.server.start(ServerConfig(protocol_range=(2, 3), schema_range=(1, 1)))
    result = a.round()
    assert (result.ok, result.failure) == (False, "upgrade_required")
    assert outbox_count(a) == 3
    harness.server.stop()
    harness.server.start(ServerConfig(schema_range=(2, 2)))
    assert a.round().failure == "upgrade_required"
    harness.server.stop()
    harness.server.start(ServerConfig())
    assert a.ok_round().pending == 0


def test_new_client_against_old_server_is_told_to_wait(harness: Harness) -> None:
    a = harness.desk("an", set_up=True)
    journalists(a, 1)
    engine = a.sync.engine()
    engine.transport.http.headers["X-CommDesk-Protocol"] = "2"
    assert a.round().failure == "upgrade_required"
    assert outbox_count(a) == 2
    engine.transport.http.headers["X-CommDesk-Protocol"] = "1"
    engine.transport.http.headers["X-CommDesk-Schema"] = "9"
    assert a.round().failure == "upgrade_required"
    engine.transport.http.headers["X-CommDesk-Schema"] = "1"
    assert a.ok_round().pending == 0


def test_offline_past_the_tombstone_horizon_pulls_everything_again(harness: Harness) -> None:
    a = harness.desk("an", set_up=True)
    ids = journalists(a, 4)
    a.ok_round()
    b = harness.desk("binh")
    b.ok_round()
    a.services.journalists.delete(ids[0])
    a.services.journalists.update(ids[1], {"notes": "đã sửa"})
    a.ok_round()
    b.services.journalists.update(ids[2], {"notes": "sửa khi mất mạng"})  # pending on b
    assert purge_tombstones(harness.server.engine, timedelta(0)) == 1
    result = b.ok_round()
    assert result.recovered == "horizon"
    assert (
        b.services.journalists.get_many([ids[0]]) == {}
        or b.services.journalists.list(filters={"id": ids[0]}) == []
    )
    assert b.services.journalists.get(ids[1]).notes == "đã sửa"
    a.ok_round()
    assert a.services.journalists.get(ids[2]).notes == "sửa khi mất mạng"
    b.ok_round()
    assert b.sync.store.get_state(state.RECOVERY) == ""


def test_server_restored_from_an_older_backup_loses_nothing(harness: Harness, tmp_path: Path) -> None:
    server: LiveServer = harness.server
    a = harness.desk("an", set_up=True)
    early = journalists(a, 2, "Trước sao lưu")
    a.ok_round()
    b = harness.desk("binh")
    b.ok_round()
    backup = _snapshot(server, tmp_path)
    late_a = journalists(a, 2, "Sau sao lưu")
    a.services.journalists.update(early[0], {"notes": "sửa sau sao lưu"})
    a.ok_round()
    late_b = journalists(b, 1, "Bình sau sao lưu")
    b.ok_round()
    server.stop()
    _restore(server, backup)
    from app.server.db import set_epoch

    set_epoch(server.engine)
    server.start()
    first = a.ok_round()
    assert first.recovered == "epoch"
    b.ok_round()
    a.ok_round()
    b.ok_round()
    for row_id in [*early, *late_a, *late_b]:
        assert row_id in server_rows(server)
    assert server_rows(server)[early[0]]["notes"] == "sửa sau sao lưu"
    assert_same_as_server(a, server)
    assert_same_as_server(b, server)
    # Nothing wedges: further rounds are ordinary.
    journalists(b, 1, "Sau khôi phục")
    assert b.ok_round().recovered == ""
    assert a.ok_round().pulled == 1


def _snapshot(server: LiveServer, folder: Path) -> object:
    if server.engine.dialect.name == "sqlite":
        target = folder / "server-backup.sqlite3"
        import sqlite3

        source = sqlite3.connect(server.engine.url.database)
        dest = sqlite3.connect(target)
        source.backup(dest)
        source.close()
        dest.close()
        return target
    from sqlalchemy import MetaData

    from app.server.models import ServerBase

    copies: dict[str, list[dict[str, object]]] = {}
    with server.engine.connect() as connection:
        for table in ServerBase.metadata.sorted_tables:
            copies[table.name] = [dict(row._mapping) for row in connection.execute(select(table))]
    del MetaData
    return copies


def _restore(server: LiveServer, backup: object) -> None:
    server.engine.dispose()
    if isinstance(backup, Path):
        import shutil

        shutil.copyfile(backup, Path(str(server.engine.url.database)))
        for suffix in ("-wal", "-shm"):
            Path(f"{server.engine.url.database}{suffix}").unlink(missing_ok=True)
        return
    from app.server.models import ServerBase

    assert isinstance(backup, dict)
    with server.engine.begin() as connection:
        for table in reversed(ServerBase.metadata.sorted_tables):
            connection.execute(table.delete())
        for table in ServerBase.metadata.sorted_tables:
            if backup[table.name]:
                connection.execute(table.insert(), backup[table.name])


def test_desk_killed_between_its_write_and_its_outbox_entry_keeps_both_or_neither(tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    script = textwrap.dedent(
        f"""
        import os, sys
        from sqlalchemy import event
        from app.services import open_services
        from pathlib import Path
        services = open_services(Path({str(folder)!r}), actor="t")
        if os.environ["DIE"] == "0":
            services.offices.set_up({{"code": "K", "name": "K", "province": "K", "superior_body": "K",
                "place_name": "K", "symbol_suffix": "UBND", "signer_name": "K", "signer_title": "K",
                "period_rule": "calendar_quarter"}})
        else:
            @event.listens_for(services.db.engine, "commit")
            def on_commit(connection):
                os._exit(9)  # killed after the row and its outbox entry were written, before COMMIT
        services.journalists.create({{"full_name": sys.argv[1]}})
        """
    )
    env = {**os.environ, "DIE": "0"}
    done = subprocess.run(
        [sys.executable, "-c", script, "Còn đủ"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    env["DIE"] = "1"
    killed = subprocess.run(
        [sys.executable, "-c", script, "Bị ngắt"], env=env, capture_output=True, timeout=120
    )
    assert killed.returncode == 9, killed.stderr
    from app.services import open_services

    services = open_services(folder, actor="t")
    try:
        with services.db.session() as session:
            names = [j.full_name for j in session.scalars(select(Journalist))]
            entries = session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "journalist")).all()
        assert names == ["Còn đủ"]  # the killed write left neither its row nor its outbox entry
        assert len(entries) == 1 and entries[0].row_id in {j.id for j in services.journalists.list()}
    finally:
        services.close()


@pytest.mark.parametrize("batch", [50])
def test_server_killed_mid_push_then_restarted(server_kind: str, tmp_path: Path, batch: int) -> None:
    from sync_harness import Harness as _Harness
    from sync_harness import database_url

    with database_url(server_kind, tmp_path) as url:
        from app.server.db import make_server_engine, migrate

        engine = make_server_engine(url)
        migrate(engine)
        engine.dispose()
        process, port = _spawn_server(url)
        server = LiveServer(url)
        server.port = port
        harness = _Harness(server, tmp_path)
        try:
            a = harness.desk("an", set_up=True)
            a.sync.engine().push_batch = batch
            ids = journalists(a, 4 * batch)

            def kill_on_second_push(request: object) -> str | None:
                if request.url.path == "/sync/push":
                    kill_on_second_push.count += 1  # type: ignore[attr-defined]
                    if kill_on_second_push.count == 2:  # type: ignore[attr-defined]
                        process.kill()
                        process.wait()
                return None

            kill_on_second_push.count = 0  # type: ignore[attr-defined]
            inject(a, kill_on_second_push)
            result = a.round()
            assert not result.ok and result.failure == "offline"
            assert 0 < outbox_count(a) < 4 * batch + 1
            process, _ = _spawn_server(url, port)
            a.ok_round()
            rows = server_rows(server)
            assert set(ids) <= set(rows)
            assert office_version(server, a.services.ctx.office_id) == 4 * batch + 1  # each once
            assert_same_as_server(a, server)
        finally:
            harness.close()
            process.kill()
            process.wait()
            server.engine.dispose()


def _spawn_server(url: str, port: int = 0) -> tuple[subprocess.Popen[bytes], int]:
    import socket
    import time

    import httpx

    if port == 0:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app.server.cli",
            "serve",
            "--db",
            url,
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return process, port
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("server did not start")


def test_rows_marked_unconfirmed_are_reconciled_locally(harness: Harness) -> None:
    """The (id, version) sanity check finds a row the desk lost track of and re-reads it."""
    a = harness.desk("an", set_up=True)
    ids = journalists(a, 3)
    a.ok_round()
    with a.services.db.engine.begin() as connection:
        connection.execute(
            update(Journalist).where(Journalist.id == ids[0]).values(version=999, notes="hỏng")
        )
    result = a.ok_round()
    assert result.repaired == ["journalist"]
    assert a.services.journalists.get(ids[0]).notes == ""
    assert_same_as_server(a, harness.server)
    assert LocalStore(a.services.db).digests()["journalist"][0] == 3
