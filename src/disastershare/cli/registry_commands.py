"""registry show / find / update, catalog list / add."""

from __future__ import annotations

import argparse
from pathlib import Path

from disastershare.cli.common import add_format, open_workspace, workspace_dir
from disastershare.cli.output import emit
from disastershare.core.catalog import ResourceKind, ResourceType
from disastershare.core.errors import DomainError
from disastershare.core.name_matching import search_catalog
from disastershare.core.reference_data import shipped_catalog, shipped_registry
from disastershare.core.registry import Municipality, Registry, read_registry_file
from disastershare.store.learned_names import forget_name, learned_names, remember_names
from disastershare.store.reference_store import add_local_type, update_registry
from disastershare.store.workspace import DB_NAME


def register(sub: argparse._SubParsersAction) -> None:
    reg = sub.add_parser("registry", help="look up the municipality registry")
    reg_sub = reg.add_subparsers(dest="registry_command", required=True, metavar="ACTION")
    show = reg_sub.add_parser("show", help="one municipality by its 6-digit code")
    show.add_argument("code")
    add_format(show)
    show.set_defaults(handler=_show)
    find = reg_sub.add_parser("find", help="search by code prefix, name or kana (hiragana or katakana)")
    find.add_argument("text")
    find.add_argument("--limit", type=int, default=50)
    add_format(find)
    find.set_defaults(handler=_find)
    upd = reg_sub.add_parser("update", help="load a newer registry list (same columns); vanished codes "
                             "are kept, marked former")
    upd.add_argument("file", type=Path)
    upd.set_defaults(handler=_update)

    cat = sub.add_parser("catalog", help="the resource catalog")
    cat_sub = cat.add_subparsers(dest="catalog_command", required=True, metavar="ACTION")
    lst = cat_sub.add_parser("list", help="every resource type (shared and local)")
    lst.add_argument("--kind", choices=[k.value for k in ResourceKind])
    add_format(lst)
    lst.set_defaults(handler=_catalog_list)
    fnd = cat_sub.add_parser("find", help="search by code, name, alias or reading (もうふ finds 毛布)")
    fnd.add_argument("text")
    fnd.add_argument("--limit", type=int, default=20)
    add_format(fnd)
    fnd.set_defaults(handler=_catalog_find)
    aliases = cat_sub.add_parser("aliases", help="sheet names this workspace has learned (list, add, remove)")
    alias_sub = aliases.add_subparsers(dest="alias_command", metavar="ACTION")
    alias_add = alias_sub.add_parser("add", help="read NAME in later sheets as CODE")
    alias_add.add_argument("name")
    alias_add.add_argument("code")
    alias_add.set_defaults(handler=_alias_add)
    alias_rm = alias_sub.add_parser("remove", help="forget a learned name")
    alias_rm.add_argument("name")
    alias_rm.set_defaults(handler=_alias_remove)
    add_format(aliases)
    aliases.set_defaults(handler=_alias_list)
    add = cat_sub.add_parser("add", help="add a local resource type (code gets your municipality prefix)")
    add.add_argument("code", help="suffix, e.g. BOAT -> 131016-BOAT")
    add.add_argument("--kind", choices=[k.value for k in ResourceKind], required=True)
    add.add_argument("--name-ja", required=True)
    add.add_argument("--name-en", default="")
    add.add_argument("--unit", required=True)
    add.add_argument("--category", default="local")
    add.set_defaults(handler=_catalog_add)


_UNKNOWN = ResourceType("", ResourceKind.SUPPLY, "?", "?", "", "")


def _registry_for(args: argparse.Namespace) -> Registry:
    """The workspace's (possibly updated) registry if there is a workspace, else the shipped one."""
    if (workspace_dir(args) / DB_NAME).exists():
        return open_workspace(args).registry()
    return shipped_registry()


def _row(m: Municipality) -> dict:
    return {"code": m.code, "prefecture": m.prefecture, "name": m.name, "kana": m.kana,
            "lat": m.lat, "lon": m.lon, "is_ward": m.is_ward, "former": m.former}


def _show(args: argparse.Namespace) -> int:
    emit([_row(_registry_for(args).require(args.code))], args.format)
    return 0


def _find(args: argparse.Namespace) -> int:
    hits = _registry_for(args).find(args.text, args.limit)
    emit([_row(m) for m in hits], args.format, ["code", "prefecture", "name", "kana", "former"])
    return 0


def _update(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    newer = read_registry_file(args.file)
    added, kept, former = update_registry(workspace.engine, newer)
    workspace.invalidate_registry()
    print(f"registry updated: {added} new, {kept} kept, {former} former codes retained")
    return 0


def _catalog_list(args: argparse.Namespace) -> int:
    has_workspace = (workspace_dir(args) / DB_NAME).exists()
    catalog = open_workspace(args).catalog() if has_workspace else shipped_catalog()
    rows = [_type_row(t) for t in catalog if args.kind in (None, t.kind.value)]
    emit(rows, args.format, ["code", "kind", "name_ja", "name_en", "unit", "category"])
    return 0


def _type_row(t: ResourceType) -> dict:
    return {"code": t.code, "kind": t.kind.value, "name_ja": t.name_ja, "name_en": t.name_en, "unit": t.unit,
            "category": t.category, "local": t.owner is not None, "reading": t.reading, "aliases": list(t.aliases)}


def _catalog_find(args: argparse.Namespace) -> int:
    has_workspace = (workspace_dir(args) / DB_NAME).exists()
    catalog = open_workspace(args).catalog() if has_workspace else shipped_catalog()
    rows = [_type_row(catalog.require(code)) for code in search_catalog(catalog, args.text, args.limit)]
    emit(rows, args.format, ["code", "kind", "name_ja", "name_en", "unit", "reading"])
    return 0


def _alias_list(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    catalog = workspace.catalog()
    rows = [{"name": n.name, "code": n.code, "name_ja": (catalog.get(n.code) or _UNKNOWN).name_ja,
             "learned_at": n.learned_at.isoformat()} for n in learned_names(workspace.engine)]
    emit(rows, args.format, ["name", "code", "name_ja", "learned_at"])
    return 0


def _alias_add(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    remember_names(workspace.engine, {args.name: args.code}, workspace.import_catalog())
    print(f"'{args.name}' will be read as {args.code}")
    return 0


def _alias_remove(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    if not forget_name(workspace.engine, args.name):
        raise DomainError(f"'{args.name}' is not a learned name (see 'catalog aliases')")
    print(f"forgot '{args.name}'")
    return 0


def _catalog_add(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    rtype = add_local_type(workspace.engine, workspace.municipality, args.code, ResourceKind(args.kind),
                           args.name_ja, args.name_en, args.unit, args.category)
    print(f"added local resource type {rtype.code} ({rtype.name_ja})")
    return 0
