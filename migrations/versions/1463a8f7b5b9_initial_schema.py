"""initial schema

Revision ID: 1463a8f7b5b9
Revises: 
Create Date: 2026-11-23 05:44:57.027666

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '1463a8f7b5b9'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('product_groups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.SmallInteger(), nullable=False),
    sa.Column('slug', sa.String(length=60), nullable=False),
    sa.Column('name_vi', sa.String(length=120), nullable=False),
    sa.Column('name_en', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product_groups')),
    sa.UniqueConstraint('code', name=op.f('uq_product_groups_code')),
    sa.UniqueConstraint('slug', name=op.f('uq_product_groups_slug'))
    )
    op.create_table('provinces',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('former_names', sa.String(length=400), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_provinces')),
    sa.UniqueConstraint('code', name=op.f('uq_provinces_code')),
    sa.UniqueConstraint('slug', name=op.f('uq_provinces_slug'))
    )
    op.create_table('producers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.Enum('cooperative', 'company', 'cooperative_group', 'household', name='producerkind', native_enum=False, length=20), nullable=False),
    sa.Column('registration_number', sa.String(length=40), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('province_id', sa.Integer(), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['province_id'], ['provinces.id'], name=op.f('fk_producers_province_id_provinces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_producers')),
    sa.UniqueConstraint('registration_number', name=op.f('uq_producers_registration_number')),
    sa.UniqueConstraint('slug', name=op.f('uq_producers_slug'))
    )
    with op.batch_alter_table('producers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_producers_province_id'), ['province_id'], unique=False)

    op.create_table('product_subgroups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('name_vi', sa.String(length=160), nullable=False),
    sa.Column('name_en', sa.String(length=160), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['product_groups.id'], name=op.f('fk_product_subgroups_group_id_product_groups')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product_subgroups')),
    sa.UniqueConstraint('slug', name=op.f('uq_product_subgroups_slug'))
    )
    with op.batch_alter_table('product_subgroups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_subgroups_group_id'), ['group_id'], unique=False)

    op.create_table('products',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('name_vi', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('producer_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('subgroup_id', sa.Integer(), nullable=True),
    sa.Column('price_vnd', sa.Integer(), nullable=False),
    sa.Column('unit_vi', sa.String(length=60), nullable=False),
    sa.Column('unit_en', sa.String(length=60), nullable=False),
    sa.Column('gtin', sa.String(length=14), nullable=True),
    sa.Column('story_vi', sa.Text(), nullable=False),
    sa.Column('story_en', sa.Text(), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('price_vnd >= 0', name=op.f('ck_products_price_not_negative')),
    sa.ForeignKeyConstraint(['group_id'], ['product_groups.id'], name=op.f('fk_products_group_id_product_groups')),
    sa.ForeignKeyConstraint(['producer_id'], ['producers.id'], name=op.f('fk_products_producer_id_producers')),
    sa.ForeignKeyConstraint(['subgroup_id'], ['product_subgroups.id'], name=op.f('fk_products_subgroup_id_product_subgroups')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_products')),
    sa.UniqueConstraint('gtin', name=op.f('uq_products_gtin')),
    sa.UniqueConstraint('slug', name=op.f('uq_products_slug'))
    )
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.create_index('ix_products_created_at', ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_products_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_products_name_key'), ['name_key'], unique=False)
        batch_op.create_index('ix_products_price_vnd', ['price_vnd'], unique=False)
        batch_op.create_index(batch_op.f('ix_products_producer_id'), ['producer_id'], unique=False)

    # Trigram index for substring search on folded text; PostgreSQL only.
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.create_index('ix_products_search_text_trgm', 'products', ['search_text'], unique=False,
                        postgresql_using='gin', postgresql_ops={'search_text': 'gin_trgm_ops'},
                        postgresql_with={'fastupdate': 'off'})

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.Enum('customer', 'producer', 'outlet_staff', 'officer', 'admin', name='role', native_enum=False, length=20), nullable=False),
    sa.Column('producer_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['producer_id'], ['producers.id'], name=op.f('fk_users_producer_id_producers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('email', name=op.f('uq_users_email'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_users_producer_id'), ['producer_id'], unique=False)

    op.create_table('certificates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('authority', sa.String(length=200), nullable=False),
    sa.Column('level', sa.Enum('district', 'province', 'national', name='level', native_enum=False, length=20), nullable=False),
    sa.Column('score', sa.SmallInteger(), nullable=False),
    sa.Column('score_a', sa.SmallInteger(), nullable=True),
    sa.Column('score_b', sa.SmallInteger(), nullable=True),
    sa.Column('score_c', sa.SmallInteger(), nullable=True),
    sa.Column('stars', sa.SmallInteger(), nullable=False),
    sa.Column('recognized_on', sa.Date(), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=False),
    sa.Column('superseded', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('revoked_on', sa.Date(), nullable=True),
    sa.Column('revocation_number', sa.String(length=60), nullable=True),
    sa.Column('revocation_reason', sa.Text(), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('expires_on > recognized_on', name=op.f('ck_certificates_expiry_after_recognition')),
    sa.CheckConstraint('score BETWEEN 0 AND 100', name=op.f('ck_certificates_score_range')),
    sa.CheckConstraint('stars BETWEEN 1 AND 5', name=op.f('ck_certificates_stars_range')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_certificates_product_id_products')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_certificates_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificates'))
    )
    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certificates_expires_on'), ['expires_on'], unique=False)
        batch_op.create_index('ix_certificates_listing', ['superseded', 'expires_on', 'stars'], unique=False)
        batch_op.create_index(batch_op.f('ix_certificates_product_id'), ['product_id'], unique=False)
        batch_op.create_index('uq_certificates_live_product', ['product_id'], unique=True, sqlite_where=sa.text('NOT superseded'), postgresql_where=sa.text('NOT superseded'))

    op.create_table('product_images',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('path', sa.String(length=200), nullable=False),
    sa.Column('alt_vi', sa.String(length=200), nullable=False),
    sa.Column('alt_en', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_product_images_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product_images'))
    )
    with op.batch_alter_table('product_images', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_images_product_id'), ['product_id'], unique=False)



def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index('ix_products_search_text_trgm', table_name='products')
    with op.batch_alter_table('product_images', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_images_product_id'))

    op.drop_table('product_images')
    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.drop_index('uq_certificates_live_product', sqlite_where=sa.text('NOT superseded'), postgresql_where=sa.text('NOT superseded'))
        batch_op.drop_index(batch_op.f('ix_certificates_product_id'))
        batch_op.drop_index('ix_certificates_listing')
        batch_op.drop_index(batch_op.f('ix_certificates_expires_on'))

    op.drop_table('certificates')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_producer_id'))

    op.drop_table('users')
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_products_producer_id'))
        batch_op.drop_index('ix_products_price_vnd')
        batch_op.drop_index(batch_op.f('ix_products_name_key'))
        batch_op.drop_index(batch_op.f('ix_products_group_id'))
        batch_op.drop_index('ix_products_created_at')

    op.drop_table('products')
    with op.batch_alter_table('product_subgroups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_subgroups_group_id'))

    op.drop_table('product_subgroups')
    with op.batch_alter_table('producers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_producers_province_id'))

    op.drop_table('producers')
    op.drop_table('provinces')
    op.drop_table('product_groups')
