"""The office's SMTP server: settings, the password in the keyring, and one connection."""

from __future__ import annotations

import base64
import contextlib
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


class MailSetupProblem(CommDeskError):
    """The server answered but the settings do not work with it (login, certificate, security
    mode): trying again will not help until someone fixes the settings. Messages stay queued."""


class MailLoginRefused(MailSetupProblem):
    pass


class MailCertificateRefused(MailSetupProblem):
    pass


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str  # starttls | ssl | none
    user: str
    sender: str  # the From address
    # The office's own CA certificate (PEM), trusted on top of the system's; '' for the system's only.
    ca_file: str = ""

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
        user = (settings.get("smtp.user") or "").strip()
        return cls(host, port, security, user, sender, (settings.get("smtp.ca_file") or "").strip())

    def save(self, settings: SettingsStore, password: str | None = None) -> None:
        settings.set("smtp.host", self.host)
        settings.set("smtp.port", self.port)
        settings.set("smtp.security", self.security)
        settings.set("smtp.user", self.user)
        settings.set("smtp.from", self.sender)
        settings.set("smtp.ca_file", self.ca_file)
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
        where = f"{c.host}:{c.port}"
        context = tls_context(c.ca_file) if c.security in ("ssl", "starttls") else None
        smtp: smtplib.SMTP | None = None
        try:
            if c.security == "ssl":
                smtp = smtplib.SMTP_SSL(c.host, c.port, timeout=CONNECT_TIMEOUT_S, context=context)
            else:
                smtp = smtplib.SMTP(c.host, c.port, timeout=CONNECT_TIMEOUT_S)
                if c.security == "starttls":
                    smtp.ehlo()
                    if not smtp.has_extn("starttls"):
                        raise MailSetupProblem(
                            Message(
                                f"Máy chủ thư {where} không hỗ trợ STARTTLS: chọn SSL/TLS hoặc hỏi bộ phận "
                                "quản trị mạng. Thư được giữ lại.",
                                f"The mail server {where} does not offer STARTTLS: choose SSL/TLS or ask "
                                "the network administrator. The messages stay queued.",
                            )
                        )
                    smtp.starttls(context=context)
            if c.user:
                login(smtp, c.user, self._password or "")
        except MailSetupProblem:
            _quietly_close(smtp)
            raise
        except smtplib.SMTPAuthenticationError as exc:
            _quietly_close(smtp)
            raise MailLoginRefused(
                Message(
                    f"Máy chủ thư từ chối đăng nhập của {c.user} ({_reply(exc)}): kiểm tra tên đăng nhập và "
                    "mật khẩu trong Cài đặt. Thư được giữ lại.",
                    f"The mail server refused the login of {c.user} ({_reply(exc)}): check the user name "
                    "and password in Settings. The messages stay queued.",
                )
            ) from exc
        except smtplib.SMTPNotSupportedError as exc:
            _quietly_close(smtp)
            raise MailLoginRefused(
                Message(
                    f"Máy chủ thư {where} không cho đăng nhập trên kết nối này: chọn STARTTLS hoặc SSL/TLS, "
                    "hoặc bỏ trống tên đăng nhập. Thư được giữ lại.",
                    f"The mail server {where} offers no login on this connection: choose STARTTLS or "
                    "SSL/TLS, or leave the user name empty. The messages stay queued.",
                )
            ) from exc
        except ssl.SSLCertVerificationError as exc:
            _quietly_close(smtp)
            raise MailCertificateRefused(
                Message(
                    f"Không xác minh được chứng chỉ của máy chủ thư {where} ({exc.verify_message}). "
                    "Nếu cơ quan dùng chứng chỉ riêng, chọn tệp chứng chỉ gốc (CA) của máy chủ thư trong "
                    "Cài đặt. Thư chưa được gửi và được giữ lại.",
                    f"The certificate of the mail server {where} could not be verified "
                    f"({exc.verify_message}). If the office uses its own certificates, choose the mail "
                    "server's CA certificate file in Settings. Nothing was sent; the messages stay queued.",
                )
            ) from exc
        except ssl.SSLError as exc:
            _quietly_close(smtp)
            raise MailSetupProblem(
                Message(
                    f"Không thiết lập được kết nối bảo mật với máy chủ thư {where} ({exc.reason}): kiểm tra "
                    "kiểu bảo mật và cổng (STARTTLS thường dùng cổng 587, SSL/TLS cổng 465). Thư được giữ lại.",
                    f"No secure connection to the mail server {where} ({exc.reason}): check the security "
                    "mode and the port (STARTTLS usually 587, SSL/TLS 465). The messages stay queued.",
                )
            ) from exc
        except (OSError, smtplib.SMTPException) as exc:
            _quietly_close(smtp)
            raise MailServerUnreachable(
                Message(
                    f"Không kết nối được máy chủ thư {where} ({exc}). Thư được giữ lại để gửi sau.",
                    f"Cannot reach the mail server {where} ({exc}). The messages wait to be sent later.",
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


def tls_context(ca_file: str = "") -> ssl.SSLContext:
    """Certificates verified, host name checked: the system's trusted CAs, plus the office's own."""
    context = ssl.create_default_context()
    if ca_file:
        try:
            context.load_verify_locations(cafile=ca_file)
        except (OSError, ssl.SSLError, ValueError) as exc:
            raise MailCertificateRefused(
                Message(
                    f"Không đọc được tệp chứng chỉ gốc (CA) của máy chủ thư {ca_file} ({exc}): chọn tệp "
                    "PEM đúng trong Cài đặt. Thư được giữ lại.",
                    f"Cannot read the mail server's CA certificate file {ca_file} ({exc}): choose the right "
                    "PEM file in Settings. The messages stay queued.",
                )
            ) from exc
    return context


def login(smtp: smtplib.SMTP, user: str, password: str) -> None:
    """AUTH PLAIN or LOGIN; user and password in UTF-8 (smtplib alone refuses non-ASCII passwords)."""
    if (user + password).isascii():
        smtp.login(user, password)
        return
    smtp.ehlo_or_helo_if_needed()
    if not smtp.has_extn("auth"):
        raise smtplib.SMTPNotSupportedError("SMTP AUTH extension not supported by server.")
    offered = smtp.esmtp_features["auth"].upper().split()
    encode = lambda text: base64.b64encode(text.encode()).decode("ascii")  # noqa: E731
    if "PLAIN" in offered:
        code, reply = smtp.docmd("AUTH", "PLAIN " + encode(f"\0{user}\0{password}"))
    elif "LOGIN" in offered:
        code, reply = smtp.docmd("AUTH", "LOGIN " + encode(user))
        if code == 334:
            code, reply = smtp.docmd(encode(password))
    else:
        raise smtplib.SMTPNotSupportedError("No suitable authentication method found.")
    if code not in (235, 503):
        raise smtplib.SMTPAuthenticationError(code, reply)


def _reply(exc: smtplib.SMTPResponseException) -> str:
    text = (
        exc.smtp_error.decode("utf-8", "replace")
        if isinstance(exc.smtp_error, bytes)
        else str(exc.smtp_error)
    )
    return f"{exc.smtp_code} {text}".strip()


def _quietly_close(smtp: smtplib.SMTP | None) -> None:
    if smtp is not None:
        with contextlib.suppress(OSError):
            smtp.close()


def connect(config: SmtpSettings) -> SmtpConnection:
    password = secrets.get_secret(config.password_key) if config.user else None
    return SmtpConnection(config, password)
