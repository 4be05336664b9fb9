"""A process killed in the middle of a large write leaves a sound database with all or none of it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from app.services import open_services

WRITER = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime
    from pathlib import Path

    from sqlalchemy import insert

    from app.db import open_database
    from app.models import Journalist

    db = open_database(Path(sys.argv[1]))
    now = datetime.now(UTC)

    def rows(prefix, start, count):
        return [
            {
                "id": f"{prefix}-{n:07d}",
                "office_id": "office",
                "updated_at": now,
                "updated_hlc": "",
                "updated_by": "crash-test",
                "full_name": f"Nguyễn Văn Thử {n}",
            }
            for n in range(start, start + count)
        ]

    with db.engine.begin() as connection:  # transaction A: committed before the kill
        connection.execute(insert(Journalist), rows("a", 0, 20_000))
    print("committed", flush=True)
    with db.engine.begin() as connection:  # transaction B: 200k rows, killed part-way
        for batch in range(20):
            connection.execute(insert(Journalist), rows("b", batch * 10_000, 10_000))
            print(f"batch {batch}", flush=True)
            if batch >= 2:
                sys.stdin.readline()  # wait here until the test has killed us
    print("finished", flush=True)
    """
)


def test_sigkill_mid_transaction_keeps_the_database_sound(tmp_path: Path) -> None:
    path = tmp_path / "commdesk.sqlite3"
    seen = []
    with subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        try:
            for line in process.stdout:
                seen.append(line.strip())
                if line.strip() == "batch 2":
                    break
            assert seen and seen[0] == "committed", (seen, process.stderr.read())
            assert (tmp_path / "commdesk.sqlite3-wal").exists()  # uncommitted pages reached the disk
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert process.returncode == -signal.SIGKILL
    assert "finished" not in seen

    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts = dict(
            connection.execute("SELECT substr(id, 1, 1), count(*) FROM journalist GROUP BY 1").fetchall()
        )
    finally:
        connection.close()
    assert counts == {"a": 20_000}  # all of A, none of B

    services = open_services(tmp_path)  # the app opens it as usual, search index in step
    try:
        assert services.journalists.count() == 20_000
        assert services.journalists.count(search="nguyen van thu 19999") == 1
        with services.db.engine.connect() as connection:
            connection.exec_driver_sql(
                "INSERT INTO journalist_fts(journalist_fts) VALUES ('integrity-check')"
            )
    finally:
        services.close()
