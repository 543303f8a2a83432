"""traceability: zones, lots, units, scans

Revision ID: 7159a1315073
Revises: 1463a8f7b5b9
Create Date: 2026-11-23 06:15:18.398820

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7159a1315073'
down_revision = '1463a8f7b5b9'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('zones',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('producer_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('crop', sa.String(length=120), nullable=False),
    sa.Column('variety', sa.String(length=120), nullable=False),
    sa.Column('cycle', sa.Enum('perennial', 'annual', name='cropcycle', native_enum=False, length=20), nullable=False),
    sa.Column('area_ha', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('commune', sa.String(length=120), nullable=False),
    sa.Column('district', sa.String(length=120), nullable=False),
    sa.Column('province_id', sa.Integer(), nullable=False),
    sa.Column('latitude', sa.Numeric(precision=9, scale=6), nullable=True),
    sa.Column('longitude', sa.Numeric(precision=9, scale=6), nullable=True),
    sa.Column('standard', sa.Enum('vietgap', 'globalgap', 'organic', 'none', name='standard', native_enum=False, length=20), nullable=False),
    sa.Column('standard_certificate', sa.String(length=60), nullable=False),
    sa.Column('standard_expires_on', sa.Date(), nullable=True),
    sa.Column('expected_yield_kg', sa.Integer(), nullable=False),
    sa.Column('seasons_per_year', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('active', 'suspended', 'cancelled', name='zonestatus', native_enum=False, length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('area_ha > 0', name=op.f('ck_zones_area_positive')),
    sa.CheckConstraint('expected_yield_kg > 0', name=op.f('ck_zones_yield_positive')),
    sa.CheckConstraint('seasons_per_year BETWEEN 1 AND 4', name=op.f('ck_zones_seasons_range')),
    sa.ForeignKeyConstraint(['producer_id'], ['producers.id'], name=op.f('fk_zones_producer_id_producers')),
    sa.ForeignKeyConstraint(['province_id'], ['provinces.id'], name=op.f('fk_zones_province_id_provinces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_zones')),
    sa.UniqueConstraint('code', name=op.f('uq_zones_code'))
    )
    with op.batch_alter_table('zones', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_zones_producer_id'), ['producer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_zones_province_id'), ['province_id'], unique=False)

    op.create_table('lots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('token', sa.String(length=16), nullable=False),
    sa.Column('produced_on', sa.Date(), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit', sa.String(length=30), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('recalled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('recall_reason', sa.Text(), nullable=False),
    sa.Column('recalled_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('expires_on >= produced_on', name=op.f('ck_lots_expiry_after_production')),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_lots_quantity_positive')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_lots_created_by_id_users')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_lots_product_id_products')),
    sa.ForeignKeyConstraint(['recalled_by_id'], ['users.id'], name=op.f('fk_lots_recalled_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lots')),
    sa.UniqueConstraint('product_id', 'code', name='uq_lots_product_code'),
    sa.UniqueConstraint('token', name=op.f('uq_lots_token'))
    )
    with op.batch_alter_table('lots', schema=None) as batch_op:
        batch_op.create_index('ix_lots_produced_on', ['produced_on'], unique=False)

    op.create_table('label_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('size', sa.String(length=20), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('serialised', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_label_runs_created_by_id_users')),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_label_runs_lot_id_lots')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_label_runs'))
    )
    with op.batch_alter_table('label_runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_label_runs_lot_id'), ['lot_id'], unique=False)

    op.create_table('lot_inputs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('zone_id', sa.Integer(), nullable=False),
    sa.Column('harvested_on', sa.Date(), nullable=False),
    sa.Column('quantity_kg', sa.Integer(), nullable=False),
    sa.CheckConstraint('quantity_kg > 0', name=op.f('ck_lot_inputs_quantity_positive')),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_lot_inputs_lot_id_lots'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['zone_id'], ['zones.id'], name=op.f('fk_lot_inputs_zone_id_zones')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lot_inputs'))
    )
    with op.batch_alter_table('lot_inputs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lot_inputs_lot_id'), ['lot_id'], unique=False)
        batch_op.create_index('ix_lot_inputs_zone_harvest', ['zone_id', 'harvested_on'], unique=False)

    op.create_table('units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('serial', sa.String(length=20), nullable=False),
    sa.Column('scan_count', sa.Integer(), nullable=False),
    sa.Column('first_scanned_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_scanned_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_units_lot_id_lots')),
    sa.ForeignKeyConstraint(['run_id'], ['label_runs.id'], name=op.f('fk_units_run_id_label_runs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_units')),
    sa.UniqueConstraint('lot_id', 'serial', name='uq_units_lot_serial')
    )
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_units_run_id'), ['run_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_units_serial'), ['serial'], unique=False)

    op.create_table('scans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('unknown_serial', sa.String(length=20), nullable=True),
    sa.Column('scanned_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_scans_lot_id_lots')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_scans_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scans'))
    )
    with op.batch_alter_table('scans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scans_lot_id'), ['lot_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_scans_unit_id'), ['unit_id'], unique=False)



def downgrade():
    with op.batch_alter_table('scans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scans_unit_id'))
        batch_op.drop_index(batch_op.f('ix_scans_lot_id'))

    op.drop_table('scans')
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_units_serial'))
        batch_op.drop_index(batch_op.f('ix_units_run_id'))

    op.drop_table('units')
    with op.batch_alter_table('lot_inputs', schema=None) as batch_op:
        batch_op.drop_index('ix_lot_inputs_zone_harvest')
        batch_op.drop_index(batch_op.f('ix_lot_inputs_lot_id'))

    op.drop_table('lot_inputs')
    with op.batch_alter_table('label_runs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_label_runs_lot_id'))

    op.drop_table('label_runs')
    with op.batch_alter_table('lots', schema=None) as batch_op:
        batch_op.drop_index('ix_lots_produced_on')

    op.drop_table('lots')
    with op.batch_alter_table('zones', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_zones_province_id'))
        batch_op.drop_index(batch_op.f('ix_zones_producer_id'))

    op.drop_table('zones')
