"""Finding a Japanese font to embed: explicit choice first, then the platform's fonts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from disastershare.reports import fonts
from disastershare.reports.fonts import ENV_VAR, FontNotFoundError, find_japanese_font


@pytest.fixture(autouse=True)
def _no_env_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)


def test_an_explicit_font_wins_and_a_missing_one_is_an_error_not_a_fallback(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = tmp_path / "ipag.ttf"
    chosen.write_bytes(b"\0")
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.ttf"))
    assert find_japanese_font(chosen).regular == chosen  # --font beats the environment
    with pytest.raises(FontNotFoundError, match="env.ttf"):
        find_japanese_font(configured=chosen)  # the environment beats the workspace setting
    monkeypatch.delenv(ENV_VAR)
    assert find_japanese_font(configured=chosen).source == "workspace setting report_font"
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(FontNotFoundError, match="not a .ttf"):
        find_japanese_font(tmp_path / "notes.txt")


def test_windows_prefers_yu_gothic_then_meiryo_then_ms_gothic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    windir = tmp_path / "Windows"
    (windir / "Fonts").mkdir(parents=True)
    for name in ("msgothic.ttc", "meiryo.ttc", "meiryob.ttc"):
        (windir / "Fonts" / name).write_bytes(b"\0")
    monkeypatch.setattr(fonts.sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", str(windir))
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    monkeypatch.setattr(fonts, "_fontconfig", list)
    monkeypatch.setattr(fonts, "_LINUX_CANDIDATES", [])
    found = find_japanese_font()
    assert (found.regular.name, found.bold.name if found.bold else None) == ("meiryo.ttc", "meiryob.ttc")
    (windir / "Fonts" / "YuGothM.ttc").write_bytes(b"\0")
    assert find_japanese_font().regular.name == "YuGothM.ttc"


def test_no_font_anywhere_says_how_to_get_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts.sys, "platform", "linux")
    monkeypatch.setattr(fonts, "_fontconfig", list)
    monkeypatch.setattr(fonts, "_LINUX_CANDIDATES", [])
    with pytest.raises(FontNotFoundError, match="fonts-noto-cjk") as refused:
        find_japanese_font()
    assert "\n" not in str(refused.value)


def test_fontconfig_finds_an_installed_japanese_font() -> None:
    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig is not installed")
    found = fonts.candidate_fonts()
    if not found:
        pytest.skip("no Japanese font installed (make test installs fonts-noto-cjk)")
    assert found[0].regular.is_file()


def test_a_font_without_japanese_glyphs_is_refused() -> None:
    from disastershare.reports.pdf_fonts import register

    latin = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not latin.is_file():
        pytest.skip("DejaVu Sans is not installed")
    with pytest.raises(FontNotFoundError, match="no Japanese glyphs"):
        register(fonts.FontFiles(latin, None, "test"))
