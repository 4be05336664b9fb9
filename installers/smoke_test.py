"""Smoke test of the frozen bundle: run it as a user would, offscreen, on a fresh data folder.

1. ``commdesk-cli demo``: opens a new database (migrations from the bundle) and fills it;
2. ``commdesk-cli report quarterly``: a PDF with the embedded fonts;
3. ``commdesk-cli self-test``: resources, the keyring (the module, this system's backend and
   what it needs, importable in the frozen app, and found by keyring; whether a password store
   answers on this machine is only reported), the main window with every workspace and
   Settings section in Vietnamese, the real start-up (the window first, the data layer opened
   on a background thread, the workspaces filled), a backup checked;
4. ``commdesk-cli backup`` then ``restore`` of that copy;
5. ``CommDesk self-test``: the windowed program itself starts and exits cleanly.

Usage: ``python installers/smoke_test.py [dist/CommDesk]``; exits non-zero on the first failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 300


def run(program: Path, *arguments: str, data: Path) -> str:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COMMDESK_DATA_DIR": str(data)}
    command = [str(program), "--data-dir", str(data), *arguments]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, env=environment)
    if done.returncode != 0:
        raise SystemExit(
            f"FAILED ({done.returncode}): {' '.join(command)}\n--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}"
        )
    print(f"ok: {' '.join(arguments[:2])}")
    return done.stdout


def main(bundle: Path) -> int:
    suffix = ".exe" if sys.platform == "win32" else ""
    cli = bundle / f"commdesk-cli{suffix}"
    window = bundle / f"CommDesk{suffix}"
    for program in (cli, window):
        if not program.is_file():
            raise SystemExit(f"{program} is missing: run 'make bundle' first")
    with tempfile.TemporaryDirectory(prefix="commdesk-smoke-") as scratch:
        data = Path(scratch) / "data"
        run(cli, "demo", "--scale", "small", data=data)
        year, quarter = date.today().year, (date.today().month - 1) // 3 + 1
        pdf = Path(scratch) / "report.pdf"
        run(cli, "report", "quarterly", "--year", str(year), "--quarter", str(quarter), "--out", str(pdf), data=data)
        if not pdf.read_bytes().startswith(b"%PDF-") or pdf.stat().st_size < 5_000:
            raise SystemExit(f"the report {pdf} is not a PDF")
        report = run(cli, "self-test", data=data).rstrip()
        print(report)
        if not any(line.startswith("ok    keyring:") and "backend present" in line for line in report.splitlines()):
            raise SystemExit("the bundle cannot load its keyring backend")
        copy = Path(scratch) / "copy.sqlite3"
        run(cli, "backup", "--out", str(copy), data=data)
        run(cli, "restore", str(copy), data=data)
        run(window, "self-test", data=data)
    print("bundle smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "CommDesk"))
