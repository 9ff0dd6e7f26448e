"""The debriefing zip's CSV files speak the workspace's language: Japanese headers and entries by default
(状況付与, 優先度 高, 未充足, 使用可, 反映), English when the workspace is set to English; times in JST."""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from pathlib import Path

from disastershare.store.workspace import Workspace

sys.path.insert(0, str(Path(__file__).parents[1] / "reports"))
from reportkit import raw_codes  # noqa: E402  (the report tests' scanner for untranslated codes)


def _export(run, tmp_path: Path, japanese: bool = True) -> dict[str, list[dict[str, str]]]:
    target = tmp_path / "debrief.zip"
    code, _, err = run("drill", "export", str(target), "--no-report")
    assert code == 0, err
    with zipfile.ZipFile(target) as zf:
        texts = {n: zf.read(n).decode("utf-8-sig") for n in zf.namelist() if n.endswith(".csv")}
    for name, text in texts.items():
        assert not japanese or raw_codes(text) == [], name  # English labels are the codes' own words
    return {n: list(csv.DictReader(io.StringIO(t, newline=""))) for n, t in texts.items()}


def test_japanese_headers_and_translated_entries(run, scenario_file: Path, tmp_path: Path) -> None:
    run("drill", "new", str(scenario_file))
    run("drill", "advance", "200")
    files = _export(run, tmp_path)
    timeline = files["timeline.csv"]
    assert list(timeline[0]) == ["日時 (JST)", "訓練時刻", "種別", "内容", "付与された需要"]
    assert [e["種別"] for e in timeline][:3] == ["訓練開始", "状況付与", "状況付与"]
    assert timeline[0]["内容"] == "小さな訓練（3 団体）" and timeline[0]["訓練時刻"] == "T+0 分"
    blankets = next(e for e in timeline if "毛布" in e["付与された需要"])
    assert blankets["付与された需要"] == "熊本県 益城町 毛布 800 枚（優先度 高）"
    assert any(e["内容"] == "T+0 分 → T+200 分" for e in timeline if e["種別"] == "時間経過")
    need = next(r for r in files["needs.csv"] if r["品目コード"] == "S-BLANKET")
    assert (need["品名"], need["優先度"], need["状態"], need["種別"], need["市区町村"]) == (
        "毛布", "高", "未充足", "物資", "熊本県 益城町")
    stock = next(r for r in files["stock.csv"] if r["品目コード"] == "S-BLANKET" and r["団体コード"] == "434434")
    assert (stock["状態"], stock["期限の状態"], stock["在庫数"]) == ("使用可", "期限なし", "100")
    assert {r["結果"] for r in files["imports.csv"]} == {"反映"}
    assert "スナップショット作成 (JST)" in files["imports.csv"][0]


def test_english_workspace_gets_english_headers(run, scenario_file: Path, tmp_path: Path) -> None:
    run("drill", "new", str(scenario_file))
    host = Workspace.open(tmp_path / "drill")
    host.set_language("en")
    host.close()
    run("drill", "advance")
    files = _export(run, tmp_path, japanese=False)
    assert list(files["timeline.csv"][0])[:3] == ["Time (JST)", "Drill clock", "Kind"]
    need = files["needs.csv"][0]
    assert (need["Resource"], need["Priority"], need["Status"]) == ("Blankets", "high", "open")
