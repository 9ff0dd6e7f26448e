"""One long task at a time for a tab: runs a progress generator on the pool and reports as typed signals.

The tab says what to do when the task ends (`on_done`); the runner also re-emits every outcome so
views (a progress bar) and tests can follow it without knowing which task it was.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

from disastershare.ui.workers import GeneratorWorker, ProgressGenerator, start_worker

Done = Callable[[object], None]


class TaskRunner(QObject):
    started = Signal(str)  # what is being done, for the progress label
    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # the generator's return value (after on_done ran)
    failed = Signal(str)  # one line
    cancelled = Signal()
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker: GeneratorWorker | None = None
        self._on_done: Done | None = None

    @property
    def worker(self) -> GeneratorWorker | None:
        return self._worker

    def is_busy(self) -> bool:
        return self._worker is not None

    def start(self, label: str, start: Callable[[], ProgressGenerator], on_done: Done) -> bool:
        """False (nothing started) while another task of this runner is still running."""
        if self._worker is not None:
            return False
        worker = GeneratorWorker(start)
        worker.signals.progress.connect(self.progress)
        worker.signals.finished.connect(self._finished)
        worker.signals.failed.connect(self._failed)
        worker.signals.cancelled.connect(self._cancelled)
        self._worker, self._on_done = worker, on_done
        self.started.emit(label)
        self.busy_changed.emit(True)
        start_worker(worker)
        return True

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def wait(self, msecs: int = 30_000) -> None:
        """Cancel and wait for the pool (closing the window must not leave a writer behind)."""
        self.cancel()
        QThreadPool.globalInstance().waitForDone(msecs)

    def _end(self) -> Done | None:
        on_done = self._on_done
        self._worker = self._on_done = None
        self.busy_changed.emit(False)
        return on_done

    def _finished(self, result: object) -> None:
        on_done = self._end()
        if on_done is not None:
            on_done(result)
        self.finished.emit(result)

    def _failed(self, message: str) -> None:
        self._end()
        self.failed.emit(message)

    def _cancelled(self) -> None:
        self._end()
        self.cancelled.emit()
