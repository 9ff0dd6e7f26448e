"""Start-up: --help and --version load nothing heavy; the help-only command list agrees with the modules."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from disastershare.cli import COMMANDS, build_parser, chosen_command

HEAVY = ("pandas", "ortools", "PySide6", "alembic", "sqlalchemy", "openpyxl", "pyqtgraph")


def _loaded_after(args: list[str]) -> set[str]:
    code = ("import sys, json, contextlib, io\n"
            "from disastershare.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try:\n"
            f"        main({args!r})\n"
            "    except SystemExit:\n"
            "        pass\n"
            "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return set(json.loads(out.splitlines()[-1]))


@pytest.mark.parametrize("args", [["--help"], ["--version"]])
def test_help_and_version_import_nothing_heavy(args):
    assert not _loaded_after(args) & set(HEAVY)


def test_inventory_list_imports_neither_pandas_nor_the_matcher(tmp_path):
    loaded = _loaded_after(["--workspace", str(tmp_path / "none"), "inventory", "list"])
    assert not loaded & {"pandas", "ortools", "PySide6", "openpyxl", "alembic"}


def test_the_command_table_matches_what_the_modules_register():
    parser = build_parser("*")
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    registered = {choice.dest: choice.help for choice in sub._choices_actions}
    assert registered == {name: help_text for name, (_module, help_text) in COMMANDS.items()}


@pytest.mark.parametrize(("argv", "command"), [
    (["--workspace", "x", "inventory", "list"], "inventory"), (["--version"], None), ([], None),
    (["match", "--format", "json"], "match")])
def test_the_command_word_is_found_after_global_options(argv, command):
    assert chosen_command(argv) == command
