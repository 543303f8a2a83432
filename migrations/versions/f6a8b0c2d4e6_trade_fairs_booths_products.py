"""trade fairs, their booths and curated products

Revision ID: f6a8b0c2d4e6
Revises: e5f7a9b1c3d4
Create Date: 2026-12-02 05:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'f6a8b0c2d4e6'
down_revision = 'e5f7a9b1c3d4'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'fairs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('slug', sa.String(length=120), nullable=False),
        sa.Column('name_vi', sa.String(length=200), nullable=False),
        sa.Column('name_en', sa.String(length=200), nullable=False),
        sa.Column('starts_on', sa.Date(), nullable=False),
        sa.Column('ends_on', sa.Date(), nullable=False),
        sa.Column('venue', sa.String(length=300), nullable=False),
        sa.Column('province_id', sa.Integer(), nullable=False),
        sa.Column('organiser', sa.String(length=200), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('status', sa.Enum('draft', 'published', 'closed', name='fairstatus',
                                    native_enum=False, length=20), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint('starts_on <= ends_on', name=op.f('ck_fairs_dates_in_order')),
        sa.ForeignKeyConstraint(['province_id'], ['provinces.id'],
                                name=op.f('fk_fairs_province_id_provinces')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_fairs')),
        sa.UniqueConstraint('slug', name=op.f('uq_fairs_slug')),
    )
    op.create_index('ix_fairs_status_starts_on', 'fairs', ['status', 'starts_on'])
    op.create_index(op.f('ix_fairs_province_id'), 'fairs', ['province_id'])
    op.create_table(
        'fair_booths',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('fair_id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=12), nullable=False),
        sa.Column('producer_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['fair_id'], ['fairs.id'], ondelete='CASCADE',
                                name=op.f('fk_fair_booths_fair_id_fairs')),
        sa.ForeignKeyConstraint(['producer_id'], ['producers.id'],
                                name=op.f('fk_fair_booths_producer_id_producers')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_fair_booths')),
        sa.UniqueConstraint('fair_id', 'code', name='uq_fair_booths_code'),
        sa.UniqueConstraint('fair_id', 'producer_id', name='uq_fair_booths_producer'),
    )
    op.create_index(op.f('ix_fair_booths_fair_id'), 'fair_booths', ['fair_id'])
    op.create_index(op.f('ix_fair_booths_producer_id'), 'fair_booths', ['producer_id'])
    op.create_table(
        'fair_products',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('fair_id', sa.Integer(), nullable=False),
        sa.Column('product_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['fair_id'], ['fairs.id'], ondelete='CASCADE',
                                name=op.f('fk_fair_products_fair_id_fairs')),
        sa.ForeignKeyConstraint(['product_id'], ['products.id'],
                                name=op.f('fk_fair_products_product_id_products')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_fair_products')),
        sa.UniqueConstraint('fair_id', 'product_id', name='uq_fair_products'),
    )
    op.create_index(op.f('ix_fair_products_fair_id'), 'fair_products', ['fair_id'])
    op.create_index(op.f('ix_fair_products_product_id'), 'fair_products', ['product_id'])


def downgrade():
    op.drop_table('fair_products')
    op.drop_table('fair_booths')
    op.drop_index('ix_fairs_status_starts_on', table_name='fairs')
    op.drop_table('fairs')
