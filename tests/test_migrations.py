import shutil
import sqlite3
from importlib.resources import files
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.db import alembic_config, head_revision, include_name, make_engine, migrate, open_database
from app.errors import DatabaseTooNew
from app.models import Base


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    db = open_database(tmp_path / "db.sqlite3")
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_name": include_name, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []
    db.close()


def test_upgrade_downgrade_upgrade(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "db.sqlite3")
    config = alembic_config(engine)
    for target, action in (("head", command.upgrade), ("base", command.downgrade), ("head", command.upgrade)):
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            action(config, target)
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head_revision()
    engine.dispose()


NEXT_REVISION = """
from alembic import op
import sqlalchemy as sa

revision = "0999_test"
down_revision = "{head}"


def upgrade():
    with op.batch_alter_table("office") as batch:
        batch.add_column(sa.Column("test_marker", sa.String(10), nullable=True))


def downgrade():
    with op.batch_alter_table("office") as batch:
        batch.drop_column("test_marker")
"""


def test_existing_database_is_backed_up_before_migrating(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    backups = tmp_path / "backups"
    open_database(path, backups).close()
    assert not backups.exists() or not list(backups.iterdir()), "a new database has nothing to back up"

    scripts = tmp_path / "migrations"
    shutil.copytree(files("app") / "migrations", scripts)
    (scripts / "versions" / "0999_test.py").write_text(NEXT_REVISION.format(head=head_revision()))
    for _ in range(7):
        engine = make_engine(path)
        backup = migrate(engine, path, backups, str(scripts))
        engine.dispose()
        assert backup is not None and backup.exists()
        with sqlite3.connect(backup) as copy:
            assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
        _downgrade(path, str(scripts), head_revision())
    assert len(list(backups.glob("pre-migration-*.sqlite3"))) == 5


def _downgrade(path: Path, scripts: str, revision: str) -> None:
    engine = make_engine(path)
    config = alembic_config(engine, scripts)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
    engine.dispose()


def test_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    open_database(path).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew) as raised:
        open_database(path)
    assert "9999_from_the_future" in str(raised.value)
    assert path.read_bytes() == before
