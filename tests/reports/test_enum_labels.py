"""Coded values are translated in Japanese reports: one label table covers every enum that reaches a report,
and the demo's Japanese PDF, workbook and CSV files show no raw value (`partly_accepted`, `FALSE`)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from reportkit import pdf_text, raw_codes

from disastershare.core.catalog import ResourceKind
from disastershare.core.expiry import ExpiryState
from disastershare.core.records import Condition, NeedStatus, Priority
from disastershare.core.requests import RequestStatus
from disastershare.demo import build_demo
from disastershare.reports import labels
from disastershare.reports.output import write_report
from disastershare.reports.report_data import build_report_data
from disastershare.sync.partners import Agreement
from disastershare.sync.results import ImportStatus

ENUMS = {"request_status": RequestStatus, "need_status": NeedStatus, "condition": Condition, "priority": Priority,
         "kind": ResourceKind, "agreement": Agreement, "expiry_state": ExpiryState, "import_status": ImportStatus}


@pytest.mark.parametrize("group", sorted(ENUMS))
def test_every_enum_value_has_a_japanese_and_an_english_label(group: str) -> None:
    table = labels.ENUMS[group]
    assert set(table) == {m.value for m in ENUMS[group]}, group  # nothing missing, nothing stale
    for value, text in table.items():
        assert text.ja and not text.ja.isascii(), value  # a real Japanese label, not the code again
        assert text.en and "_" not in text.en, value


def test_transfer_statuses_booleans_and_unknown_codes() -> None:
    statuses = [labels.status(s, "ja") for s in ("proposed", "committed", "partly_accepted")]
    assert statuses == ["提案", "確定", "一部受諾"]
    flags = (labels.yes_no(True, "ja"), labels.yes_no(False, "ja"), labels.yes_no(True, "en"))
    assert flags == ("はい", "いいえ", "yes")
    assert labels.enum_label("condition", "brand_new", "ja") == "brand_new"  # a newer partner's code: shown as is


def _workbook_text(path: Path) -> str:
    """Every cell as Excel shows it: a boolean cell reads TRUE / FALSE."""
    book = load_workbook(path)
    cells = [cell for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row]
    return "\n".join("TRUE" if c is True else "FALSE" if c is False else str(c) for c in cells if c is not None)


def test_japanese_demo_outputs_show_no_raw_codes(tmp_path: Path) -> None:
    workspace = build_demo(tmp_path / "demo")
    try:
        # the demo's figures, with a request in every status (the demo itself has one, accepted)
        data = build_report_data(workspace, request_counts={s.value: 1 for s in RequestStatus})
    finally:
        workspace.close()
    assert {t.status for t in data.transfers} == {"proposed", "committed"} and any(f.stale for f in data.freshness)
    write_report(data, tmp_path / "r.pdf")
    write_report(data, tmp_path / "r.xlsx")
    write_report(data, tmp_path / "r.zip")
    pdf = pdf_text(tmp_path / "r.pdf")
    assert raw_codes(pdf) == [], "PDF"
    assert "一部受諾" in pdf and "要確認" in pdf
    assert raw_codes(_workbook_text(tmp_path / "r.xlsx")) == [], "XLSX"
    with zipfile.ZipFile(tmp_path / "r.zip") as archive:
        for name in archive.namelist():
            assert raw_codes(archive.read(name).decode("utf-8-sig")) == [], name
        freshness = archive.read("r-freshness.csv").decode("utf-8-sig")
    assert "はい" in freshness and "いいえ" in freshness
