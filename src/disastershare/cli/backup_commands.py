"""backup now / backup list / restore FILE [--yes]."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from disastershare.cli.common import add_format, open_workspace, workspace_dir
from disastershare.cli.output import emit
from disastershare.core.errors import DomainError
from disastershare.store.restore import BackupFacts, describe, prepare_restore
from disastershare.store.workspace import Workspace


def register(sub: argparse._SubParsersAction) -> None:
    backup = sub.add_parser("backup", help="consistent copies of the workspace database in backups/")
    backup_sub = backup.add_subparsers(dest="backup_command", required=True, metavar="ACTION")
    now = backup_sub.add_parser("now", help="copy the database into backups/ now (safe while the app runs); "
                                "prints the new file's path")
    now.set_defaults(handler=_backup_now)
    lst = backup_sub.add_parser("list", help="the backups in backups/ and backups/daily/, newest first")
    add_format(lst)
    lst.set_defaults(handler=_backup_list)

    restore = sub.add_parser(
        "restore", help="replace the workspace database with a backup of the same municipality",
        description="Check FILE (SQLite integrity, same municipality, drill or live like this workspace, schema "
        "not newer than this app), copy the current database into backups/, then put FILE in its place and "
        "upgrade it if it is older. Refused backups change nothing.")
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(handler=_restore)


def _backup_now(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    path = workspace.backup_now("manual")
    print(path)
    print(f"backed up {describe(workspace.municipality)} ({path.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


def _backup_list(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    rows = []
    for path in sorted(workspace.backups.rglob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True):
        stat = path.stat()
        label = path.stem.split("-", 3)[-1] if path.stem.count("-") >= 3 else path.stem
        rows.append({"file": str(path.relative_to(workspace.root)), "label": label,
                     "taken": datetime.fromtimestamp(stat.st_mtime).astimezone().isoformat(timespec="seconds"),
                     "bytes": stat.st_size})
    emit(rows, args.format, ["taken", "label", "bytes", "file"])
    return 0


def _restore(args: argparse.Namespace) -> int:
    # A damaged database is exactly when a restore is needed: it must not stop the restore from opening.
    workspace, problem = Workspace.open_for_restore(workspace_dir(args), args.file)
    workspace.check_writable()
    if problem:
        print(f"note: {problem.split('; nothing was changed')[0]}; restoring replaces it", file=sys.stderr)
    with prepare_restore(workspace, args.file) as prepared:
        if not args.yes and not _confirm(prepared.facts, workspace.root):
            print("cancelled; nothing was changed", file=sys.stderr)
            return 2
        outcome = prepared.apply()
    print(f"restored {args.file.name} into {workspace.root}"
          f"{' (upgraded to the current schema)' if outcome.migrated else ''}; "
          f"the previous database is kept as {outcome.safety_copy}", file=sys.stderr)
    return 0


def _confirm(facts: BackupFacts, root: Path) -> bool:
    if not sys.stdin or not sys.stdin.isatty():
        raise DomainError("restore replaces the workspace database: confirm in a terminal, or add --yes")
    kind = "drill (訓練)" if facts.drill else "live"
    sys.stderr.write(
        f"Backup {facts.path.name}: {describe(facts.municipality)}, {kind}, taken "
        f"{facts.taken_at:%Y-%m-%d %H:%M}, {facts.inventory_lines} own stock lines, schema {facts.schema}.\n"
        f"Replace the database in {root} with it? The current database is copied to backups/ first. [y/N] ")
    sys.stderr.flush()
    return sys.stdin.readline().strip().lower() in ("y", "yes")
