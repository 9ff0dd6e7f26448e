"""The analysis tab's logic: read the picture, pick a resource, run the matcher in the background, refresh live.

Data changes (an import, an edit, a request step, a snapshot) call `schedule_reload`; a short timer folds a
burst of them into one re-read, which runs on the thread pool too (a national picture takes seconds to read).
Each re-read restarts matching: the exact plan (core.matching.match_steps) runs
on the thread pool with progress and Cancel, and a greedy preview (core.matching.preview_nearest_first) runs
beside it, shown marked as a preview only until the exact plan arrives. Results of an outdated run are dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from disastershare.core.matching import MatchProgress, match_steps, preview_nearest_first, transport_problems
from disastershare.core.matching_model import MatchResult, Preferences, TransportProblem
from disastershare.core.registry import Registry
from disastershare.ui.analysis_data import AnalysisData, Plan, ResourceBar, resource_bars
from disastershare.ui.workers import GeneratorWorker, start_worker

RELOAD_DELAY_MS = 300
PREVIEW_MAX_EDGES = 40_000  # past this the greedy preview is slower than the exact solver: not worth it

Solver = Callable[[Sequence[TransportProblem], Registry, Preferences], MatchProgress]


class AnalysisSource(Protocol):
    """Where the analysis reads from: a workspace (analysis_data.WorkspaceSource) or a benchmark's data."""

    def load(self) -> AnalysisData: ...

    def stock_series(self, resource: str) -> dict[str, list[tuple[datetime, int]]]: ...


def preview_steps(problems: Sequence[TransportProblem], registry: Registry,
                  preferences: Preferences) -> Generator[tuple[int, int], None, MatchResult]:
    """Greedy plans for the problems small enough to be worth it; (done, total) after each."""
    total = len(problems)
    yield 0, total
    plans = []
    for done, problem in enumerate(problems, 1):
        if len(problem.supply) * len(problem.demand) <= PREVIEW_MAX_EDGES:
            plans.append(preview_nearest_first(problem, registry, preferences))
        yield done, total
    return MatchResult(tuple(plans), preferences)


class _Relay(QObject):
    """Takes one worker's signals to the controller. A child of the controller, so signals arriving after the
    controller is gone (a window closed mid-run) reach no one; deleted when its worker ends."""

    def __init__(self, controller: AnalysisController, run: int, kind: str) -> None:
        super().__init__(controller)
        self._controller, self._run, self._kind = controller, run, kind

    def attach(self, worker: GeneratorWorker) -> GeneratorWorker:
        worker.signals.progress.connect(self.progress)
        worker.signals.finished.connect(self.finished)
        worker.signals.failed.connect(self.failed)
        worker.signals.cancelled.connect(self.cancelled)
        return worker

    def progress(self, done: int, total: int) -> None:
        self._controller._progress(self._kind, self._run, done, total)

    def finished(self, result: object) -> None:
        self._controller._finished(self._kind, self._run, result)
        self.deleteLater()

    def failed(self, reason: str) -> None:
        self._controller._stopped(self._kind, self._run, reason)
        self.deleteLater()

    def cancelled(self) -> None:
        self._controller._stopped(self._kind, self._run, "")
        self.deleteLater()


def _loading(source: AnalysisSource) -> Generator[tuple[int, int], None, AnalysisData]:
    yield 0, 1
    return source.load()


