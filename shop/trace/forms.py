"""The producers' forms of traceability: zones, lots, label runs and recalls."""

import re
from dataclasses import replace

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    DecimalField,
    FieldList,
    Form,
    FormField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from shop.catalog.models import Product
from shop.core import clock
from shop.core.errors import InvalidInput
from shop.places.models import Province
from shop.trace.labels import LabelSize
from shop.trace.lots import HarvestInput, LotData
from shop.trace.models import CropCycle, Standard, Zone, ZoneStatus
from shop.trace.zones import CYCLE_LABELS, STANDARD_LABELS, ZONE_STATUS_LABELS, ZoneInput
from shop.web.forms import optional_int, show_error
from shop.web.i18n import localized

INPUT_ROWS = 3
MAX_INPUT_ROWS = 30
# Service errors name an input row as "inputs-<index among the filled rows>-<field>".
_ROW_FIELD = re.compile(r"inputs-(\d+)-(\w+)")
# A posted input row's fields, by the index the browser (or a hand-made request) gave it.
_POSTED_ROW = re.compile(r"inputs-(\d+)-")


def _finite(_form, field) -> None:
    """Refuse NaN and infinity: Decimal parses them, but no area or coordinate is one."""
    if field.data is not None and not field.data.is_finite():
        raise ValidationError(_("Enter a number."))


def _choices(labels: dict) -> list[SelectChoice]:
    return [SelectChoice(key.value, label) for key, label in labels.items()]


class ZoneForm(FlaskForm):
    """A raw-material zone; the service checks the planting-area code rules."""

    code = StringField(_l("Planting-area code"), validators=[InputRequired(), Length(max=40)])
    name = StringField(_l("Name"), validators=[InputRequired(), Length(max=200)])
    crop = StringField(_l("Crop"), validators=[InputRequired(), Length(max=120)])
    variety = StringField(_l("Variety"), default="", validators=[Length(max=120)])
    cycle = SelectField(_l("Crop cycle"), coerce=CropCycle, default=CropCycle.PERENNIAL)
    area_ha = DecimalField(_l("Area (ha)"), places=2, validators=[InputRequired(), _finite])
    commune = StringField(_l("Commune"), validators=[InputRequired(), Length(max=120)])
    district = StringField(_l("District"), default="", validators=[Length(max=120)])
    province_id = SelectField(_l("Province"), coerce=optional_int,
                              validators=[InputRequired(_l("Choose a province."))])
    latitude = DecimalField(_l("Latitude"), places=6, validators=[Optional(), _finite])
    longitude = DecimalField(_l("Longitude"), places=6, validators=[Optional(), _finite])
    standard = SelectField(_l("Farming standard"), coerce=Standard, default=Standard.NONE,
                           choices=_choices(STANDARD_LABELS))
    standard_certificate = StringField(_l("Standard certificate number"), default="",
                                       validators=[Length(max=60)])
    standard_expires_on = DateField(_l("Standard certificate expires on"),
                                    validators=[Optional()])
    expected_yield_kg = IntegerField(_l("Expected yield per season (kg)"),
                                     validators=[InputRequired()])
    seasons_per_year = IntegerField(_l("Harvest seasons a year"), default=1,
                                    validators=[InputRequired()])

    def __init__(self, provinces: list[Province], **kwargs):
        super().__init__(**kwargs)
        # The labels are lower case for use inside sentences; an option starts a line.
        self.cycle.choices = [SelectChoice(cycle.value, str(label).capitalize())
                              for cycle, label in CYCLE_LABELS.items()]
        self.province_id.choices = [SelectChoice("", _l("Choose a province…"))] + [
            SelectChoice(province.id, province.name) for province in provinces]

    def to_input(self) -> ZoneInput:
        """The validated form as the service's input (a new zone is active)."""
        return ZoneInput(
            code=self.code.data, name=self.name.data, crop=self.crop.data,
            variety=self.variety.data, cycle=self.cycle.data, area_ha=self.area_ha.data,
            commune=self.commune.data, district=self.district.data,
            province_id=self.province_id.data, latitude=self.latitude.data,
            longitude=self.longitude.data, standard=self.standard.data,
            standard_certificate=self.standard_certificate.data,
            standard_expires_on=self.standard_expires_on.data,
            expected_yield_kg=self.expected_yield_kg.data,
            seasons_per_year=self.seasons_per_year.data,
        )


class ZoneEditForm(ZoneForm):
    """A registered zone: every field, and its status (suspended or cancelled zones supply none)."""

    status = SelectField(_l("Status"), coerce=ZoneStatus, choices=_choices(ZONE_STATUS_LABELS))

    def to_input(self) -> ZoneInput:
        """The validated form as the service's input, status included."""
        return replace(super().to_input(), status=self.status.data)


