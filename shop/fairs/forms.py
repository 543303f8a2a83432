"""The fairs' forms: a fair's record, a booth, a product to pick (officers)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Optional

from shop.fairs.models import Fair, FairStatus
from shop.fairs.services import FairInput
from shop.places.models import Province
from shop.producers.models import Producer
from shop.web.forms import optional_int

STATUS_LABELS = {FairStatus.DRAFT: _l("Draft"), FairStatus.PUBLISHED: _l("Published"),
                 FairStatus.CLOSED: _l("Closed")}


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
