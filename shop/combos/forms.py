"""The curators' combo forms: the combo itself, its photos, publishing."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    IntegerField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from shop.catalog.models import Product
from shop.combos.curation import MAX_COMPONENTS, ComboInput
from shop.combos.labels import OCCASION_LABELS
from shop.combos.models import Combo, ComboStatus
from shop.core.errors import InvalidInput
from shop.outlets.models import Outlet
from shop.places.models import Province
from shop.web.forms import optional_int, show_error


def _lenient_int(value: object) -> int | None:
    """A select's value as an id; the empty choice, and junk, as None (the service says)."""
    try:
        return optional_int(value)
    except (TypeError, ValueError):
        return None


class ComponentRow(Form):
    """One product of the combo and how many of it; an empty row is no component."""

    product_id = SelectField(_l("Product"), coerce=_lenient_int, validate_choice=False)
    quantity = IntegerField(_l("Quantity"), default=1, validators=[Optional()])


class ComboForm(FlaskForm):
    """Everything about a combo; the service checks every rule and names the field at fault."""

    name_vi = StringField(_l("Name (Vietnamese)"), validators=[InputRequired()])
    name_en = StringField(_l("Name (English)"), default="")
    slug = StringField(_l("Address on the site"), default="")
    occasion = SelectField(_l("Occasion"), validate_choice=False,
                           choices=[SelectChoice("", _l("Choose an occasion…"))] + [
                               SelectChoice(key.value, label)
                               for key, label in OCCASION_LABELS.items()])
    province_id = SelectField(_l("Region it stands for"), coerce=_lenient_int,
                              validate_choice=False)
    price_vnd = IntegerField(_l("Price (đồng)"), validators=[InputRequired()])
    story_vi = TextAreaField(_l("Story (Vietnamese)"), validators=[Length(max=10_000)])
    story_en = TextAreaField(_l("Story (English)"), validators=[Length(max=10_000)])
    offers_message_card = BooleanField(_l("Offers a message card"), default=True)
    offers_wrapping = BooleanField(_l("Offers gift wrapping"), default=True)
    wrapping_fee_vnd = IntegerField(_l("Wrapping fee (đồng; empty: free)"),
                                    validators=[Optional()])
    components = FieldList(FormField(ComponentRow), min_entries=MAX_COMPONENTS,
                           max_entries=MAX_COMPONENTS)
    outlet_ids = SelectMultipleField(_l("Sold at"), coerce=int, validate_choice=False,
                                     widget=ListWidget(prefix_label=False),
                                     option_widget=CheckboxInput())

    def __init__(self, products: list[Product], outlets: list[Outlet],
                 provinces: list[Province], combo: Combo | None = None, **kwargs):
        if combo is not None and "formdata" not in kwargs:
            kwargs.setdefault("data", _data(combo))
        super().__init__(**kwargs)
        self.component_errors = []
        choices = [SelectChoice("", _l("No product"))] + [
            SelectChoice(p.id, f"{p.name_vi} · {p.producer.name}") for p in products]
        for row in self.components:
            row.form.product_id.choices = choices
        self.outlet_ids.choices = [SelectChoice(o.id, o.name_vi) for o in outlets]
        self.province_id.choices = [SelectChoice("", _l("No particular region"))] + [
            SelectChoice(p.id, p.name) for p in provinces]

    component_errors: list[str]

    def show_error(self, error: InvalidInput) -> None:
        """A service's error on its field; the components' above their rows."""
        if error.field == "components":
            self.component_errors.append(error.message)
        else:
            show_error(self, error)

    def to_input(self) -> ComboInput:
        """The service's input, as typed (the service checks it)."""
        return ComboInput(
            name_vi=self.name_vi.data or "", name_en=self.name_en.data or "",
            slug=self.slug.data or "", occasion=self.occasion.data or None,
            province_id=self.province_id.data, price_vnd=self.price_vnd.data,
            story_vi=self.story_vi.data or "", story_en=self.story_en.data or "",
            offers_message_card=self.offers_message_card.data,
            offers_wrapping=self.offers_wrapping.data,
            wrapping_fee_vnd=self.wrapping_fee_vnd.data,
            components=tuple((row.form.product_id.data, row.form.quantity.data)
                             for row in self.components),
            outlet_ids=tuple(self.outlet_ids.data or ()))


def _data(combo: Combo) -> dict:
    rows = [{"product_id": c.product_id, "quantity": c.quantity} for c in combo.components]
    return {
        "name_vi": combo.name_vi, "name_en": combo.name_en, "slug": combo.slug,
        "occasion": combo.occasion.value, "province_id": combo.province_id,
        "price_vnd": combo.price_vnd, "story_vi": combo.story_vi, "story_en": combo.story_en,
        "offers_message_card": combo.offers_message_card,
        "offers_wrapping": combo.offers_wrapping, "wrapping_fee_vnd": combo.wrapping_fee_vnd,
        "components": rows + [{"product_id": None, "quantity": 1}] * (MAX_COMPONENTS - len(rows)),
        "outlet_ids": [link.outlet_id for link in combo.outlets],
    }


class PhotoForm(FlaskForm):
    """A photo to add, with what it shows for people who cannot see it."""

    photo = FileField(_l("Photo"), validators=[FileRequired(_l("Choose a photo to upload."))],
                      render_kw={"accept": "image/jpeg,image/png,image/webp"})
    alt_vi = StringField(_l("What the photo shows (Vietnamese)"),
                         validators=[InputRequired(), Length(max=200)])
    alt_en = StringField(_l("What the photo shows (English)"), validators=[Length(max=200)])


class StatusForm(FlaskForm):
    """Publish a combo, or take it back to draft."""

    status = SelectField(_l("Status"), coerce=ComboStatus, choices=[
        SelectChoice(ComboStatus.PUBLISHED.value, _l("Published")),
        SelectChoice(ComboStatus.DRAFT.value, _l("Draft"))])
