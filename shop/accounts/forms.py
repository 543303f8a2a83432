"""Sign-up and sign-in forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from shop.accounts.services import MIN_PASSWORD_LENGTH, normalize_email

# Generous, but bounded: the hash of a megabyte-long "password" is work we need not do.
MAX_PASSWORD_LENGTH = 256


def _strip(value: str | None) -> str | None:
    return value.strip() if value else value


def _normalize(value: str | None) -> str | None:
    return normalize_email(value) if value else value


def _new_password(label) -> PasswordField:
    """A password being chosen: long enough, and bounded."""
    return PasswordField(
        label,
        validators=[DataRequired(_l("Choose a password.")),
                    Length(min=MIN_PASSWORD_LENGTH, max=MAX_PASSWORD_LENGTH,
                           message=_l("Use between %(min)d and %(max)d characters."))],
        render_kw={"autocomplete": "new-password"})


def _password_again(label) -> PasswordField:
    """The chosen password typed a second time."""
    return PasswordField(
        label,
        validators=[DataRequired(_l("Type the password again.")),
                    EqualTo("password", _l("The two passwords do not match."))],
        render_kw={"autocomplete": "new-password"})


class SignUpForm(FlaskForm):
    """A new customer's name, email and password (typed twice)."""

    name = StringField(
        _l("Full name"), filters=[_strip],
        validators=[DataRequired(_l("Enter your name.")),
                    Length(max=120, message=_l("Use at most %(max)d characters."))],
        render_kw={"autocomplete": "name"})
    email = EmailField(
        _l("Email"), filters=[_normalize],
        validators=[DataRequired(_l("Enter your email address.")),
                    Email(_l("Enter a valid email address, like lan@example.vn.")),
                    Length(max=254, message=_l("Use at most %(max)d characters."))],
        render_kw={"autocomplete": "email"})
    password = _new_password(_l("Password"))
    confirm = _password_again(_l("Password again"))


class SignInForm(FlaskForm):
    """Email, password and whether to stay signed in on this device."""

    email = EmailField(
        _l("Email"), filters=[_strip],
        validators=[DataRequired(_l("Enter your email address.")),
                    Length(max=254, message=_l("Use at most %(max)d characters."))],
        render_kw={"autocomplete": "email"})
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(_l("Enter your password.")),
                    Length(max=MAX_PASSWORD_LENGTH,
                           message=_l("Use at most %(max)d characters."))],
        render_kw={"autocomplete": "current-password"})
    remember = BooleanField(_l("Keep me signed in on this device"))


class PasswordChangeForm(FlaskForm):
    """The current password, and the new one typed twice."""

    current = PasswordField(
        _l("Current password"),
        validators=[DataRequired(_l("Enter your current password.")),
                    Length(max=MAX_PASSWORD_LENGTH,
                           message=_l("Use at most %(max)d characters."))],
        render_kw={"autocomplete": "current-password"})
    password = _new_password(_l("New password"))
    confirm = _password_again(_l("New password again"))
