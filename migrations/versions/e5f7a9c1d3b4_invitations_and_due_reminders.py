"""invitations to join a producer, reminders of certificates coming due

Revision ID: e5f7a9c1d3b4
Revises: f6a8b0c2d4e6
Create Date: 2026-12-02 05:10:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'e5f7a9c1d3b4'
down_revision = 'f6a8b0c2d4e6'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'invitations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('producer_id', sa.Integer(), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('invited_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('accepted_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('accepted_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['producer_id'], ['producers.id'],
                                name=op.f('fk_invitations_producer_id_producers')),
        sa.ForeignKeyConstraint(['invited_by_id'], ['users.id'], ondelete='SET NULL',
                                name=op.f('fk_invitations_invited_by_id_users')),
        sa.ForeignKeyConstraint(['accepted_by_id'], ['users.id'], ondelete='SET NULL',
                                name=op.f('fk_invitations_accepted_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_invitations')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_invitations_token_hash')),
    )
    op.create_index('ix_invitations_producer_open', 'invitations',
                    ['producer_id', 'accepted_at'])
    op.create_index(op.f('ix_invitations_invited_by_id'), 'invitations', ['invited_by_id'])
    op.create_index(op.f('ix_invitations_accepted_by_id'), 'invitations', ['accepted_by_id'])
    op.create_table(
        'due_reminders',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('certificate_id', sa.Integer(), nullable=False),
        sa.Column('threshold_days', sa.SmallInteger(), nullable=False),
        sa.Column('recipient', sa.String(length=254), nullable=False),
        sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['certificate_id'], ['certificates.id'],
                                name=op.f('fk_due_reminders_certificate_id_certificates')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_due_reminders')),
        sa.UniqueConstraint('certificate_id', 'threshold_days', 'recipient',
                            name='uq_due_reminders_once'),
    )
    op.create_index(op.f('ix_due_reminders_certificate_id'), 'due_reminders',
                    ['certificate_id'])


def downgrade():
    op.drop_table('due_reminders')
    op.drop_table('invitations')
