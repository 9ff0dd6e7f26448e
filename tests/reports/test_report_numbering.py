"""Report numbers (第N報): counted per workspace in reports/report_counter.json, used only by a report
actually written, the same for one report in several formats, and in the suggested file name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reportkit import NOW, pdf_text

from disastershare.cli import main
from disastershare.core.errors import DomainError
from disastershare.reports.fonts import ENV_VAR
from disastershare.reports.numbering import counter_file, suggested_name
from disastershare.reports.output import write_report
from disastershare.reports.report_data import build_report_data
from disastershare.store.workspace import Workspace


def _counter(workspace: Workspace) -> dict:
    return json.loads(counter_file(workspace.root).read_text(encoding="utf-8"))


def test_the_number_counts_reports_written_not_reports_previewed(live_ws: Workspace, tmp_path: Path) -> None:
    assert counter_file(live_ws.root) == live_ws.root / "reports" / "report_counter.json"
    first = build_report_data(live_ws, now=NOW)
    assert first.meta.number == 1
    assert build_report_data(live_ws, now=NOW).meta.number == 1  # a preview uses no number
    assert not counter_file(live_ws.root).exists()
    write_report(first, tmp_path / "a.pdf")
    assert "第1報" in pdf_text(tmp_path / "a.pdf", 1)
    assert _counter(live_ws)["number"] == 1 and _counter(live_ws)["written_at"] == "2026-11-23T10:30+09:00"
    second = build_report_data(live_ws, now=NOW)
    write_report(second, tmp_path / "b.xlsx")
    assert second.meta.number == 2 and _counter(live_ws)["number"] == 2
    assert [p.name for p in counter_file(live_ws.root).parent.iterdir()] == ["report_counter.json"]  # no .part


def test_one_report_in_several_formats_keeps_one_number(live_ws: Workspace, tmp_path: Path) -> None:
    data = build_report_data(live_ws, now=NOW)
    write_report(data, tmp_path / "r.pdf")
    write_report(data, tmp_path / "r.xlsx")
    write_report(data, tmp_path / "r.csv")
    assert _counter(live_ws)["number"] == 1
    assert "第1報" in pdf_text(tmp_path / "r.pdf", 1)
    about = (tmp_path / "r-report.csv").read_text(encoding="utf-8-sig")
    assert "報告番号,第1報" in about


def test_a_refused_write_uses_no_number(live_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "no-such-font.ttf"))
    data = build_report_data(live_ws, now=NOW)
    with pytest.raises(DomainError):
        write_report(data, tmp_path / "r.pdf")
    assert not counter_file(live_ws.root).exists()
    monkeypatch.delenv(ENV_VAR)
    write_report(data, tmp_path / "r.pdf")
    assert _counter(live_ws)["number"] == 1


def test_figures_built_before_another_report_was_written_get_the_next_number(live_ws: Workspace,
                                                                             tmp_path: Path) -> None:
    early, late = build_report_data(live_ws, now=NOW), build_report_data(live_ws, now=NOW)
    assert early.meta.number == late.meta.number == 1
    write_report(late, tmp_path / "late.pdf")
    write_report(early, tmp_path / "early.pdf")  # two reports must never carry one number
    assert "第1報" in pdf_text(tmp_path / "late.pdf", 1) and "第2報" in pdf_text(tmp_path / "early.pdf", 1)
    assert _counter(live_ws)["number"] == 2


def test_a_damaged_counter_is_refused_in_one_line_never_restarted(live_ws: Workspace, tmp_path: Path) -> None:
    counter_file(live_ws.root).parent.mkdir()
    counter_file(live_ws.root).write_text("{not json", encoding="utf-8")
    with pytest.raises(DomainError, match="damaged") as refused:
        build_report_data(live_ws, now=NOW)
    assert "\n" not in str(refused.value)
    counter_file(live_ws.root).write_text('{"number": 41}', encoding="utf-8")  # the officer sets the last number
    assert build_report_data(live_ws, now=NOW).meta.number == 42


def test_suggested_file_name_has_town_number_and_local_time(drill_ws: Workspace, live_ws: Workspace) -> None:
    assert suggested_name(build_report_data(live_ws, now=NOW)) == "益城町_第1報_20261123-1030.pdf"
    assert suggested_name(build_report_data(drill_ws, now=NOW), ".XLSX") == "訓練_益城町_第1報_20261123-1030.xlsx"
    assert suggested_name(build_report_data(live_ws, now=NOW), ".zip", "en") == "益城町_report-1_20261123-1030.zip"


def _run(capsys: pytest.CaptureFixture[str], workspace: Workspace, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--workspace", str(workspace.root), *args])
    return code, capsys.readouterr().err


def test_cli_saves_into_a_folder_under_the_suggested_name(live_ws: Workspace, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    code, err = _run(capsys, live_ws, "report", "--out", str(out), "--out", str(out), "--format", "xlsx")
    assert code == 0, err
    [book] = list(out.iterdir())
    assert book.name.startswith("益城町_第1報_") and book.suffix == ".xlsx" and f"wrote {book}" in err
    code, err = _run(capsys, live_ws, "report", "--out", str(out / "r.pdf"), "--out", str(out / "r.zip"))
    assert code == 0 and "第2報" in pdf_text(out / "r.pdf", 1) and _counter(live_ws)["number"] == 2
