"""shortfalls / match: where the gaps are and the optimal transfers that fill them."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from disastershare.cli.common import add_format, open_workspace
from disastershare.cli.output import emit, emit_document
from disastershare.cli.progress import drain, text_progress
from disastershare.core.codes import validate_lgcode
from disastershare.core.errors import DomainError
from disastershare.core.matching import match_steps, transport_problems
from disastershare.core.matching_model import ANY, DEFAULT_MUTUAL_AID_FACTOR, MatchResult, Preferences
from disastershare.core.shortfalls import Period, Picture, positions, shortfall_rows
from disastershare.store.picture import load_picture
from disastershare.store.workspace import Workspace
from disastershare.sync.partners import Agreement, list_partners

SHORTFALLS_HELP = """\
Shortfall per municipality and resource type, for your own records and every partner's mirrored records:
  need       open needs (status open or partly_met)
  available  on hand - reserved, leaving out damaged items and supplies expired before --date;
             staff: headcount of pools available for the whole period --date .. --date + --days - 1
  shortfall  max(need - available, 0)
  surplus    what could be offered: available - need, at least 0 (staff only from pools whose maximum
             dispatch days cover the period)
Aggregates (--by prefecture / category) add municipal shortfalls up; one town's surplus never hides another
town's gap. Only rows with a shortfall are listed unless --all."""

MATCH_HELP = f"""\
Proposed transfers: per resource type, the plan that
  1. moves as much as possible from offerable surpluses to shortfalls (partial fulfilment allowed), then
  2. among those plans, minimises  sum of quantity x km x weight  (a min-cost maximum flow, solved exactly).
km is the great-circle (haversine) distance between the registry coordinates, Earth radius 6371.0088 km.
weight is --mutual-aid-factor (default {DEFAULT_MUTUAL_AID_FACTOR}) for a transfer between this municipality
and a mutual-aid partner, and 1 otherwise. Mutual-aid partners are those of 'partners list' with agreement
mutual_aid, plus any named in --prefer-mutual-aid; --no-partner-preferences leaves the partner list out (then
with the defaults the cost is plain distance). Disabled partners never send. --never and --max-km remove
transfers altogether. What cannot be met is listed as unmet.
Requests count: what a supplier accepted or dispatched and has not got back is no longer offered, and a
request in flight covers its part of the requester's need (see 'disastershare requests list').
total_cost is the weighted objective in km x units; total_km the plain distance moved."""


def register(sub: argparse._SubParsersAction) -> None:
    short = sub.add_parser("shortfalls", help="shortfall per municipality and resource type, own and partners'",
                           description=SHORTFALLS_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    _common_args(short)
    short.add_argument("--by", choices=("municipality", "prefecture", "category"), default="municipality",
                       help="one row per municipality x resource (default), prefecture x resource, or "
                       "municipality x resource category (sums mix units: indicative only)")
    short.add_argument("--all", action="store_true", help="also list rows without a shortfall")
    add_format(short)
    short.set_defaults(handler=_shortfalls)

    mat = sub.add_parser("match", help="proposed transfers: who sends what to whom (optimal)",
                         description=MATCH_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    _common_args(mat)
    mat.add_argument("--max-km", type=float, metavar="N", help="never propose a transfer longer than N km")
    mat.add_argument("--prefer-mutual-aid", metavar="CODES", default="",
                     help="comma-separated partner codes under a mutual-aid agreement with this municipality, "
                     "besides the partners whose agreement is mutual_aid; transfers between them and us cost "
                     "km x --mutual-aid-factor")
    mat.add_argument("--no-partner-preferences", action="store_true",
                     help="do not take mutual-aid partners from the partner list (disabled partners still never "
                     "send)")
    mat.add_argument("--mutual-aid-factor", type=float, default=DEFAULT_MUTUAL_AID_FACTOR, metavar="F",
                     help=f"weight on mutual-aid transfers, 0 < F <= 1 (default {DEFAULT_MUTUAL_AID_FACTOR})")
    mat.add_argument("--never", action="append", default=[], metavar="FROM:TO",
                     help="never propose FROM sending to TO (repeatable, or comma-separated); '*' means any, "
                     "e.g. 131016:* keeps everything of 131016 at home")
    add_format(mat)
    mat.set_defaults(handler=_match)


def _common_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--resource", metavar="CODE", help="only these resource types (comma-separated codes)")
    parser.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                        help="as of this day: expiry is judged and the staff period starts here (default today)")
    parser.add_argument("--days", type=_positive_int, default=1, metavar="N",
                        help="length of the staff dispatch period in days (default 1)")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): '{text}'") from None


def _positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1: '{text}'")
    return int(text)


def _resources(text: str | None, picture: Picture) -> list[str] | None:
    """The codes asked for, each known to the catalog or present in some record; None for all."""
    if not text:
        return None
    present = {r.resource for group in (picture.inventory, picture.staff, picture.needs) for r in group}
    codes = [c.strip() for c in text.split(",") if c.strip()]
    for code in codes:
        if code not in picture.catalog and code not in present:
            raise DomainError(f"unknown resource code '{code}' (see 'disastershare catalog list')")
    return codes


