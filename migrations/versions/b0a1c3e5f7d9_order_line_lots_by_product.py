"""order_line_lots indexed by product, for the producers' order lines

Revision ID: b0a1c3e5f7d9
Revises: d0a1c3e5f7b9
Create Date: 2026-12-02 16:00:00

"""
from alembic import op

revision = 'b0a1c3e5f7d9'
down_revision = 'd0a1c3e5f7b9'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('order_line_lots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_order_line_lots_product_id'), ['product_id'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('order_line_lots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_order_line_lots_product_id'))
