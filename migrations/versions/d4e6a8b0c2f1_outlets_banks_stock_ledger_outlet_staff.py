"""outlets, the NAPAS banks, stock per outlet and lot (ledger, levels, holds), outlet staff

The banks are data: the NAPAS members that VietQR transfers reach, by BIN (as vietqr.io's
bank list gives them). An outlet membership now names its outlet; the ones made before
there were outlets named none, and are dropped (logged).

Revision ID: d4e6a8b0c2f1
Revises: d4e6f8a0b2c5
Create Date: 2026-12-02 10:30:00

"""
import logging

import sqlalchemy as sa
from alembic import op

revision = 'd4e6a8b0c2f1'
down_revision = "d4e6f8a0b2c5"
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")

# (BIN, short name, legal name): the commercial banks most people hold accounts with first.
BANKS = [
    ("970436", "Vietcombank", "Ngân hàng TMCP Ngoại Thương Việt Nam"),
    ("970415", "VietinBank", "Ngân hàng TMCP Công thương Việt Nam"),
    ("970418", "BIDV", "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam"),
    ("970405", "Agribank", "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam"),
    ("970407", "Techcombank", "Ngân hàng TMCP Kỹ thương Việt Nam"),
    ("970422", "MBBank", "Ngân hàng TMCP Quân đội"),
    ("970416", "ACB", "Ngân hàng TMCP Á Châu"),
    ("970432", "VPBank", "Ngân hàng TMCP Việt Nam Thịnh Vượng"),
    ("970423", "TPBank", "Ngân hàng TMCP Tiên Phong"),
    ("970403", "Sacombank", "Ngân hàng TMCP Sài Gòn Thương Tín"),
    ("970437", "HDBank", "Ngân hàng TMCP Phát triển Thành phố Hồ Chí Minh"),
    ("970441", "VIB", "Ngân hàng TMCP Quốc tế Việt Nam"),
    ("970443", "SHB", "Ngân hàng TMCP Sài Gòn - Hà Nội"),
    ("970431", "Eximbank", "Ngân hàng TMCP Xuất Nhập khẩu Việt Nam"),
    ("970426", "MSB", "Ngân hàng TMCP Hàng Hải Việt Nam"),
    ("970448", "OCB", "Ngân hàng TMCP Phương Đông"),
    ("970440", "SeABank", "Ngân hàng TMCP Đông Nam Á"),
    ("970449", "LPBank", "Ngân hàng TMCP Lộc Phát Việt Nam"),
    ("970428", "Nam A Bank", "Ngân hàng TMCP Nam Á"),
    ("970427", "VietABank", "Ngân hàng TMCP Việt Á"),
    ("970425", "ABBANK", "Ngân hàng TMCP An Bình"),
    ("970409", "BacABank", "Ngân hàng TMCP Bắc Á"),
    ("970438", "BaoVietBank", "Ngân hàng TMCP Bảo Việt"),
    ("970454", "VietCapitalBank", "Ngân hàng TMCP Bản Việt"),
    ("970452", "KienLongBank", "Ngân hàng TMCP Kiên Long"),
    ("970419", "NCB", "Ngân hàng TMCP Quốc Dân"),
    ("970412", "PVcomBank", "Ngân hàng TMCP Đại Chúng Việt Nam"),
    ("970430", "PGBank", "Ngân hàng TMCP Thịnh vượng và Phát triển"),
    ("970433", "VietBank", "Ngân hàng TMCP Việt Nam Thương Tín"),
    ("970400", "SaigonBank", "Ngân hàng TMCP Sài Gòn Công Thương"),
    ("970429", "SCB", "Ngân hàng TMCP Sài Gòn"),
    ("970446", "Co-opBank", "Ngân hàng Hợp tác xã Việt Nam"),
]
OLD_RULE = ("(kind = 'producer') = (producer_id IS NOT NULL)"
            " AND (kind = 'office' OR province_id IS NULL)")
NEW_RULE = ("(kind = 'producer') = (producer_id IS NOT NULL)"
            " AND (kind = 'outlet') = (outlet_id IS NOT NULL)"
            " AND (kind = 'office' OR province_id IS NULL)")


