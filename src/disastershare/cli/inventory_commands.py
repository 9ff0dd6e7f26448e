"""inventory import / list / export, needs import / list."""

from __future__ import annotations

import argparse
import sys
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from disastershare.cli.common import add_format, open_workspace
from disastershare.cli.output import emit, emit_document
from disastershare.cli.progress import drain, text_progress
from disastershare.core.errors import DomainError
from disastershare.core.file_names import display_name
from disastershare.store.listing import inventory_rows, need_rows

if TYPE_CHECKING:  # imported where used: `inventory list` must not pay for the importer or openpyxl
    from disastershare.core.catalog import Catalog
    from disastershare.core.import_fixes import ImportFixes
    from disastershare.core.sheet_import import ImportPlan


def register(sub: argparse._SubParsersAction) -> None:
    inv = sub.add_parser("inventory", help="own equipment, supplies and staff headcounts")
    inv_sub = inv.add_subparsers(dest="inventory_command", required=True, metavar="ACTION")
    imp = inv_sub.add_parser("import", help="import a CSV (UTF-8/BOM/cp932) or XLSX stock sheet")
    _import_args(imp)
    imp.set_defaults(handler=_inventory_import)
    lst = inv_sub.add_parser("list", help="own inventory and staff pools")
    lst.add_argument("--all", action="store_true", help="include partners' mirrored inventories")
    add_format(lst)
    lst.set_defaults(handler=_inventory_list)
    exp = inv_sub.add_parser("export", help="write own inventory to .csv (UTF-8 with BOM) or .xlsx")
    exp.add_argument("file", type=Path)
    exp.add_argument("--all", action="store_true", help="include partners' mirrored inventories")
    exp.set_defaults(handler=_inventory_export)

    needs = sub.add_parser("needs", help="declared needs (shortfall declarations)")
    needs_sub = needs.add_subparsers(dest="needs_command", required=True, metavar="ACTION")
    nimp = needs_sub.add_parser("import", help="import needs from CSV or XLSX")
    _import_args(nimp)
    nimp.set_defaults(handler=_needs_import)
    nlst = needs_sub.add_parser("list", help="own needs (with --all, partners' too)")
    nlst.add_argument("--all", action="store_true")
    add_format(nlst)
    nlst.set_defaults(handler=_needs_list)


def _import_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("--dry-run", action="store_true", help="print the plan, write nothing")
    parser.add_argument("--skip-invalid", action="store_true",
                        help="import the valid rows and skip the listed problem rows (default: refuse all)")
    parser.add_argument("--map", action="append", default=[], metavar="NAME=CODE",
                        help="read the sheet's item NAME as catalog CODE (repeatable); remembered for later "
                             "imports of this workspace (see 'catalog aliases')")
    parser.add_argument("--pack-size", action="append", default=[], metavar="NAME:UNIT=N",
                        help="one UNIT of the item NAME holds N of the catalog unit, e.g. \"毛布:箱=10\" (repeatable)")
    parser.add_argument("--sheet", action="append", default=[], metavar="NAME",
                        help="read only this worksheet of a workbook (repeatable; default: every visible sheet "
                             "with a recognisable header)")
    add_format(parser)


def _fixes(args: argparse.Namespace, catalog: Catalog) -> ImportFixes:
    from disastershare.core.import_fixes import ImportFixes

    fixes = ImportFixes()
    for item in args.map:
        name, sep, code = item.rpartition("=")
        name, code = name.strip(), code.strip()
        if not sep or not name or not code:
            raise DomainError(f"--map '{item}': expected NAME=CODE, e.g. --map \"備蓄毛布=S-BLANKET\"")
        if code not in catalog:
            raise DomainError(f"--map '{item}': unknown resource code '{code}' (see 'catalog list')")
        fixes.set_name(name, code)
    for item in args.pack_size:
        left, sep, number = item.rpartition("=")
        name, colon, unit = left.rpartition(":")
        try:
            size = Fraction(number.strip())
        except (ValueError, ZeroDivisionError):
            size = Fraction(0)
        if not sep or not colon or not name.strip() or not unit.strip() or size <= 0:
            raise DomainError(f"--pack-size '{item}': expected NAME:UNIT=N with N > 0, e.g. \"毛布:箱=10\"")
        fixes.set_pack_size(name.strip(), unit.strip(), size)
    return fixes


