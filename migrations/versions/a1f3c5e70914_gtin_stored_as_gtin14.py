"""products.gtin stored as GTIN-14, so its unique constraint holds across a number's forms

An 8-, 12- or 13-digit GTIN and its zero-padded GTIN-14 are one number: stored in different
forms, two products could carry it at once. Every GTIN becomes its GTIN-14. When two products
held one number, the earliest keeps it and the others lose it (logged, for someone to check).

Revision ID: a1f3c5e70914
Revises: b2d4f6a8c0e1
Create Date: 2026-12-02 10:00:00.000000

"""
import logging

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "a1f3c5e70914"
down_revision = 'b2d4f6a8c0e1'
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")
products = sa.table("products", sa.column("id", sa.Integer), sa.column("gtin", sa.String))


def _gtin14(value: str) -> str | None:
    digits = "".join(value.split())
    return digits.zfill(14) if digits.isascii() and digits.isdigit() and len(digits) <= 14 \
        else None


def upgrade():
    bind = op.get_bind()
    rows = bind.execute(sa.select(products.c.id, products.c.gtin)
                        .where(products.c.gtin.is_not(None)).order_by(products.c.id)).all()
    holder: dict[str, int] = {}
    changes: dict[int, str | None] = {}
    for product_id, gtin in rows:
        normal = _gtin14(gtin)
        if normal in holder:
            log.warning("product %s loses GTIN %s, which product %s carries",
                        product_id, gtin, holder[normal])
            normal = None
        elif normal is not None:
            holder[normal] = product_id
        if normal != gtin:
            changes[product_id] = normal
    # Clear first, then write: a number takes its new form only once nobody holds that form.
    for product_id in changes:
        bind.execute(products.update().where(products.c.id == product_id).values(gtin=None))
    for product_id, normal in changes.items():
        if normal is not None:
            bind.execute(products.update().where(products.c.id == product_id)
                         .values(gtin=normal))


def downgrade():
    # GTIN-14s are valid GTINs: the older code reads them as they are.
    pass
