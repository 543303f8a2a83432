"""The fairs' forms: a fair's record, a booth, a product to pick (officers); an application
(producers) and the decision on it (officers)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    HiddenField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from shop.catalog.models import Product
from shop.fairs.models import ApplicationStatus, Fair, FairStatus
from shop.fairs.services import FairInput
from shop.places.models import Province
from shop.producers.models import Producer
from shop.web.forms import optional_int

STATUS_LABELS = {FairStatus.DRAFT: _l("Draft"), FairStatus.PUBLISHED: _l("Published"),
                 FairStatus.CLOSED: _l("Closed")}
APPLICATION_LABELS = {ApplicationStatus.PENDING: _l("Awaiting a decision"),
                      ApplicationStatus.ACCEPTED: _l("Accepted"),
                      ApplicationStatus.DECLINED: _l("Declined")}


class FairForm(FlaskForm):
    """A fair's record; the service checks every rule and names the field at fault."""

    name_vi = StringField(_l("Name (Vietnamese)"), validators=[InputRequired()])
    name_en = StringField(_l("Name (English)"), default="")
    slug = StringField(_l("Address on the site"), default="")
    starts_on = DateField(_l("First day"), validators=[InputRequired()])
    ends_on = DateField(_l("Last day"), validators=[InputRequired()])
    venue = StringField(_l("Venue"), validators=[InputRequired()])
    province_id = SelectField(_l("Province"), coerce=optional_int, validate_choice=False,
                              validators=[InputRequired(_l("Choose a province."))])
    organiser = StringField(_l("Organiser"), validators=[InputRequired()])
    description = TextAreaField(_l("Description"), default="")

    def __init__(self, provinces: list[Province], fair: Fair | None = None, **kwargs):
        super().__init__(obj=fair, **kwargs)
        self.province_id.choices = [SelectChoice("", _l("Choose a province…"))] + [
            SelectChoice(province.id, province.name) for province in provinces]

    def to_input(self) -> FairInput:
        """The form as the service's input."""
        return FairInput(name_vi=self.name_vi.data or "", name_en=self.name_en.data or "",
                         slug=self.slug.data or "", starts_on=self.starts_on.data,
                         ends_on=self.ends_on.data, venue=self.venue.data or "",
                         province_id=self.province_id.data, organiser=self.organiser.data or "",
                         description=self.description.data or "")


class BoothForm(FlaskForm):
    """A booth given to a producer."""

    code = StringField(_l("Booth code"), validators=[InputRequired()])
    producer_id = SelectField(_l("Producer"), coerce=optional_int, validate_choice=False,
                              validators=[InputRequired(_l("Choose a producer."))])

    def __init__(self, producers: list[Producer], **kwargs):
        super().__init__(**kwargs)
        self.producer_id.choices = [SelectChoice("", _l("Choose a producer…"))] + [
            SelectChoice(producer.id, producer.name) for producer in producers]


class PickForm(FlaskForm):
    """A product picked from the search results."""

    product_id = HiddenField(validators=[Optional()])


def _lenient_ids(values: list[str]) -> list[int]:
    return [int(value) for value in values if str(value).isdigit()]


class ApplyForm(FlaskForm):
    """The products a producer brings to a fair; the service checks they are for sale."""

    product_ids = SelectMultipleField(_l("Products to show"), coerce=str, validate_choice=False,
                                      widget=ListWidget(prefix_label=False),
                                      option_widget=CheckboxInput())

    def __init__(self, products: list[Product], **kwargs):
        super().__init__(**kwargs)
        self.product_ids.choices = [(str(product.id), product.name_vi) for product in products]

    def chosen_ids(self) -> list[int]:
        """The ticked products' ids (junk ignored: the service refuses what is not allowed)."""
        return _lenient_ids(self.product_ids.data or [])


class AcceptForm(FlaskForm):
    """Accept an application, giving the producer a booth if it has none yet."""

    code = StringField(_l("Booth code (optional)"), default="")


class DeclineForm(FlaskForm):
    """Decline an application; the service requires the reason."""

    reason = TextAreaField(_l("Reason for declining"), default="")
