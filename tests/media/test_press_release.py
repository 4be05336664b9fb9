from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from tenacity import wait_none

from app.errors import CommDeskError
from app.models import utcnow
from app.services import secrets
from app.services.press_release import Attachment, recipients_of
from tests.media.helpers import journalist
from tests.media.keyring_memory import LockedKeyring, MemoryKeyring
from tests.media.smtp_server import SmtpServer, free_port

SUBJECT = "Thông cáo báo chí: Tỉnh khởi công tuyến đường ven biển Đồng Hới"
BODY = "Kính gửi quý cơ quan báo chí,\n\nỦy ban nhân dân tỉnh trân trọng thông báo…\nĐặng Thị Ánh\n"


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer().start()
    yield server
    server.stop()


def configure(services, port: int) -> None:
    services.settings.set("smtp.host", "127.0.0.1")
    services.settings.set("smtp.port", port)
    services.settings.set("smtp.security", "none")
    services.settings.set("smtp.from", "ttcs@quangbinh.gov.vn")
    services.press_releases.connect_wait = wait_none()
    services.press_releases.connect_attempts = 2


def people(services):
    return [
        journalist(services, "Nguyễn Văn Hùng", emails="hung@baosk.vn"),
        journalist(services, "Trần Thị Lan", emails="lan@vtv.vn, lan.tran@gmail.com"),
        journalist(
            services,
            "Lê Văn Tám",
            emails="tam@qbtv.vn",
            do_not_contact=True,
            do_not_contact_reason="Đã nghỉ hưu",
        ),
        journalist(services, "Phạm Minh"),
    ]


def test_one_message_per_recipient_encoded_with_attachments_and_logged(
    services, smtp, tmp_path: Path
) -> None:
    configure(services, smtp.port)
    hung, lan, tam, minh = people(services)
    health = services.lists.create_with_members({"name": "Y tế"}, [hung.id, lan.id, tam.id, minh.id])
    pdf = tmp_path / "Thông cáo số 12.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)

    plan = services.press_releases.plan(list_ids=[health.id])
    assert [r.email for r in plan.recipients] == ["hung@baosk.vn", "lan@vtv.vn"]
    assert [(n, reason) for _, n, reason in plan.do_not_contact] == [("Lê Văn Tám", "Đã nghỉ hưu")]
    assert [n for _, n in plan.without_email] == ["Phạm Minh"]

    batch = services.press_releases.queue(SUBJECT, BODY, plan.recipients, [Attachment.from_path(pdf)])
    assert batch
    assert services.press_releases.waiting_count() == 2
    report = services.press_releases.deliver()
    assert (report.sent, report.failed, report.waiting, report.error) == (2, 0, 0, "")

    received = smtp.mailbox.received
    assert sorted(r.recipients[0] for r in received) == ["hung@baosk.vn", "lan@vtv.vn"]
    for item in received:
        assert len(item.recipients) == 1  # no one sees the others
        message = item.message
        assert message["Subject"] == SUBJECT
        assert message["To"].addresses[0].addr_spec == item.recipients[0]
        assert message["To"].addresses[0].display_name in ("Nguyễn Văn Hùng", "Trần Thị Lan")
        assert "Cc" not in message and "Bcc" not in message
        assert message.get_body().get_content() == BODY
        [attached] = list(message.iter_attachments())
        assert attached.get_filename() == "Thông cáo số 12.pdf"
        assert attached.get_content() == pdf.read_bytes()
    raw = smtp.mailbox.received[0].message.as_bytes()
    assert raw.isascii()  # headers and body encoded for any server (RFC 2047 / base64)

    kinds = [t.interaction.kind for t in services.interactions.timeline(journalist_id=hung.id)]
    assert kinds == ["press_release_sent"]
    assert services.interactions.timeline(journalist_id=tam.id) == []
    assert services.press_releases.deliver().sent == 0  # nothing left, nothing twice
    assert len(smtp.mailbox.received) == 2


