"""Helpers shared by the command modules."""

from __future__ import annotations

import argparse
import errno
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from disastershare.cli.output import FORMATS
from disastershare.store.backup import disk_error
from disastershare.store.db_health import damaged, os_error
from disastershare.store.workspace import Workspace, default_workspace_dir

# OS errors that are about the user's files and disks, not about the program: one sentence each.
_ENVIRONMENT_ERRNOS = {errno.ENAMETOOLONG, errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC),
                       errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOENT, errno.EISDIR, errno.ENOTDIR,
                       errno.EEXIST, errno.EIO, errno.ELOOP}


def add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")


def workspace_dir(args: argparse.Namespace):
    return args.workspace or default_workspace_dir()


def open_workspace(args: argparse.Namespace) -> Workspace:
    return Workspace.open(workspace_dir(args))


def explain_failure(exc: BaseException, root: Path) -> str | None:
    """The one sentence for an error caused by the environment (a damaged database, a full, failing or
    read-only disk, a path the OS refuses), or None for an error that is a bug and keeps its traceback.

    The store turns what it can foresee into DomainErrors when the workspace is opened; this is the net
    for what shows up later (a damaged page met halfway through a listing, an output folder on a full disk).
    """
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(original, sqlite3.Error):
        name = getattr(original, "sqlite_errorname", "") or ""
        known = damaged(original, root / "workspace.sqlite") or disk_error(original, root)
        if known is not None:
            return str(known)
        if name.startswith("SQLITE_READONLY"):
            return f"the workspace database cannot be written (SQLite: {original}); nothing was changed"
        if name.startswith("SQLITE_CANTOPEN"):
            return f"a database file cannot be opened (SQLite: {original}); nothing was changed"
        return None
    if isinstance(original, OSError) and original.errno in _ENVIRONMENT_ERRNOS:
        return str(os_error(original, Path(original.filename or root)))
    return None
