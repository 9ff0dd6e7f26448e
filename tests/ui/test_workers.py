"""The thread-pool worker: progress, result, refusal and cancellation as typed signals."""

from __future__ import annotations

import threading
import time

from disastershare.core.errors import DomainError
from disastershare.ui.workers import GeneratorWorker, start_worker


def counting(total: int, result: str):
    for done in range(1, total + 1):
        yield done, total
    return result


def test_progress_then_result(qtbot, app):
    worker = GeneratorWorker(lambda: counting(3, "plan"))
    seen = []
    worker.signals.progress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(worker.signals.finished) as finished:
        start_worker(worker)
    assert finished.args == ["plan"]
    qtbot.waitUntil(lambda: seen == [(1, 3), (2, 3), (3, 3)])


def test_domain_error_becomes_failed(qtbot, app):
    def refuse():
        raise DomainError("bad.csv: is a PDF document")

    worker = GeneratorWorker(refuse)
    with qtbot.waitSignal(worker.signals.failed) as failed:
        start_worker(worker)
    assert failed.args == ["bad.csv: is a PDF document"]


def test_cancel_is_honoured_between_yields(qtbot, app):
    started, closed = threading.Event(), threading.Event()

    def endless():
        try:
            started.set()
            while True:
                yield 0, 0
                time.sleep(0.005)
        finally:
            closed.set()  # the generator is closed, so its cleanup runs

    worker = GeneratorWorker(endless)
    with qtbot.waitSignal(worker.signals.cancelled, timeout=5000):
        start_worker(worker)
        assert started.wait(5)
        worker.cancel()
    assert closed.wait(5)