class InputRowForm(Form):
    """One row of raw material: a zone, its harvest date and kilograms; empty rows are ignored."""

    # Choices are not checked here: the service says why a zone cannot supply the lot.
    zone_id = SelectField(_l("Zone"), coerce=optional_int, validate_choice=False)
    harvested_on = DateField(_l("Harvested on"), validators=[Optional()])
    quantity_kg = IntegerField(_l("Kilograms"), validators=[Optional()])

    def is_empty(self) -> bool:
        """True when nothing was entered in the row."""
        return not any(field.raw_data and field.raw_data[0].strip() for field in self)

    def validate(self, extra_validators=None) -> bool:
        """A row is either empty or complete."""
        if not super().validate(extra_validators):
            return False
        if self.is_empty():
            return True
        missing = [field for field in self if field.data is None]
        for field in missing:
            field.errors.append(_("Fill in the zone, the harvest date and the kilograms, "
                                  "or leave the whole row empty."))
        return not missing


class LotForm(FlaskForm):
    """A production lot and the zones its raw material came from."""

    product_id = SelectField(_l("Product"), coerce=optional_int, validate_choice=False,
                             validators=[InputRequired(_l("Choose the product."))])
    code = StringField(_l("Lot number"), validators=[InputRequired()])
    produced_on = DateField(_l("Produced on"), default=clock.today, validators=[InputRequired()])
    expires_on = DateField(_l("Expires on"), validators=[InputRequired()])
    quantity = IntegerField(_l("Quantity"), validators=[InputRequired()])
    unit = StringField(_l("Unit"), validators=[InputRequired(), Length(max=30)])
    inputs = FieldList(FormField(InputRowForm), min_entries=INPUT_ROWS,
                       max_entries=MAX_INPUT_ROWS)

    def __init__(self, products: list[Product], zones: list[Zone], **kwargs):
        super().__init__(**kwargs)
        self.product_id.choices = [SelectChoice("", _l("Choose a product…"))] + [
            SelectChoice(product.id, localized(product, "name")) for product in products]
        zone_choices = [SelectChoice("", _l("Choose a zone…"))] + [
            SelectChoice(zone.id, f"{zone.code} · {zone.name}") for zone in zones]
        for row in self.inputs:
            row.zone_id.choices = zone_choices

    def process(self, formdata=None, obj=None, data=None, extra_filters=None, **kwargs):
        """Count the input rows posted before FieldList drops those past MAX_INPUT_ROWS."""
        formdata = self.meta.wrap_formdata(self, formdata)
        self.rows_posted = len({found.group(1) for key in (formdata or ())
                                if (found := _POSTED_ROW.match(key))})
        super().process(formdata, obj, data, extra_filters, **kwargs)

    def _too_many_rows(self) -> None:
        self.form_errors.append(_("A lot lists at most %(max)d rows of raw material.",
                                  max=MAX_INPUT_ROWS))

    def validate(self, extra_validators=None) -> bool:
        """The fields' rules, and no more rows than the form offers (none silently dropped)."""
        valid = super().validate(extra_validators)
        if self.rows_posted > MAX_INPUT_ROWS:
            self._too_many_rows()
            return False
        return valid

    def add_row(self) -> bool:
        """One more empty input row, with the same zones to choose from; False at the most."""
        if len(self.inputs) >= MAX_INPUT_ROWS:
            self._too_many_rows()
            return False
        choices = self.inputs[0].zone_id.choices
        self.inputs.append_entry().zone_id.choices = choices
        return True

    def filled_rows(self) -> list[InputRowForm]:
        """The input rows something was entered in, in order."""
        return [row.form for row in self.inputs if not row.form.is_empty()]

    def to_input(self) -> LotData:
        """The validated form as the service's input, empty rows left out."""
        return LotData(
            product_id=self.product_id.data, code=self.code.data,
            produced_on=self.produced_on.data, expires_on=self.expires_on.data,
            quantity=self.quantity.data, unit=self.unit.data,
            inputs=tuple(HarvestInput(zone_id=row.zone_id.data,
                                      harvested_on=row.harvested_on.data,
                                      quantity_kg=row.quantity_kg.data)
                         for row in self.filled_rows()))

    def show_error(self, error: InvalidInput) -> None:
        """Put a service's error on its field; an input row is found among the filled rows."""
        row_field = _ROW_FIELD.fullmatch(error.field or "")
        if row_field is None:
            show_error(self, error)
            return
        rows = self.filled_rows() or [self.inputs[0].form]
        index = min(int(row_field.group(1)), len(rows) - 1)
        rows[index][row_field.group(2)].errors.append(error.message)
        # FieldList keeps the errors it collected while validating: add the new one.
        self.inputs.errors = [row.errors for row in self.inputs]


class LabelRunForm(FlaskForm):
    """A print of a lot's labels: size, count, one code per lot or one serial per unit."""

    size = SelectField(_l("Label size"), coerce=LabelSize, default=LabelSize.MEDIUM,
                       choices=[SelectChoice(size.value, size.spec.label) for size in LabelSize])
    count = IntegerField(_l("Number of labels"), validators=[InputRequired()])
    kind = RadioField(_l("Codes"), default="lot", choices=[
        SelectChoice("lot", _l("One code for the whole lot")),
        SelectChoice("serial", _l("Serialised codes, one per unit")),
    ])

    @property
    def serialised(self) -> bool:
        """True when each label gets its own serial."""
        return self.kind.data == "serial"


class RecallForm(FlaskForm):
    """Recalling a lot: the reason shoppers will read on its trace page."""

    reason = TextAreaField(_l("Reason for the recall"), validators=[Length(max=2000)])
