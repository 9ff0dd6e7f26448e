"""What `snapshot import PATH...` reads: snapshot files, bundles, and folders of both.

Folders are read one level deep (an inbox/, a USB stick's top folder), files sorted by name, which
sorts snapshots by owner and then sequence; other files in a folder are ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from disastershare.sync.bundle import BundleReader, looks_like_bundle
from disastershare.sync.container import RefusedError
from disastershare.sync.snapshot_format import BUNDLE_SUFFIX, MAX_SNAPSHOT_BYTES, SNAPSHOT_SUFFIX

_SUFFIXES = (SNAPSHOT_SUFFIX, BUNDLE_SUFFIX)


@dataclass(frozen=True, slots=True)
class Source:
    """One snapshot to import, or (with `problem`) a path that could not even be opened as one."""

    label: str  # the path, or "bundle:member" for a snapshot inside a bundle
    load: Callable[[], bytes] | None = None
    problem: str | None = None


def _file_loader(path: Path) -> Callable[[], bytes]:
    def load() -> bytes:
        try:
            if path.stat().st_size > MAX_SNAPSHOT_BYTES:
                raise RefusedError(f"file is larger than {MAX_SNAPSHOT_BYTES:,} bytes")
            return path.read_bytes()
        except OSError as exc:
            raise RefusedError(f"cannot be read ({exc.strerror or exc})") from None
    return load


def _files_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in _SUFFIXES
                  and not p.name.startswith("."))


def collect(paths: Iterable[Path], bundles: list[BundleReader]) -> list[Source]:
    """Expand paths into sources. Open bundles are appended to `bundles`; the caller closes them."""
    sources: list[Source] = []
    for path in paths:
        if path.is_dir():
            for file in _files_in(path):
                sources.extend(_from_file(file, bundles))
        elif path.exists():
            sources.extend(_from_file(path, bundles))
        else:
            sources.append(Source(str(path), problem="no such file or folder"))
    return sources


def _from_file(path: Path, bundles: list[BundleReader]) -> list[Source]:
    if not looks_like_bundle(path):
        return [Source(str(path), _file_loader(path))]
    try:
        reader = BundleReader(path)
    except RefusedError as refusal:
        return [Source(str(path), problem=str(refusal))]
    bundles.append(reader)
    return [Source(f"{path}:{info.filename}", _member_loader(reader, info)) for info in reader.members]


def _member_loader(reader: BundleReader, info) -> Callable[[], bytes]:
    def load() -> bytes:
        return reader.read(info)
    return load
