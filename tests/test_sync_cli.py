"""``commdesk login`` / ``commdesk sync`` and the ``commdesk-server`` administration commands."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from sync_harness import (  # noqa: F401  (fixtures)
    PASSWORD,
    Harness,
    harness_fixture,
    live_server_fixture,
    memory_keyring_fixture,
    migrated_copy,
    quick_argon2_fixture,
    server_kind_fixture,
)

from app.cli import main as commdesk
from app.server.cli import main as server_main


@dataclass
class CliDesk:
    """A new desk folder driven through ``commdesk``; the server knows the user ``an``."""

    folder: Path
    server_url: str
    monkeypatch: pytest.MonkeyPatch

    def run(self, *args: str) -> int:
        return commdesk(["--data-dir", str(self.folder), *args])

    def login(self, password: str) -> int:
        """``commdesk login`` as ``an``, the password typed on standard input."""
        self.monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))
        return self.run("login", "--server", self.server_url, "--user", "an", "--password-stdin")


@pytest.fixture
def desk(harness: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliDesk:
    harness.user("an")
    folder = tmp_path / "cli-desk"
    migrated_copy(folder)
    return CliDesk(folder, harness.server.url, monkeypatch)


def test_login_then_sync_from_the_command_line(
    harness: Harness, desk: CliDesk, capsys: pytest.CaptureFixture[str]
) -> None:
    assert desk.login(PASSWORD) == 0
    assert "UBND-A" in capsys.readouterr().out
    assert desk.run("sync") == 0
    assert capsys.readouterr().out.startswith("sync ok:")
    assert desk.run("sync", "--status") == 0
    out = capsys.readouterr().out
    assert "pending changes: 0" in out and "never" not in out
    harness.server.stop()
    assert desk.run("sync") == 1
    assert "offline" in capsys.readouterr().out


def test_wrong_password_on_the_command_line(desk: CliDesk, capsys: pytest.CaptureFixture[str]) -> None:
    assert desk.login("sai") == 1
    assert "login_required" in capsys.readouterr().err
    assert desk.run("sync") == 2  # not configured: a clear message, no trace


def test_server_administration_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'admin.sqlite3'}"
    assert server_main(["init-db", "--db", db]) == 0
    assert server_main(["create-office", "UBND-HN", "--name", "Hà Nội", "--db", db]) == 0
    assert server_main(["create-office", "UBND-HN", "--db", db]) == 2
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert (
        server_main(
            ["create-user", "lan", "--office", "UBND-HN", "--role", "manager", "--password-stdin", "--db", db]
        )
        == 0
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO("ngan\n"))
    assert (
        server_main(
            ["create-user", "hoa", "--office", "UBND-HN", "--role", "staff", "--password-stdin", "--db", db]
        )
        == 2
    )
    assert "8" in capsys.readouterr().err
    from app.server import auth
    from app.server.db import make_server_engine

    engine = make_server_engine(db)
    signer = auth.TokenSigner("11" * 32)
    login = auth.login(
        engine, signer, "lan", PASSWORD, "0190a3f4-0000-7000-8000-000000000001", "máy 1", "127.0.0.1"
    )
    engine.dispose()
    assert server_main(["list-devices", "--db", db]) == 0
    listing = capsys.readouterr().out
    assert login.caller.device_id in listing and "active" in listing
    assert server_main(["revoke-device", login.caller.device_id, "--db", db]) == 0
    assert server_main(["revoke-device", login.caller.device_id, "--db", db]) == 1
    assert server_main(["list-devices", "--db", db]) == 0
    assert "revoked" in capsys.readouterr().out
    assert server_main(["new-epoch", "--db", db]) == 0
    assert server_main(["purge-tombstones", "--older-than-days", "30", "--db", db]) == 0
