"""Building the Qt translation files from the sources and the Vietnamese word lists.

Strings in the code are English, wrapped in ``tr()`` / ``QCoreApplication.translate``.
``pyside6-lupdate`` collects them into a .ts file; the Vietnamese for each source text comes
from ``resources/i18n/vi/*.json`` (one file per workspace, ``{"English": "Tiếng Việt"}``, a
list for plural forms), and ``pyside6-lrelease`` compiles the result to the .qm the app loads.

Run: ``python -m app.translations`` (``--check`` fails when any string lacks Vietnamese).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("vi",)


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6")
    return found


def source_files() -> list[Path]:
    return sorted(p for p in (ROOT / "app").rglob("*.py") if "migrations" not in p.parts)


def word_list(language: str) -> dict[str, str | list[str]]:
    merged: dict[str, str | list[str]] = {}
    for path in sorted((I18N / language).glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def extract(ts_path: Path) -> None:
    sources = [str(p) for p in source_files()]
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as listing:
        listing.write("\n".join(sources))
    try:
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                f"@{listing.name}",
                "-no-obsolete",
                "-locations",
                "none",
                "-ts",
                str(ts_path),
            ],
            check=True,
            capture_output=True,
        )
    finally:
        Path(listing.name).unlink()


def fill(ts_path: Path, words: dict[str, str | list[str]]) -> list[tuple[str, str]]:
    """Write the Vietnamese into the .ts; returns the (context, source) pairs still missing."""
    tree = ET.parse(ts_path)
    missing: list[tuple[str, str]] = []
    for context in tree.getroot().iter("context"):
        context_name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            # "Context|Source" wins over "Source": one English word, different Vietnamese by screen.
            wanted = words.get(f"{context_name}|{source}", words.get(source))
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            if wanted is None:
                translation.set("type", "unfinished")
                missing.append((context_name, source))
                continue
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                for form in wanted if isinstance(wanted, list) else [wanted]:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = wanted if isinstance(wanted, str) else wanted[0]
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


def qt_word_list(language: str) -> dict[str, dict[str, str]]:
    """Vietnamese for Qt's own dialogs and buttons, by Qt's context: PySide6 ships no qtbase_vi.qm."""
    path = I18N / "qt" / f"{language}.json"
    if not path.exists():
        return {}
    loaded: dict[str, dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def build_qt(language: str) -> list[tuple[str, str]]:
    """Compile ``qt_<language>.qm`` from the word list; returns entries left without a translation."""
    words = qt_word_list(language)
    if not words:
        return []
    root = ET.Element("TS", version="2.1", language=language)
    missing: list[tuple[str, str]] = []
    for context_name, messages in sorted(words.items()):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for source, translated in sorted(messages.items()):
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            if translated.strip():
                translation.text = translated
            else:
                translation.set("type", "unfinished")
                missing.append((context_name, source))
    ts_path = I18N / f"qt_{language}.ts"
    ET.ElementTree(root).write(ts_path, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts_path), "-qm", str(I18N / f"qt_{language}.qm")],
        check=True,
    )
    return missing


def build(check: bool = False) -> list[tuple[str, str]]:
    missing_all: list[tuple[str, str]] = []
    for language in LANGUAGES:
        ts_path = I18N / f"commdesk_{language}.ts"
        if not ts_path.exists():
            ts_path.write_text(
                f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="{language}"></TS>\n',
                encoding="utf-8",
            )
        extract(ts_path)
        missing_all += fill(ts_path, word_list(language))
        subprocess.run(
            [
                _tool("pyside6-lrelease"),
                "-silent",
                str(ts_path),
                "-qm",
                str(I18N / f"commdesk_{language}.qm"),
            ],
            check=True,
        )
        missing_all += build_qt(language)
    if check and missing_all:
        for context, source in missing_all:
            print(f"no Vietnamese for [{context}] {source!r}", file=sys.stderr)
    return missing_all


if __name__ == "__main__":
    missing = build(check="--check" in sys.argv)
    sys.exit(1 if missing and "--check" in sys.argv else 0)
