"""Search index keyed by the source rows' rowids, with prefix indexes.

Typing "n" must not cost a scan of every word starting with n, so each search table keeps
prefix indexes for the first three characters. Its rowid is the source row's rowid, and each
searchable table has a covering index of live rows in its list order: the first page of a
search then walks that index and checks rowids against the match, never reading a wide row
or the index's own content. (SQLite keeps rowids across backups and restores; a VACUUM may
renumber them, so after one call ``app.db.rebuild_search_index``.)

Revision ID: 0005_foundation_search
Revises: 0004_sync
"""

from alembic import op

revision = "0005_foundation_search"
down_revision = "0004_sync"
branch_labels = None
depends_on = None

# table: (columns folded into the searchable text, the column its list is ordered by)
SEARCHABLE = {
    "journalist": (("full_name", "title", "press_card_number", "beats", "emails", "phones"), "full_name"),
    "press_agency": (("name", "short_name", "governing_body"), "name"),
    "staff_member": (("full_name", "position", "email"), "full_name"),
    "activity": (("title", "location", "description"), "starts_at"),
    "coverage_item": (("headline", "summary", "author"), "published_at"),
}


def _body(prefix: str, columns: tuple[str, ...]) -> str:
    joined = " || ' ' || ".join(f"coalesce({prefix}.{c}, '')" for c in columns)
    return f"fold({joined})"


def _drop(table: str) -> None:
    for suffix in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
    op.execute(f"DROP TABLE IF EXISTS {table}_fts")


def upgrade() -> None:
    for table, (columns, order) in SEARCHABLE.items():
        _drop(table)
        fts = f"{table}_fts"
        watched = ", ".join((*columns, "deleted_at"))
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5("
            "id UNINDEXED, body, tokenize = 'unicode61', prefix = '1 2 3')"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} WHEN new.deleted_at IS NULL BEGIN "
            f"INSERT INTO {fts}(rowid, id, body) VALUES (new.rowid, new.id, {_body('new', columns)}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
            f"DELETE FROM {fts} WHERE rowid = old.rowid; END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {watched} ON {table} BEGIN "
            f"DELETE FROM {fts} WHERE rowid = old.rowid; "
            f"INSERT INTO {fts}(rowid, id, body) SELECT new.rowid, new.id, {_body('new', columns)} "
            f"WHERE new.deleted_at IS NULL; END"
        )
        op.execute(
            f"INSERT INTO {fts}(rowid, id, body) "
            f"SELECT rowid, id, {_body(table, columns)} FROM {table} WHERE deleted_at IS NULL"
        )
        op.execute(
            f"CREATE INDEX ix_{table}_live_order ON {table} ({order}, id) WHERE deleted_at IS NULL"
        )


def downgrade() -> None:
    for table, (columns, _order) in SEARCHABLE.items():
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_live_order")
        _drop(table)
        fts = f"{table}_fts"
        watched = ", ".join((*columns, "deleted_at"))
        op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5(id UNINDEXED, body, tokenize = 'unicode61')")
        op.execute(
            f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} WHEN new.deleted_at IS NULL BEGIN "
            f"INSERT INTO {fts}(rowid, id, body) VALUES (fts_key(new.id), new.id, {_body('new', columns)}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
            f"DELETE FROM {fts} WHERE rowid = fts_key(old.id); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {watched} ON {table} BEGIN "
            f"DELETE FROM {fts} WHERE rowid = fts_key(old.id); "
            f"INSERT INTO {fts}(rowid, id, body) SELECT fts_key(new.id), new.id, {_body('new', columns)} "
            f"WHERE new.deleted_at IS NULL; END"
        )
        op.execute(
            f"INSERT INTO {fts}(rowid, id, body) SELECT fts_key(id), id, {_body(table, columns)} "
            f"FROM {table} WHERE deleted_at IS NULL"
        )
