"""Who may enter a view: one decorator, so the authorisation table stays in one place."""

from collections.abc import Callable
from functools import wraps

from flask import abort
from flask_login import current_user, login_required

from shop.accounts.models import Role


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
