"""Where an export may write: never over the workspace's own files, and never over anything without --force."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from disastershare.core.errors import DomainError
from disastershare.store.db_health import os_error, short
from disastershare.store.lock import LOCK_NAME
from disastershare.store.workspace import DB_NAME

# The workspace's own files and folders (inbox/ and outbox/ are meant for exchanged files: writable).
_OWN_FOLDERS = ("keys", "backups")
_OWN_FILES = ("settings.json", "settings.tmp", LOCK_NAME)
_OWN_PREFIXES = (DB_NAME, ".restore-")  # workspace.sqlite, -wal, -shm, -journal; restore's staging copy


def checked_output_path(path: str | os.PathLike[str], workspace_root: Path, force: bool = False,
                        default_name: str | None = None, replaceable: Callable[[Path], bool] | None = None) -> Path:
    """The file an export should write for the path the user typed, or a DomainError (nothing written).

    - A path ending in a slash, or naming an existing folder, is a folder: the file is default_name inside
      it (with default_name None the folder itself is returned, for exporters that name the file). A missing
      folder is refused, never turned into a file of that name.
    - Nothing inside the workspace's own files is written: the database and its side files, keys/, backups/,
      settings.json and the lock (symlinks and hard links to them included).
    - An existing file is overwritten only with force, or when replaceable(file) says it holds nothing that
      would be lost (an earlier export of the very same thing).
    """
    text = os.fspath(path)
    if not text.strip():
        raise DomainError("no output file given")
    separators = tuple(s for s in (os.sep, os.altsep, "/") if s)
    target = Path(text)
    try:
        if text.endswith(separators) or target.is_dir():
            if not target.is_dir():
                what = "is a file, not a folder" if target.exists() else "does not exist"
                raise DomainError(f"folder {short(text)} {what}; nothing was written")
            _refuse_own_files(target, Path(workspace_root))
            if default_name is None:
                return target
            target = target / default_name
            if target.is_dir():
                raise DomainError(f"{short(target)} is a folder; name the file to write")
        elif not target.parent.is_dir():
            what = "is a file, not a folder" if target.parent.exists() else "does not exist"
            raise DomainError(f"folder {short(target.parent)} {what}; nothing was written")
        _refuse_own_files(target, Path(workspace_root))
        if (target.exists() or target.is_symlink()) and not force and not (replaceable and replaceable(target)):
            raise DomainError(f"{short(target)} already exists; add --force to overwrite it (nothing was written)")
    except OSError as exc:
        raise os_error(exc, target) from None
    return target


def _refuse_own_files(target: Path, root: Path) -> None:
    refusal = DomainError(f"{short(target)} is part of the workspace itself (its database, keys/, backups/, "
                          "settings or lock); write somewhere else, e.g. outbox/ (nothing was written)")
    real, root_real = target.resolve(), root.resolve()
    with contextlib.suppress(ValueError):
        parts = real.relative_to(root_real).parts
        # casefold: on Windows and macOS 'Workspace.SQLITE' and 'KEYS/' are the same files
        first = parts[0].casefold() if parts else ""
        if first and (first in {n.casefold() for n in (*_OWN_FOLDERS, *_OWN_FILES)}
                      or first.startswith(tuple(p.casefold() for p in _OWN_PREFIXES))):
            raise refusal
    # A hard link to the database, or a folder that is keys/ or backups/ under another name (bind mounts, junctions)
    own = [root / DB_NAME, *(Path(f"{root / DB_NAME}{s}") for s in ("-wal", "-shm", "-journal")),
           *(root / name for name in _OWN_FILES), *(root / name for name in _OWN_FOLDERS)]
    candidates = [real, *real.parents] if real.exists() else list(real.parents)
    for place in candidates:
        for mine in own:
            with contextlib.suppress(OSError):
                if os.path.samefile(place, mine):
                    raise refusal
