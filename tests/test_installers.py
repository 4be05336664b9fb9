"""The installers' inputs are sound: the Linux desktop entry and AppStream metadata validate,
the PyInstaller spec finds everything it carries, the Inno Setup script keeps the user's data."""

import ast
import shutil
import subprocess
from importlib import import_module
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INSTALLERS = ROOT / "installers"


def _tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is missing: install the Debian package listed in .ci/run"
    return found


def test_desktop_entry_validates() -> None:
    entry = INSTALLERS / "linux" / "vn.gov.commdesk.desktop"
    done = subprocess.run([_tool("desktop-file-validate"), str(entry)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr
    text = entry.read_text(encoding="utf-8")
    assert "Name[vi]=" in text and "Comment[vi]=" in text


def test_appstream_metadata_validates() -> None:
    metainfo = INSTALLERS / "linux" / "vn.gov.commdesk.metainfo.xml"
    done = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(metainfo)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_spec_carries_what_the_app_reads_at_run_time() -> None:
    spec = (INSTALLERS / "commdesk.spec").read_text(encoding="utf-8")
    ast.parse(spec)  # it is Python
    for top, sub in (("resources", "fonts"), ("resources", "icons"), ("app", "migrations")):
        assert (ROOT / top / sub).is_dir()
        assert f'ROOT / "{top}" / "{sub}"' in spec
    for needed in (
        "keyring.backends.Windows",
        "tzdata",
        'collect_submodules("app"',
        "COMMAND_MODULES",
        "fastapi",
    ):
        assert needed in spec, needed
    assert (INSTALLERS / "launcher.py").is_file()
    from app.cli import COMMAND_MODULES

    for name in COMMAND_MODULES:  # imported by name: the bundle needs them as hidden imports
        import_module(name)
    from app.ui.settings import SETTINGS_SECTIONS

    for section in SETTINGS_SECTIONS:
        assert callable(section.factory)
    assert (ROOT / "resources" / "icons" / "commdesk.svg").is_file()


def test_the_windows_installer_speaks_both_languages_and_keeps_the_data() -> None:
    script = (INSTALLERS / "windows" / "commdesk.iss").read_text(encoding="utf-8")
    assert 'Name: "vi"' in script and 'Name: "en"' in script
    assert "{autoprograms}" in script  # Start-menu shortcut
    uninstall_deletes = [line for line in script.splitlines() if line.startswith("Type: ")]
    assert all(
        "localappdata" not in line.lower() and "userappdata" not in line.lower() for line in uninstall_deletes
    )


@pytest.mark.parametrize("name", ["vn.gov.commdesk.desktop", "vn.gov.commdesk.metainfo.xml"])
def test_the_linux_files_name_the_same_application(name: str) -> None:
    text = (INSTALLERS / "linux" / name).read_text(encoding="utf-8")
    assert "vn.gov.commdesk" in text
