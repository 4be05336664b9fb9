"""Screenshots of the shell in both languages (run offscreen): python shots.py OUT_DIR"""
import os, sys, tempfile
from pathlib import Path
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QCoreApplication
from app.ui.app import make_application, install_translations, create_main_window
from app.services import open_services
from app.services.demo import generate

out = Path(sys.argv[1]); out.mkdir(parents=True, exist_ok=True)
app = make_application(["shots"])
data = Path(tempfile.mkdtemp())
services = open_services(data, actor="demo")
generate(services, "small", 7)

def settle(w):
    for _ in range(6):
        w.ctx.tasks.wait_for_done(); QCoreApplication.processEvents()

for lang in ("vi", "en"):
    install_translations(app, lang)
    services.db.forbid_thread(None)
    w = create_main_window(services); w.resize(1280, 800); w.show()
    settle(w)
    w.show_page("dashboard"); settle(w)
    w.grab().save(str(out / f"shell-main-window-{lang}.png"))
    page = w.show_page("settings")
    for key in ("office", "backup", "language"):
        page.show_section(key); settle(w)
        w.grab().save(str(out / f"settings-{key}-{lang}.png"))
    if lang == "vi":
        from app.ui.crash import CrashDialog
        from app.ui.database_problem import DatabaseProblemDialog
        from app.errors import DatabaseUnavailable
        from app.db import classify_sqlite_error
        d = CrashDialog("KeyError: 'journalist_id'", "Traceback (most recent call last): ...", data / "logs" / "commdesk.log")
        d.show(); d.adjustSize(); QCoreApplication.processEvents(); d.grab().save(str(out / "crash-dialog-vi.png"))
        err = classify_sqlite_error(Exception("file is not a database"), services.db.path)
        p = DatabaseProblemDialog(err, services.db.path, at_start=True)
        p.show(); p.adjustSize(); QCoreApplication.processEvents(); p.grab().save(str(out / "database-problem-vi.png"))
        from app.ui.help import ShortcutsDialog
        s = ShortcutsDialog(w); s.show(); QCoreApplication.processEvents(); s.grab().save(str(out / "shortcuts-vi.png"))
    settle(w)
    w.close()
    settle(w)
services.db.forbid_thread(None)
services.close()
print("done")
