"""The office's SMTP server: settings, the password in the keyring, and one connection."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from typing import Any

from app.errors import CommDeskError
from app.i18n import Message
from app.services import secrets
from app.services.settings import SettingsStore

SECURITY_MODES = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
CONNECT_TIMEOUT_S = 20.0


class MailNotConfigured(CommDeskError):
    pass


class MailServerUnreachable(CommDeskError):
    """The server could not be reached (offline, wrong host, refused): try again later."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str  # starttls | ssl | none
    user: str
    sender: str  # the From address

    @property
    def password_key(self) -> str:
        return f"smtp:{self.user}@{self.host}"

    @classmethod
    def load(cls, settings: SettingsStore) -> SmtpSettings:
        host = (settings.get("smtp.host") or "").strip()
        security = settings.get("smtp.security") or "starttls"
        sender = (settings.get("smtp.from") or "").strip()
        if not host or not sender:
            raise MailNotConfigured(
                Message(
                    "Chưa cấu hình máy chủ thư (SMTP): cần máy chủ và địa chỉ gửi trong Cài đặt.",
                    "The mail (SMTP) server is not set up: a host and a sender address are needed in Settings.",
                )
            )
        if security not in SECURITY_MODES:
            security = "starttls"
        port = int(settings.get("smtp.port") or DEFAULT_PORTS[security])
        return cls(host, port, security, (settings.get("smtp.user") or "").strip(), sender)

    def save(self, settings: SettingsStore, password: str | None = None) -> None:
        settings.set("smtp.host", self.host)
        settings.set("smtp.port", self.port)
        settings.set("smtp.security", self.security)
        settings.set("smtp.user", self.user)
        settings.set("smtp.from", self.sender)
        if password is not None and self.user:
            secrets.set_secret(self.password_key, password)


class SmtpConnection:
    """One session with the server; ``send`` hands over one message to one recipient."""

    def __init__(self, config: SmtpSettings, password: str | None) -> None:
        self.config = config
        self._password = password
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> SmtpConnection:
        self.open()
        return self

    def __exit__(self, *_exc: Any) -> None:
        self.close()

    def open(self) -> None:
        c = self.config
        try:
            if c.security == "ssl":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    c.host, c.port, timeout=CONNECT_TIMEOUT_S, context=ssl.create_default_context()
                )
            else:
                smtp = smtplib.SMTP(c.host, c.port, timeout=CONNECT_TIMEOUT_S)
                if c.security == "starttls":
                    smtp.starttls(context=ssl.create_default_context())
            if c.user:
                smtp.login(c.user, self._password or "")
        except smtplib.SMTPAuthenticationError as exc:
            raise CommDeskError(
                Message(
                    f"Máy chủ thư từ chối đăng nhập của {c.user}: kiểm tra mật khẩu trong Cài đặt.",
                    f"The mail server refused the login of {c.user}: check the password in Settings.",
                )
            ) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise MailServerUnreachable(
                Message(
                    f"Không kết nối được máy chủ thư {c.host}:{c.port} ({exc}). Thư được giữ lại để gửi sau.",
                    f"Cannot reach the mail server {c.host}:{c.port} ({exc}). The messages wait to be sent later.",
                )
            ) from exc
        self._smtp = smtp

    def send(self, sender: str, recipient: str, message: bytes) -> None:
        assert self._smtp is not None
        self._smtp.sendmail(sender, [recipient], message)

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (OSError, smtplib.SMTPException):
                self._smtp.close()
            self._smtp = None


def connect(config: SmtpSettings) -> SmtpConnection:
    password = secrets.get_secret(config.password_key) if config.user else None
    return SmtpConnection(config, password)
