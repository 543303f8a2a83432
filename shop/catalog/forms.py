"""The producers' listing forms: a product's stories, price and GTIN, and its photos."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import IntegerField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length

from shop.catalog.drafts import DraftInput
from shop.catalog.listings import ListingInput


def _safe_int(value: object) -> int | None:
    try:
        return None if value in (None, "") else int(value)
    except (TypeError, ValueError):
        return None


class ListingForm(FlaskForm):
    """A product's story in both languages, its price and its GTIN."""

    story_vi = TextAreaField(_l("Story (Vietnamese)"), validators=[Length(max=10_000)])
    story_en = TextAreaField(_l("Story (English)"), validators=[Length(max=10_000)])
    price_vnd = IntegerField(_l("Price (đồng)"), validators=[InputRequired()])
    gtin = StringField(_l("GTIN (barcode number)"), validators=[Length(max=20)])

    def to_input(self) -> ListingInput:
        """The service's input."""
        return ListingInput(story_vi=self.story_vi.data or "", story_en=self.story_en.data or "",
                            price_vnd=self.price_vnd.data, gtin=self.gtin.data or "")


class PhotoForm(FlaskForm):
    """A photo to add, with what it shows for people who cannot see it."""

    photo = FileField(_l("Photo"), validators=[FileRequired(_l("Choose a photo to upload."))],
                      render_kw={"accept": "image/jpeg,image/png,image/webp"})
    alt_vi = StringField(_l("What the photo shows (Vietnamese)"),
                         validators=[InputRequired(), Length(max=200)])
    alt_en = StringField(_l("What the photo shows (English)"), validators=[Length(max=200)])


class DraftForm(FlaskForm):
    """A new product: its names, group and sub-group, price, story and GTIN."""

    name_vi = StringField(_l("Name (Vietnamese)"), validators=[InputRequired(), Length(max=200)])
    name_en = StringField(_l("Name (English)"), validators=[Length(max=200)])
    group_id = SelectField(_l("Product group"), coerce=_safe_int, validate_choice=False,
                           validators=[InputRequired(_l("Choose a product group."))])
    subgroup_id = SelectField(_l("Sub-group"), coerce=_safe_int, validate_choice=False)
    price_vnd = IntegerField(_l("Price (đồng)"), validators=[InputRequired()])
    story_vi = TextAreaField(_l("Description and story (Vietnamese)"),
                             validators=[Length(max=10_000)])
    story_en = TextAreaField(_l("Description and story (English)"),
                             validators=[Length(max=10_000)])
    gtin = StringField(_l("GTIN (barcode number)"), validators=[Length(max=20)])

    def __init__(self, groups: list, **kwargs):
        super().__init__(**kwargs)
        self.group_id.choices = [SelectChoice("", _l("Choose…"))] + [
            SelectChoice(g.id, g.name_vi) for g in groups]
        self.subgroup_id.choices = [SelectChoice("", _l("None"))] + [
            SelectChoice(s.id, f"{g.name_vi} — {s.name_vi}") for g in groups for s in g.subgroups]

    def to_input(self) -> DraftInput:
        """The service's input."""
        return DraftInput(name_vi=self.name_vi.data or "", name_en=self.name_en.data or "",
                          group_id=self.group_id.data, subgroup_id=self.subgroup_id.data,
                          price_vnd=self.price_vnd.data, story_vi=self.story_vi.data or "",
                          story_en=self.story_en.data or "", gtin=self.gtin.data or "")
