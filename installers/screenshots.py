"""Screenshots of the shell, Settings and the safety dialogs in both languages, from demo data.

Run offscreen: ``QT_QPA_PLATFORM=offscreen .venv/bin/python installers/screenshots.py docs/screenshots``
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication  # noqa: E402

from app.db import classify_sqlite_error  # noqa: E402
from app.services import open_services  # noqa: E402
from app.services.demo import generate  # noqa: E402
from app.ui.app import create_main_window, install_translations, make_application  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402


def settle(window: MainWindow) -> None:
    for _ in range(6):
        window.ctx.tasks.wait_for_done()
        QCoreApplication.processEvents()


def main(out: Path) -> int:
    from app.ui.crash import CrashDialog
    from app.ui.database_problem import DatabaseProblemDialog
    from app.ui.help import ShortcutsDialog

    out.mkdir(parents=True, exist_ok=True)
    app = make_application(["screenshots"])
    data = Path(tempfile.mkdtemp())
    services = open_services(data, actor="demo")
    generate(services, "small", 7)
    for language in ("vi", "en"):
        install_translations(app, language)
        services.db.forbid_thread(None)
        window = create_main_window(services)
        window.resize(1280, 800)
        window.show()
        window.show_page("dashboard")
        settle(window)
        window.grab().save(str(out / f"shell-main-window-{language}.png"))
        settings = window.show_page("settings")
        for key in ("office", "backup", "language"):
            settings.show_section(key)  # type: ignore[attr-defined]
            settle(window)
            window.grab().save(str(out / f"settings-{key}-{language}.png"))
        if language == "vi":
            crash = CrashDialog("KeyError: 'journalist_id'", "Traceback ...", data / "logs" / "commdesk.log")
            problem_error = classify_sqlite_error(Exception("file is not a database"), services.db.path)
            assert problem_error is not None
            problem = DatabaseProblemDialog(problem_error, services.db.path, at_start=True)
            shortcuts = ShortcutsDialog(window)
            for name, dialog in (
                ("crash-dialog", crash),
                ("database-problem", problem),
                ("shortcuts", shortcuts),
            ):
                dialog.show()
                QCoreApplication.processEvents()
                dialog.grab().save(str(out / f"{name}-{language}.png"))
                dialog.close()
        window.close()
        settle(window)
    services.db.forbid_thread(None)
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")))
