"""The outlets' forms: an outlet's record (officers), receiving and adjusting stock (staff)."""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Optional

from shop.core.errors import InvalidInput
from shop.outlets.hours import DAYS, WEEKDAY_LABELS, day_field, format_day
from shop.outlets.models import Bank, Outlet, OutletKind, OutletStatus
from shop.outlets.services import OutletInput
from shop.outlets.stock import ADJUSTMENT_LABELS
from shop.outlets.stock_models import MoveReason
from shop.places.models import Province
from shop.web.forms import show_error

KIND_LABELS = {OutletKind.CENTRE: _l("Introduction-and-sales centre"),
               OutletKind.POINT: _l("OCOP outlet point"),
               OutletKind.PARTNER: _l("Partner shop")}
STATUS_LABELS = {OutletStatus.OPEN: _l("Open"), OutletStatus.PAUSED: _l("Paused"),
                 OutletStatus.CLOSED: _l("Closed for good")}
# Service errors name a fee as "delivery-<index among the provinces given a fee>-fee_vnd".
_FEE_FIELD = re.compile(r"delivery-(\d+)-fee_vnd")


def _optional_int(value: object) -> int | None:
    """A select's value, the empty "choose…" option as None (and junk too: the service says)."""
    try:
        return None if value in (None, "") else int(value)
    except (TypeError, ValueError):
        return None


def _choices(labels: dict) -> list[SelectChoice]:
    return [SelectChoice(key.value, label) for key, label in labels.items()]


class DeliveryRow(Form):
    """One province's delivery fee; empty when the outlet does not deliver there."""

    province_id = HiddenField()
    fee_vnd = IntegerField(_l("Fee (đồng)"), validators=[Optional()])


