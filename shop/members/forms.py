"""Forms of the producers' records, invitations and joining."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectChoice, SelectField, StringField
from wtforms.validators import EqualTo, InputRequired, Length

from shop.places.models import Province
from shop.producers.models import Producer, ProducerKind
from shop.producers.records import ProducerInput
from shop.web.forms import optional_int

KIND_LABELS = {ProducerKind.COOPERATIVE: _l("Cooperative"),
               ProducerKind.COMPANY: _l("Company"),
               ProducerKind.COOPERATIVE_GROUP: _l("Cooperative group"),
               ProducerKind.HOUSEHOLD: _l("Household business")}


def _safe_int(value: object) -> int | None:
    try:
        return optional_int(value)
    except (TypeError, ValueError):
        return None


class ProducerForm(FlaskForm):
    """A producer's record; the service checks every rule and names the field at fault."""

    name = StringField(_l("Name"), validators=[InputRequired()])
    kind = SelectField(_l("Kind"), choices=[SelectChoice(k.value, label)
                                            for k, label in KIND_LABELS.items()],
                       default=ProducerKind.COOPERATIVE.value, validate_choice=False)
    registration_number = StringField(_l("Registration number"), validators=[InputRequired()])
    address = StringField(_l("Address"), validators=[InputRequired()])
    province_id = SelectField(_l("Province"), coerce=_safe_int, validate_choice=False,
                              validators=[InputRequired(_l("Choose a province."))])
    phone = StringField(_l("Phone"), default="")
    email = StringField(_l("Email"), default="")

    def __init__(self, provinces: list[Province], producer: Producer | None = None, **kwargs):
        super().__init__(obj=producer, **kwargs)
        self.province_id.choices = [SelectChoice("", _l("Choose…"))] + [
            SelectChoice(p.id, p.name) for p in provinces]
        if producer is not None and not self.is_submitted():
            self.kind.data = producer.kind.value

    def to_input(self) -> ProducerInput:
        """The service's input."""
        return ProducerInput(name=self.name.data or "", kind=self.kind.data or "",
                             registration_number=self.registration_number.data or "",
                             address=self.address.data or "", province_id=self.province_id.data,
                             phone=self.phone.data or "", email=self.email.data or "")


class InviteForm(FlaskForm):
    """The address to mail an invitation to."""

    email = EmailField(_l("Email address"), validators=[InputRequired(), Length(max=254)],
                       render_kw={"autocomplete": "off"})


class JoinForm(FlaskForm):
    """A new account for the invitation's address."""

    name = StringField(_l("Your name"), validators=[InputRequired(), Length(max=120)],
                       render_kw={"autocomplete": "name"})
    password = PasswordField(_l("Password"), validators=[InputRequired()],
                             render_kw={"autocomplete": "new-password"})
    confirm = PasswordField(_l("Password again"),
                            validators=[InputRequired(),
                                        EqualTo("password", _l("The passwords differ."))],
                            render_kw={"autocomplete": "new-password"})
