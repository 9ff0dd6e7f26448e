from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from disastershare.core.catalog import ResourceKind
from disastershare.core.errors import DomainError, ValidationError
from disastershare.core.registry import read_registry_file
from disastershare.paths import data_file
from disastershare.store.reference_store import add_local_type, load_catalog, update_registry
from disastershare.store.workspace import Workspace


def test_registry_update_adds_new_codes_and_keeps_vanished_ones_as_former(workspace: Workspace, tmp_path: Path) -> None:
    lines = data_file("municipalities_jp.csv").read_text(encoding="utf-8").splitlines()
    # Hamamatsu 2024: seven wards (221317..221376) become 中央区/浜名区/天竜区
    kept = [ln for ln in lines if not ln.startswith(("22131", "22132", "22133", "22134", "22135", "22136", "22137"))]
    newer = tmp_path / "newer.csv"
    newer.write_text("\n".join([*kept, "221384,静岡県,浜松市 中央区,はままつし ちゅうおうく,34.71,137.72,1",
                                "221392,静岡県,浜松市 浜名区,はままつし はまなく,34.80,137.78,1",
                                "221406,静岡県,浜松市 天竜区,はままつし てんりゅうく,34.87,137.81,1"]) + "\n",
                     encoding="utf-8")
    added, _, former = update_registry(workspace.engine, read_registry_file(newer))
    workspace.invalidate_registry()
    registry = workspace.registry()
    assert added == 3 and former == 7
    assert registry.get("221384").name == "浜松市 中央区" and not registry.get("221384").former
    assert registry.get("221317").former is True


def test_registry_update_with_a_bad_file_changes_nothing(workspace: Workspace, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"%PDF-1.7 \x00\x01")
    with pytest.raises(DomainError):
        read_registry_file(bad)
    with sqlite3.connect(workspace.db_path) as conn:
        assert conn.execute("SELECT count(*) FROM municipality WHERE former = 1").fetchone()[0] == 0


def test_local_types_are_prefixed_and_join_the_catalog(workspace: Workspace) -> None:
    rtype = add_local_type(workspace.engine, "131016", "boat", ResourceKind.EQUIPMENT, "救命ボート", "Rescue boat",
                           "艇", "rescue")
    assert rtype.code == "131016-BOAT"
    assert load_catalog(workspace.engine).require("131016-BOAT").owner == "131016"
    with pytest.raises(ValidationError, match="already exists"):
        add_local_type(workspace.engine, "131016", "BOAT", ResourceKind.EQUIPMENT, "ボート", "", "艇", "")
