"""The schema the migrations build is the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from shop.extensions import db

TRIGRAM_INDEXES = {"ix_products_search_text_trgm", "ix_combos_search_text_trgm"}


def _ignore_dialect_specific(obj, name, type_, reflected, compare_to):
    # The trigram indexes exist only on PostgreSQL (the models mark them ddl_if postgresql).
    return not (type_ == "index" and name in TRIGRAM_INDEXES
                and db.engine.dialect.name != "postgresql")


def test_migrations_at_head_match_the_models(app):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True, "include_object": _ignore_dialect_specific})
        diff = compare_metadata(context, db.metadata)
    assert diff == []
