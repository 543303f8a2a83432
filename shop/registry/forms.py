"""The officer's forms: record a certificate, revoke one."""

from dataclasses import dataclass
from datetime import timedelta

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional

from shop.catalog.models import Product
from shop.core import clock
from shop.ocop.models import Level
from shop.ocop.rules import LEVEL_LABELS, LEVEL_REFORM_DATE, STAR_BANDS, level_for
from shop.registry.services import CertificateInput, RevocationInput
from shop.web.forms import optional_int
from shop.web.i18n import localized


class CertificateForm(FlaskForm):
    """An OCOP recognition decision; the service checks every OCOP rule."""

    # The service decides which products may be chosen (an officer's province), and says so.
    product_id = SelectField(_l("Product"), coerce=optional_int, validate_choice=False,
                             validators=[InputRequired(_l("Choose the product."))])
    number = StringField(_l("Decision number"), validators=[InputRequired(), Length(max=60)])
    authority = StringField(_l("Issuing authority"), validators=[InputRequired(), Length(max=200)])
    level = SelectField(_l("Level"), coerce=Level, default=Level.PROVINCE,
                        choices=[SelectChoice(level.value, label)
                                 for level, label in LEVEL_LABELS.items()])
    score = IntegerField(_l("Total score"), validators=[InputRequired()])
    score_a = IntegerField(_l("Part A: product and community strength"), validators=[Optional()])
    score_b = IntegerField(_l("Part B: marketing and product story"), validators=[Optional()])
    score_c = IntegerField(_l("Part C: quality"), validators=[Optional()])
    stars = SelectField(_l("Stars"), coerce=optional_int,
                        validators=[InputRequired(_l("Choose the stars."))])
    recognized_on = DateField(_l("Recognised on"), validators=[InputRequired()])

    def __init__(self, products: list[Product], **kwargs):
        super().__init__(**kwargs)
        self.product_id.choices = [SelectChoice("", _l("Choose a product…"))] + [
            SelectChoice(p.id, f"{localized(p, 'name')} — {p.producer.name}") for p in products]
        self.stars.choices = [SelectChoice("", _l("Choose…"))] + [
            SelectChoice(stars, _l("%(stars)d stars", stars=stars)) for stars in STAR_BANDS]

    def to_input(self) -> CertificateInput:
        """The validated form as the service's input."""
        return CertificateInput(
            product_id=self.product_id.data, number=self.number.data,
            authority=self.authority.data, level=self.level.data, score=self.score.data,
            stars=self.stars.data, recognized_on=self.recognized_on.data,
            score_a=self.score_a.data, score_b=self.score_b.data, score_c=self.score_c.data,
        )


class RevocationForm(FlaskForm):
    """A revocation decision (thu hồi): number, date and reason."""

    number = StringField(_l("Revocation decision number"),
                         validators=[InputRequired(), Length(max=60)])
    revoked_on = DateField(_l("Revoked on"), default=clock.today, validators=[InputRequired()])
    reason = TextAreaField(_l("Reason"), validators=[InputRequired(), Length(max=2000)])

    def to_input(self) -> RevocationInput:
        """The validated form as the service's input."""
        return RevocationInput(number=self.number.data, revoked_on=self.revoked_on.data,
                               reason=self.reason.data)


@dataclass(frozen=True)
class BandHint:
    """One line of the hint: a star's score band and the level recognising it, old and new."""

    stars: int
    low: int
    high: int
    level_before_reform: Level
    level_from_reform: Level


def band_hints() -> list[BandHint]:
    """The star bands and levels before and from the 2025 reform, straight from the rules."""
    day_before = LEVEL_REFORM_DATE - timedelta(days=1)
    return [BandHint(stars, low, high, level_for(stars, day_before),
                     level_for(stars, LEVEL_REFORM_DATE))
            for stars, (low, high) in STAR_BANDS.items()]
