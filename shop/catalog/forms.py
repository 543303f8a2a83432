"""The producers' listing forms: a product's stories, price and GTIN, and its photos."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import IntegerField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length

from shop.catalog.listings import ListingInput


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
