"""Report test kit: builds workspaces for 益城町 (434434) holding own records and partners'
mirrored records (inserted straight into the tables, as snapshot import would, since reports only read)."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert

from disastershare.core.records import InventoryItem, Need, RecordMeta, StaffPool
from disastershare.store.sync_tables import PartnerRow
from disastershare.store.tables import InventoryItemRow
from disastershare.store.workspace import Workspace

OWN = "434434"  # 熊本県 益城町
KUMAMOTO = "431001"  # 熊本県 熊本市: same prefecture, blankets to spare
FUKUOKA = "401307"  # 福岡県 福岡市: another prefecture, heard from three days ago (stale)
YATSUSHIRO = "432024"  # 熊本県 八代市: trusted, never heard from
NOW = datetime(2026, 11, 23, 1, 30, tzinfo=UTC)  # 2026-11-23 10:30 JST


def insert_mirrored(workspace: Workspace, owner: str, rows: Iterable[tuple[str, int, int]]) -> None:
    """A partner's inventory as a snapshot import leaves it: rows owned by `owner`."""
    stamp = NOW - timedelta(hours=3)
    values = [dict(id=str(uuid.uuid4()), owner=owner, revision=i + 1, updated_at=stamp, deleted=False,
                   resource=resource, on_hand=on_hand, reserved=reserved, location="備蓄倉庫", condition="ready",
                   expiry=None, note="") for i, (resource, on_hand, reserved) in enumerate(rows)]
    with workspace.engine.begin() as conn:
        conn.execute(insert(InventoryItemRow.__table__), values)


def add_partner(workspace: Workspace, code: str, sequence: int | None, heard: datetime | None) -> None:
    name = workspace.registry().require(code).name
    with workspace.engine.begin() as conn:
        conn.execute(insert(PartnerRow.__table__).values(
            code=code, name=name, agreement="mutual_aid", enabled=True, added_at=NOW,
            last_sequence=sequence, last_created_at=heard,
            last_imported_at=heard + timedelta(minutes=5) if heard else None))


def fill(workspace: Workspace) -> Workspace:
    own = workspace.municipality
    workspace.inventory.apply([
        InventoryItem(RecordMeta(own), "S-WATER", 1200, 200, "本庁舎倉庫", expiry=date(2027, 3, 31)),
        InventoryItem(RecordMeta(own), "S-WATER", 300, 0, "第2倉庫", expiry=date(2026, 12, 31)),
        InventoryItem(RecordMeta(own), "S-BLANKET", 340, 0, "第2倉庫"),
        InventoryItem(RecordMeta(own), "E-GENERATOR", 3, 1, "消防署"),
    ], [])
    workspace.staff.apply([StaffPool(RecordMeta(own), "P-PHN", 4)], [])
    workspace.needs.apply([Need(RecordMeta(own), "S-BLANKET", 900), Need(RecordMeta(own), "S-MILK-LIQUID", 200)], [])
    insert_mirrored(workspace, KUMAMOTO, [("S-BLANKET", 2000, 0), ("S-WATER", 5000, 1000)])
    insert_mirrored(workspace, FUKUOKA, [("S-MILK-LIQUID", 480, 0), ("S-TARP", 800, 50)])
    add_partner(workspace, KUMAMOTO, 7, NOW - timedelta(hours=2))
    add_partner(workspace, FUKUOKA, 2, NOW - timedelta(days=3))
    add_partner(workspace, YATSUSHIRO, None, None)
    return workspace


def need_poppler() -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        pytest.skip("poppler-utils (pdftotext, pdfinfo) is not installed")


def pdf_text(path: Path, page: int | None = None) -> str:
    need_poppler()
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_pages(path: Path) -> int:
    need_poppler()
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_png(path: Path, page: int, out: Path, resolution: int = 70) -> Path:
    """Page `page` of a PDF as a PNG (pdftoppm), for a human to look at; skips without poppler."""
    need_poppler()
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    subprocess.run(["pdftoppm", "-png", "-singlefile", "-r", str(resolution), "-f", str(page), "-l", str(page),
                    str(path), str(out.with_suffix(""))], check=True)
    return out.with_suffix(".png")


def raw_codes(text: str) -> list[str]:
    """Coded values that should have been translated: any StrEnum value of the app, or TRUE/FALSE, found as a
    whole word (HXL hashtags such as #value+expired are tags, not text, and are skipped)."""
    import re

    from disastershare.core.catalog import ResourceKind
    from disastershare.core.expiry import ExpiryState
    from disastershare.core.records import Condition, NeedStatus, Priority
    from disastershare.core.requests import RequestStatus
    from disastershare.sync.partners import Agreement
    from disastershare.sync.results import ImportStatus

    codes = {m.value for enum in (RequestStatus, NeedStatus, Condition, Priority, ResourceKind, ExpiryState,
                                  Agreement, ImportStatus) for m in enum}
    codes |= {"proposed", "committed", "started", "inject", "advance", "reset", "upcoming", "TRUE", "FALSE",
              "True", "False"}
    text = re.sub(r"#[\w+]+", " ", text)
    return sorted({word for word in re.findall(r"[A-Za-z_]+", text) if word in codes})
