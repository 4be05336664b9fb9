"""The installers' inputs are sound: the Linux desktop entry and AppStream metadata validate,
the PyInstaller spec finds everything it carries, the Inno Setup script keeps the user's data."""

import ast
import os
import shutil
import struct
import subprocess
import sys
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
        "*platform_backend_modules()",
        'copy_metadata("keyring")',
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
    import re
    import tomllib

    import app

    script = (INSTALLERS / "windows" / "commdesk.iss").read_text(encoding="utf-8")
    sections = {name.lower() for name in re.findall(r"^\[(\w+)\]", script, re.MULTILINE)}
    assert {"setup", "languages", "files", "icons", "run", "uninstalldelete", "code"} <= sections
    languages = re.findall(r'^Name: "(\w+)"; MessagesFile: "([^"]+)"', script, re.MULTILINE)
    assert dict(languages) == {"vi": "Vietnamese.isl", "en": "compiler:Default.isl"}
    for key in ("LaunchAfterInstall", "DataKept"):  # every message of our own in both languages
        assert f"vi.{key}=" in script and f"en.{key}=" in script
    # Start-menu shortcut to the windowed program, which the bundle really has that name for.
    assert re.search(
        r'^Name: "\{autoprograms\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExe\}"', script, re.M
    )
    assert '#define AppExe "CommDesk.exe"' in script
    assert 'name="CommDesk"' in (INSTALLERS / "commdesk.spec").read_text(encoding="utf-8")
    # The bundle goes in whole; the icon is the one make_icons.py writes.
    assert 'Source: "..\\..\\dist\\CommDesk\\*"' in script and "recursesubdirs" in script
    assert "SetupIconFile=..\\..\\build\\icons\\commdesk.ico" in script
    # Uninstalling removes only the program folder's own leftovers, never the user's data.
    deletes = [line for line in script.splitlines() if line.startswith("Type: ")]
    assert deletes and all("{app}" in line for line in deletes)
    assert all("appdata" not in line.lower() for line in deletes)
    assert "DefaultDirName={autopf}" in script  # the program folder, apart from the data
    # The version is the project's: the default in the script, and what the build passes in.
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert app.__version__ == version
    assert re.search(r'#define AppVersion "([^"]+)"', script).group(1) == version
    assert (
        "AppVersion={#AppVersion}" in script and "OutputBaseFilename=CommDesk-{#AppVersion}-setup" in script
    )
    readme = (INSTALLERS / "README.md").read_text(encoding="utf-8")
    assert "/DAppVersion=" in readme and "tomllib" in readme and "Vietnamese.isl" in readme


@pytest.mark.parametrize("name", ["vn.gov.commdesk.desktop", "vn.gov.commdesk.metainfo.xml"])
def test_the_linux_files_name_the_same_application(name: str) -> None:
    text = (INSTALLERS / "linux" / name).read_text(encoding="utf-8")
    assert "vn.gov.commdesk" in text


def _icon_directory(data: bytes) -> list[tuple[int, int, bytes]]:
    """(width, height, image bytes) of each entry of an ICO file, read from its ICONDIR."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1), "not an icon file"
    entries = []
    for index in range(count):
        width, height, _colours, _zero, _planes, _bits, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert offset + size <= len(data)
        entries.append((width or 256, height or 256, data[offset : offset + size]))
    return entries


def test_the_windows_icon_holds_every_size(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(INSTALLERS / "make_icons.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    data = (tmp_path / "commdesk.ico").read_bytes()
    entries = _icon_directory(data)
    assert [(w, h) for w, h, _image in entries] == [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    for side, _height, image in entries:
        if side == 256:
            assert image.startswith(b"\x89PNG\r\n\x1a\n")
        else:  # a BITMAPINFOHEADER: 32 bits per pixel, twice the height (colour, then mask)
            header, width, height, _planes, bits = struct.unpack_from("<IiiHH", image, 0)
            assert (header, width, height, bits) == (40, side, 2 * side, 32)
            assert len(image) == 40 + side * side * 4 + ((side + 31) // 32) * 4 * side
            assert any(image[40 + 3 :: 4][: side * side]), "every pixel is transparent"
    image_module = pytest.importorskip("PIL.Image")
    with image_module.open(tmp_path / "commdesk.ico") as icon:
        assert {(s, s) for s in (16, 24, 32, 48, 64, 128, 256)} <= set(icon.info["sizes"])
        icon.size = (32, 32)
        icon.load()
        assert icon.size == (32, 32) and icon.getextrema()[3][1] == 255  # opaque pixels at 32 px
