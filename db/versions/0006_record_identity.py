"""Record identity is (id, owner): every owned-record table gets the composite primary key.

Before, `id` alone was the key, so a partner that copied another municipality's record ids into its own
snapshot made that municipality's snapshots collide (refused) for ever. SQLite cannot change a primary key in
place: each table is rebuilt (create the new table, copy every row, drop the old one, rename, recreate its
indexes), inside the migration's one transaction.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TABLES = ("inventory_item", "staff_pool", "need", "local_resource_type", "resource_request", "request_response",
          "request_dispatch", "request_receipt", "request_return")


def _rebuild(name: str, key: tuple[str, ...]) -> None:
    conn = op.get_bind()
    inspector = sa.inspect(conn)
    old = sa.Table(name, sa.MetaData(), autoload_with=conn)
    indexes = [(ix["name"], ix["column_names"], bool(ix["unique"])) for ix in inspector.get_indexes(name)]
    uniques = [u["column_names"] for u in inspector.get_unique_constraints(name)]
    columns = [sa.Column(c.name, c.type, primary_key=c.name in key, nullable=c.nullable and c.name not in key)
               for c in old.columns]
    temporary = f"_rebuild_{name}"
    sa.Table(temporary, sa.MetaData(), *columns, *(sa.UniqueConstraint(*u) for u in uniques)).create(conn)
    names = ", ".join(f'"{c.name}"' for c in old.columns)
    conn.exec_driver_sql(f'INSERT INTO "{temporary}" ({names}) SELECT {names} FROM "{name}"')
    op.drop_table(name)
    op.rename_table(temporary, name)
    for index, cols, unique in indexes:
        op.create_index(index, name, cols, unique=unique)


def upgrade() -> None:
    for name in TABLES:
        _rebuild(name, ("id", "owner"))


def downgrade() -> None:
    # Fails (IntegrityError) if two owners now use one id: that state cannot be expressed by the old schema.
    for name in TABLES:
        _rebuild(name, ("id",))
