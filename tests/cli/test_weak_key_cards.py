"""Key cards that would let anyone write a partner's data, or that are malformed, are refused by partners add."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from disastershare.sync.keys import fingerprint

SMALL_ORDER = bytes.fromhex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05")


def _card(path: Path, **changes) -> Path:
    raw = changes.pop("raw", bytes(32))
    document = {"format": "disastershare-keycard", "version": 1, "municipality": "432041", "prefecture": "熊本県",
                "name": "益城町", "public_key": base64.b64encode(raw).decode(), "fingerprint": fingerprint(raw),
                "created_at": "2026-12-01T00:00:00Z", **changes}
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def ws(cli, tmp_path: Path) -> Path:
    assert cli("init", "--municipality", "131016").code == 0
    return tmp_path / "ws"


@pytest.mark.parametrize(("changes", "reason"), [
    ({"raw": bytes(32)}, "weak"),
    ({"raw": SMALL_ORDER}, "weak"),
    ({"raw": b"12345"}, "32 bytes"),
    ({"version": True}, "version"),
    ({"municipality": 432041}, "municipality is not text"),
])
def test_partners_add_refuses_forgeable_or_malformed_cards(cli, ws, tmp_path, changes, reason):
    card = _card(tmp_path / "card.dskey", **changes)
    result = cli("partners", "add", str(card), "--yes")
    assert result.code == 2, result.out
    assert reason in result.err and "Traceback" not in result.err
    assert cli("partners", "list", "--format", "json").json() == []
