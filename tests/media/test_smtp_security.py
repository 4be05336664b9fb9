"""Sending through a mail server that wants TLS and a login, against a real server on loopback.

The certificates are made here: an office CA and the server's certificate for 127.0.0.1 signed
by it. Certificates are always verified; the office trusts its own CA through a setting.
"""

from __future__ import annotations

import ipaddress
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from tenacity import wait_none

from app.i18n import set_language
from app.services import secrets
from app.services.mailer import SmtpSettings
from app.services.press_release import Attachment
from tests.media.helpers import journalist
from tests.media.keyring_memory import MemoryKeyring
from tests.media.smtp_server import SmtpServer

USER, PASSWORD = "ttcs@quangbinh.gov.vn", "Mật-khẩu đúng 2026"
SUBJECT = "Thông cáo báo chí: Khánh thành cầu Nhật Lệ 3"


@dataclass
class Certificates:
    ca_file: Path  # the office CA, PEM
    server: ssl.SSLContext  # the server's context: its certificate (signed by the CA) and key


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def make_certificates(folder: Path) -> Certificates:
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(_name("CA Sở Thông tin Quảng Bình"))
        .issuer_name(_name("CA Sở Thông tin Quảng Bình"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("mail.quangbinh.gov.vn"))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_file = folder / "office-ca.pem"
    ca_file.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    chain = folder / "server.pem"
    chain.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file = folder / "server.key"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(chain, key_file)
    return Certificates(ca_file, server)


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    return make_certificates(tmp_path_factory.mktemp("certificates"))


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def servers() -> Iterator[list[SmtpServer]]:
    started: list[SmtpServer] = []
    yield started
    for server in started:
        server.stop()


def start(servers: list[SmtpServer], security: str, certificates: Certificates, **options) -> SmtpServer:
    server = SmtpServer(security=security, tls=certificates.server, users={USER: PASSWORD}, **options)
    servers.append(server.start())
    return server


def configure(
    services, server: SmtpServer, security: str, ca_file: Path | str = "", password: str = PASSWORD
):
    config = SmtpSettings("127.0.0.1", server.port, security, USER, "ttcs@quangbinh.gov.vn", str(ca_file))
    config.save(services.settings, password)
    services.press_releases.connect_wait = wait_none()
    services.press_releases.connect_attempts = 2


def queue_two(services, tmp_path: Path) -> None:
    hung = journalist(services, "Nguyễn Văn Hùng", emails="hung@baosk.vn")
    lan = journalist(services, "Đặng Thị Lan", emails="lan@vtv.vn")
    plan = services.press_releases.plan(journalist_ids=[hung.id, lan.id])
    note = tmp_path / "Thông cáo.txt"
    note.write_text("Nội dung thông cáo", encoding="utf-8")
    services.press_releases.queue(
        SUBJECT, "Kính gửi quý cơ quan báo chí.", plan.recipients, [Attachment.from_path(note)]
    )


@pytest.mark.parametrize("security", ["starttls", "ssl"])
@pytest.mark.parametrize("mechanism", ["LOGIN", "PLAIN"])
def test_sent_over_tls_after_login(
    services, memory_keyring, servers, certificates, tmp_path: Path, security: str, mechanism: str
) -> None:
    server = start(servers, security, certificates, mechanisms=(mechanism,))
    configure(services, server, security, certificates.ca_file)
    assert memory_keyring.store, "the password is kept in the keyring, not in the settings"
    assert PASSWORD not in str(services.settings.get("smtp.user"))
    queue_two(services, tmp_path)

    report = services.press_releases.deliver()

    assert report.error == ""
    assert (report.sent, report.failed, report.waiting) == (2, 0, 0)
    assert server.accounts.attempts == [(mechanism, USER, True, True)]  # one login, over TLS
    received = sorted(r.recipients[0] for r in server.mailbox.received)
    assert received == ["hung@baosk.vn", "lan@vtv.vn"]
    assert server.mailbox.received[0].message["Subject"] == SUBJECT


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_wrong_password_is_said_clearly_and_the_messages_stay_queued(
    services, memory_keyring, servers, certificates, tmp_path: Path, security: str
) -> None:
    server = start(servers, security, certificates)
    configure(services, server, security, certificates.ca_file, password="sai mật khẩu")
    queue_two(services, tmp_path)

    report = services.press_releases.deliver()

    assert (report.sent, report.failed, report.waiting) == (0, 0, 2)
    assert "từ chối đăng nhập" in report.error and USER in report.error and "giữ lại" in report.error
    set_language("en")
    try:
        again = services.press_releases.deliver()
    finally:
        set_language("vi")
    assert "refused the login" in again.error and "stay queued" in again.error
    assert again.waiting == 2
    # One attempt per delivery: a refused login is not retried (it could lock the account).
    assert [accepted for _m, _u, accepted, _tls in server.accounts.attempts] == [False, False]
    assert server.mailbox.received == []
    # Once the password is right, the same messages leave, once each.
    secrets.set_secret(SmtpSettings.load(services.settings).password_key, PASSWORD)
    report = services.press_releases.deliver()
    assert (report.sent, report.waiting, report.error) == (2, 0, "")
    assert len(server.mailbox.received) == 2


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_an_untrusted_certificate_is_refused_before_the_password_is_sent(
    services, memory_keyring, servers, certificates, tmp_path: Path, security: str
) -> None:
    server = start(servers, security, certificates)
    configure(services, server, security)  # the office CA is not trusted: system certificates only
    queue_two(services, tmp_path)

    report = services.press_releases.deliver()

    assert (report.sent, report.failed, report.waiting) == (0, 0, 2)
    assert "chứng chỉ" in report.error and "Cài đặt" in report.error
    assert server.accounts.attempts == [] and server.mailbox.received == []
    set_language("en")
    try:
        assert "certificate of the mail server" in services.press_releases.deliver().error
    finally:
        set_language("vi")


def test_a_certificate_for_another_name_is_refused(
    services, memory_keyring, servers, certificates, tmp_path: Path
) -> None:
    server = start(servers, "ssl", certificates)
    configure(services, server, "ssl", certificates.ca_file)
    config = SmtpSettings.load(services.settings)
    SmtpSettings("127.0.0.2", config.port, "ssl", USER, config.sender, config.ca_file).save(services.settings)
    queue_two(services, tmp_path)
    report = services.press_releases.deliver()
    assert report.waiting == 2 and report.sent == 0
    # 127.0.0.2 is loopback too on Linux; where it is not, the server is simply unreachable.
    assert "chứng chỉ" in report.error or "Không kết nối" in report.error
    assert server.accounts.attempts == []


def test_an_unreadable_ca_file_and_a_server_without_starttls(
    services, memory_keyring, servers, certificates, tmp_path: Path
) -> None:
    secure = start(servers, "ssl", certificates)
    configure(services, secure, "ssl", tmp_path / "không có.pem")
    queue_two(services, tmp_path)
    report = services.press_releases.deliver()
    assert report.waiting == 2 and "không có.pem" in report.error and "PEM" in report.error

    plain = SmtpServer().start()  # no STARTTLS on offer, no login
    servers.append(plain)
    configure(services, plain, "starttls", certificates.ca_file)
    report = services.press_releases.deliver()
    assert report.waiting == 2 and "STARTTLS" in report.error
    assert plain.mailbox.received == []


def test_mail_settings_show_the_ca_file(qtbot, services) -> None:
    from app.ui.app import build_context
    from app.ui.media.mail_settings import MailSection

    services.settings.set("smtp.ca_file", "/etc/ssl/office-ca.pem")
    ctx = build_context(services)
    section = MailSection(ctx)
    qtbot.addWidget(section)
    qtbot.waitUntil(lambda: section.ca_file.text() == "/etc/ssl/office-ca.pem")
    ctx.tasks.wait_for_done()
    services.db.forbid_thread(None)
