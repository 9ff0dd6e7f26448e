"""Partner sync: partners, their keys, stored snapshots, snapshot import log, own snapshot exports.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "partner",
        sa.Column("code", sa.String(6), primary_key=True),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("agreement", sa.String, nullable=False),
        sa.Column("enabled", sa.Boolean, nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.Column("last_sequence", sa.Integer, nullable=True),
        sa.Column("last_manifest_sha256", sa.String, nullable=True),
        sa.Column("last_file", sa.String, nullable=True),
        sa.Column("last_created_at", sa.DateTime, nullable=True),
        sa.Column("last_imported_at", sa.DateTime, nullable=True),
    )
    op.create_table(
        "partner_key",
        sa.Column("public_key", sa.String(44), primary_key=True),
        sa.Column("partner", sa.String(6), nullable=False, index=True),
        sa.Column("fingerprint", sa.String, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.Column("retired_at", sa.DateTime, nullable=True),
    )
    op.create_table(
        "stored_snapshot",
        sa.Column("owner", sa.String(6), primary_key=True),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("manifest_sha256", sa.String, nullable=False),
        sa.Column("file", sa.String, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "snapshot_import",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("file", sa.String, nullable=False),
        sa.Column("owner", sa.String(6), nullable=True, index=True),
        sa.Column("sequence", sa.Integer, nullable=True),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("reason", sa.String, nullable=False),
        sa.Column("added", sa.Integer, nullable=False),
        sa.Column("changed", sa.Integer, nullable=False),
        sa.Column("removed", sa.Integer, nullable=False),
        sa.Column("signer", sa.String, nullable=True),
        sa.Column("manifest_sha256", sa.String, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=True),
        sa.Column("resource_changes", sa.String, nullable=False),
    )
    op.create_table(
        "own_snapshot",
        sa.Column("sequence", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("file", sa.String, nullable=False),
        sa.Column("manifest_sha256", sa.String, nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in ("own_snapshot", "snapshot_import", "stored_snapshot", "partner_key", "partner"):
        op.drop_table(table)
