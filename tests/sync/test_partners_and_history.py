"""Partners (key cards, enable/disable, lost-laptop key replacement), data age, and what changed per resource."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sync_helpers import dump, export, import_one, run_import, trust

from disastershare.core.errors import DomainError
from disastershare.sync.exporter import export_bundle
from disastershare.sync.history import import_history, last_changes
from disastershare.sync.keycard import own_keycard, read_keycard, write_keycard
from disastershare.sync.partners import (
    STALE_AFTER,
    Agreement,
    add_partner,
    describe_age,
    get_partner,
    list_partners,
    replace_key,
    set_enabled,
)
from disastershare.sync.progress import drain

A, B, C = "434434", "431001", "432105"


def test_key_card_round_trip_and_readable_fingerprint(make_workspace, tmp_path: Path) -> None:
    a = make_workspace(A, seed=None)
    card = own_keycard(a)
    path = write_keycard(card, tmp_path / "mashiki.dskey")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert {k: document[k] for k in ("format", "municipality", "prefecture", "name")} == {
        "format": "disastershare-keycard", "municipality": A, "prefecture": "熊本県", "name": "益城町"}
    groups = document["fingerprint"].split(" ")
    assert len(groups) == 5 and all(len(g) == 4 and g.isalnum() and g.isupper() or g.isdigit() for g in groups)
    assert read_keycard(path) == replace(card, created_at=None)


@pytest.mark.parametrize("mutate", [
    lambda d: d.update(fingerprint="AAAA BBBB CCCC DDDD EEEE"),
    lambda d: d.update(public_key="bm90IGEga2V5"),
    lambda d: d.update(municipality="434435"),
    lambda d: d.update(format="something-else"),
    lambda d: d.update(version=2),
    lambda d: d.pop("public_key"),
])
def test_malformed_key_cards_are_refused(make_workspace, tmp_path: Path, mutate) -> None:
    a = make_workspace(A, seed=None)
    document = json.loads(own_keycard(a).to_json())
    mutate(document)
    path = tmp_path / "bad.dskey"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(DomainError):
        read_keycard(path)


def test_refuses_own_card_unknown_codes_and_duplicates(make_workspace) -> None:
    a, b, c = make_workspace(A, seed=None), make_workspace(B, seed=None), make_workspace(C, seed=None)
    with pytest.raises(DomainError, match="own key card"):
        add_partner(a, own_keycard(a))
    with a.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM municipality WHERE code = ?", (B,))
    a.invalidate_registry()
    with pytest.raises(DomainError, match="not in this workspace's registry"):
        add_partner(a, own_keycard(b))
    add_partner(a, own_keycard(c), Agreement.PREFECTURE)
    with pytest.raises(DomainError, match="already a partner"):
        add_partner(a, own_keycard(c))
    assert [(p.code, p.agreement) for p in list_partners(a)] == [(C, Agreement.PREFECTURE)]


def test_replace_key_retires_the_old_one(make_workspace, tmp_path: Path) -> None:
    a, b = make_workspace(A), make_workspace(B)
    trust(b, a)
    old = export(a, tmp_path)
    assert import_one(b, old).status == "applied"
    new_laptop = make_workspace(A, seed=3, name="new-laptop")
    with pytest.raises(DomainError, match="already"):
        replace_key(b, own_keycard(a))
    partner = replace_key(b, own_keycard(new_laptop))
    assert partner.fingerprint == own_keycard(new_laptop).fingerprint
    assert import_one(b, old).status == "refused"
    # the new laptop starts again at #1, and that is accepted: the sequence baseline went with the old key
    fresh = export(new_laptop, tmp_path / "new.dsnap")
    assert import_one(b, fresh).status == "applied"
    with pytest.raises(DomainError, match="retired"):
        replace_key(b, own_keycard(a))


def test_data_age_and_stale_flag(make_workspace, tmp_path: Path) -> None:
    a, b = make_workspace(A), make_workspace(B)
    trust(b, a)
    assert get_partner(b, A).is_stale() and get_partner(b, A).age() is None
    made = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)
    from disastershare.sync.exporter import export_snapshot

    path = drain(export_snapshot(a, tmp_path, now=made)).path
    import_one(b, path)
    partner = get_partner(b, A)
    assert partner.last_heard_from == made and partner.last_sequence == 1
    assert partner.age(made + timedelta(hours=3)) == timedelta(hours=3)
    assert not partner.is_stale(made + STALE_AFTER)
    assert partner.is_stale(made + STALE_AFTER + timedelta(minutes=1))
    assert describe_age(timedelta(hours=3)) == "3 h ago" and describe_age(None) == "never"
    assert describe_age(timedelta(minutes=5)) == "5 min ago" and describe_age(timedelta(days=3)) == "3 d ago"


def test_changes_per_resource_of_the_last_import(make_workspace, tmp_path: Path) -> None:
    a, b = make_workspace(A), make_workspace(B)
    trust(b, a)
    import_one(b, export(a, tmp_path))
    items = a.inventory.list()
    first, second, third = items[0], items[1], items[2]
    a.inventory.update(replace(first, on_hand=first.on_hand + 1))
    a.inventory.delete(second.meta.id)
    a.inventory.add(replace(third, meta=replace(third.meta, id="new-record-1", revision=0)))
    result = import_one(b, export(a, tmp_path))
    assert (result.changes.added, result.changes.changed, result.changes.removed) == (1, 1, 1)
    changes = {c.resource: (c.added, c.changed, c.removed) for c in last_changes(b, A)}
    expected: dict[str, list[int]] = {}
    for resource, slot in ((first.resource, 1), (second.resource, 2), (third.resource, 0)):
        expected.setdefault(resource, [0, 0, 0])[slot] += 1
    assert changes == {k: tuple(v) for k, v in expected.items()}
    history = import_history(b)
    assert [(e.sequence, e.status.value) for e in history] == [(2, "applied"), (1, "applied")]


def test_disabled_partners_stay_out_of_bundles_but_keep_their_records(make_workspace, tmp_path: Path) -> None:
    a, b, c = make_workspace(A), make_workspace(B), make_workspace(C)
    trust(b, a, c)
    run_import(b, export(a, tmp_path / "a.dsnap"), export(c, tmp_path / "c.dsnap"))
    set_enabled(b, C, False)
    before = dump(b)
    bundle = drain(export_bundle(b, tmp_path))
    assert bundle.snapshots == ["431001-000001.dsnap", "434434-000001.dsnap"]
    assert {k: v for k, v in dump(b).items() if k not in ("own_snapshot", "stored_snapshot")} == {
        k: v for k, v in before.items() if k not in ("own_snapshot", "stored_snapshot")}
    assert b.inventory.list(C)


def test_bundle_relays_verbatim_files(make_workspace, tmp_path: Path) -> None:
    a, b = make_workspace(A), make_workspace(B)
    trust(b, a)
    original = export(a, tmp_path / "a.dsnap")
    import_one(b, original)
    bundle = drain(export_bundle(b, tmp_path))
    import zipfile

    with zipfile.ZipFile(bundle.path) as zf:
        assert zf.read("434434-000001.dsnap") == original.read_bytes()
        assert all(i.compress_type == zipfile.ZIP_STORED for i in zf.infolist())
