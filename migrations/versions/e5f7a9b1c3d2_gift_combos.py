"""gift combos: combos, their components, photos and the outlets that sell them

Revision ID: e5f7a9b1c3d2
Revises: d4e6a8b0c2f1
Create Date: 2026-12-02 04:39:51.577070

"""
import sqlalchemy as sa
from alembic import op

revision = 'e5f7a9b1c3d2'
down_revision = 'd4e6a8b0c2f1'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('combos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('name_vi', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('story_vi', sa.Text(), nullable=False),
    sa.Column('story_en', sa.Text(), nullable=False),
    sa.Column('occasion', sa.Enum('tet', 'mid_autumn', 'women_8_3', 'women_20_10', 'teachers_20_11', 'regional', name='occasion', native_enum=False, length=20), nullable=False),
    sa.Column('province_id', sa.Integer(), nullable=True),
    sa.Column('price_vnd', sa.Integer(), nullable=False),
    sa.Column('offers_message_card', sa.Boolean(), nullable=False),
    sa.Column('offers_wrapping', sa.Boolean(), nullable=False),
    sa.Column('wrapping_fee_vnd', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('draft', 'published', name='combostatus', native_enum=False, length=20), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('price_vnd > 0', name=op.f('ck_combos_price_positive')),
    sa.CheckConstraint('wrapping_fee_vnd IS NULL OR wrapping_fee_vnd >= 0', name=op.f('ck_combos_wrapping_fee_not_negative')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_combos_created_by_id_users')),
    sa.ForeignKeyConstraint(['province_id'], ['provinces.id'], name=op.f('fk_combos_province_id_provinces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_combos')),
    sa.UniqueConstraint('slug', name=op.f('uq_combos_slug'))
    )
    with op.batch_alter_table('combos', schema=None) as batch_op:
        batch_op.create_index('ix_combos_created_at', ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_combos_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_combos_name_key'), ['name_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_combos_occasion'), ['occasion'], unique=False)
        batch_op.create_index('ix_combos_price_vnd', ['price_vnd'], unique=False)
        batch_op.create_index(batch_op.f('ix_combos_province_id'), ['province_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_combos_status'), ['status'], unique=False)

    op.create_table('combo_images',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('combo_id', sa.Integer(), nullable=False),
    sa.Column('path', sa.String(length=200), nullable=False),
    sa.Column('alt_vi', sa.String(length=200), nullable=False),
    sa.Column('alt_en', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['combo_id'], ['combos.id'], name=op.f('fk_combo_images_combo_id_combos')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_combo_images'))
    )
    with op.batch_alter_table('combo_images', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_combo_images_combo_id'), ['combo_id'], unique=False)

    op.create_table('combo_outlets',
    sa.Column('combo_id', sa.Integer(), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['combo_id'], ['combos.id'], name=op.f('fk_combo_outlets_combo_id_combos')),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlets.id'], name=op.f('fk_combo_outlets_outlet_id_outlets')),
    sa.PrimaryKeyConstraint('combo_id', 'outlet_id', name=op.f('pk_combo_outlets'))
    )
    with op.batch_alter_table('combo_outlets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_combo_outlets_outlet_id'), ['outlet_id'], unique=False)

    op.create_table('combo_components',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('combo_id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.CheckConstraint('quantity >= 1', name=op.f('ck_combo_components_quantity_positive')),
    sa.ForeignKeyConstraint(['combo_id'], ['combos.id'], name=op.f('fk_combo_components_combo_id_combos')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_combo_components_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_combo_components')),
    sa.UniqueConstraint('combo_id', 'product_id', name=op.f('uq_combo_components_combo_id'))
    )
    with op.batch_alter_table('combo_components', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_combo_components_combo_id'), ['combo_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_combo_components_product_id'), ['product_id'], unique=False)

    # Trigram index for substring search on folded text; PostgreSQL only (pg_trgm is there
    # since the initial schema).
    if op.get_bind().dialect.name == "postgresql":
        op.create_index('ix_combos_search_text_trgm', 'combos', ['search_text'], unique=False,
                        postgresql_using='gin', postgresql_ops={'search_text': 'gin_trgm_ops'})


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index('ix_combos_search_text_trgm', table_name='combos')
    with op.batch_alter_table('combo_components', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_combo_components_product_id'))
        batch_op.drop_index(batch_op.f('ix_combo_components_combo_id'))

    op.drop_table('combo_components')
    with op.batch_alter_table('combo_outlets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_combo_outlets_outlet_id'))

    op.drop_table('combo_outlets')
    with op.batch_alter_table('combo_images', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_combo_images_combo_id'))

    op.drop_table('combo_images')
    with op.batch_alter_table('combos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_combos_status'))
        batch_op.drop_index(batch_op.f('ix_combos_province_id'))
        batch_op.drop_index('ix_combos_price_vnd')
        batch_op.drop_index(batch_op.f('ix_combos_occasion'))
        batch_op.drop_index(batch_op.f('ix_combos_name_key'))
        batch_op.drop_index(batch_op.f('ix_combos_created_by_id'))
        batch_op.drop_index('ix_combos_created_at')

    op.drop_table('combos')
