"""decision imports: uploaded annex files (decision_files) and their imports (decision_imports)

Revision ID: d4e6f8a0b2c5
Revises: a1f3c5e70914
Create Date: 2026-12-02 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd4e6f8a0b2c5'
down_revision = 'a1f3c5e70914'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('decision_files',
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('digest', name=op.f('pk_decision_files'))
    )
    op.create_table('decision_imports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('file_format', sa.String(length=4), nullable=False),
    sa.Column('decision_number', sa.String(length=60), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('authority', sa.String(length=200), nullable=False),
    sa.Column('level', sa.Enum('district', 'province', 'national', name='level', native_enum=False, length=20), nullable=False),
    sa.Column('province_id', sa.Integer(), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('applied_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('applied_by_id', sa.Integer(), nullable=True),
    sa.Column('new_producers', sa.Integer(), nullable=False),
    sa.Column('new_products', sa.Integer(), nullable=False),
    sa.Column('new_certificates', sa.Integer(), nullable=False),
    sa.Column('unchanged', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['applied_by_id'], ['users.id'], name=op.f('fk_decision_imports_applied_by_id_users')),
    sa.ForeignKeyConstraint(['digest'], ['decision_files.digest'], name=op.f('fk_decision_imports_digest_decision_files')),
    sa.ForeignKeyConstraint(['province_id'], ['provinces.id'], name=op.f('fk_decision_imports_province_id_provinces')),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_decision_imports_uploaded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision_imports'))
    )
    with op.batch_alter_table('decision_imports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_imports_digest'), ['digest'], unique=False)
        batch_op.create_index(batch_op.f('ix_decision_imports_province_id'), ['province_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_decision_imports_uploaded_by_id'), ['uploaded_by_id'], unique=False)
        # One applied import per file and decision number: applying twice changes nothing.
        batch_op.create_index('uq_decision_imports_applied', ['digest', 'decision_number'], unique=True, sqlite_where=sa.text('applied_at IS NOT NULL'), postgresql_where=sa.text('applied_at IS NOT NULL'))


def downgrade():
    with op.batch_alter_table('decision_imports', schema=None) as batch_op:
        batch_op.drop_index('uq_decision_imports_applied')
        batch_op.drop_index(batch_op.f('ix_decision_imports_uploaded_by_id'))
        batch_op.drop_index(batch_op.f('ix_decision_imports_province_id'))
        batch_op.drop_index(batch_op.f('ix_decision_imports_digest'))

    op.drop_table('decision_imports')
    op.drop_table('decision_files')
