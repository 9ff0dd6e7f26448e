"""Where shipped data lives: inside the installed package, or in a source checkout."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(top_level: str) -> list[Path]:
    found = [_PACKAGE_DIR / "_data" / top_level]  # wheel (hatch force-include)
    if hasattr(sys, "_MEIPASS"):  # PyInstaller one-folder build
        found.append(Path(sys._MEIPASS) / top_level)
    found.append(_PACKAGE_DIR.parents[1] / top_level)  # source checkout / editable install
    return found


def _first_existing(top_level: str) -> Path:
    for path in _candidates(top_level):
        if path.is_dir():
            return path
    raise FileNotFoundError(f"DisasterShare data folder '{top_level}' is missing from this installation")


def resources_dir() -> Path:
    return _first_existing("resources")


def migrations_dir() -> Path:
    return _first_existing("db")


def data_file(name: str) -> Path:
    return resources_dir() / "data" / name
