"""Run the core's long generators (yield done, total ... return result) on the Qt thread pool.

The generator itself knows nothing of Qt; each yield becomes a typed progress signal, and the cancel
flag is honoured between yields, so Cancel takes effect within one progress step.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Generator

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from disastershare.core.errors import DomainError
from disastershare.ui.reason_text import localized_reason
from disastershare.ui.translations import current_language

log = logging.getLogger(__name__)

ProgressGenerator = Generator[tuple[int, int], None, object]


class WorkerSignals(QObject):
    """Lives in the thread that made the worker; emitting from the pool thread queues to its receivers."""

    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # the generator's return value
    failed = Signal(str)  # a one-line reason (a DomainError's message)
    cancelled = Signal()
    # Internal: emitted after any of the three above, to delete this object on its own thread. Not for
    # others to wait on: PySide drops Python receivers' queued calls once the sender is deleted.
    _ended = Signal()

    def __init__(self) -> None:
        # Owned by the application, not by Python: the last Python reference may drop on the pool
        # thread, and a QObject must not be deleted outside its own thread. deleteLater runs in ours.
        super().__init__(QCoreApplication.instance())
        self._ended.connect(self.deleteLater)


class GeneratorWorker(QRunnable):
    """One run of a generator; Qt deletes the runnable when run() returns (autoDelete)."""

    def __init__(self, start: Callable[[], ProgressGenerator]) -> None:
        """`start` runs on the pool thread too: reading the file is part of the long work."""
        super().__init__()
        self._start = start
        self._cancel = threading.Event()
        self.signals = WorkerSignals()

    def cancel(self) -> None:
        """Pure Python, so it is safe to call even after Qt has deleted the finished runnable."""
        self._cancel.set()

    def run(self) -> None:
        try:
            self._run()
        finally:
            self.signals._ended.emit()

    def _run(self) -> None:
        try:
            generator = self._start()
            while True:
                if self._cancel.is_set():
                    generator.close()
                    self.signals.cancelled.emit()
                    return
                try:
                    done, total = next(generator)
                except StopIteration as stop:
                    result = stop.value
                    break
                self.signals.progress.emit(done, total)
        except DomainError as exc:
            # Said in the UI language here, once for every task (sync, reports, drill, sheet import).
            self.signals.failed.emit(localized_reason(str(exc), current_language()))
            return
        except Exception as exc:  # a bug, not a user error: keep the window usable and log the details
            log.exception("background work failed")
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        if self._cancel.is_set():
            self.signals.cancelled.emit()
        else:
            self.signals.finished.emit(result)


def start_worker(worker: GeneratorWorker, pool: QThreadPool | None = None) -> GeneratorWorker:
    (pool or QThreadPool.globalInstance()).start(worker)
    return worker
