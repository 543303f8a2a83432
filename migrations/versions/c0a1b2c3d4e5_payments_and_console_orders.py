"""payments received for orders (transfers and cash), bank statements uploaded, the
console's orders-by-day index

Revision ID: c0a1b2c3d4e5
Revises: b0a1c3e5f7d9
Create Date: 2026-12-02 15:50:00

"""
import sqlalchemy as sa
from alembic import op

revision = "c0a1b2c3d4e5"
down_revision = "b0a1c3e5f7d9"
branch_labels = None
depends_on = None


def _enum(name: str, values: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=20)


def upgrade():
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum("paymentkind", ("transfer", "cash")), nullable=False),
        sa.Column("source", _enum("paymentsource", ("console", "statement")), nullable=False),
        sa.Column("amount_vnd", sa.Integer(), nullable=False),
        sa.Column("over_vnd", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reference", sa.String(80), nullable=True),
        sa.Column("reference_key", sa.String(80), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("collected_by", sa.String(120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], ondelete="CASCADE",
                                name=op.f("fk_payments_order_id_orders")),
        sa.ForeignKeyConstraint(["outlet_id"], ["outlets.id"],
                                name=op.f("fk_payments_outlet_id_outlets")),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["users.id"],
                                name=op.f("fk_payments_recorded_by_id_users")),
        sa.CheckConstraint("amount_vnd > 0", name=op.f("ck_payments_amount_positive")),
        sa.CheckConstraint("over_vnd >= 0 AND over_vnd <= amount_vnd",
                           name=op.f("ck_payments_over_within_amount")),
        sa.UniqueConstraint("outlet_id", "reference_key", name="uq_payments_outlet_reference"),
    )
    op.create_index("ix_payments_order_id", "payments", ["order_id"])
    op.create_index("ix_payments_recorded_by_id", "payments", ["recorded_by_id"])
    op.create_index("ix_orders_outlet_placed", "orders", ["outlet_id", "placed_at"])
    op.create_table(
        "statement_uploads",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["outlet_id"], ["outlets.id"],
                                name=op.f("fk_statement_uploads_outlet_id_outlets")),
        sa.ForeignKeyConstraint(["uploaded_by_id"], ["users.id"],
                                name=op.f("fk_statement_uploads_uploaded_by_id_users")),
    )
    op.create_index("ix_statement_uploads_outlet_id", "statement_uploads", ["outlet_id"])
    op.create_index("ix_statement_uploads_uploaded_by_id", "statement_uploads",
                    ["uploaded_by_id"])


def downgrade():
    op.drop_table("statement_uploads")
    op.drop_index("ix_orders_outlet_placed", table_name="orders")
    op.drop_table("payments")
