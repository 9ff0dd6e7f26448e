"""File names fit to show: a name that is not valid UTF-8 (a Shift_JIS name from an old USB stick or a
Windows zip) is shown decoded as cp932 when it is that, else with replacement marks, never as surrogate
escapes that crash printing."""

from __future__ import annotations

import os
from pathlib import Path


def display_name(path: Path | str) -> str:
    name = Path(path).name if not isinstance(path, str) else os.path.basename(path) or path
    raw = os.fsencode(name)
    for encoding in ("utf-8", "cp932"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")
