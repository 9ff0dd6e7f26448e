"""The headless face of DisasterShare: the command-line contract in shared/interface.md.

Exit codes: 0 success, 2 user error (one line on stderr, nothing changed), 3 partial success.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from disastershare import __version__
from disastershare.core.errors import DomainError

# Every command, the module that registers it, and its one-line help, in the order --help lists them.
# Only the chosen command's module is imported: --help and --version load no database, pandas, OR-Tools
# or Qt, and `inventory list` does not pay for the matcher (bench/bench_startup.py). A test checks that
# these help lines equal what the modules register.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("workspace_commands", "create a workspace for one municipality"),
    "demo": ("workspace_commands", "build a ready drill workspace (益城町 and partners) for a first look"),
    "gui": ("workspace_commands", "open the desktop window (the default with no command)"),
    "registry": ("registry_commands", "look up the municipality registry"),
    "catalog": ("registry_commands", "the resource catalog"),
    "inventory": ("inventory_commands", "own equipment, supplies and staff headcounts"),
    "needs": ("inventory_commands", "declared needs (shortfall declarations)"),
    "keycard": ("sync_commands", "this municipality's public key card, for partners"),
    "partners": ("sync_commands", "trusted partner municipalities and their keys"),
    "snapshot": ("sync_commands", "signed snapshot files exchanged with partners"),
    "backup": ("backup_commands", "consistent copies of the workspace database in backups/"),
    "restore": ("backup_commands", "replace the workspace database with a backup of the same municipality"),
    "report": ("report_commands", "write the coordination report (.pdf, .xlsx, .csv or .zip)"),
    "settings": ("report_commands", "show or change workspace settings (report contact person, time zone)"),
    "shortfalls": ("analysis_commands", "shortfall per municipality and resource type, own and partners'"),
    "match": ("analysis_commands", "proposed transfers: who sends what to whom (optimal)"),
    "requests": ("request_commands", "requests made by us and to us, with their status"),
    "request": ("request_commands", "create a request, or take a step of one (respond, dispatch, ...)"),
    "drill": ("drill_commands", "run a drill from a scenario file with timed injects"),
}
_GLOBAL_WITH_VALUE = ("--workspace",)

EXIT_OK, EXIT_USER_ERROR, EXIT_PARTIAL = 0, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, as the contract says
        self.exit(EXIT_USER_ERROR, f"{self.prog}: error: {message}\n")


def build_parser(command: str | None = "*") -> argparse.ArgumentParser:
    """The parser with `command` fully registered (its module imported), the others as help-only stubs.

    command "*" registers every module (for tests and documentation); None registers none (--help)."""
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
    wanted = {module for module, _ in COMMANDS.values()} if command == "*" else \
        {COMMANDS[command][0]} if command in COMMANDS else set()
    registered: set[str] = set()
    for name, (module, help_text) in COMMANDS.items():
        if name in registered:
            continue
        if module in wanted:
            before = set(sub.choices)
            importlib.import_module(f"disastershare.cli.{module}").register(sub)
            registered |= set(sub.choices) - before
            wanted.discard(module)
        if name not in registered:
            sub.add_parser(name, help=help_text, add_help=False)  # listed in --help, never parsed
            registered.add(name)
    return parser


def chosen_command(argv: Sequence[str]) -> str | None:
    """The command word in argv (after the global options), or None."""
    skip = False
    for token in argv:
        if skip:
            skip = False
            continue
        if token in _GLOBAL_WITH_VALUE:
            skip = True
            continue
        if token.startswith("-"):
            continue
        return token
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = chosen_command(argv)
    if command is None and not {"-h", "--help", "--version"} & set(argv):
        argv, command = [*argv, "gui"], "gui"  # no command: the window
    args = build_parser(command).parse_args(argv)
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
        from disastershare.cli.common import explain_failure, workspace_dir

        message = explain_failure(exc, workspace_dir(args))
        if message is None:
            raise
        print(f"error: {message}", file=sys.stderr)
        return EXIT_USER_ERROR
