"""Qt side of the PDF font: a GUI application object to paint with, and the Japanese font registered.

The font file is registered explicitly (not looked up by family name) so the PDF embeds exactly the file
`fonts.find_japanese_font` chose, on every platform, including Qt's offscreen platform on a server.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont
from PySide6.QtWidgets import QApplication

from disastershare.reports.fonts import FontFiles, FontNotFoundError

_app: QGuiApplication | None = None  # kept alive for the process: Qt needs it while painting
_registered: dict[str, str] = {}


@dataclass(frozen=True, slots=True)
class PdfFonts:
    family: str
    files: FontFiles

    def font(self, size: float, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(size)
        font.setBold(bold)
        # Metrics must match what the PDF viewer draws, not what a screen's hinting would snap to.
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        if hasattr(font, "setFeature"):  # Qt >= 6.7
            # Noto Sans CJK JP's 'locl' swaps digits in Latin runs ("p. 1 / 4") for glyphs no code point
            # maps to, so Qt writes no text mapping for them and they vanish from extracted text. The JP
            # face's default glyphs already are the Japanese forms, so nothing visible is lost.
            font.setFeature(QFont.Tag("locl"), 0)
            # Ligatures (fl, fi) extract as one character (ﬂ); staff search and copy English text too.
            font.setFeature(QFont.Tag("liga"), 0)
        return font


def ensure_gui_application() -> None:
    """Painting text needs a Qt application; the GUI has one, the CLI and tests may not.

    A full QApplication (not a QGuiApplication): a process gets one application object only, and the
    same process may show widgets afterwards (demo --headless writes a report and takes screenshots)."""
    global _app
    if QGuiApplication.instance() is not None:
        return
    # A CLI run on a server has no display: Qt would abort the whole process. No window is ever shown.
    no_display = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                          or os.environ.get("WAYLAND_DISPLAY"))
    if no_display and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QApplication(["disastershare-report"])


def _add(path: str) -> list[str]:
    font_id = QFontDatabase.addApplicationFont(path)
    return QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []


def register(files: FontFiles) -> PdfFonts:
    """Register the regular (and bold) file; the family that covers Japanese (a JP face of a CJK
    collection first) is the one the report draws with."""
    ensure_gui_application()
    key = str(files.regular)
    if key not in _registered:
        families = _add(key)
        if not families:
            raise FontNotFoundError(f"the font {files.regular} ({files.source}) could not be loaded")
        japanese = [f for f in families if QFontDatabase.WritingSystem.Japanese in QFontDatabase.writingSystems(f)]
        if not japanese:
            raise FontNotFoundError(f"the font {files.regular} ({files.source}) has no Japanese glyphs")
        japanese.sort(key=lambda f: ("JP" not in f, "Mono" in f, f))  # Noto Sans CJK JP, not KR/SC/Mono
        if files.bold is not None:
            _add(str(files.bold))
        _registered[key] = japanese[0]
    return PdfFonts(_registered[key], files)


def _first_code_points(raw: QRawFont) -> dict[int, int]:
    """glyph -> the lowest BMP code point mapped to it: exactly what Qt writes into the ToUnicode map."""
    chars = "".join(chr(c) for c in range(1, 0x10000) if not 0xD800 <= c <= 0xDFFF)
    first: dict[int, int] = {}
    for ch, glyph in zip(chars, raw.glyphIndexesForString(chars), strict=True):
        if glyph and glyph not in first:
            first[glyph] = ord(ch)
    return first


def shared_glyph_replacements(drawn: Iterable[str], fonts: Iterable[QFont]) -> dict[int, int]:
    """{code point Qt will wrongly name: the character we drew} for glyphs shared by several code points.

    A code point is replaced only when it was never drawn, so a correct mapping is never touched."""
    chars = {ch for ch in drawn if ord(ch) <= 0xFFFF}
    drawn_codes = {ord(ch) for ch in chars}
    replacements: dict[int, int] = {}
    for font in fonts:
        raw = QRawFont.fromFont(font)
        if not raw.isValid():
            continue
        first = _first_code_points(raw)
        ordered = sorted(chars)
        for ch, glyph in zip(ordered, raw.glyphIndexesForString("".join(ordered)), strict=True):
            named = first.get(glyph)
            if named is not None and named != ord(ch) and named not in drawn_codes:
                replacements.setdefault(named, ord(ch))
    return replacements
