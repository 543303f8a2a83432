"""The mail and worker settings, read once from the app's configuration."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class MailSettings:
    """What delivery needs to know; built from app.config by `from_config`."""

    smtp_host: str
    smtp_port: int
    smtp_username: str
    smtp_password: str
    smtp_starttls: bool
    smtp_timeout: float
    mail_from: str
    mail_dir: str
    max_attempts: int
    retry_base: timedelta
    retry_cap: timedelta
    lease: timedelta
    batch_size: int

    @classmethod
    def from_config(cls, config: Mapping) -> "MailSettings":
        """The settings of an app's configuration (shop.config names them)."""
        return cls(
            smtp_host=config["SMTP_HOST"],
            smtp_port=config["SMTP_PORT"],
            smtp_username=config["SMTP_USERNAME"],
            smtp_password=config["SMTP_PASSWORD"],
            smtp_starttls=config["SMTP_STARTTLS"],
            smtp_timeout=config["SMTP_TIMEOUT"],
            mail_from=config["MAIL_FROM"],
            mail_dir=config["MAIL_DIR"],
            max_attempts=config["MAIL_MAX_ATTEMPTS"],
            retry_base=timedelta(seconds=config["MAIL_RETRY_SECONDS"]),
            retry_cap=timedelta(seconds=config["MAIL_RETRY_CAP_SECONDS"]),
            lease=timedelta(seconds=config["MAIL_LEASE_SECONDS"]),
            batch_size=config["MAIL_BATCH_SIZE"],
        )

    def backoff(self, attempts: int) -> timedelta:
        """The wait after the `attempts`-th failed attempt: doubling from retry_base, capped."""
        return min(self.retry_base * 2 ** (attempts - 1), self.retry_cap)
