"""The facilitator's drill actions on a TaskRunner: build a drill, advance the clock, reset, export the log.

The drill package does the work (drill/builder.py, clock.py, debrief.py); this module only runs it off the
GUI thread and reports the outcome as typed signals. None of these steps can be stopped halfway, so the
views offer no Cancel for them.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from disastershare.core.errors import DomainError
from disastershare.core.reference_data import shipped_catalog, shipped_registry
from disastershare.core.scenario import Inject, Scenario, read_scenario
from disastershare.drill.builder import new_drill
from disastershare.drill.clock import Advanced, advance, load_scenario, reset
from disastershare.drill.debrief import export_drill_log
from disastershare.drill.state import DrillState, drill_dir, load_state
from disastershare.paths import resources_dir
from disastershare.store.workspace import DB_NAME, Workspace
from disastershare.ui.reason_text import exception_reason
from disastershare.ui.task_runner import TaskRunner
from disastershare.ui.translations import current_language
from disastershare.ui.workers import ProgressGenerator

log = logging.getLogger(__name__)


def is_scenario_drill(workspace: Workspace) -> bool:
    """A drill workspace built from a scenario (it has a clock), not just a workspace marked as a drill."""
    return workspace.drill and (drill_dir(workspace.root) / "state.json").is_file()


# -- scenarios and a new drill ------------------------------------------------------------------------------
def shipped_scenarios() -> list[tuple[Path, Scenario]]:
    """The scenarios that come with the app (a damaged one is left out and logged, not shown broken)."""
    found = []
    for path in sorted((resources_dir() / "scenarios").glob("*.toml")):
        try:
            found.append((path, read_scenario_file(path)))
        except DomainError as exc:
            log.warning("shipped scenario left out: %s", exc)
    return found


def read_scenario_file(path: Path) -> Scenario:
    """Raises DomainError with the file, the entry and the reason (docs/drill-scenarios.md)."""
    return read_scenario(Path(path), shipped_registry(), shipped_catalog())


def check_drill_folder(root: Path) -> None:
    """A drill gets a folder of its own: new or empty (refused in the UI language, nothing created)."""
    root = Path(root)
    if (root / DB_NAME).exists():
        raise DomainError(QCoreApplication.translate(
            "DrillController", "{path} already holds a workspace; a drill needs an empty folder of its own.").format(
            path=root))
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise DomainError(QCoreApplication.translate(
            "DrillController", "{path} is not empty; choose an empty folder (or a new one) for the drill.").format(
            path=root))


def build_drill(root: Path, scenario_path: Path) -> ProgressGenerator:
    """new_drill as a one-step task; whatever it left in the folder is removed if it fails."""
    root = Path(root)
    before = set(root.iterdir()) if root.is_dir() else None
    try:
        host, scenario = new_drill(root, Path(scenario_path))
    except BaseException:
        # new_drill removes a folder it made; in a folder that was there (empty) it may leave a part-built drill.
        if before is not None and root.is_dir():
            for entry in set(root.iterdir()) - before:
                if entry.is_dir():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)
        raise
    yield 1, 1
    return host, scenario


# -- a running drill -----------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DebriefExport:
    path: Path
    report_included: bool
    report_note: str  # why there is no PDF report in the zip ("" when it is there)


class DrillController(QObject):
    advanced = Signal(object)  # Advanced
    was_reset = Signal()
    exported = Signal(object)  # DebriefExport

    def __init__(self, workspace: Workspace, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.runner = runner
        self._scenario: Scenario | None = None

    def state(self) -> DrillState:
        return load_state(self._workspace.root)

    def scenario(self) -> Scenario:
        """The drill's own copy of its scenario (drill/scenario.toml); it does not change during a drill."""
        if self._scenario is None:
            self._scenario = load_scenario(self._workspace.root, self.state())
        return self._scenario

    def next_inject(self, clock_minutes: int) -> Inject | None:
        return next((i for i in self.scenario().injects if i.at_minutes > clock_minutes), None)

    def advance(self, label: str, minutes: int | None = None) -> bool:
        """To the next inject (minutes None) or by `minutes`; False while another drill task runs."""
        host = self._workspace

        def run() -> ProgressGenerator:
            done = advance(host, host.root, minutes)
            yield 1, 1
            return done

        def finished(done: object) -> None:
            assert isinstance(done, Advanced)
            self.advanced.emit(done)

        return self.runner.start(label, run, finished)

    def reset(self, label: str) -> bool:
        host = self._workspace

        def run() -> ProgressGenerator:
            reset(host, host.root)
            yield 1, 1
            return None

        return self.runner.start(label, run, lambda _none: self.was_reset.emit())

    def export(self, label: str, target: Path) -> bool:
        """The debriefing zip, with the PDF report when a Japanese font is found (registered here, on the GUI
        thread, as the Reports tab does); without one the zip is still written and the outcome says why."""
        host, target = self._workspace, Path(target)
        if target.suffix.lower() != ".zip":
            target = target.with_name(target.name + ".zip")
        note = self._prepare_report_font()
        language = current_language()

        def run() -> ProgressGenerator:
            report_note = note
            with tempfile.TemporaryDirectory() as tmp:
                report = None
                if not report_note:
                    report, report_note = _write_report(host, Path(tmp) / "report.pdf", language)
                yield 1, 2
                path = export_drill_log(host, host.root, target, report)
            yield 2, 2
            return DebriefExport(path, report is not None, report_note)

        return self.runner.start(label, run, self.exported.emit)

    def _prepare_report_font(self) -> str:
        from disastershare.reports import pdf_fonts
        from disastershare.reports.fonts import find_japanese_font

        try:
            pdf_fonts.register(find_japanese_font(None, self._workspace.settings().get("report_font")))
        except DomainError as exc:
            return exception_reason(exc)
        return ""


def _write_report(host: Workspace, target: Path, language: str) -> tuple[Path | None, str]:
    from disastershare.reports.output import write_report
    from disastershare.reports.report_data import build_report_data

    try:
        write_report(build_report_data(host, scope="all"), target, language=language,
                     configured_font=host.settings().get("report_font"))
    except DomainError as exc:  # the log is worth having without the report
        return None, exception_reason(exc)
    return target, ""