class AnalysisController(QObject):
    data_changed = Signal()  # a new reading: positions, bars and places changed
    load_failed = Signal(str)
    plan_changed = Signal()  # a preview or the exact plan arrived (or the plan was cleared)
    resource_changed = Signal(str)
    matching_started = Signal()
    matching_progress = Signal(int, int)  # resource types done, total
    matching_finished = Signal()  # the exact plan is in
    matching_stopped = Signal(str)  # cancelled ("") or failed (a one-line reason); the preview, if any, stays

    def __init__(self, source: AnalysisSource, parent: QObject | None = None, *, solve: Solver = match_steps,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.data: AnalysisData | None = None
        self.plan: Plan | None = None
        self.bars: list[ResourceBar] = []
        self.resource: str | None = None
        self._chosen = False  # the resource was picked by the person, not by set_data
        self.running = False  # the exact matcher is running
        self._solve = solve
        self._pool = pool
        self._run = 0  # matching runs; results of older runs are dropped
        self._load_run = 0
        self._workers: list[GeneratorWorker] = []
        self._loader: GeneratorWorker | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RELOAD_DELAY_MS)
        self._timer.timeout.connect(self.reload)

    # -- data ---------------------------------------------------------------------------------------------------
    def schedule_reload(self) -> None:
        """Re-read soon: several changes in a row (an undo burst, a bundle import) cost one re-read."""
        self._timer.start()

    def reload(self) -> None:
        """Re-read in the background; data_changed follows (a newer reload supersedes an unfinished one)."""
        self._timer.stop()
        if self._loader is not None:
            self._loader.cancel()
        self._load_run += 1
        source = self.source
        self._loader = _Relay(self, self._load_run, "load").attach(GeneratorWorker(lambda: _loading(source)))
        start_worker(self._loader, self._pool)

    def reload_now(self) -> None:
        """Re-read on this thread (tests, benchmarks)."""
        self._timer.stop()
        self._load_run += 1
        self.set_data(self.source.load())

    def set_data(self, data: AnalysisData, match: bool = True) -> None:
        self.data = data
        self.bars = resource_bars(data.positions, data.home)
        choices = self.resources()
        # The tab shows the worst shortfall (choices[0]) until the person picks a resource; their pick stays
        # while it can still be chosen. (A drill starts with nothing short: the first offered resource must
        # not stick once the injects bring shortfalls.)
        if self.resource not in choices or not self._chosen:
            self.resource = choices[0] if choices else None
            self._chosen = False
        self.data_changed.emit()
        if self.resource is not None:
            self.resource_changed.emit(self.resource)
        if match:
            self.start_matching()

    def resources(self) -> list[str]:
        """Resource types to choose from: those short somewhere (most severe first), then those only offered."""
        if self.data is None:
            return []
        short = [b.resource for b in self.bars]
        offered = set(self.data.positions.loc[self.data.positions["surplus"] > 0, "resource"].unique()) - set(short)
        return short + sorted(offered)

    def set_resource(self, resource: str) -> None:
        """The person picked `resource` (combo, bar, map): kept across re-readings while it is a choice."""
        self._chosen = True
        if resource != self.resource:
            self.resource = resource
            self.resource_changed.emit(resource)

    def stock_series(self) -> dict[str, list[tuple[datetime, int]]]:
        return self.source.stock_series(self.resource) if self.resource else {}

    # -- matching -----------------------------------------------------------------------------------------------
    def start_matching(self) -> None:
        """Solve the current picture exactly in the background (a greedy preview meanwhile)."""
        self._stop_workers()
        self._run += 1
        self.plan = None
        self.plan_changed.emit()
        data = self.data
        if data is None:
            return
        problems = transport_problems(data.positions)
        solve = self._solve
        exact = _Relay(self, self._run, "exact").attach(
            GeneratorWorker(lambda: solve(problems, data.registry, data.preferences)))
        preview = _Relay(self, self._run, "preview").attach(
            GeneratorWorker(lambda: preview_steps(problems, data.registry, data.preferences)))
        self._workers = [exact, preview]
        self.running = True
        self.matching_started.emit()
        start_worker(exact, self._pool)
        start_worker(preview, self._pool)

    def cancel_matching(self) -> None:
        """Stop the exact solver (between two resource types); a preview already shown stays, marked as such."""
        for worker in self._workers:
            worker.cancel()

    def _stop_workers(self) -> None:
        for worker in self._workers:
            worker.cancel()
        self._workers = []

    # -- what the workers report (through _Relay) --------------------------------------------------------------
    def _progress(self, kind: str, run: int, done: int, total: int) -> None:
        if kind == "exact" and run == self._run:
            self.matching_progress.emit(done, total)

    def _finished(self, kind: str, run: int, result: object) -> None:
        if kind == "load":
            if run == self._load_run and isinstance(result, AnalysisData):
                self._loader = None
                self.set_data(result)
            return
        if run != self._run or not isinstance(result, MatchResult):
            return
        if kind == "preview":
            if self.plan is None:
                self.plan = Plan(result, exact=False)
                self.plan_changed.emit()
            return
        self._stop_workers()  # the preview, if still going, is of no use now
        self.running = False
        self.plan = Plan(result, exact=True)
        self.plan_changed.emit()
        self.matching_finished.emit()

    def _stopped(self, kind: str, run: int, reason: str) -> None:
        if kind == "load":
            if run == self._load_run:
                self._loader = None
                if reason:
                    self.load_failed.emit(reason)
            return
        if kind == "exact" and run == self._run:
            self.running = False
            self.matching_stopped.emit(reason)

    def shutdown(self) -> None:
        """Before the window goes: nothing more is started, and running work stops at its next step."""
        self._timer.stop()
        self._run += 1
        self._load_run += 1
        self._stop_workers()
        if self._loader is not None:
            self._loader.cancel()
            self._loader = None
        self.running = False
