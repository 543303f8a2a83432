"""The portal's fixtures (tests/web/portal.py): a producer, its signed-in member, English, a
fixed time."""

from tests.web.portal import _english, frozen, member, member_client, producer

__all__ = ["_english", "frozen", "member", "member_client", "producer"]
