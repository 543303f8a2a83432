"""Who may enter a view: one decorator, so the authorisation table stays in one place, and the
producer a member acts for in the portal."""

from collections.abc import Callable
from functools import wraps

from flask import abort, session
from flask_babel import gettext as _
from flask_login import current_user, login_required

from shop.accounts.models import Role

# The session's choice among the producers a member belongs to (they may belong to several).
_ACTING_FOR = "portal_producer"


def role_required(*roles: Role) -> Callable:
    """Let in signed-in users holding one of `roles` (admins always); others get 403."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        wrapped.allowed_roles = roles
        return wrapped

    return decorator


def acting_producer_id() -> int:
    """The producer the member acts for: the one chosen in this session while they still
    belong to it, else their first; an account outside any producer has no portal."""
    producer_ids = current_user.producer_ids
    if not producer_ids:
        abort(403, _("Your account does not belong to a producer."))
    chosen = session.get(_ACTING_FOR)
    return chosen if chosen in producer_ids else producer_ids[0]


def act_for(producer_id: int | None) -> None:
    """Act for another producer the member belongs to, from now on in this session."""
    if producer_id is None and current_user.producer_ids:
        abort(400, _("Choose a producer."))
    if producer_id not in current_user.producer_ids:
        abort(403, _("Your account does not belong to this producer."))
    session[_ACTING_FOR] = producer_id
