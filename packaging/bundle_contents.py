"""What goes into the one-folder build: data files, hidden imports, excluded modules, trimmed Qt files.

Read by disastershare.spec (PyInstaller) and by tests/packaging, so the list the tests check is the list
the build uses. Plain Python, no PyInstaller import, so the tests run without PyInstaller installed.
"""

from __future__ import annotations

from pathlib import Path

APP_NAME = "disastershare"  # the folder dist/disastershare/ and the console executable
GUI_NAME = "disastershare-gui"  # windowed executable (Windows, macOS): Start menu, file association, Dock

# Shipped as <bundle>/resources and <bundle>/db; disastershare/paths.py finds them through sys._MEIPASS.
DATA_FOLDERS = ("resources", "db")
_SKIP_SUFFIXES = (".ts", ".pyc", ".mako")  # translation sources (the compiled .qm ship), bytecode, templates
_SKIP_PARTS = ("__pycache__",)

HIDDEN_IMPORTS = (
    # Alembic runs db/env.py and db/versions/*.py from files at run time: what they import must be bundled.
    "disastershare.store.tables",
    "alembic.op",
    "alembic.context",
    "alembic.runtime.migration",
    "alembic.ddl.sqlite",
    # SQLAlchemy loads dialects by name from the URL.
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlite3",
    # alembic's Config can configure logging from a file; cheap, and a missing module only shows up at run time.
    "logging.config",
)

EXCLUDES = (
    # GUI toolkits and notebooks the app never uses
    "tkinter", "_tkinter", "turtle", "matplotlib", "IPython", "ipykernel", "jupyter_client", "notebook",
    # other Qt bindings pyqtgraph can use; this app uses PySide6 only
    "PyQt5", "PyQt6", "PySide2",
    # Qt modules outside the widgets app (QtGui's QPdfWriter makes the PDFs; no QtPrintSupport, no network)
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickControls2", "PySide6.QtQuickWidgets",
    "PySide6.QtQuickTest", "PySide6.QtQmlFeatures", "PySide6.QtLabsStyleKit", "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick", "PySide6.QtWebChannel", "PySide6.Qt3DCore",
    "PySide6.Qt3DRender", "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtUiTools", "PySide6.QtTest",
    "PySide6.QtSql", "PySide6.QtNetwork", "PySide6.QtMultimedia", "PySide6.QtCharts", "PySide6.QtPdf",
    # pyqtgraph's optional parts
    "pyqtgraph.examples", "pyqtgraph.opengl", "pyqtgraph.jupyter", "OpenGL",
    # console pretty-printing that pydantic would use if present
    "rich", "pygments", "markdown_it", "mdurl",
    # test and build tooling that may sit in the same virtualenv
    "pytest", "_pytest", "pytestqt", "hypothesis", "importlinter", "grimp", "ruff", "pip", "PyInstaller",
    # optional pandas / openpyxl extras the app does not use
    # (SQLAlchemy's other dialects stay: alembic.ddl imports them all, and they are small pure Python.)
    "scipy", "pyarrow", "numexpr", "bottleneck", "tables", "lxml", "PIL",
)

# Qt's own translations: only the languages the app offers.
QT_LANGUAGES = ("ja", "en")
# Qt plugin folders the app needs (platforms incl. offscreen for headless runs, image formats, input methods...).
_QT_PLUGIN_FOLDERS_DROPPED = ("qmltooling", "designer", "sqldrivers", "networkinformation", "tls",
                              "multimedia", "webview", "position", "sensors", "canbus", "texttospeech",
                              "egldeviceintegrations")
# Embedded-device and remote platform plugins, and TUIO touch over UDP (both would pull in QtNetwork);
# xcb, wayland, windows, cocoa, offscreen and minimal stay.
_QT_PLUGINS_DROPPED = ("qvnc", "qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qtuiotouchplugin")
# Linux: eglfs support libraries, and QtNetwork (collected by the Qt hooks; nothing links it once TUIO is out).
# Checked with readelf on the Linux build only, so the Windows/macOS names are left alone.
_QT_LIBRARIES_DROPPED = ("libQt6EglFSDeviceIntegration", "libQt6EglFsKmsSupport", "libQt6Network")


def data_files(project: Path) -> list[tuple[str, str]]:
    """(source file, folder inside the bundle) for every shipped data file."""
    found = []
    for top in DATA_FOLDERS:
        for path in sorted((project / top).rglob("*")):
            if not path.is_file() or path.suffix in _SKIP_SUFFIXES or set(path.parts) & set(_SKIP_PARTS):
                continue
            found.append((str(path), str(path.parent.relative_to(project))))
    return found


def missing_translations(project: Path) -> list[str]:
    """Translation sources without their compiled .qm (run `make translations` before building)."""
    return [str(ts.relative_to(project)) for ts in sorted((project / "resources" / "i18n").glob("*.ts"))
            if not ts.with_suffix(".qm").is_file()]


def keep_qt_file(dest: str) -> bool:
    """Whether a file PyInstaller's PySide6 hooks collected is worth shipping."""
    parts = dest.replace("\\", "/").split("/")
    if "translations" in parts and parts[-1].endswith(".qm"):
        stem = parts[-1][:-3]
        return any(stem.endswith(f"_{lang}") or f"_{lang}_" in stem for lang in QT_LANGUAGES)
    if parts[-1].split(".")[0] in _QT_LIBRARIES_DROPPED:
        return False
    if "plugins" not in parts:
        return True
    stem = parts[-1].split(".")[0].removeprefix("lib")
    return not (any(folder in parts for folder in _QT_PLUGIN_FOLDERS_DROPPED) or stem in _QT_PLUGINS_DROPPED)
