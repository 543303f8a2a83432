"""The form beside the upload: the decision, entered once for the whole file."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import DateField, SelectChoice, SelectField, StringField
from wtforms.validators import InputRequired, Length

from shop.ocop.models import Level
from shop.ocop.rules import LEVEL_LABELS
from shop.places.models import Province
from shop.registry.decisions.services import DecisionInput
from shop.web.forms import optional_int


class DecisionImportForm(FlaskForm):
    """The annex file and the decision it belongs to; the services check every rule."""

    file = FileField(_l("Annex file (XLSX or CSV)"),
                     validators=[FileRequired(_l("Choose the annex file."))])
    number = StringField(_l("Decision number"), validators=[InputRequired(), Length(max=60)])
    decided_on = DateField(_l("Decision date"), validators=[InputRequired()])
    authority = StringField(_l("Issuing authority"), validators=[InputRequired(), Length(max=200)])
    level = SelectField(_l("Level"), coerce=Level, default=Level.PROVINCE,
                        choices=[SelectChoice(level.value, label)
                                 for level, label in LEVEL_LABELS.items()])
    # The service says when a province is not the officer's.
    province_id = SelectField(_l("Province"), coerce=optional_int, validate_choice=False,
                              validators=[InputRequired(_l("Choose a province."))])

    def __init__(self, provinces: list[Province], **kwargs):
        super().__init__(**kwargs)
        if len(provinces) == 1 and self.province_id.data is None:
            self.province_id.data = provinces[0].id
        self.province_id.choices = [SelectChoice("", _l("Choose a province…"))] + [
            SelectChoice(p.id, p.name) for p in provinces]

    def to_input(self) -> DecisionInput:
        """The decision as the service's input."""
        return DecisionInput(number=self.number.data, decided_on=self.decided_on.data,
                             authority=self.authority.data, level=self.level.data,
                             province_id=self.province_id.data)
