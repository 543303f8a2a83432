"""Pages of producers' people: the officers' producer records, the portal's members, joining."""

from shop.core.urls import absolute_url


def join_url(token: str) -> str:
    """The absolute link an invitation mail gives (on PUBLIC_HOST)."""
    return absolute_url("members.join", token=token)
