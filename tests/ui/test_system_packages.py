"""`make run` with a display on a fresh Debian/Ubuntu machine: the Makefile's SYSTEM_PACKAGES hold the libraries
PySide6's xcb platform plugin (the X11 window) loads, and with them the window opens under xcb."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

PROJECT = Path(__file__).resolve().parents[2]
QT = Path(PySide6.__file__).parent / "Qt"
XCB_PLUGIN = QT / "plugins" / "platforms" / "libqxcb.so"
XCB_QPA = QT / "lib" / "libQt6XcbQpa.so.6"
# The X11 libraries of the xcb plugin (ldd), and the Debian/Ubuntu package each comes in.
X11_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    # Dependencies of the packages above (or of libgl1), so installed with them:
    "libxcb.so.1": "libxcb1",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libX11.so.6": "libx11-6",
}
PULLED_IN = {"libxcb1", "libxcb-render0", "libxcb-shm0", "libxcb-sync1", "libxcb-xfixes0", "libx11-6"}
_X11 = re.compile(r"^lib(xcb|xkbcommon|X11)")

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("ldd") is None
                                or not XCB_PLUGIN.is_file(), reason="the xcb plugin and ldd are Linux's")


def system_packages() -> set[str]:
    line = next(line for line in (PROJECT / "Makefile").read_text(encoding="utf-8").splitlines()
                if line.startswith("SYSTEM_PACKAGES"))
    return set(line.split(":=", 1)[1].split())


def needed_libraries(path: Path) -> set[str]:
    out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=True).stdout
    return {line.split()[0] for line in out.splitlines() if "=>" in line}


@linux_only
def test_system_packages_hold_every_library_of_the_xcb_plugin():
    needed = {name for name in needed_libraries(XCB_PLUGIN) | needed_libraries(XCB_QPA) if _X11.match(name)}
    assert "libxcb-cursor.so.0" in needed  # the walk finds them (Qt 6.5+ needs xcb-cursor)
    unknown = sorted(needed - set(X11_PACKAGES))
    assert unknown == [], "a new X11 library of the xcb plugin: add its package to X11_PACKAGES and the Makefile"
    listed = system_packages()
    missing = sorted({X11_PACKAGES[name] for name in needed} - listed - PULLED_IN)
    assert missing == []


@linux_only
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs Xvfb (apt-get install xvfb) to try a display")
def test_the_window_opens_on_an_x11_display(tmp_path):
    # A fresh process on a virtual 1366×768 X display, as `make run` would start the window (not offscreen)
    script = (
        "import sys\n"
        "from disastershare.store.workspace import Workspace\n"
        "from disastershare.ui.app import ensure_application\n"
        "from disastershare.ui.main_window import MainWindow\n"
        "app = ensure_application()\n"
        "assert app.platformName() == 'xcb', app.platformName()\n"
        f"window = MainWindow(Workspace.create({str(tmp_path / 'ws')!r}, '131016'), 'ja')\n"
        "window.show()\n"
        "app.processEvents()\n"
        "screen = window.screen().availableGeometry()\n"
        "print(app.platformName(), screen.width(), screen.height(), window.minimumSizeHint().width())\n"
        "assert window.minimumSizeHint().width() <= screen.width()\n"
        "window.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, "-c", script],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split()[:3] == ["xcb", "1366", "768"]
