"""Who acts: what a service needs to know about the acting person, without importing accounts."""

from typing import Protocol


class Actor(Protocol):
    """The acting person as services see it (`shop.accounts.models.User` is one)."""

    id: int

    def is_member_of(self, producer_id: int) -> bool:
        """True when the person may act for the producer (its members, and admins)."""
        ...

    def is_staff_of(self, outlet_id: int) -> bool:
        """True when the person may act for the outlet (its staff, and admins)."""
        ...

    def oversees_province(self, province_id: int) -> bool:
        """True for officers whose office covers the province (national ones cover all)."""
        ...
