"""TLS: ``commdesk-server serve --ssl-certfile/--ssl-keyfile`` with a certificate from a private CA.
The client verifies certificates: it refuses the server until its CA certificate file is set,
says why in words, and keeps every pending change meanwhile."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme
from sync_harness import (  # noqa: F401  (fixtures)
    Harness,
    ProcessServer,
    database_url,
    memory_keyring_fixture,
    quick_argon2_fixture,
    server_kind_fixture,
)

from app.cli import main as commdesk
from app.sync import client as sync_client
from app.sync.transport import TlsFailure


@pytest.fixture(name="office_ca")
def office_ca_fixture(tmp_path: Path) -> Iterator[tuple[Path, Path, Path]]:
    """(CA certificate, server certificate chain, server key): the server's name is localhost only."""
    ca = trustme.CA(organization_name="Sở TT&TT tỉnh A")
    issued = ca.issue_cert("localhost")
    ca_file, cert_file, key_file = (
        tmp_path / "office-ca.pem",
        tmp_path / "server.pem",
        tmp_path / "server.key",
    )
    ca.cert_pem.write_to_path(str(ca_file))
    cert_file.write_bytes(b"".join(blob.bytes() for blob in issued.cert_chain_pems))
    issued.private_key_pem.write_to_path(str(key_file))
    yield ca_file, cert_file, key_file


@pytest.fixture(name="tls_harness")
def tls_harness_fixture(
    server_kind: str, tmp_path: Path, office_ca: tuple[Path, Path, Path]
) -> Iterator[Harness]:
    ca_file, cert_file, key_file = office_ca
    with database_url(server_kind, tmp_path) as url:
        server = ProcessServer(url, tmp_path, certfile=cert_file, keyfile=key_file, ca_bundle=ca_file)
        harness = Harness(server, tmp_path)
        try:
            server.start()
            yield harness
        finally:
            harness.close()
            server.close()


def test_untrusted_certificate_is_refused_until_the_ca_is_set(
    tls_harness: Harness, office_ca: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    ca_file = office_ca[0]
    url = tls_harness.server.url
    assert url.startswith("https://localhost:")
    a = tls_harness.desk("an", set_up=True, login=False)
    tls_harness.user("an")

    # Without the office's CA the system store does not know this certificate: refused, in words.
    with pytest.raises(TlsFailure) as refused:
        a.sync.login(url, "an", "mật-khẩu-đủ-dài")
    assert "certificate could not be verified" in refused.value.detail
    assert "CA certificate file" in refused.value.detail
    assert not a.sync.configured()

    # Another CA does not do either.
    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    with pytest.raises(TlsFailure):
        a.sync.login(url, "an", "mật-khẩu-đủ-dài", ca_bundle=str(other))

    # A CA file that is not there: a clear message, not a crash.
    with pytest.raises(TlsFailure) as missing:
        a.sync.login(url, "an", "mật-khẩu-đủ-dài", ca_bundle=str(tmp_path / "missing.pem"))
    assert "cannot be read" in missing.value.detail

    # The right CA: login, and rounds use the setting.
    a.sync.login(url, "an", "mật-khẩu-đủ-dài", ca_bundle=str(ca_file))
    assert a.services.settings.get(sync_client.CA_BUNDLE) == str(ca_file)
    journalist = a.services.journalists.create({"full_name": "Trần Thị Mai"})
    assert a.ok_round().pushed == 2

    b = tls_harness.desk("binh", login=False)
    tls_harness.user("binh")
    b.sync.login(url, "binh", "mật-khẩu-đủ-dài", ca_bundle=str(ca_file))
    b.ok_round()
    assert b.services.journalists.get(journalist.id).full_name == "Trần Thị Mai"

    # The CA setting pointed elsewhere: the round fails as "tls" and the change waits.
    a.services.journalists.update(journalist.id, {"notes": "Báo Lao Động"})
    a.services.settings.set(sync_client.CA_BUNDLE, str(other))
    failed = a.round()
    assert not failed.ok and failed.failure == "tls" and failed.pending == 1
    assert "certificate could not be verified" in failed.detail
    a.services.settings.set(sync_client.CA_BUNDLE, str(tmp_path / "missing.pem"))
    failed = a.round()
    assert not failed.ok and failed.failure == "tls" and failed.pending == 1
    a.services.settings.set(sync_client.CA_BUNDLE, str(ca_file))
    assert a.ok_round().pushed == 1
    b.ok_round()
    assert b.services.journalists.get(journalist.id).notes == "Báo Lao Động"


def test_the_certificate_must_name_the_server(
    tls_harness: Harness, office_ca: tuple[Path, Path, Path]
) -> None:
    """Trusted CA, wrong name: the certificate was issued for localhost, not for 127.0.0.1."""
    desk = tls_harness.desk("an", set_up=True, login=False)
    tls_harness.user("an")
    by_address = tls_harness.server.url.replace("localhost", "127.0.0.1")
    with pytest.raises(TlsFailure) as refused:
        desk.sync.login(by_address, "an", "mật-khẩu-đủ-dài", ca_bundle=str(office_ca[0]))
    assert "certificate could not be verified" in refused.value.detail


def test_command_line_login_with_the_ca_bundle(
    tls_harness: Harness,
    office_ca: tuple[Path, Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    tls_harness.user("lan")
    folder = tmp_path / "cli-desk"
    url = tls_harness.server.url
    login = ["--data-dir", str(folder), "login", "--server", url, "--user", "lan", "--password-stdin"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("mật-khẩu-đủ-dài\n"))
    assert commdesk(login) == 1
    assert "login failed (tls): the server's certificate could not be verified" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("mật-khẩu-đủ-dài\n"))
    assert commdesk([*login, "--ca-bundle", str(office_ca[0])]) == 0
    assert commdesk(["--data-dir", str(folder), "sync"]) == 0
    assert "sync ok" in capsys.readouterr().out
