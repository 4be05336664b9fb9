"""monitoring: index of coverage by local day

Revision ID: 0006_monitoring
Revises: 0005_foundation_search

The trend counts group coverage by its day in Vietnam (UTC+7). An index on that expression
(partial: live rows only) gives SQLite the groups in order, so counting ten years of coverage
by day and tone reads the index alone, with no sort. SQLAlchemy cannot describe an expression
index on SQLite, so it is made here by hand and left out of autogenerate (app.db.include_name).
"""

from __future__ import annotations

from alembic import op

revision = "0006_monitoring"
down_revision = "0005_foundation_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_coverage_item_local_day "
        "ON coverage_item (date(published_at, '+7 hours'), sentiment) WHERE deleted_at IS NULL"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_coverage_item_local_day")
