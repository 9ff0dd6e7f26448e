"""`disastershare report --out FILE`: format by suffix, exit 2 with one line and nothing written on refusal."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportkit import pdf_text

from disastershare.cli import main
from disastershare.reports.fonts import ENV_VAR
from disastershare.store.workspace import Workspace


def run(capsys: pytest.CaptureFixture[str], workspace: Workspace, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = main(["--workspace", str(workspace.root), "report", *args])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_each_format_is_written_and_named_on_stderr(drill_ws: Workspace, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name in ("r.pdf", "r.xlsx", "r.zip"):
        code, stdout, err = run(capsys, drill_ws, "--out", str(out / name))
        assert (code, stdout) == (0, "") and f"wrote {out / name}" in err
    code, _, err = run(capsys, drill_ws, "--out", str(out / "r.csv"), "--hxl", "--scope", "own")
    assert code == 0 and err.count("wrote ") == 10
    assert "熊本県 益城町" in pdf_text(out / "r.pdf")
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []  # no temporary files left


def test_english_and_scope_options(drill_ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, drill_ws, "--out", str(tmp_path / "en.pdf"), "--language", "en", "--scope", "own")
    text = pdf_text(tmp_path / "en.pdf")
    assert code == 0 and "Own stock" in text and "Partners' stock" not in text
    assert "Tarpaulins" not in text  # only Fukuoka holds tarpaulins; its stock is outside scope=own
    assert "flagged" in text  # no 'ﬂ' ligature in extracted English text


@pytest.mark.parametrize("name", ["report.txt", "report", "report.PDFX"])
def test_unknown_suffix_is_refused_with_one_line_and_nothing_written(drill_ws: Workspace, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str],
                                                                     name: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    code, _, err = run(capsys, drill_ws, "--out", str(out / name))
    assert code == 2 and len(err.strip().splitlines()) == 1 and ".pdf, .xlsx, .csv, .zip" in err
    assert list(out.iterdir()) == []


def test_missing_font_and_missing_folder_are_user_errors(drill_ws: Workspace, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(capsys, drill_ws, "--out", str(tmp_path / "nowhere" / "r.pdf"))
    assert code == 2 and "not a folder" in err
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "gone.otf"))
    code, _, err = run(capsys, drill_ws, "--out", str(tmp_path / "r.pdf"))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "gone.otf" in err
    assert not list(tmp_path.glob("*r.pdf*"))
    code, _, _ = run(capsys, drill_ws, "--out", str(tmp_path / "r.xlsx"))  # workbooks need no font
    assert code == 0


def test_help_documents_formats_and_scopes(drill_ws: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, drill_ws, "--help")
    assert code == 0 and "NAME-stock.csv" in out and "prefecture" in out and "JST" in out
    assert "益城町_第3報_20261203-1430.pdf" in out and "contact_name" in out
    hxl = out[out.index("  --hxl"):out.index("  --scope")]
    assert "Humanitarian Exchange Language" in " ".join(hxl.split())  # HXL is explained where it is offered


def test_settings_set_show_and_unset(drill_ws: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    def settings(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main(["--workspace", str(drill_ws.root), "settings", *args])
        except SystemExit as exc:
            code = int(exc.code or 0)
        out = capsys.readouterr()
        return code, out.out, out.err

    assert settings("set", "contact_name", "山田 花子")[0] == 0
    assert settings("set", "time_zone", "Asia/Tokyo")[0] == 0
    assert drill_ws.settings()["contact_name"] == "山田 花子" and drill_ws.settings()["time_zone"] == "Asia/Tokyo"
    code, _, err = settings("set", "time_zone", "Mars/Base")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Mars/Base" in err
    code, _, err = settings("set", "colour", "red")
    assert code == 2 and "invalid choice" in err
    code, out, _ = settings("show", "--format", "json")
    assert code == 0 and '"contact_name": "山田 花子"' in out
    assert settings("unset", "contact_name")[0] == 0 and "contact_name" not in drill_ws.settings()