def upgrade():
    banks = op.create_table('banks',
    sa.Column('bin', sa.String(length=6), nullable=False),
    sa.Column('short_name', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('bin', name=op.f('pk_banks'))
    )
    op.bulk_insert(banks, [{"bin": b, "short_name": short, "name": name}
                           for b, short, name in BANKS])
    op.create_table('outlets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('name_vi', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.Enum('centre', 'point', 'partner', name='outletkind', native_enum=False, length=20), nullable=False),
    sa.Column('operator_name', sa.String(length=200), nullable=False),
    sa.Column('operator_tax_code', sa.String(length=14), nullable=False),
    sa.Column('street', sa.String(length=200), nullable=False),
    sa.Column('commune', sa.String(length=120), nullable=False),
    sa.Column('province_id', sa.Integer(), nullable=False),
    sa.Column('latitude', sa.Numeric(precision=9, scale=6), nullable=False),
    sa.Column('longitude', sa.Numeric(precision=9, scale=6), nullable=False),
    sa.Column('phone', sa.String(length=11), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('bank_bin', sa.String(length=6), nullable=True),
    sa.Column('bank_account', sa.String(length=19), nullable=False),
    sa.Column('bank_account_name', sa.String(length=100), nullable=False),
    sa.Column('offers_pickup', sa.Boolean(), nullable=False),
    sa.Column('offers_delivery', sa.Boolean(), nullable=False),
    sa.Column('free_delivery_from_vnd', sa.Integer(), nullable=True),
    sa.Column('accepts_vietqr', sa.Boolean(), nullable=False),
    sa.Column('accepts_cash_pickup', sa.Boolean(), nullable=False),
    sa.Column('accepts_cod', sa.Boolean(), nullable=False),
    sa.Column('status', sa.Enum('open', 'paused', 'closed', name='outletstatus', native_enum=False, length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('accepts_vietqr OR accepts_cash_pickup OR accepts_cod', name=op.f('ck_outlets_some_payment')),
    sa.CheckConstraint('bank_bin IS NOT NULL OR NOT accepts_vietqr', name=op.f('ck_outlets_vietqr_needs_bank')),
    sa.CheckConstraint('free_delivery_from_vnd >= 0', name=op.f('ck_outlets_threshold_not_negative')),
    sa.CheckConstraint('latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180', name=op.f('ck_outlets_point_on_earth')),
    sa.CheckConstraint('offers_delivery OR NOT accepts_cod', name=op.f('ck_outlets_cod_needs_delivery')),
    sa.CheckConstraint('offers_pickup OR NOT accepts_cash_pickup', name=op.f('ck_outlets_cash_needs_pickup')),
    sa.CheckConstraint('offers_pickup OR offers_delivery', name=op.f('ck_outlets_some_fulfilment')),
    sa.ForeignKeyConstraint(['bank_bin'], ['banks.bin'], name=op.f('fk_outlets_bank_bin_banks')),
    sa.ForeignKeyConstraint(['province_id'], ['provinces.id'], name=op.f('fk_outlets_province_id_provinces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outlets')),
    sa.UniqueConstraint('slug', name=op.f('uq_outlets_slug'))
    )
    with op.batch_alter_table('outlets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outlets_province_id'), ['province_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outlets_status'), ['status'], unique=False)

    op.create_table('outlet_delivery_fees',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=False),
    sa.Column('province_id', sa.Integer(), nullable=False),
    sa.Column('fee_vnd', sa.Integer(), nullable=False),
    sa.CheckConstraint('fee_vnd >= 0', name=op.f('ck_outlet_delivery_fees_fee_not_negative')),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlets.id'], name=op.f('fk_outlet_delivery_fees_outlet_id_outlets'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['province_id'], ['provinces.id'], name=op.f('fk_outlet_delivery_fees_province_id_provinces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outlet_delivery_fees')),
    sa.UniqueConstraint('outlet_id', 'province_id', name='uq_outlet_delivery_fees_province')
    )
    with op.batch_alter_table('outlet_delivery_fees', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outlet_delivery_fees_province_id'), ['province_id'], unique=False)

    op.create_table('outlet_hours',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.SmallInteger(), nullable=False),
    sa.Column('opens_at', sa.Time(), nullable=False),
    sa.Column('closes_at', sa.Time(), nullable=False),
    sa.CheckConstraint('closes_at > opens_at', name=op.f('ck_outlet_hours_closes_after_opening')),
    sa.CheckConstraint('weekday BETWEEN 0 AND 6', name=op.f('ck_outlet_hours_weekday_range')),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlets.id'], name=op.f('fk_outlet_hours_outlet_id_outlets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outlet_hours'))
    )
    with op.batch_alter_table('outlet_hours', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outlet_hours_outlet_id'), ['outlet_id'], unique=False)

    op.create_table('stock_holds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('order_line_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_stock_holds_quantity_positive')),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_stock_holds_lot_id_lots')),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlets.id'], name=op.f('fk_stock_holds_outlet_id_outlets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_holds'))
    )
    with op.batch_alter_table('stock_holds', schema=None) as batch_op:
        batch_op.create_index('ix_stock_holds_live', ['ended_at', 'expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_holds_order_line_id'), ['order_line_id'], unique=False)
        batch_op.create_index('ix_stock_holds_outlet_lot', ['outlet_id', 'lot_id'], unique=False)

    op.create_table('stock_levels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('on_hand', sa.Integer(), nullable=False),
    sa.Column('reserved', sa.Integer(), nullable=False),
    sa.Column('held', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('on_hand >= 0 AND reserved >= 0 AND held >= 0', name=op.f('ck_stock_levels_not_negative')),
    sa.CheckConstraint('reserved + held <= on_hand', name=op.f('ck_stock_levels_within_on_hand')),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_stock_levels_lot_id_lots')),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlets.id'], name=op.f('fk_stock_levels_outlet_id_outlets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_levels')),
    sa.UniqueConstraint('outlet_id', 'lot_id', name='uq_stock_levels_outlet_lot')
    )
    with op.batch_alter_table('stock_levels', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_levels_lot_id'), ['lot_id'], unique=False)

    op.create_table('stock_moves',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Enum('received', 'reserved', 'released', 'sold', 'adjusted_damaged', 'adjusted_count', 'adjusted_expired', 'recall_hold', 'recall_release', name='movereason', native_enum=False, length=20), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('hold_id', sa.Integer(), nullable=True),
    sa.Column('order_line_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('quantity <> 0', name=op.f('ck_stock_moves_quantity_not_zero')),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_stock_moves_actor_id_users')),
    sa.ForeignKeyConstraint(['hold_id'], ['stock_holds.id'], name=op.f('fk_stock_moves_hold_id_stock_holds')),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_stock_moves_lot_id_lots')),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlets.id'], name=op.f('fk_stock_moves_outlet_id_outlets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_moves'))
    )
    with op.batch_alter_table('stock_moves', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_moves_hold_id'), ['hold_id'], unique=False)
        batch_op.create_index('ix_stock_moves_lot_reason', ['lot_id', 'reason'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_moves_order_line_id'), ['order_line_id'], unique=False)
        batch_op.create_index('ix_stock_moves_outlet_lot', ['outlet_id', 'lot_id'], unique=False)

    dropped = op.get_bind().execute(sa.text(
        "DELETE FROM memberships WHERE kind = 'outlet'")).rowcount
    if dropped:
        log.warning("%s outlet memberships named no outlet and were dropped", dropped)
    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.add_column(sa.Column('outlet_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_memberships_outlet_id'), ['outlet_id'], unique=False)
        batch_op.create_index('uq_memberships_user_outlet', ['user_id', 'outlet_id'], unique=True, sqlite_where=sa.text('outlet_id IS NOT NULL'), postgresql_where=sa.text('outlet_id IS NOT NULL'))
        batch_op.create_foreign_key(batch_op.f('fk_memberships_outlet_id_outlets'), 'outlets', ['outlet_id'], ['id'])
        batch_op.drop_constraint(op.f('ck_memberships_one_organisation'), type_='check')
        batch_op.create_check_constraint(op.f('ck_memberships_one_organisation'), NEW_RULE)


def downgrade():
    op.execute("DELETE FROM memberships WHERE kind = 'outlet'")
    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_memberships_one_organisation'), type_='check')
        batch_op.create_check_constraint(op.f('ck_memberships_one_organisation'), OLD_RULE)
        batch_op.drop_constraint(batch_op.f('fk_memberships_outlet_id_outlets'), type_='foreignkey')
        batch_op.drop_index('uq_memberships_user_outlet', sqlite_where=sa.text('outlet_id IS NOT NULL'), postgresql_where=sa.text('outlet_id IS NOT NULL'))
        batch_op.drop_index(batch_op.f('ix_memberships_outlet_id'))
        batch_op.drop_column('outlet_id')

    with op.batch_alter_table('stock_moves', schema=None) as batch_op:
        batch_op.drop_index('ix_stock_moves_outlet_lot')
        batch_op.drop_index(batch_op.f('ix_stock_moves_order_line_id'))
        batch_op.drop_index('ix_stock_moves_lot_reason')
        batch_op.drop_index(batch_op.f('ix_stock_moves_hold_id'))

    op.drop_table('stock_moves')
    with op.batch_alter_table('stock_levels', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_levels_lot_id'))

    op.drop_table('stock_levels')
    with op.batch_alter_table('stock_holds', schema=None) as batch_op:
        batch_op.drop_index('ix_stock_holds_outlet_lot')
        batch_op.drop_index(batch_op.f('ix_stock_holds_order_line_id'))
        batch_op.drop_index('ix_stock_holds_live')

    op.drop_table('stock_holds')
    with op.batch_alter_table('outlet_hours', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outlet_hours_outlet_id'))

    op.drop_table('outlet_hours')
    with op.batch_alter_table('outlet_delivery_fees', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outlet_delivery_fees_province_id'))

    op.drop_table('outlet_delivery_fees')
    with op.batch_alter_table('outlets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outlets_status'))
        batch_op.drop_index(batch_op.f('ix_outlets_province_id'))

    op.drop_table('outlets')
    op.drop_table('banks')
