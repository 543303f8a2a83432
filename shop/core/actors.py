"""Who acts: what a service needs to know about the acting person, without importing accounts."""

from typing import Protocol


class Actor(Protocol):
    """The acting person as services see it (`shop.accounts.models.User` is one)."""

    def is_member_of(self, producer_id: int) -> bool:
        """True when the person may act for the producer (its members, and admins)."""
        ...
