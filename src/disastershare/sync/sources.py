"""What `snapshot import PATH...` reads: snapshot files, bundles, and folders of both.

Folders are read one level deep (an inbox/, a USB stick's top folder), files sorted by name, which
sorts snapshots by owner and then sequence; other files in a folder are ignored.

Every file is judged on its own: whatever goes wrong while opening one (a refusal, or an unexpected error
from zipfile or the OS, which is also written to the log with its traceback) becomes that file's refusal,
and the batch goes on with the next. Only regular files are opened (a FIFO would block, /dev/zero would
never end), each once, its zip directory checked from the end record before it is parsed.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from disastershare.sync.bundle import BUNDLE_LIMITS, BundleReader, is_bundle
from disastershare.sync.container import RefusedError, one_line, open_regular, open_zip, read_regular
from disastershare.sync.snapshot_format import BUNDLE_SUFFIX, MAX_BUNDLE_BYTES, MAX_SNAPSHOT_BYTES, SNAPSHOT_SUFFIX

log = logging.getLogger(__name__)
_SUFFIXES = (SNAPSHOT_SUFFIX, BUNDLE_SUFFIX)
ERROR_LOG = Path("logs") / "sync-errors.log"  # in the workspace: tracebacks of unforeseen errors (importer.py)


@dataclass(frozen=True, slots=True)
class Source:
    """One snapshot to import, or (with `problem`) a path that could not even be opened as one."""

    label: str  # the path, or "bundle:member" for a snapshot inside a bundle; always printable text
    load: Callable[[], bytes] | None = None
    problem: str | None = None


def shown(path: Path) -> str:
    """A path as one printable line. Names that are not UTF-8 on disk (a Shift_JIS name from a Windows USB
    stick) arrive with surrogate escapes, which neither SQLite nor a UTF-8 terminal accepts: they are shown
    decoded as cp932 when that works, with escapes otherwise."""
    raw = os.fsencode(path)
    for encoding in ("utf-8", "cp932"):
        try:
            return one_line(raw.decode(encoding), 1000)
        except UnicodeDecodeError:
            continue
    return one_line(raw.decode("utf-8", "backslashreplace"), 1000)


def unexpected(label: str, exc: BaseException) -> str:
    """An error nobody foresaw while reading one file: logged with its traceback (a bug to fix), and that
    file's refusal reason; the batch carries on."""
    log.error("unexpected error while reading %s", label, exc_info=exc)
    return one_line(f"cannot be read (unexpected {type(exc).__name__}: {exc}); details in the workspace's "
                    f"{ERROR_LOG.as_posix()}")


def _file_loader(path: Path) -> Callable[[], bytes]:
    def load() -> bytes:
        return read_regular(path, MAX_SNAPSHOT_BYTES)
    return load


def _entries_in(folder: Path) -> list[Path]:
    """Snapshot and bundle names in a folder, sorted; a FIFO or device with such a name is listed too (and
    refused as not a regular file) rather than silently skipped."""
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in _SUFFIXES and not p.name.startswith("."))


def collect(paths: Iterable[Path], bundles: list[BundleReader]) -> list[Source]:
    """Expand paths into sources. Open bundles are appended to `bundles`; the caller closes them."""
    sources: list[Source] = []
    for path in paths:
        label = shown(path)
        try:
            if path.is_dir():
                for file in _entries_in(path):
                    sources.extend(_from_file(file, bundles))
            elif path.exists():
                sources.extend(_from_file(path, bundles))
            else:
                sources.append(Source(label, problem="no such file or folder"))
        except OSError as exc:  # the folder itself cannot be listed
            sources.append(Source(label, problem=one_line(f"cannot be read ({exc.strerror or exc})")))
    return sources


def _from_file(path: Path, bundles: list[BundleReader]) -> list[Source]:
    label = shown(path)
    try:
        return _open(path, label, bundles)
    except RefusedError as refusal:
        return [Source(label, problem=one_line(str(refusal)))]
    except Exception as exc:  # noqa: BLE001 - one file's surprise must not stop the batch (logged)
        return [Source(label, problem=unexpected(label, exc))]


def _open(path: Path, label: str, bundles: list[BundleReader]) -> list[Source]:
    """Open the file once and read its zip directory once: a bundle keeps both, a snapshot is read later."""
    what = "bundle" if path.suffix.lower() == BUNDLE_SUFFIX else "snapshot"
    file = open_regular(path, MAX_BUNDLE_BYTES)
    try:
        directory = open_zip(file, what=what, limits=BUNDLE_LIMITS)
        try:
            bundle = is_bundle(directory.namelist())
        except BaseException:
            directory.close()
            raise
    except BaseException:
        file.close()
        raise
    if not bundle:
        directory.close()
        file.close()
        return [Source(label, _file_loader(path))]
    reader = BundleReader(path, file, directory)  # closes both if it refuses
    bundles.append(reader)
    return [Source(f"{label}:{one_line(info.filename)}", _member_loader(reader, info)) for info in reader.members]


def _member_loader(reader: BundleReader, info) -> Callable[[], bytes]:
    def load() -> bytes:
        return reader.read(info)
    return load
