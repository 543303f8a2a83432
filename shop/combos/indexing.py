"""Keeps each combo's folded search text and name sort key in step with its data."""

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.base import NO_VALUE

from shop.catalog.indexing import folded_text
from shop.combos.labels import OCCASION_WORDS
from shop.combos.models import Combo
from shop.core.text import fold
from shop.places.models import Province


def search_text(combo: Combo, province: Province | None) -> str:
    """What search looks in: both names, the occasion, the province (old names too), stories."""
    return folded_text(combo.name_vi, combo.name_en, OCCASION_WORDS.get(combo.occasion, ""),
                       province.name if province else "",
                       province.former_names if province else "",
                       combo.story_vi, combo.story_en)


def _province_of(session: Session, combo: Combo) -> Province | None:
    # A province set as an object is not yet in province_id before the flush.
    loaded = inspect(combo).attrs.province.loaded_value
    if loaded is not NO_VALUE and loaded is not None:
        return loaded
    return session.get(Province, combo.province_id) if combo.province_id else None


@event.listens_for(Session, "before_flush")
def _index_changed_combos(session: Session, _context, _instances) -> None:
    """Recompute search text for new or edited combos before they are written."""
    with session.no_autoflush:
        for obj in list(session.new) + list(session.dirty):
            if isinstance(obj, Combo):
                province = _province_of(session, obj)
                obj.search_text = search_text(obj, province)
                obj.name_key = fold(obj.name_vi)[:200]
