"""Importing snapshots: verify each one, then replace its owner's mirrored records atomically.

`import_snapshots` is a generator yielding (done, total) after every snapshot and returning the list
of ImportResult; closing it (the GUI's Cancel) keeps what was applied so far, each snapshot whole.
"""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from disastershare.store.workspace import Workspace
from disastershare.sync.bundle import BundleReader
from disastershare.sync.import_session import ImportSession
from disastershare.sync.progress import Progress
from disastershare.sync.results import Changes, ImportResult, ImportStatus, exit_code
from disastershare.sync.sources import ERROR_LOG, collect

__all__ = ["Changes", "ImportResult", "ImportStatus", "exit_code", "import_snapshots"]
_LOG = logging.getLogger("disastershare.sync")


class _ErrorLog(logging.FileHandler):
    """Tracebacks of unforeseen errors met while reading one file, appended to the workspace's
    logs/sync-errors.log (created on the first one). Having a handler keeps logging's last-resort handler
    from printing them on the terminal: the CLI shows that file's one-line refusal, the log keeps the bug."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.setLevel(logging.ERROR)
        self.setFormatter(logging.Formatter("%(asctime)s %(name)s: %(message)s"))

    def _open(self):
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(OSError):  # a full or read-only disk must not turn a refusal into a crash
            super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        pass  # nor print logging's own traceback on the terminal


def import_snapshots(workspace: Workspace, paths: Iterable[Path], now: datetime | None = None,
                     pause_collector: bool = False) -> Progress[list[ImportResult]]:
    """Verify and apply every snapshot found in `paths` (files, bundles, folders), in that order.

    pause_collector: switch CPython's cyclic garbage collector off for the import (a single-threaded CLI
    run only; in the GUI a collection resumed on a worker thread could free Qt objects off their thread)."""
    bundles: list[BundleReader] = []
    session: ImportSession | None = None
    errors = _ErrorLog(workspace.root / ERROR_LOG)
    _LOG.addHandler(errors)
    # The import allocates a few hundred thousand short-lived, acyclic containers (decoded rows);
    # CPython's cyclic collector would traverse them again and again (measured: ~20% of the national
    # import). Reference counting frees them; the collector resumes when the import ends or is closed.
    collector_was_on = gc.isenabled()
    if pause_collector:
        gc.disable()
    try:
        sources = collect(paths, bundles)
        session = ImportSession(workspace, now)
        yield 0, len(sources)
        for done, source in enumerate(sources, start=1):
            session.run(source)
            session.commit_if_due()
            yield done, len(sources)
        session.commit()
        return session.results
    except GeneratorExit:  # cancelled: what was verified and queued so far is complete, keep it
        if session is not None:
            session.commit()
        raise
    finally:
        _LOG.removeHandler(errors)
        errors.close()
        if session is not None:
            session.close()
        for reader in bundles:
            reader.close()
        if pause_collector and collector_was_on:
            gc.enable()
