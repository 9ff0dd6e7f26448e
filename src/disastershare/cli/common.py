"""Helpers shared by the command modules."""

from __future__ import annotations

import argparse

from disastershare.cli.output import FORMATS
from disastershare.store.workspace import Workspace, default_workspace_dir


def add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")


def workspace_dir(args: argparse.Namespace):
    return args.workspace or default_workspace_dir()


def open_workspace(args: argparse.Namespace) -> Workspace:
    return Workspace.open(workspace_dir(args))
