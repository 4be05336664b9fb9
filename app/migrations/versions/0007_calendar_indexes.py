"""calendar range indexes

Revision ID: 0007_calendar
Revises: 0006_monitoring
"""

from alembic import op
import sqlalchemy as sa

revision = '0007_calendar'
down_revision = '0006_monitoring'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_activity_series_start", "activity", ["starts_at"], sqlite_where=sa.text("rrule != ''")
    )
    op.create_index(
        "ix_activity_long_start",
        "activity",
        ["starts_at"],
        sqlite_where=sa.text("substr(ends_at, 1, 10) != substr(starts_at, 1, 10)"),
    )


def downgrade() -> None:
    op.drop_index("ix_activity_long_start", table_name="activity")
    op.drop_index("ix_activity_series_start", table_name="activity")
