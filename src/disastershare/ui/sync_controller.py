"""Snapshot export and import for the Sync tab: each on the tab's TaskRunner, results as typed signals."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from disastershare.store.workspace import Workspace
from disastershare.sync.exporter import BundleResult, ExportResult, export_bundle, export_snapshot
from disastershare.sync.history import import_history
from disastershare.sync.importer import ImportResult, import_snapshots
from disastershare.ui.models.snapshot_import_table_model import SnapshotRow
from disastershare.ui.task_runner import TaskRunner

HISTORY_LIMIT = 500


class SyncController(QObject):
    snapshot_exported = Signal(object)  # ExportResult
    bundle_exported = Signal(object)  # BundleResult
    imported = Signal(object)  # list[SnapshotRow], one per snapshot, in import order

    def __init__(self, workspace: Workspace, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.runner = runner

    def owner_name(self, code: str) -> str:
        found = self._workspace.registry().get(code)
        return f"{found.prefecture}{found.name}" if found else code

    def export_snapshot(self, label: str, folder: Path | None = None) -> bool:
        """Into outbox/ (folder None) or `folder`. False if another task of the tab is still running."""
        workspace = self._workspace

        def done(result: object) -> None:
            assert isinstance(result, ExportResult)
            self.snapshot_exported.emit(result)

        return self.runner.start(label, lambda: export_snapshot(workspace, folder), done)

    def export_bundle(self, label: str, folder: Path | None = None) -> bool:
        workspace = self._workspace

        def done(result: object) -> None:
            assert isinstance(result, BundleResult)
            self.bundle_exported.emit(result)

        return self.runner.start(label, lambda: export_bundle(workspace, folder), done)

    def import_paths(self, label: str, paths: Sequence[Path]) -> bool:
        """Snapshot files, bundles and folders of them; Cancel keeps the whole snapshots applied so far."""
        workspace, chosen = self._workspace, [Path(p) for p in paths]

        def done(results: object) -> None:
            assert isinstance(results, list)
            self.imported.emit(self.rows(results))

        return self.runner.start(label, lambda: import_snapshots(workspace, chosen), done)

    def rows(self, results: Sequence[ImportResult]) -> list[SnapshotRow]:
        return [SnapshotRow.from_result(r, self.owner_name) for r in results]

    def history(self) -> list[SnapshotRow]:
        return [SnapshotRow.from_log(e, self.owner_name) for e in import_history(self._workspace, HISTORY_LIMIT)]