def _table(args: argparse.Namespace) -> tuple[Workspace, Picture, Any, list[str] | None]:
    workspace = open_workspace(args)
    picture = load_picture(workspace)
    wanted = _resources(args.resource, picture)
    as_of = args.date or date.today()
    table = positions(picture, as_of, Period.of_days(as_of, args.days))
    if wanted is not None:
        table = table[table["resource"].isin(wanted)]
    return workspace, picture, table, wanted


_SHORTFALL_COLUMNS = {
    "municipality": ["municipality", "name", "resource", "need", "available", "shortfall", "surplus", "unit"],
    "prefecture": ["prefecture", "resource", "need", "available", "shortfall", "surplus", "municipalities_short",
                   "unit"],
    "category": ["municipality", "name", "category", "need", "available", "shortfall", "resources_short", "units"],
}


def _shortfalls(args: argparse.Namespace) -> int:
    _, _, table, _ = _table(args)
    emit(shortfall_rows(table, args.by, everything=args.all), args.format, _SHORTFALL_COLUMNS[args.by])
    return 0


def _codes(text: str, what: str) -> list[str]:
    try:
        return [c if c == ANY else validate_lgcode(c) for c in (p.strip() for p in text.split(",")) if c]
    except DomainError as exc:
        raise DomainError(f"{what}: {exc}") from None


def _never_pairs(values: list[str]) -> frozenset[tuple[str, str]]:
    pairs = set()
    for value in (v for text in values for v in text.split(",") if v.strip()):
        parts = value.strip().split(":")
        if len(parts) != 2:
            raise DomainError(f"--never takes FROM:TO pairs of municipality codes (got '{value}')")
        sender, receiver = (_codes(p, "--never")[0] if p.strip() else "" for p in parts)
        if not sender or not receiver or sender == receiver == ANY:
            raise DomainError(f"--never takes FROM:TO pairs of municipality codes (got '{value}')")
        pairs.add((sender, receiver))
    return frozenset(pairs)


def _partner_preferences(workspace: Workspace, use_agreements: bool) -> tuple[list[str], set[tuple[str, str]]]:
    """Mutual-aid partners from the partner list, and 'never send' for every disabled partner."""
    partners = list_partners(workspace)
    mutual = [p.code for p in partners if p.enabled and p.agreement is Agreement.MUTUAL_AID] if use_agreements \
        else []
    return mutual, {(p.code, ANY) for p in partners if not p.enabled}


def _match(args: argparse.Namespace) -> int:
    workspace, picture, table, wanted = _table(args)
    named = [c for c in _codes(args.prefer_mutual_aid, "--prefer-mutual-aid") if c != ANY]
    listed, disabled = _partner_preferences(workspace, not args.no_partner_preferences)
    mutual = list(dict.fromkeys([*listed, *named]))
    preferences = Preferences.for_home(picture.home or "", mutual, mutual_aid_factor=args.mutual_aid_factor,
                                       never=_never_pairs(args.never) | disabled, max_km=args.max_km)
    result = drain(match_steps(transport_problems(table, wanted), picture.registry, preferences),
                   text_progress("matching", "resource types"))
    names = {c: m.name for c in {*table["municipality"]} if (m := picture.registry.get(c))}
    units = dict(zip(table["resource"], table["unit"], strict=False))
    _emit_match(result, args.format, names, units)
    return 0


def _emit_match(result: MatchResult, fmt: str, names: dict[str, str], units: dict[str, str]) -> None:
    document = result.to_document()
    for row in document["flows"]:
        row.update(unit=units.get(row["resource"], ""), from_name=names.get(row["from"], ""),
                   to_name=names.get(row["to"], ""))
    for row in document["unmet"]:
        row.update(unit=units.get(row["resource"], ""), name=names.get(row["municipality"], ""))
    if fmt == "json":
        emit_document(document)
        return
    if fmt == "csv":
        rows = [{"row": "flow", **f} for f in document["flows"]]
        rows += [{"row": "unmet", "resource": u["resource"], "to": u["municipality"], "to_name": u["name"],
                  "quantity": u["quantity"], "unit": u["unit"]} for u in document["unmet"]]
        rows.append({"row": "total", "quantity": sum(f.quantity for f in result.flows),
                     "km": document["total_km"], "cost": document["total_cost"]})
        emit(rows, "csv", ["row", "resource", "from", "from_name", "to", "to_name", "quantity", "unit", "km",
                           "weight", "cost"])
        return
    print("Transfers:")
    emit(document["flows"], "table", ["resource", "from", "from_name", "to", "to_name", "quantity", "unit", "km",
                                      "weight", "cost"])
    print("\nUnmet:")
    emit(document["unmet"], "table", ["resource", "municipality", "name", "quantity", "unit"])
    print(f"\nTotal cost: {result.total_cost:,.1f} km x units (weighted); plain distance {result.total_km:,.1f} "
          f"km x units; {len(result.flows)} transfers, {len(result.unmet)} unmet")
