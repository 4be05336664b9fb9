"""reports: indexes for the Dashboard's deadline checks

Revision ID: 0010_reports
Revises: 0009_media

Open emergency cases and overdue press replies are a handful of rows among years of activities
and coverage. Without an index SQLite reads them through the live-rows order index, one table
lookup per row; these partial indexes find them directly.
"""

from alembic import op
import sqlalchemy as sa

revision = '0010_reports'
down_revision = '0009_media'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_activity_emergency",
        "activity",
        ["type", "case_received_at"],
        sqlite_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index(
        "ix_coverage_item_open_replies",
        "coverage_item",
        ["needs_action", "reply_deadline", "handling_status"],
        sqlite_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_coverage_item_open_replies", table_name="coverage_item")
    op.drop_index("ix_activity_emergency", table_name="activity")
