"""What every feature's form pages share: a service's error on its field, a select's empty
choice, and the status a form page answers with."""

from flask_wtf import FlaskForm

from shop.core.errors import InvalidInput


def optional_int(value: object) -> int | None:
    """Coerce a select's value, leaving the empty "choose…" option as None."""
    return None if value in (None, "") else int(value)


def show_error(form: FlaskForm, error: InvalidInput) -> None:
    """Put a service's error on the field it names, or above the form when it names none."""
    field = form._fields.get(error.field) if error.field else None
    if field is None:
        form.form_errors.append(error.message)
    else:
        field.errors.append(error.message)


def form_status(form: FlaskForm) -> int:
    """200 for a form shown afresh, 400 for one sent back with its errors."""
    return 400 if form.is_submitted() else 200
