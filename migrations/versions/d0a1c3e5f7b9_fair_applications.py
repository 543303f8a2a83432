"""producers' applications to trade fairs, and the products they put forward

Revision ID: d0a1c3e5f7b9
Revises: e5f7a9c1d3b4
Create Date: 2026-12-02 15:45:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'd0a1c3e5f7b9'
down_revision = 'e5f7a9c1d3b4'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'fair_applications',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('fair_id', sa.Integer(), nullable=False),
        sa.Column('producer_id', sa.Integer(), nullable=False),
        sa.Column('status', sa.Enum('pending', 'accepted', 'declined',
                                    name='applicationstatus', native_enum=False, length=20),
                  nullable=False),
        sa.Column('applied_by_id', sa.Integer(), nullable=True),
        sa.Column('decided_by_id', sa.Integer(), nullable=True),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['fair_id'], ['fairs.id'], ondelete='CASCADE',
                                name=op.f('fk_fair_applications_fair_id_fairs')),
        sa.ForeignKeyConstraint(['producer_id'], ['producers.id'],
                                name=op.f('fk_fair_applications_producer_id_producers')),
        sa.ForeignKeyConstraint(['applied_by_id'], ['users.id'], ondelete='SET NULL',
                                name=op.f('fk_fair_applications_applied_by_id_users')),
        sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], ondelete='SET NULL',
                                name=op.f('fk_fair_applications_decided_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_fair_applications')),
    )
    op.create_index('uq_fair_applications_open', 'fair_applications',
                    ['fair_id', 'producer_id'], unique=True,
                    sqlite_where=sa.text("status != 'declined'"),
                    postgresql_where=sa.text("status != 'declined'"))
    op.create_index('ix_fair_applications_fair_status', 'fair_applications',
                    ['fair_id', 'status'])
    op.create_index(op.f('ix_fair_applications_producer_id'), 'fair_applications',
                    ['producer_id'])
    op.create_index(op.f('ix_fair_applications_applied_by_id'), 'fair_applications',
                    ['applied_by_id'])
    op.create_index(op.f('ix_fair_applications_decided_by_id'), 'fair_applications',
                    ['decided_by_id'])
    op.create_table(
        'fair_application_products',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('product_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['application_id'], ['fair_applications.id'], ondelete='CASCADE',
            name=op.f('fk_fair_application_products_application_id_fair_applications')),
        sa.ForeignKeyConstraint(['product_id'], ['products.id'],
                                name=op.f('fk_fair_application_products_product_id_products')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_fair_application_products')),
        sa.UniqueConstraint('application_id', 'product_id',
                            name='uq_fair_application_products'),
    )
    op.create_index(op.f('ix_fair_application_products_application_id'),
                    'fair_application_products', ['application_id'])
    op.create_index(op.f('ix_fair_application_products_product_id'),
                    'fair_application_products', ['product_id'])


def downgrade():
    op.drop_table('fair_application_products')
    op.drop_table('fair_applications')
