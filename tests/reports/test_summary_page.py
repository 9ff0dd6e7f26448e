"""The PDF's first page is a one-page summary: number, as-of time, contact, top shortfalls with units,
transfers proposed / committed, partners' data freshness; nothing technical; one page whatever the data."""

from __future__ import annotations

import subprocess
from pathlib import Path

from reportkit import NOW, add_partner, insert_mirrored, pdf_png, pdf_text

from disastershare.core.records import Need, RecordMeta
from disastershare.core.reference_data import shipped_catalog
from disastershare.reports.output import write_report
from disastershare.reports.report_data import build_report_data
from disastershare.reports.sources import TransferFigure
from disastershare.store.workspace import Workspace

CONTACT = {"contact_section": "危機管理課 防災係", "contact_name": "山田 花子", "contact_phone": "096-286-3111"}


def _with_contact(workspace: Workspace) -> Workspace:
    workspace.save_settings({**workspace.settings(), **CONTACT})
    return workspace


def _pdf(workspace: Workspace, path: Path, language: str = "ja", **figures) -> Path:
    write_report(build_report_data(workspace, now=NOW, **figures), path, language=language)
    return path


def test_first_page_says_number_time_contact_shortfalls_transfers_and_freshness(drill_ws: Workspace,
                                                                                tmp_path: Path,
                                                                                artifacts_dir: Path) -> None:
    committed = TransferFigure("S-BLANKET", "431001", "434434", 500, 12.3, "committed")
    pdf = _pdf(_with_contact(drill_ws), tmp_path / "r.pdf",
               transfers=[committed, TransferFigure("S-MILK-LIQUID", "401307", "434434", 200, 90.1)])
    first = pdf_text(pdf, 1)
    for expected in ("第1報", "熊本県 益城町", "時点", "2026年11月23日（令和8年11月23日）10:30 JST",
                     "危機管理課 防災係 山田 花子", "096-286-3111",
                     "不足の大きい資源", "乳児用液体ミルク", "200 本", "毛布", "900 枚", "560 枚",  # need and shortfall
                     "移送: 提案 1 件・確定 1 件", "確定", "500 枚", "熊本市",
                     "要確認 2 団体", "福岡市", "八代市", "受信なし", "目次", "不足一覧"):
        assert expected in first, expected
    layout = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                            text=True, check=True).stdout
    lines = layout.splitlines()
    fukuoka = next(line for line in lines if "福岡市" in line and "相互応援協定" in line)
    committed_row = next(i for i, line in enumerate(lines) if line.split()[:2] == ["確定", "毛布"])
    proposed_row = next(i for i, line in enumerate(lines) if line.split()[:2] == ["提案", "乳児用液体ミルク"])
    assert committed_row < proposed_row  # committed transfers are listed first
    assert fukuoka.replace(" ", "").endswith("11月20日10:303日")  # heard from 72 hours ago: 3 日
    for technical in (str(drill_ws.root), "NotoSans", ".ttc", "埋め込みフォント", "DisasterShare 0."):
        assert technical not in first, technical
    assert "資源分類別の合計" in pdf_text(pdf, 2)  # the body starts on page 2: the summary is one page
    last = pdf_text(pdf, int(first.split("p. 1 / ")[1].split()[0]))
    joined = "".join(last.split())  # a long path wraps onto the next line
    assert "報告について" in last and str(drill_ws.root) in joined and "NotoSans" in last  # the technical facts
    pdf_png(pdf, 1, artifacts_dir / "report-summary-ja.png")


def test_no_contact_set_says_so_and_english_summary(live_ws: Workspace, tmp_path: Path, artifacts_dir: Path) -> None:
    first = pdf_text(_pdf(live_ws, tmp_path / "ja.pdf"), 1)
    assert "担当" in first and "未設定" in first
    english = _pdf(_with_contact(live_ws), tmp_path / "en.pdf", language="en")
    first = pdf_text(english, 1)
    for expected in ("Report No. 2", "As of", "2026-11-23 10:30 JST (UTC+09:00)", "Contact", "Largest shortfalls",
                     "560 枚", "Transfers:", "2 of 3 stale", "never", "Contents"):
        assert expected in first, expected
    pdf_png(english, 1, artifacts_dir / "report-summary-en.png")


def test_the_summary_stays_one_page_with_many_shortfalls_transfers_and_silent_partners(
        drill_ws: Workspace, tmp_path: Path, artifacts_dir: Path) -> None:
    resources = [t.code for t in shipped_catalog() if t.kind.value != "staff"][:30]
    towns = [m.code for m in drill_ws.registry() if m.code.startswith("43") and not m.is_ward][3:33]
    for n, town in enumerate(towns):
        insert_mirrored(drill_ws, town, [(r, 10 + n, 0) for r in resources])
        add_partner(drill_ws, town, None, None)
    drill_ws.needs.apply([Need(RecordMeta(drill_ws.municipality), r, 100_000) for r in resources], [])
    pdf = _pdf(_with_contact(drill_ws), tmp_path / "big.pdf")
    first, second = pdf_text(pdf, 1), pdf_text(pdf, 2)
    assert "目次" in first and "ほか" in first  # the lists were cut, and say so
    assert "資源分類別の合計" in second and "目次" not in second
    layout = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                            text=True, check=True).stdout.splitlines()
    footer = next(i for i, line in enumerate(layout) if "p. 1 /" in line)
    assert not any("報告について" in line for line in layout[footer:])  # the contents end above the footer
    assert "報告について" in layout[footer - 1] or any("報告について" in line for line in layout[footer - 6:footer])
    pdf_png(pdf, 1, artifacts_dir / "report-summary-big.png")
