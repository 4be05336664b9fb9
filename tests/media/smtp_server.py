"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives."""

from __future__ import annotations

import socket
import ssl
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage


@dataclass
class Mailbox:
    received: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = message_from_bytes(envelope.original_content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 Message accepted for delivery"


@dataclass
class Accounts:
    """The server's users; every login attempt is kept (mechanism, user, accepted, over TLS)."""

    users: dict[str, str]
    attempts: list[tuple[str, str, bool, bool]] = field(default_factory=list)

    def __call__(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        user, password = auth_data.login.decode(), auth_data.password.decode()
        accepted = self.users.get(user) == password
        encrypted = server.transport.get_extra_info("ssl_object") is not None
        self.attempts.append((mechanism, user, accepted, encrypted))
        return AuthResult(success=accepted, handled=False)


class ImplicitTlsController(Controller):
    """aiosmtpd counts only STARTTLS as TLS for AUTH; on an implicit-TLS port every byte is."""

    def factory(self) -> Any:
        smtp = super().factory()
        smtp._auth_require_tls = False
        return smtp


class SmtpServer:
    """Plain by default; ``security`` "starttls" (required before anything else) or "ssl" (implicit
    TLS) with ``tls`` a server context; ``users`` makes login required."""

    def __init__(
        self,
        port: int | None = None,
        security: str = "none",
        tls: ssl.SSLContext | None = None,
        users: dict[str, str] | None = None,
        mechanisms: tuple[str, ...] = ("LOGIN", "PLAIN"),
    ) -> None:
        self.port = port or free_port()
        self.mailbox = Mailbox()
        self.security = security
        self.tls = tls
        self.accounts = Accounts(dict(users or {}))
        self.mechanisms = mechanisms
        self._controller: Controller | None = None

    def start(self) -> SmtpServer:
        options: dict[str, Any] = {}
        if self.security == "starttls":
            options.update(tls_context=self.tls, require_starttls=True)
        elif self.security == "ssl":
            options.update(ssl_context=self.tls)
        if self.accounts.users:
            options.update(
                authenticator=self.accounts,
                auth_required=True,
                auth_require_tls=True,
                auth_exclude_mechanism=[m for m in ("LOGIN", "PLAIN") if m not in self.mechanisms],
            )
        kind = ImplicitTlsController if self.security == "ssl" else Controller
        self._controller = kind(self.mailbox, hostname="127.0.0.1", port=self.port, **options)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
