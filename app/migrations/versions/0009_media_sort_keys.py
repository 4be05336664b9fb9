"""Vietnamese sort keys for the name-ordered lists; money columns as 64-bit integers.

``name_key`` (see app/models/sort_keys.py) is filled for the rows already there, and the list
indexes of migration 0005 now order by it: a plain column and a plain index, so connections
without the application's functions (the sqlite3 shell, backup tools) still work.

The cost columns held VND in columns declared INTEGER. SQLite already stores any integer in up to
8 bytes, so only the declared type changes: on SQLite the table definition is edited in place
(the documented procedure for changes that leave the stored data as it is), which keeps the rows,
their rowids (the search index points at them), the triggers and the partial indexes.

Revision ID: 0009_media
Revises: 0008_reference
"""

import re

import sqlalchemy as sa
from alembic import op

from app.text import sort_key

revision = "0009_media"
down_revision = "0008_reference"
branch_labels = None
depends_on = None

# table: (name column, the order of its list index before this revision)
KEYED = {"journalist": "full_name", "press_agency": "name", "staff_member": "full_name"}
MONEY = {"activity": ("planned_cost", "actual_cost"), "training_record": ("cost",)}


def _live_order_index(table: str, column: str) -> None:
    op.execute(f"DROP INDEX IF EXISTS ix_{table}_live_order")
    op.execute(f"CREATE INDEX ix_{table}_live_order ON {table} ({column}, id) WHERE deleted_at IS NULL")


def _declare(old: str, new: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        for table, columns in MONEY.items():
            for column in columns:
                op.alter_column(
                    table, column, type_=sa.BigInteger() if new == "BIGINT" else sa.Integer()
                )
        return
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    for table, columns in MONEY.items():
        sql = bind.execute(
            sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :name"), {"name": table}
        ).scalar_one()
        for column in columns:
            sql, count = re.subn(rf"(\n\s*{column} ){old}\b", rf"\g<1>{new}", sql)
            if count != 1:
                raise RuntimeError(f"{table}.{column}: declared type {old} not found")
        bind.execute(
            sa.text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = :name"),
            {"sql": sql, "name": table},
        )
    bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    bind = op.get_bind()
    for table, name in KEYED.items():
        op.add_column(table, sa.Column("name_key", sa.Text(), nullable=False, server_default=""))
        rows = bind.execute(sa.text(f"SELECT id, {name} FROM {table}")).all()
        if rows:
            bind.execute(
                sa.text(f"UPDATE {table} SET name_key = :key WHERE id = :id"),
                [{"id": row_id, "key": sort_key(value)} for row_id, value in rows],
            )
        _live_order_index(table, "name_key")
    _declare("INTEGER", "BIGINT")


def downgrade() -> None:
    _declare("BIGINT", "INTEGER")
    for table, name in KEYED.items():
        _live_order_index(table, name)
        op.drop_column(table, "name_key")
