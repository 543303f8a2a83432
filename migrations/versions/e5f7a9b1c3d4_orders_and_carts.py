"""orders, their lines and lots, their timeline; carts of signed-in customers

Revision ID: e5f7a9b1c3d4
Revises: e5f7a9b1c3d2
Create Date: 2026-12-02 05:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = "e5f7a9b1c3d4"
down_revision = "e5f7a9b1c3d2"
branch_labels = None
depends_on = None

STATES = ("placed", "awaiting_payment", "paid", "cash_due", "preparing", "ready_for_pickup",
          "out_for_delivery", "completed", "cancelled")
KINDS = ("product", "combo")


def _enum(name: str, values: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=20)


def upgrade():
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(9), nullable=False),
        sa.Column("access_token", sa.String(64), nullable=False),
        sa.Column("outlet_id", sa.Integer(), sa.ForeignKey("outlets.id"), nullable=False),
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("contact_name", sa.String(120), nullable=False),
        sa.Column("contact_phone", sa.String(11), nullable=False),
        sa.Column("contact_email", sa.String(254), nullable=False),
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("fulfilment", _enum("fulfilment", ("pickup", "delivery")), nullable=False),
        sa.Column("pickup_on", sa.Date(), nullable=True),
        sa.Column("street", sa.String(200), nullable=False),
        sa.Column("commune", sa.String(120), nullable=False),
        sa.Column("province_id", sa.Integer(), sa.ForeignKey("provinces.id"), nullable=True),
        sa.Column("recipient_name", sa.String(120), nullable=False),
        sa.Column("recipient_phone", sa.String(11), nullable=False),
        sa.Column("gift_message", sa.Text(), nullable=False),
        sa.Column("payment_method", sa.String(40), nullable=False),
        sa.Column("state", _enum("orderstate", STATES), nullable=False),
        sa.Column("subtotal_vnd", sa.Integer(), nullable=False),
        sa.Column("delivery_fee_vnd", sa.Integer(), nullable=False),
        sa.Column("total_vnd", sa.Integer(), nullable=False),
        sa.Column("hold_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("idempotency_key", sa.String(64), nullable=False),
        sa.Column("placed_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("subtotal_vnd >= 0 AND delivery_fee_vnd >= 0 AND total_vnd >= 0",
                           name=op.f("ck_orders_amounts_not_negative")),
        sa.CheckConstraint("total_vnd = subtotal_vnd + delivery_fee_vnd",
                           name=op.f("ck_orders_total_adds_up")),
        sa.UniqueConstraint("number", name="uq_orders_number"),
        sa.UniqueConstraint("idempotency_key", name="uq_orders_idempotency_key"),
    )
    op.create_index("ix_orders_customer_id", "orders", ["customer_id"])
    op.create_index("ix_orders_contact_email", "orders", ["contact_email"])
    op.create_index("ix_orders_placed_at", "orders", ["placed_at"])
    op.create_index("ix_orders_outlet_state", "orders", ["outlet_id", "state"])
    op.create_index("ix_orders_state_hold", "orders", ["state", "hold_until"])

    op.create_table(
        "order_lines",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("order_id", sa.Integer(), sa.ForeignKey("orders.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("kind", _enum("linekind", KINDS), nullable=False),
        sa.Column("product_id", sa.Integer(), sa.ForeignKey("products.id"), nullable=True),
        sa.Column("combo_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price_vnd", sa.Integer(), nullable=False),
        sa.Column("line_total_vnd", sa.Integer(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_order_lines_quantity_positive")),
        sa.CheckConstraint("line_total_vnd = unit_price_vnd * quantity",
                           name=op.f("ck_order_lines_line_adds_up")),
    )
    op.create_index("ix_order_lines_order_id", "order_lines", ["order_id"])
    op.create_index("ix_order_lines_product_id", "order_lines", ["product_id"])
    op.create_index("ix_order_lines_combo_id", "order_lines", ["combo_id"])

    op.create_table(
        "order_line_lots",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("line_id", sa.Integer(),
                  sa.ForeignKey("order_lines.id", ondelete="CASCADE"), nullable=False),
        sa.Column("product_id", sa.Integer(), sa.ForeignKey("products.id"), nullable=False),
        sa.Column("lot_id", sa.Integer(), sa.ForeignKey("lots.id"), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("hold_id", sa.Integer(), sa.ForeignKey("stock_holds.id"), nullable=True),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_order_line_lots_quantity_positive")),
    )
    op.create_index("ix_order_line_lots_line_id", "order_line_lots", ["line_id"])
    op.create_index("ix_order_line_lots_lot_id", "order_line_lots", ["lot_id"])
    op.create_index("ix_order_line_lots_hold_id", "order_line_lots", ["hold_id"])

    op.create_table(
        "order_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("order_id", sa.Integer(), sa.ForeignKey("orders.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("from_state", _enum("orderstate", STATES), nullable=True),
        sa.Column("to_state", _enum("orderstate", STATES), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("actor_kind", _enum("actorkind", ("customer", "staff", "system")),
                  nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_index("ix_order_events_order_id", "order_events", ["order_id"])
    op.create_index("ix_order_events_actor_id", "order_events", ["actor_id"])

    op.create_table(
        "carts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("outlet_id", sa.Integer(), sa.ForeignKey("outlets.id", ondelete="SET NULL"),
                  nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("user_id", name="uq_carts_user_id"),
    )
    op.create_table(
        "cart_lines",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cart_id", sa.Integer(), sa.ForeignKey("carts.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("kind", _enum("linekind", KINDS), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_cart_lines_quantity_positive")),
        sa.UniqueConstraint("cart_id", "kind", "item_id", name="uq_cart_lines_item"),
    )


def downgrade():
    for table in ("cart_lines", "carts", "order_events", "order_line_lots", "order_lines",
                  "orders"):
        op.drop_table(table)
