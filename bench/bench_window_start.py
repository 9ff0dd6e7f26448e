"""Cold start of the main window on the demo workspace: time to first paint, measured inside the process,
against a bare QMainWindow started the same way in the same run (issue 14: first paint < 1.5 s).

Each measurement is a fresh interpreter (cold imports), offscreen; the child prints the seconds from its
own start (time.perf_counter at the first line) to the first paint event of the window.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPEAT = int(os.environ.get("REPEAT", "3"))

_CHILD = r'''
import time
started = time.perf_counter()
import sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
mode, root = sys.argv[1], sys.argv[2]

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"{time.perf_counter() - started:.4f}", flush=True)
            QTimer.singleShot(0, app.quit)
            obj.removeEventFilter(self)
        return False

if mode == "bare":
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([])
    window = QMainWindow()
    window.resize(1280, 720)
else:
    from disastershare.store.workspace import Workspace
    from disastershare.ui.app import ensure_application
    from disastershare.ui.main_window import MainWindow
    from disastershare.ui.translations import apply_language, choose_language
    app = ensure_application()
    workspace = Workspace.open(Path(root))
    language = choose_language(workspace, None)
    apply_language(language)
    window = MainWindow(workspace, language)
spy = FirstPaint()
window.installEventFilter(spy)
window.show()
app.exec()
'''


def first_paint(mode: str, root: Path, env: dict[str, str]) -> float:
    out = subprocess.run([sys.executable, "-c", _CHILD, mode, str(root)], env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "demo"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        subprocess.run([sys.executable, "-m", "disastershare", "--workspace", str(root), "demo"], env=env,
                       check=True, capture_output=True)
        bare = statistics.median(first_paint("bare", root, env) for _ in range(REPEAT))
        app = statistics.median(first_paint("app", root, env) for _ in range(REPEAT))
    print(f"bare QMainWindow first paint: {bare:.3f} s (median of {REPEAT})")
    print(f"main window on the demo:      {app:.3f} s = {app / bare:.1f}x bare  (goal < 1.5 s)")


if __name__ == "__main__":
    main()
