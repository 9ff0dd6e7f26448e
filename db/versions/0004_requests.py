"""Request lifecycle: requests, answers, dispatches, receipts, returns; stock totals on the snapshot log.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_STEPS = ("request_response", "request_dispatch", "request_receipt", "request_return")


def _owned_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("owner", sa.String(6), nullable=False, index=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
    ]


def _step(name: str, *columns: sa.Column) -> None:
    op.create_table(name, *_owned_columns(),
                    sa.Column("request_id", sa.String(36), nullable=False, index=True), *columns,
                    sa.Column("note", sa.String, nullable=False))


def upgrade() -> None:
    op.create_table(
        "resource_request",
        *_owned_columns(),
        sa.Column("supplier", sa.String(6), nullable=False, index=True),
        sa.Column("resource", sa.String, nullable=False, index=True),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("needed_by", sa.Date, nullable=True),
        sa.Column("note", sa.String, nullable=False),
        sa.Column("work_type", sa.String, nullable=False),
        sa.Column("place", sa.String, nullable=False),
        sa.Column("period_from", sa.Date, nullable=True),
        sa.Column("period_to", sa.Date, nullable=True),
        sa.Column("return_by", sa.Date, nullable=True),
        sa.Column("cancelled", sa.Boolean, nullable=False),
    )
    _step("request_response", sa.Column("accepted", sa.Integer, nullable=False))
    _step("request_dispatch", sa.Column("quantity", sa.Integer, nullable=False),
          sa.Column("dispatched_on", sa.Date, nullable=False), sa.Column("expected_arrival", sa.Date, nullable=True))
    _step("request_receipt", sa.Column("quantity", sa.Integer, nullable=False),
          sa.Column("received_on", sa.Date, nullable=False))
    _step("request_return", sa.Column("quantity", sa.Integer, nullable=False),
          sa.Column("returned_on", sa.Date, nullable=False))
    with op.batch_alter_table("snapshot_import") as batch:
        batch.add_column(sa.Column("stock_totals", sa.String, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("snapshot_import") as batch:
        batch.drop_column("stock_totals")
    for table in (*reversed(_STEPS), "resource_request"):
        op.drop_table(table)
