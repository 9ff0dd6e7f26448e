"""The workspaces this person opened lately, and the live one to go back to after a drill: the user's settings.

Kept in QSettings (the platform's per-user settings: the registry on Windows, ~/.config on Linux), not in a
workspace, since they are about moving between workspaces. DISASTERSHARE_SETTINGS names an INI file to use
instead (tests, a portable install).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from disastershare.store.workspace import DB_NAME

SETTINGS_ENV = "DISASTERSHARE_SETTINGS"
MAX_RECENT = 5
_RECENT_KEY = "workspaces/recent"
_LIVE_KEY = "workspaces/live"


def user_settings() -> QSettings:
    path = os.environ.get(SETTINGS_ENV)
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings("DisasterShare", "DisasterShare")


def is_workspace(root: Path) -> bool:
    try:
        return (Path(root) / DB_NAME).is_file()
    except OSError:  # a vanished network drive, a folder we may not read
        return False


class RecentWorkspaces:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or user_settings()

    def paths(self) -> list[Path]:
        """Newest first, at most MAX_RECENT, only folders that still hold a workspace."""
        return [p for p in self._stored() if is_workspace(p)][:MAX_RECENT]

    def add(self, root: Path) -> None:
        root = _normal(root)
        kept = [p for p in self._stored() if p != root]
        self._store([root, *kept][:MAX_RECENT])

    def remove(self, root: Path) -> None:
        root = _normal(root)
        self._store([p for p in self._stored() if p != root])

    def live(self) -> Path | None:
        """The live (not drill) workspace open before the last drill was opened."""
        value = self._settings.value(_LIVE_KEY)
        return Path(str(value)) if value else None

    def set_live(self, root: Path) -> None:
        self._settings.setValue(_LIVE_KEY, str(_normal(root)))
        self._settings.sync()

    def _stored(self) -> list[Path]:
        value = self._settings.value(_RECENT_KEY) or []
        if isinstance(value, str):  # QSettings gives one value back as a plain string
            value = [value]
        return [Path(str(v)) for v in value if v]

    def _store(self, paths: list[Path]) -> None:
        self._settings.setValue(_RECENT_KEY, [str(p) for p in paths])
        self._settings.sync()


def _normal(root: Path) -> Path:
    try:
        return Path(root).resolve()
    except OSError:
        return Path(root).absolute()
