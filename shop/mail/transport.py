"""Turning a queued message into an email and handing it to SMTP, or to a folder of .eml files."""

import smtplib
from datetime import UTC
from email.header import Header
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr, parseaddr
from pathlib import Path

from shop.mail.models import MailMessage
from shop.mail.settings import MailSettings


def build_email(message: MailMessage, mail_from: str) -> Message:
    """The MIME message: plain text with an HTML alternative, under its stable Message-ID."""
    # The legacy API on purpose: Python 3.11's EmailMessage drops the space between two
    # folded encoded words, so a long Vietnamese subject arrives with two words run together.
    email = MIMEMultipart("alternative")
    name, address = parseaddr(mail_from)
    email["From"] = formataddr((name, address), charset="utf-8")
    email["To"] = message.to_address
    email["Subject"] = Header(message.subject, "utf-8")
    email["Message-ID"] = message.message_id
    created = message.created_at
    # SQLite hands timestamps back without their (UTC) offset.
    email["Date"] = format_datetime(created if created.tzinfo else created.replace(tzinfo=UTC))
    email["Content-Language"] = message.language
    email.attach(MIMEText(message.text_body, "plain", "utf-8"))
    email.attach(MIMEText(message.html_body, "html", "utf-8"))
    return email


class SmtpTransport:
    """Sends through one SMTP connection, opened at the first message and reused after."""

    def __init__(self, settings: MailSettings):
        self.settings = settings
        self._connection: smtplib.SMTP | None = None

    def send(self, email: Message) -> None:
        """Hand `email` to the server; raises OSError or smtplib.SMTPException on failure."""
        if self._connection is None:
            self._connection = self._connect()
        try:
            self._connection.send_message(email)
        except (OSError, smtplib.SMTPException):
            # After an error the session's state is unknown: the next message starts afresh.
            self.close()
            raise

    def _connect(self) -> smtplib.SMTP:
        settings = self.settings
        connection = smtplib.SMTP(settings.smtp_host, settings.smtp_port,
                                  timeout=settings.smtp_timeout)
        try:
            if settings.smtp_starttls:
                connection.starttls()
            if settings.smtp_username:
                connection.login(settings.smtp_username, settings.smtp_password)
        except BaseException:
            connection.close()
            raise
        return connection

    def close(self) -> None:
        """End the connection if one is open."""
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                connection.quit()
            except (OSError, smtplib.SMTPException):
                connection.close()


class DirectoryTransport:
    """Development without SMTP_HOST: each message becomes an .eml file to open in a mail app."""

    def __init__(self, settings: MailSettings):
        self.folder = Path(settings.mail_dir)

    def send(self, email: Message) -> None:
        """Write `email` to <MAIL_DIR>/<message id>.eml (a second write replaces the first)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        name = email["Message-ID"].strip("<>").replace("/", "_") + ".eml"
        (self.folder / name).write_bytes(email.as_bytes())

    def close(self) -> None:
        """Nothing to close."""


def open_transport(settings: MailSettings) -> SmtpTransport | DirectoryTransport:
    """SMTP when SMTP_HOST is set, else the folder of .eml files."""
    return SmtpTransport(settings) if settings.smtp_host else DirectoryTransport(settings)
