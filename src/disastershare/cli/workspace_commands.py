"""init, demo, gui."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from disastershare.cli.common import open_workspace, workspace_dir
from disastershare.core.errors import DomainError
from disastershare.store.workspace import DB_NAME, Workspace
from disastershare.sync.keys import generate_signing_key


def register(sub: argparse._SubParsersAction) -> None:
    init = sub.add_parser("init", help="create a workspace for one municipality")
    init.add_argument("--municipality", required=True, metavar="CODE",
                      help="6-digit local-government code, e.g. 131016 (千代田区)")
    init.add_argument("--drill", action="store_true", help="mark the workspace permanently as a drill")
    init.set_defaults(handler=_init)

    demo = sub.add_parser("demo", help="build a ready drill workspace (益城町 and partners) for a first look")
    demo.add_argument("--headless", action="store_true",
                      help="no window: write the demo's exports and a screenshot, print where they went")
    demo.add_argument("--workspace", dest="demo_workspace", type=Path, help="where to build it")
    demo.set_defaults(handler=_demo)

    gui = sub.add_parser("gui", help="open the desktop window (the default with no command)")
    gui.add_argument("--language", choices=("ja", "en"), help="override the language for this session")
    gui.add_argument("--import", dest="import_paths", nargs="+", type=Path, metavar="PATH",
                     help="open on the Sync tab and import these snapshot files (the .dsnap file association)")
    gui.set_defaults(handler=_gui)


def _init(args: argparse.Namespace) -> int:
    root = workspace_dir(args)
    workspace = Workspace.create(root, args.municipality, drill=args.drill)
    generate_signing_key(workspace.keys_dir)
    m = workspace.own_municipality()
    kind = "drill workspace (訓練)" if args.drill else "workspace"
    print(f"created {kind} for {m.code} {m.prefecture}{m.name} at {root}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from disastershare.demo import build_demo
    from disastershare.demo_headless import run_headless_demo

    root = args.demo_workspace or workspace_dir(args)
    if _has_database(root):
        workspace = Workspace.open(root)
        if not workspace.drill:
            raise DomainError(f"{root} holds a live workspace; the demo only runs in a drill workspace")
        print(f"demo workspace already at {root}")
    else:
        workspace = build_demo(root)
        print(f"built demo drill workspace at {root}")
    if args.headless:
        for path in run_headless_demo(workspace):
            print(f"wrote {path}")
    return 0


def _gui(args: argparse.Namespace) -> int:
    try:
        from disastershare.ui.app import run_gui
    except ImportError as exc:  # e.g. a missing system Qt library
        print(f"error: the window cannot start ({exc})", file=sys.stderr)
        return 2
    root = workspace_dir(args)
    workspace = open_workspace(args) if _has_database(root) else None
    return run_gui(workspace, root, language=args.language, import_paths=args.import_paths)


def _has_database(root: Path) -> bool:
    """Whether the folder has something in the database's place; a path the OS refuses counts as yes, so
    Workspace.open says what is wrong with it in one sentence."""
    try:
        return (root / DB_NAME).exists()
    except OSError:
        return True
