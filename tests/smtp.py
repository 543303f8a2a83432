"""A real SMTP server (aiosmtpd) on a free port, and the settings that send to it.

A pytest plugin of the whole suite (tests/conftest.py names it): mail tests and the pages
that send mail (sign-up) read what arrived.
"""

import socket
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from shop.mail.settings import MailSettings


@dataclass(frozen=True)
class Received:
    """One message as the server got it: the envelope's recipients and the parsed message."""

    recipients: list[str]
    email: EmailMessage

    def part(self, subtype: str) -> str:
        """The text of the text/plain or text/html part."""
        return self.email.get_body(preferencelist=(subtype,)).get_content()


class _Collect:
    def __init__(self, inbox: list[Received]):
        self.inbox = inbox

    async def handle_DATA(self, _server, _session, envelope):
        email = message_from_bytes(envelope.original_content, policy=policy.default)
        self.inbox.append(Received(list(envelope.rcpt_tos), email))
        return "250 Message accepted for delivery"


def free_port() -> int:
    """A TCP port nothing listens on (the OS's choice, released at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class SmtpServer:
    """An SMTP server that can be started late (a server down, then up) on a fixed port."""

    port: int = field(default_factory=free_port)
    inbox: list[Received] = field(default_factory=list)
    controller: Controller | None = None

    def start(self, login: tuple[str, str] | None = None) -> "SmtpServer":
        """Listen on the port (requiring AUTH as `login` when given); mail goes to `inbox`."""
        auth = {}
        if login:
            expected = LoginPassword(login[0].encode(), login[1].encode())
            auth = {"auth_required": True, "auth_require_tls": False,
                    "authenticator": lambda *args: AuthResult(success=args[-1] == expected)}
        self.controller = Controller(_Collect(self.inbox), hostname="127.0.0.1", port=self.port,
                                     **auth)
        self.controller.start()
        return self

    def stop(self) -> None:
        """Stop listening."""
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp_down():
    """An SMTP server not started yet: nothing listens on its port until `.start()`."""
    server = SmtpServer()
    yield server
    server.stop()


@pytest.fixture
def smtp(smtp_down) -> SmtpServer:
    """A running SMTP server collecting what arrives in `.inbox`."""
    return smtp_down.start()


def smtp_config(server: SmtpServer) -> dict:
    """The configuration that sends to `server` (plain SMTP, a short timeout)."""
    return {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": server.port, "SMTP_STARTTLS": False,
            "SMTP_TIMEOUT": 5}


@pytest.fixture
def settings(app, smtp_down) -> MailSettings:
    """Delivery settings pointing at the test's SMTP server (started or not)."""
    return MailSettings.from_config({**app.config, **smtp_config(smtp_down)})