def test_server_down_messages_wait_then_leave_once(services, memory_keyring) -> None:
    port = free_port()
    configure(services, port)
    hung, lan, *_ = people(services)
    plan = services.press_releases.plan(journalist_ids=[hung.id, lan.id])
    services.press_releases.queue(SUBJECT, BODY, plan.recipients)

    report = services.press_releases.deliver()
    assert (report.sent, report.waiting) == (0, 2)
    assert "127.0.0.1" in report.error
    assert services.interactions.count() == 0  # waiting is not a failure

    server = SmtpServer(port).start()
    try:
        assert services.press_releases.deliver().sent == 2
        assert services.press_releases.deliver().sent == 0
        assert len(server.mailbox.received) == 2
        assert {s.status for s in services.press_releases.outbox()} == {"sent"}
    finally:
        server.stop()


def test_refused_recipient_is_logged_as_a_failed_delivery(services, smtp) -> None:
    configure(services, smtp.port)
    hung, lan, *_ = people(services)
    smtp.mailbox.refuse.add("lan@vtv.vn")
    services.press_releases.queue(SUBJECT, BODY, services.press_releases.plan([hung.id, lan.id]).recipients)
    report = services.press_releases.deliver()
    assert (report.sent, report.failed) == (1, 1)
    [entry] = services.interactions.timeline(journalist_id=lan.id)
    assert entry.interaction.kind == "delivery_failed"
    assert "550" in entry.interaction.summary


def test_do_not_contact_set_after_queueing_is_still_respected(services, smtp) -> None:
    configure(services, smtp.port)
    hung, lan, *_ = people(services)
    services.press_releases.queue(SUBJECT, BODY, services.press_releases.plan([hung.id, lan.id]).recipients)
    services.journalists.update(lan.id, {"do_not_contact": True, "do_not_contact_reason": "Yêu cầu"})
    report = services.press_releases.deliver()
    assert (report.sent, report.cancelled) == (1, 1)
    assert [r.recipients for r in smtp.mailbox.received] == [["hung@baosk.vn"]]


def test_recently_pitched_people_are_flagged_and_can_be_left_out(services) -> None:
    hung, lan, *_ = people(services)
    services.interactions.create(
        {"journalist_id": hung.id, "kind": "pitch", "occurred_at": utcnow() - timedelta(days=2)}
    )
    services.interactions.create(
        {"journalist_id": lan.id, "kind": "pitch", "occurred_at": utcnow() - timedelta(days=20)}
    )
    plan = services.press_releases.plan([hung.id, lan.id], quiet_days=7)
    assert [name for _, name, _ in plan.recently_pitched] == ["Nguyễn Văn Hùng"]
    assert [r.name for r in recipients_of(plan, skip_recently_pitched=True)] == ["Trần Thị Lan"]
    assert len(recipients_of(plan, skip_recently_pitched=False)) == 2


def test_composing_refuses_empty_subject_and_missing_settings(services) -> None:
    hung, *_ = people(services)
    plan = services.press_releases.plan([hung.id])
    with pytest.raises(CommDeskError, match="SMTP"):
        services.press_releases.queue(SUBJECT, BODY, plan.recipients)
    configure(services, 2525)
    with pytest.raises(CommDeskError, match="tiêu đề"):
        services.press_releases.queue("  ", BODY, plan.recipients)
    assert services.press_releases.waiting_count() == 0


def test_secret_store_tells_unavailable_from_locked(memory_keyring) -> None:
    secrets.set_secret("smtp:ttcs@mail", "mật khẩu")
    assert secrets.get_secret("smtp:ttcs@mail") == "mật khẩu"
    assert secrets.status() == "available"
    secrets.delete_secret("smtp:ttcs@mail")
    secrets.delete_secret("smtp:ttcs@mail")  # nothing left: still fine
    assert secrets.get_secret("smtp:ttcs@mail") is None

    keyring.set_keyring(LockedKeyring())
    assert secrets.status() == "locked"
    with pytest.raises(secrets.SecretStoreLocked):
        secrets.get_secret("x")
    keyring.set_keyring(fail.Keyring())
    assert secrets.status() == "unavailable"
    with pytest.raises(secrets.SecretStoreUnavailable):
        secrets.set_secret("x", "y")
