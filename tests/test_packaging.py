"""The explicit package list of pyproject.toml names every package, so installs carry all code."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def declared() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(config["tool"]["setuptools"]["packages"])


def found(folder: str, package: str) -> set[str]:
    base = ROOT / folder
    names = set()
    for marker in base.rglob("__init__.py"):
        relative = marker.parent.relative_to(base)
        if "__pycache__" in relative.parts:
            continue
        names.add(".".join([package, *relative.parts]))
    return names


def test_every_package_is_declared() -> None:
    missing = (found("app", "app") | found("resources", "app.resources")) - declared()
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"


def test_every_declared_package_exists() -> None:
    mapping = {"app.resources": ROOT / "resources", "app": ROOT / "app"}
    for name in declared():
        root = "app.resources" if name.startswith("app.resources") else "app"
        folder = (
            mapping[root].joinpath(*name.removeprefix(root).strip(".").split("."))
            if name != root
            else mapping[root]
        )
        assert (folder / "__init__.py").is_file(), name
