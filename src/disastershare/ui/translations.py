"""Which language the window speaks, and the Qt translators that make it speak it.

English is the source language (no catalog needed). Japanese comes from resources/i18n/disastershare_ja.ts,
compiled to .qm by `make translations`; when the .qm is missing or older than the .ts (a fresh checkout,
an edited .ts) it is compiled here with pyside6-lrelease, into a temporary folder if i18n/ is read-only.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from disastershare.paths import resources_dir
from disastershare.store.workspace import Workspace

log = logging.getLogger(__name__)

LANGUAGES = ("ja", "en")
CATALOG_STEM = "disastershare"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def system_language() -> str:
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def choose_language(workspace: Workspace | None, override: str | None = None) -> str:
    """This session's override, else the workspace's saved choice, else the system locale."""
    for candidate in (override, workspace.language() if workspace is not None else None):
        if candidate in LANGUAGES:
            return candidate
    return system_language()


def _lrelease() -> list[str]:
    beside_python = Path(sys.executable).with_name("pyside6-lrelease" + (".exe" if os.name == "nt" else ""))
    if beside_python.exists():
        return [str(beside_python)]
    # No console script (e.g. a venv whose bin/ is not next to sys.executable): the package's own tool.
    return [sys.executable, "-c", "import sys; from PySide6.scripts.pyside_tool import lrelease; sys.exit(lrelease())"]


def _fresh(qm: Path, ts: Path) -> bool:
    return qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime


def compiled_catalog(language: str, folder: Path | None = None) -> Path | None:
    """The .qm for `language`, compiling it first if needed; None if there is none (English) or it failed."""
    folder = folder or i18n_dir()
    ts = folder / f"{CATALOG_STEM}_{language}.ts"
    qm = ts.with_suffix(".qm")
    if not ts.is_file() or getattr(sys, "frozen", False):
        # An installed build ships the compiled .qm (and its sys.executable is the app, not Python).
        return qm if qm.is_file() else None
    if _fresh(qm, ts):
        return qm
    target = qm if os.access(folder, os.W_OK) else Path(tempfile.gettempdir()) / "disastershare-i18n" / qm.name
    if _fresh(target, ts):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        result = subprocess.run([*_lrelease(), "-silent", str(ts), "-qm", str(target)],
                                capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("cannot compile %s: %s", ts, exc)
        return None
    if result.returncode != 0 or not target.is_file():
        log.warning("pyside6-lrelease failed on %s: %s", ts, result.stderr.strip())
        return None
    return target


class _Translators:
    """The translators installed in this process's QCoreApplication (one language at a time)."""

    def __init__(self) -> None:
        self.language = "en"
        self._installed: list[QTranslator] = []

    def apply(self, language: str) -> None:
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before choosing a language")
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        if language != "en":
            qm = compiled_catalog(language)
            own = QTranslator(app)
            if qm is not None and own.load(str(qm)):
                self._installed.append(own)
            else:
                log.warning("no %s translation found; the window stays in English", language)
            # Qt's own strings (OK, Cancel, context menus) in the same language.
            qt_base = QTranslator(app)
            if qt_base.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._installed.append(qt_base)
        self.language = language  # set first: widgets may ask for it while they retranslate
        for translator in self._installed:
            app.installTranslator(translator)  # install and remove each send LanguageChange to every widget


_translators = _Translators()


def apply_language(language: str) -> None:
    """Install the translators for `language`; every open window retranslates through LanguageChange."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    _translators.apply(language)


def current_language() -> str:
    return _translators.language
