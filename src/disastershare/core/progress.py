"""Long work is a plain generator yielding (done, total) and returning its result.

A Qt worker iterates it on a thread pool (closing the generator cancels between steps); the CLI, scripts
and tests use `drain`, optionally with a callback that draws progress.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import TypeVar

T = TypeVar("T")
Progress = Generator[tuple[int, int], None, T]


def drain(gen: Generator[tuple[int, int], None, T], on_progress: Callable[[int, int], None] | None = None) -> T:
    """Run a progress generator to its end and return its result."""
    while True:
        try:
            done, total = next(gen)
        except StopIteration as stop:
            return stop.value
        if on_progress is not None:
            on_progress(done, total)
