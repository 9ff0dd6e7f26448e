"""The headless face of DisasterShare: the command-line contract in shared/interface.md.

Exit codes: 0 success, 2 user error (one line on stderr, nothing changed), 3 partial success.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from disastershare import __version__
from disastershare.cli import (
    analysis_commands,
    backup_commands,
    drill_commands,
    inventory_commands,
    registry_commands,
    report_commands,
    request_commands,
    sync_commands,
    workspace_commands,
)
from disastershare.cli.common import explain_failure, workspace_dir
from disastershare.core.errors import DomainError

EXIT_OK, EXIT_USER_ERROR, EXIT_PARTIAL = 0, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, as the contract says
        self.exit(EXIT_USER_ERROR, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="disastershare",
        description="DisasterShare - share disaster-response resources with partner municipalities. "
        "With no command it opens the GUI.",
        epilog="Workspace: --workspace DIR, else $DISASTERSHARE_WORKSPACE, else the user data folder. "
        "Exit codes: 0 ok, 2 user error (nothing changed), 3 partial success.",
    )
    parser.add_argument("--version", action="version", version=f"disastershare {__version__}")
    parser.add_argument("--workspace", type=Path, help="workspace folder (default: $DISASTERSHARE_WORKSPACE "
                        "or the user data folder)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    workspace_commands.register(sub)
    registry_commands.register(sub)
    inventory_commands.register(sub)
    sync_commands.register(sub)
    backup_commands.register(sub)
    report_commands.register(sub)
    analysis_commands.register(sub)
    request_commands.register(sub)
    drill_commands.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(sys.argv[1:] if argv is None else argv), "gui"])
    try:
        return int(args.handler(args) or EXIT_OK)
    except DomainError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("cancelled; nothing was changed", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a damaged file, a full disk, a path too long: one sentence, not a traceback
        message = explain_failure(exc, workspace_dir(args))
        if message is None:
            raise
        print(f"error: {message}", file=sys.stderr)
        return EXIT_USER_ERROR
