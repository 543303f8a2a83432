"""memberships instead of users.producer_id; server-side sessions; confirmed emails

Revision ID: c3d1a9e0b7f2
Revises: 7159a1315073
Create Date: 2026-12-01 23:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'c3d1a9e0b7f2'
down_revision = '7159a1315073'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('memberships',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('producer', 'outlet', 'office', name='organisationkind', native_enum=False, length=20), nullable=False),
    sa.Column('producer_id', sa.Integer(), nullable=True),
    sa.Column('province_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("(kind = 'producer') = (producer_id IS NOT NULL) AND (kind = 'office' OR province_id IS NULL)", name=op.f('ck_memberships_one_organisation')),
    sa.ForeignKeyConstraint(['producer_id'], ['producers.id'], name=op.f('fk_memberships_producer_id_producers')),
    sa.ForeignKeyConstraint(['province_id'], ['provinces.id'], name=op.f('fk_memberships_province_id_provinces')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_memberships_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_memberships'))
    )
    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_memberships_producer_id'), ['producer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_memberships_user_id'), ['user_id'], unique=False)
        batch_op.create_index('uq_memberships_user_producer', ['user_id', 'producer_id'], unique=True, sqlite_where=sa.text('producer_id IS NOT NULL'), postgresql_where=sa.text('producer_id IS NOT NULL'))

    op.create_table('user_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_user_sessions_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_sessions')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_user_sessions_token_hash'))
    )
    with op.batch_alter_table('user_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_sessions_user_id'), ['user_id'], unique=False)

    # Every producer member so far becomes a membership; their accounts were already in use,
    # so their addresses count as confirmed.
    op.execute("INSERT INTO memberships (user_id, kind, producer_id, created_at, updated_at)"
               " SELECT id, 'producer', producer_id, created_at, updated_at FROM users"
               " WHERE producer_id IS NOT NULL")
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_confirmed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.drop_index(batch_op.f('ix_users_producer_id'))
        batch_op.drop_constraint(batch_op.f('fk_users_producer_id_producers'), type_='foreignkey')
        batch_op.drop_column('producer_id')
    op.execute("UPDATE users SET email_confirmed_at = created_at")


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('producer_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_users_producer_id_producers'), 'producers', ['producer_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_users_producer_id'), ['producer_id'], unique=False)
        batch_op.drop_column('email_confirmed_at')
    op.execute("UPDATE users SET producer_id = (SELECT MIN(producer_id) FROM memberships"
               " WHERE memberships.user_id = users.id AND kind = 'producer')")
    op.drop_table('user_sessions')
    op.drop_table('memberships')
