"""Sync's long operations use the core's progress protocol (kept here for the modules that import it)."""

from disastershare.core.progress import Progress, drain

__all__ = ["Progress", "drain"]
