"""keycard export, partners add / list / enable / disable / replace-key, snapshot export / import / log."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from disastershare.cli.common import add_format, open_workspace
from disastershare.cli.output import emit
from disastershare.cli.progress import drain, text_progress
from disastershare.core.errors import DomainError
from disastershare.store.output_paths import checked_output_path
from disastershare.sync.exporter import export_bundle, export_snapshot
from disastershare.sync.history import import_history
from disastershare.sync.importer import exit_code, import_snapshots
from disastershare.sync.keycard import KEYCARD_SUFFIX, KeyCard, own_keycard, read_keycard, write_keycard
from disastershare.sync.partners import (
    AGREEMENT_HELP,
    STALE_AFTER,
    Agreement,
    Partner,
    add_partner,
    check_new_partner,
    check_replacement,
    describe_age,
    list_partners,
    replace_key,
    set_enabled,
)

EXIT_USER_ERROR = 2


def register(sub: argparse._SubParsersAction) -> None:
    card = sub.add_parser("keycard", help="this municipality's public key card, for partners")
    card_sub = card.add_subparsers(dest="keycard_command", required=True, metavar="ACTION")
    exp = card_sub.add_parser("export", help=f"write the key card (JSON, suggested suffix {KEYCARD_SUFFIX})")
    exp.add_argument("file", metavar="FILE", help=f"file to write, or a folder (ending in /) to write CODE"
                     f"{KEYCARD_SUFFIX} into")
    exp.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    exp.set_defaults(handler=_keycard_export)

    partners = sub.add_parser("partners", help="trusted partner municipalities and their keys",
                              description="Partners are trusted by their key card. Agreement kinds: "
                              + AGREEMENT_HELP + ".")
    p_sub = partners.add_subparsers(dest="partners_command", required=True, metavar="ACTION")
    add = p_sub.add_parser("add", help="trust a partner's key card (shows the fingerprint and asks y/N)")
    add.add_argument("keycard", type=Path)
    add.add_argument("--agreement", choices=[a.value for a in Agreement], default=Agreement.MUTUAL_AID.value,
                     help=AGREEMENT_HELP + " (default: mutual_aid)")
    add.add_argument("--yes", action="store_true", help="do not ask (for scripts; compare fingerprints anyway)")
    add.set_defaults(handler=_partners_add)
    lst = p_sub.add_parser("list", help=f"partners, their keys and data age (stale after "
                           f"{int(STALE_AFTER.total_seconds() // 3600)} h)")
    add_format(lst)
    lst.set_defaults(handler=_partners_list)
    for name, enabled, text in (("enable", True, "accept a partner's snapshots again"),
                                ("disable", False, "refuse a partner's snapshots and leave them out of bundles "
                                 "(mirrored records stay)")):
        cmd = p_sub.add_parser(name, help=text)
        cmd.add_argument("code")
        cmd.set_defaults(handler=_partners_toggle, enabled=enabled)
    rep = p_sub.add_parser("replace-key", help="a partner lost its laptop: trust its new key card; snapshots "
                           "signed by the old key are refused from now on")
    rep.add_argument("keycard", type=Path)
    rep.add_argument("--yes", action="store_true", help="do not ask")
    rep.set_defaults(handler=_partners_replace)

    snap = sub.add_parser("snapshot", help="signed snapshot files exchanged with partners")
    s_sub = snap.add_subparsers(dest="snapshot_command", required=True, metavar="ACTION")
    sexp = s_sub.add_parser("export", help="write a new signed snapshot of own records into outbox/")
    sexp.add_argument("--out", metavar="PATH", help="folder (existing, or ending in /) or file to write instead of "
                      "outbox/")
    sexp.add_argument("--force", action="store_true", help="overwrite the --out file if it exists")
    sexp.add_argument("--bundle", action="store_true",
                      help="write one .dsbundle with a new own snapshot and every enabled partner's latest "
                      "applied snapshot, each still signed by its owner, for relaying")
    sexp.set_defaults(handler=_snapshot_export)
    simp = s_sub.add_parser("import", help="verify and apply .dsnap files, .dsbundle files, or every one of "
                            "them in a folder",
                            epilog="Exit codes: 0 every file applied or up to date; 3 some refused or forked, "
                            "others fine; 2 none fine.")
    simp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    add_format(simp)
    simp.set_defaults(handler=_snapshot_import)
    slog = s_sub.add_parser("log", help="the history of snapshot imports, newest first")
    slog.add_argument("--limit", type=int, default=200)
    add_format(slog)
    slog.set_defaults(handler=_snapshot_log)


# -- key cards and partners --------------------------------------------------------------------------
def _keycard_export(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    card = own_keycard(workspace)
    target = checked_output_path(args.file, workspace.root, args.force, f"{card.municipality}{KEYCARD_SUFFIX}",
                                 replaceable=lambda old: _same_card(old, card))  # a re-export loses nothing
    path = write_keycard(card, target)
    print(f"wrote key card of {card.municipality} {card.display_name} to {path}")
    print(f"fingerprint: {card.fingerprint}  (partners compare this by phone)")
    return 0


def _same_card(path: Path, card: KeyCard) -> bool:
    if not path.is_file():
        return False
    try:
        old = read_keycard(path)
    except DomainError:
        return False
    return (old.municipality, old.public_key) == (card.municipality, card.public_key)


def _show_card(card: KeyCard, name: str, agreement: str | None) -> None:
    print(f"municipality: {card.municipality} {name}")
    print(f"fingerprint:  {card.fingerprint}")
    if agreement:
        print(f"agreement:    {agreement}")


def _confirm(question: str, assume_yes: bool) -> None:
    if assume_yes:
        return
    sys.stderr.write(f"{question} [y/N] ")
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().lower()
    if answer not in ("y", "yes"):
        raise DomainError("not confirmed; nothing was changed")


def _partners_add(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    card = read_keycard(args.keycard)
    municipality = check_new_partner(workspace, card)
    _show_card(card, f"{municipality.prefecture}{municipality.name}", args.agreement)
    _confirm("Does the partner read out the same fingerprint? Trust this key?", args.yes)
    partner = add_partner(workspace, card, Agreement(args.agreement))
    print(f"added partner {partner.code} {partner.name}")
    return 0


def _partner_row(p: Partner, now: datetime) -> dict:
    age = p.age(now)
    return {"code": p.code, "name": p.name, "agreement": p.agreement.value, "fingerprint": p.fingerprint,
            "enabled": p.enabled, "last_sequence": p.last_sequence,
            "last_heard_from": p.last_heard_from.isoformat() if p.last_heard_from else None,
            "data_age": describe_age(age), "data_age_hours": round(age.total_seconds() / 3600, 1) if age else None,
            "stale": p.is_stale(now),
            "last_imported_at": p.last_imported_at.isoformat() if p.last_imported_at else None}


def _partners_list(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    now = datetime.now(UTC)
    emit([_partner_row(p, now) for p in list_partners(workspace)], args.format,
         ["code", "name", "agreement", "fingerprint", "enabled", "last_sequence", "data_age", "stale"])
    return 0


def _partners_toggle(args: argparse.Namespace) -> int:
    partner = set_enabled(open_workspace(args), args.code, args.enabled)
    print(f"partner {partner.code} {partner.name} is {'enabled' if partner.enabled else 'disabled'}")
    return 0


def _partners_replace(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    card = read_keycard(args.keycard)
    partner = check_replacement(workspace, card)
    print(f"old fingerprint: {partner.fingerprint}")
    _show_card(card, partner.name, None)
    _confirm(f"Retire {partner.code}'s old key and trust this one?", args.yes)
    replace_key(workspace, card)
    print(f"replaced the key of {partner.code} {partner.name}; snapshots signed by the old key are now refused")
    return 0


# -- snapshots ---------------------------------------------------------------------------------------
def _snapshot_export(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    out = None if args.out is None else checked_output_path(args.out, workspace.root, args.force)
    if out is None and workspace.outbox.exists():  # a file named outbox: refused before a number is taken
        checked_output_path(f"{workspace.outbox}{os.sep}", workspace.root)
    if args.bundle:
        bundle = drain(export_bundle(workspace, out), text_progress("bundling", "snapshots"))
        print(f"wrote {bundle.path} ({len(bundle.snapshots)} snapshots, {bundle.size:,} bytes)")
        return 0
    result = drain(export_snapshot(workspace, out))
    records = sum(result.counts.values())
    print(f"wrote {result.path} (sequence {result.sequence}, {records:,} records, {result.size:,} bytes)")
    return 0


def _snapshot_import(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    results = drain(import_snapshots(workspace, args.paths, pause_collector=True), text_progress("importing", "files"))
    if not results:
        raise DomainError(f"no snapshot files (.dsnap, .dsbundle) found in {', '.join(map(str, args.paths))}")
    rows = [r.to_json() for r in results]
    if args.format == "json":
        emit(rows, "json")
    else:
        flat = [{**{k: v for k, v in r.items() if k != "changes"}, **r["changes"]} for r in rows]
        emit(flat, args.format, ["file", "owner", "sequence", "status", "added", "changed", "removed", "reason"])
    code = exit_code(results)
    if code == EXIT_USER_ERROR:
        first = next(r for r in results if not r.ok)
        many = f"all {len(results)} snapshots refused; first: " if len(results) > 1 else ""
        print(f"error: {many}{first.file}: {first.reason}", file=sys.stderr)
    return code


def _snapshot_log(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    rows = [{"at": e.at.isoformat(), "file": e.file, "owner": e.owner, "sequence": e.sequence,
             "status": e.status.value, "reason": e.reason, "added": e.changes.added, "changed": e.changes.changed,
             "removed": e.changes.removed, "created_at": e.created_at.isoformat() if e.created_at else None}
            for e in import_history(workspace, args.limit)]
    emit(rows, args.format, ["at", "file", "owner", "sequence", "status", "added", "changed", "removed", "reason"])
    return 0
