"""A text progress bar on stderr for the core's progress generators (only on a terminal)."""

from __future__ import annotations

import sys
from collections.abc import Callable

from disastershare.core.progress import drain

__all__ = ["drain", "text_progress"]


def text_progress(label: str, noun: str = "") -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total:
            filled = int(30 * done / total)
            end = "\n" if done == total else ""
            sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (30 - filled)}] {done:,}/{total:,} {noun}{end}")

    return show
