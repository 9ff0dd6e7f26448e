"""Initial schema: workspace, registry, revision counters, owned records.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _owned_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("owner", sa.String(6), nullable=False, index=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "workspace_info",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("municipality", sa.String(6), nullable=False),
        sa.Column("drill", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("app_version", sa.String, nullable=False),
    )
    op.create_table(
        "municipality",
        sa.Column("code", sa.String(6), primary_key=True),
        sa.Column("prefecture", sa.String, nullable=False),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("kana", sa.String, nullable=False),
        sa.Column("lat", sa.Float, nullable=False),
        sa.Column("lon", sa.Float, nullable=False),
        sa.Column("is_ward", sa.Boolean, nullable=False),
        sa.Column("former", sa.Boolean, nullable=False),
    )
    op.create_table(
        "revision_counter",
        sa.Column("owner", sa.String(6), primary_key=True),
        sa.Column("revision", sa.Integer, nullable=False),
    )
    op.create_table(
        "local_resource_type",
        *_owned_columns(),
        sa.Column("code", sa.String, nullable=False, unique=True),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("name_ja", sa.String, nullable=False),
        sa.Column("name_en", sa.String, nullable=False),
        sa.Column("unit", sa.String, nullable=False),
        sa.Column("category", sa.String, nullable=False),
    )
    op.create_table(
        "inventory_item",
        *_owned_columns(),
        sa.Column("resource", sa.String, nullable=False, index=True),
        sa.Column("on_hand", sa.Integer, nullable=False),
        sa.Column("reserved", sa.Integer, nullable=False),
        sa.Column("location", sa.String, nullable=False),
        sa.Column("condition", sa.String, nullable=False),
        sa.Column("expiry", sa.Date, nullable=True),
        sa.Column("note", sa.String, nullable=False),
    )
    op.create_table(
        "staff_pool",
        *_owned_columns(),
        sa.Column("resource", sa.String, nullable=False, index=True),
        sa.Column("headcount", sa.Integer, nullable=False),
        sa.Column("available_from", sa.Date, nullable=True),
        sa.Column("available_to", sa.Date, nullable=True),
        sa.Column("max_dispatch_days", sa.Integer, nullable=True),
        sa.Column("contact_section", sa.String, nullable=False),
        sa.Column("note", sa.String, nullable=False),
    )
    op.create_table(
        "need",
        *_owned_columns(),
        sa.Column("resource", sa.String, nullable=False, index=True),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("needed_by", sa.Date, nullable=True),
        sa.Column("priority", sa.String, nullable=False),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("note", sa.String, nullable=False),
    )


def downgrade() -> None:
    for table in ("need", "staff_pool", "inventory_item", "local_resource_type", "revision_counter",
                  "municipality", "workspace_info"):
        op.drop_table(table)
