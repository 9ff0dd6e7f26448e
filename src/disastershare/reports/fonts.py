"""Find a Japanese font file for the PDF report to embed.

The PDF embeds the font it is drawn with, so the report renders the same on a machine without any
Japanese font (a prefecture's print room, a phone). Search order:
1. an explicit path (the CLI's --font), then $DISASTERSHARE_REPORT_FONT, then the workspace setting
   `report_font` (settings.json, which the GUI can set);
2. Windows: Yu Gothic, Meiryo, MS Gothic (every Japanese Windows office has them);
3. macOS: Hiragino Sans / Hiragino Kaku Gothic;
4. Linux: fontconfig (`fc-list :lang=ja` lists only fonts whose glyphs cover Japanese), then known
   package paths (fonts-noto-cjk, fonts-ipafont-gothic, ...).
An explicit path that does not exist is an error, never a silent fallback: the user asked for that font.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from disastershare.core.errors import DomainError

ENV_VAR = "DISASTERSHARE_REPORT_FONT"
FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")


class FontNotFoundError(DomainError):
    """No usable Japanese font: the PDF cannot be written (XLSX and CSV need no font)."""


@dataclass(frozen=True, slots=True)
class FontFiles:
    regular: Path
    bold: Path | None  # None: the PDF engine emboldens the regular face
    source: str  # where it was found, for the report's description and error messages


def _windows_candidates() -> list[tuple[str, str | None]]:
    return [("YuGothM.ttc", "YuGothB.ttc"), ("YuGothR.ttc", "YuGothB.ttc"), ("meiryo.ttc", "meiryob.ttc"),
            ("msgothic.ttc", None)]


def _windows_dirs() -> list[Path]:
    dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:  # fonts installed per user (no admin rights in many offices)
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


_MAC_CANDIDATES = [
    ("/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc", "/System/Library/Fonts/ヒラギノ角ゴシック W6.ttc"),
    ("/System/Library/Fonts/ヒラギノ角ゴ ProN W3.otf", "/System/Library/Fonts/ヒラギノ角ゴ ProN W6.otf"),
    ("/Library/Fonts/Osaka.ttf", None),
]

_LINUX_CANDIDATES = [
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc"),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
     "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc"),
    ("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf", None),
    ("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf", None),
    ("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf", None),
    ("/usr/share/fonts/truetype/vlgothic/VL-Gothic-Regular.ttf", None),
]


def _pair(regular: Path, bold: str | Path | None, source: str) -> FontFiles:
    bold_path = Path(bold) if bold else None
    return FontFiles(regular, bold_path if bold_path and bold_path.is_file() else None, source)


def _explicit(path: str | Path, source: str) -> FontFiles:
    font = Path(path).expanduser()
    if not font.is_file():
        raise FontNotFoundError(f"the report font {font} ({source}) does not exist")
    if font.suffix.lower() not in FONT_SUFFIXES:
        raise FontNotFoundError(f"the report font {font} ({source}) is not a .ttf/.ttc/.otf font file")
    return FontFiles(font, None, source)


def _fontconfig() -> list[FontFiles]:
    """Fonts fontconfig says cover Japanese; sans and JP-specific faces first, regular weight first."""
    if shutil.which("fc-list") is None:
        return []
    try:
        out = subprocess.run(["fc-list", ":lang=ja", "file", "family", "style"], capture_output=True,
                             text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    entries: list[tuple[Path, str, str]] = []
    for line in out.splitlines():
        file, _, rest = line.partition(": ")
        family, _, style = rest.partition(":style=")
        entries.append((Path(file), family.split(",")[0], style.split(",")[0]))

    def rank(entry: tuple[Path, str, str]) -> tuple[int, int, int, str]:
        path, family, style = entry
        return ("JP" not in family and "Gothic" not in family, "Serif" in family or "Mincho" in family,
                style not in ("Regular", "Book", "Medium", "W3"), str(path))

    entries.sort(key=rank)
    bolds = {family: path for path, family, style in entries if style == "Bold"}
    return [_pair(path, bolds.get(family), "fontconfig") for path, family, style in entries if style != "Bold"]


def candidate_fonts() -> list[FontFiles]:
    """Installed Japanese fonts in the order of preference for this platform (may be empty)."""
    found: list[FontFiles] = []
    if sys.platform == "win32":
        for folder in _windows_dirs():
            found += [_pair(folder / reg, folder / bold if bold else None, "Windows fonts")
                      for reg, bold in _windows_candidates() if (folder / reg).is_file()]
    if sys.platform == "darwin":
        found += [_pair(Path(reg), bold, "macOS fonts") for reg, bold in _MAC_CANDIDATES if Path(reg).is_file()]
    found += _fontconfig()
    found += [_pair(Path(reg), bold, "known path") for reg, bold in _LINUX_CANDIDATES if Path(reg).is_file()]
    return found


def find_japanese_font(explicit: str | Path | None = None, configured: str | Path | None = None) -> FontFiles:
    """The font to embed, or FontNotFoundError with a one-line reason saying how to get one."""
    if explicit:
        return _explicit(explicit, "--font")
    env = os.environ.get(ENV_VAR)
    if env:
        return _explicit(env, f"${ENV_VAR}")
    if configured:
        return _explicit(configured, "workspace setting report_font")
    found = candidate_fonts()
    if not found:
        raise FontNotFoundError(
            "no Japanese font found for the PDF report; install one (Debian/Ubuntu: fonts-noto-cjk or "
            f"fonts-ipafont-gothic) or set {ENV_VAR}=/path/to/font.ttf (XLSX and CSV reports need no font)")
    return found[0]