def _report_plan(plan: ImportPlan, fmt: str, details: bool) -> None:
    if fmt == "json":
        emit_document({"summary": plan.summary(), "adds": len(plan.adds), "changes": len(plan.changes),
                       "unchanged": plan.unchanged, "rows_read": plan.rows_read,
                       "problems": [{"line": p.line, "message": p.message, "suggestion": p.suggestion,
                                     "sheet": p.sheet, "code": p.code, "name": p.name,
                                     "candidates": list(p.candidates)} for p in plan.problems],
                       "notes": [{"message": n.text(), "rows": n.rows, "sheet": n.sheet, "line": n.line,
                                  "code": n.msg.code} for n in plan.notes],
                       "skipped": [{"sheet": s, "line": line, "reason": why} for s, line, why in plan.skipped_rows]})
        return
    for note in plan.notes:
        where = f"line {note.line}: " if note.line else ""
        if note.sheet and note.line:
            where = f"sheet '{note.sheet}' {where}"
        more = f" ({note.rows:,} rows)" if note.rows > 1 else ""
        print(f"note: {where}{note.text()}{more}", file=sys.stderr)
    # A real import of a long sheet prints the summary, not 200,000 lines; --dry-run always lists everything.
    for record in plan.adds if details else ():
        print(f"add     {record.resource:<16} {_quantity(record):>10}  {_where(record)}")
    for old, new in plan.changes if details else ():
        print(f"change  {new.resource:<16} {_quantity(old):>10} -> {_quantity(new)}  {_where(new)}")
    for p in plan.problems:
        hint = f" (did you mean {p.suggestion}?)" if p.suggestion and p.code != "ambiguous_name" else ""
        sheet = f"sheet '{p.sheet}' " if p.sheet else ""
        print(f"{sheet}line {p.line}: {p.message}{hint}", file=sys.stderr)
    print(plan.summary())


def _quantity(record) -> str:
    for name in ("on_hand", "headcount", "quantity"):
        if hasattr(record, name):
            return f"{getattr(record, name):,}"
    return ""


def _where(record) -> str:
    return getattr(record, "location", "") or getattr(record, "contact_section", "") or ""


def _run_import(args: argparse.Namespace, kind: str) -> int:
    from disastershare.core.sheet_import import plan_inventory_import, plan_needs_import, read_tables

    workspace = open_workspace(args)
    tables = read_tables(args.file, args.sheet or None)
    catalog = workspace.import_catalog()
    fixes, learned = _fixes(args, catalog), workspace.learned_names()
    if kind == "inventory":
        existing = [*workspace.inventory.list(), *workspace.staff.list()]
        plan = drain(plan_inventory_import(tables, catalog, existing, workspace.municipality, fixes, learned),
                     text_progress("planning", "rows"))
    else:
        plan = drain(plan_needs_import(tables, catalog, workspace.needs.list(), workspace.municipality, fixes,
                                       learned), text_progress("planning", "rows"))
    _report_plan(plan, args.format, details=args.dry_run or len(plan.adds) + len(plan.changes) <= 200)
    if plan.problems and not args.skip_invalid:
        raise DomainError(f"{display_name(args.file)}: {len(plan.problems)} row(s) have problems (listed above); "
                          "nothing was imported (fix them, or use --skip-invalid)")
    if args.dry_run:
        print("dry run: nothing was written", file=sys.stderr)
        return 0
    added, changed = workspace.apply_import(kind, display_name(args.file), plan.rows_read, plan.adds,
                                            [new for _, new in plan.changes], plan.learned, plan.new_types)
    print(f"imported {display_name(args.file)}: {added} added, {changed} changed", file=sys.stderr)
    return 0


def _inventory_import(args: argparse.Namespace) -> int:
    return _run_import(args, "inventory")


def _needs_import(args: argparse.Namespace) -> int:
    return _run_import(args, "needs")


def _inventory_list(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    emit(inventory_rows(workspace, everyone=args.all), args.format,
         ["municipality", "resource", "kind", "name_ja", "on_hand", "reserved", "unit", "location", "expiry"])
    return 0


def _needs_list(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    emit(need_rows(workspace, everyone=args.all), args.format,
         ["municipality", "resource", "name_ja", "quantity", "unit", "needed_by", "priority", "status"])
    return 0


def _inventory_export(args: argparse.Namespace) -> int:
    from disastershare.reports.inventory_sheet import write_inventory_sheet

    workspace = open_workspace(args)
    path = write_inventory_sheet(args.file, inventory_rows(workspace, everyone=args.all))
    print(f"wrote {path}", file=sys.stderr)
    return 0
