"""Domain exceptions: services raise them with a message a person can read."""


class ShopError(Exception):
    """Base of every domain error; `status` is the HTTP status it maps to."""

    status = 400

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidInput(ShopError):
    """A value breaks a rule; `field` names the input at fault when there is one."""

    status = 400


class NotFound(ShopError):
    """The thing asked for does not exist (or is not public)."""

    status = 404


class Forbidden(ShopError):
    """The acting user may not do this."""

    status = 403


class InvalidState(ShopError):
    """The action does not fit the current state (already revoked, say)."""

    status = 409
