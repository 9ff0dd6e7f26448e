"""Names the officer taught the import (別名): a sheet's item name -> catalog code, per workspace.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "learned_name",
        sa.Column("key", sa.String, primary_key=True),  # the name folded for matching
        sa.Column("name", sa.String, nullable=False),  # as the officer's sheet wrote it
        sa.Column("code", sa.String, nullable=False),
        sa.Column("learned_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("learned_name")