class OutletForm(FlaskForm):
    """Everything about an outlet; the service checks every rule and names the field at fault."""

    name_vi = StringField(_l("Name (Vietnamese)"), validators=[InputRequired()])
    name_en = StringField(_l("Name (English)"), default="")
    slug = StringField(_l("Address on the site"), default="")
    kind = SelectField(_l("Kind"), coerce=OutletKind, choices=_choices(KIND_LABELS),
                       default=OutletKind.POINT)
    status = SelectField(_l("Status"), coerce=OutletStatus, choices=_choices(STATUS_LABELS),
                         default=OutletStatus.OPEN)
    operator_name = StringField(_l("Operator"), validators=[InputRequired()])
    operator_tax_code = StringField(_l("Operator's tax code"), validators=[InputRequired()])
    street = StringField(_l("Street and number"), validators=[InputRequired()])
    commune = StringField(_l("Commune or ward"), validators=[InputRequired()])
    province_id = SelectField(_l("Province"), coerce=_optional_int, validate_choice=False,
                              validators=[InputRequired(_l("Choose a province."))])
    latitude = StringField(_l("Latitude"), validators=[InputRequired()])
    longitude = StringField(_l("Longitude"), validators=[InputRequired()])
    phone = StringField(_l("Phone"), validators=[InputRequired()])
    email = StringField(_l("Email"), default="")
    bank_bin = SelectField(_l("Bank"), validate_choice=False, default="")
    bank_account = StringField(_l("Account number"), default="")
    bank_account_name = StringField(_l("Account name"), default="")
    offers_pickup = BooleanField(_l("Pickup at the outlet"), default=True)
    offers_delivery = BooleanField(_l("Delivery"))
    free_delivery_from_vnd = IntegerField(_l("Free delivery from (đồng)"),
                                          validators=[Optional()])
    delivery = FieldList(FormField(DeliveryRow))
    accepts_vietqr = BooleanField(_l("VietQR bank transfer"))
    accepts_cash_pickup = BooleanField(_l("Cash at pickup"), default=True)
    accepts_cod = BooleanField(_l("Cash on delivery"))

    def __init__(self, provinces: list[Province], banks: list[Bank],
                 outlet: Outlet | None = None, **kwargs):
        super().__init__(obj=outlet, **kwargs)
        self.province_id.choices = [SelectChoice("", _l("Choose a province…"))] + [
            SelectChoice(province.id, province.name) for province in provinces]
        self.bank_bin.choices = [SelectChoice("", _l("No bank account"))] + [
            SelectChoice(bank.bin, f"{bank.short_name} — {bank.name}") for bank in banks]
        if not self.is_submitted():
            self._fill(provinces, outlet)
        names = {str(province.id): province.name for province in provinces}
        for row in self.delivery:
            row.fee_vnd.label.text = names.get(str(row.province_id.data), _l("Province"))
        self._fee_rows: list[int] = []

    def _fill(self, provinces: list[Province], outlet: Outlet | None) -> None:
        """A row per province (its fee when delivered to), and the hours as they are typed."""
        fees = {fee.province_id: fee.fee_vnd for fee in outlet.delivery_fees} if outlet else {}
        for province in provinces:
            self.delivery.append_entry({"province_id": province.id,
                                        "fee_vnd": fees.get(province.id)})
        days: dict[int, list] = {day: [] for day in range(DAYS)}
        for hours in outlet.hours if outlet else ():
            days[hours.weekday].append((hours.opens_at, hours.closes_at))
        for day in range(DAYS):
            getattr(self, day_field(day)).data = format_day(days[day]) if outlet else (
                "08:00–21:00")

    def to_input(self) -> OutletInput:
        """The form as the service's input; the rows given a fee remembered for errors."""
        fees = []
        for index, row in enumerate(self.delivery):
            if row.fee_vnd.data is not None:
                self._fee_rows.append(index)
                fees.append((_optional_int(row.province_id.data), row.fee_vnd.data))
        return OutletInput(
            name_vi=self.name_vi.data, name_en=self.name_en.data, slug=self.slug.data,
            kind=self.kind.data, status=self.status.data, operator_name=self.operator_name.data,
            operator_tax_code=self.operator_tax_code.data, street=self.street.data,
            commune=self.commune.data, province_id=self.province_id.data,
            latitude=self.latitude.data, longitude=self.longitude.data, phone=self.phone.data,
            email=self.email.data, bank_bin=self.bank_bin.data or None,
            bank_account=self.bank_account.data, bank_account_name=self.bank_account_name.data,
            hours=tuple(getattr(self, day_field(day)).data or "" for day in range(DAYS)),
            offers_pickup=self.offers_pickup.data, offers_delivery=self.offers_delivery.data,
            delivery_fees=tuple(fees), free_delivery_from_vnd=self.free_delivery_from_vnd.data,
            accepts_vietqr=self.accepts_vietqr.data,
            accepts_cash_pickup=self.accepts_cash_pickup.data, accepts_cod=self.accepts_cod.data)

    def show_error(self, error: InvalidInput) -> None:
        """Put the service's error on its field; a fee's on the province row it came from."""
        match = _FEE_FIELD.fullmatch(error.field or "")
        if match and int(match[1]) < len(self._fee_rows):
            self.delivery[self._fee_rows[int(match[1])]].fee_vnd.errors.append(error.message)
            return
        show_error(self, error)


for _day in range(DAYS):
    setattr(OutletForm, day_field(_day), StringField(WEEKDAY_LABELS[_day], default=""))


class ReceiveForm(FlaskForm):
    """A delivery: the product, then one of its lots, and how many units came."""

    product_id = SelectField(_l("Product"), coerce=_optional_int, validate_choice=False)
    lot_id = SelectField(_l("Lot"), coerce=_optional_int, validate_choice=False)
    quantity = IntegerField(_l("Units received"), validators=[InputRequired()])
    note = TextAreaField(_l("Note (delivery slip number…)"), default="")


class AdjustForm(FlaskForm):
    """A correction of one lot's stock, with its reason."""

    lot_id = SelectField(_l("Lot"), coerce=_optional_int, validate_choice=False)
    reason = SelectField(_l("Reason"), coerce=MoveReason, choices=_choices(ADJUSTMENT_LABELS),
                         default=MoveReason.ADJUSTED_DAMAGED)
    delta = IntegerField(_l("Units (+ to add, − to take off)"), validators=[InputRequired()])
    note = TextAreaField(_l("Note"), default="")


class StaffForm(FlaskForm):
    """Someone to add to the outlet's staff: the email of their account."""

    email = StringField(_l("Email of their account"), validators=[InputRequired()])
