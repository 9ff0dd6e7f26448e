"""requests list / request create / respond / dispatch / receive / return / cancel / show: the request lifecycle.

Every step is a record of the workspace that takes it and reaches the partner with the next snapshot
('snapshot export'); the partner's steps come back with its snapshots ('snapshot import').
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from disastershare.cli.common import add_format, open_workspace
from disastershare.cli.output import emit, emit_document
from disastershare.core.requests import RequestStatus, RequestView
from disastershare.store import request_store
from disastershare.store.workspace import Workspace

LIFECYCLE_HELP = """\
The request lifecycle between partners (each step is a record of the party that takes it, carried to the
other side in its next snapshot):
  request create    we ask a partner (--to) for a resource            -> requested
  request respond   the partner accepts all or part, or declines      -> accepted / partly_accepted / declined
  request dispatch  the partner sends part or all of what it accepted -> dispatched
  request receive   we record what arrived                            -> received
  request return    we send equipment or staff back                   -> returned
  request cancel    we withdraw it, before anything is dispatched     -> cancelled
What a partner accepted or dispatched and has not got back is no longer offered by 'match'; a request in
flight covers its part of our need (a decline or cancellation gives the gap back to the matcher).
ID may be any unique start of a request id (as 'requests list' shows it)."""

STATUSES = [s.value for s in RequestStatus]
_TABLE_COLUMNS = ["id", "direction", "from", "to", "resource", "quantity", "accepted", "dispatched", "received",
                  "returned", "status", "updated"]


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): '{text}'") from None


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: '{text}'") from None


def register(sub: argparse._SubParsersAction) -> None:
    many = sub.add_parser("requests", help="requests made by us and to us, with their status",
                          description=LIFECYCLE_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    many_sub = many.add_subparsers(dest="requests_command", required=True, metavar="ACTION")
    lst = many_sub.add_parser("list", help="requests made by us (out) and made to us (in), newest first")
    lst.add_argument("--status", choices=STATUSES, help="only requests with this status")
    lst.add_argument("--direction", choices=("in", "out"), help="in: made to us; out: made by us")
    add_format(lst)
    lst.set_defaults(handler=_list)

    one = sub.add_parser("request", help="create a request, or take a step of one (respond, dispatch, ...)",
                         description=LIFECYCLE_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    steps = one.add_subparsers(dest="request_command", required=True, metavar="ACTION")
    create = steps.add_parser("create", help="ask a partner for a resource")
    create.add_argument("--to", required=True, metavar="CODE", help="the partner asked (municipality code)")
    create.add_argument("--resource", required=True, metavar="CODE", help="catalog code ('catalog list')")
    create.add_argument("--quantity", required=True, type=_whole, metavar="N", help="quantity; staff: headcount")
    create.add_argument("--needed-by", type=_iso_date, metavar="DATE", help="needed by this day (YYYY-MM-DD)")
    create.add_argument("--note", default="", help="free text for the partner")
    create.add_argument("--work-type", default="", help="staff: the work (e.g. 避難所運営)")
    create.add_argument("--place", default="", help="where to deliver or report")
    create.add_argument("--from", dest="period_from", type=_iso_date, metavar="DATE",
                        help="staff: first day of work (required for staff)")
    create.add_argument("--until", dest="period_to", type=_iso_date, metavar="DATE",
                        help="staff: last day of work (required for staff)")
    create.add_argument("--return-by", type=_iso_date, metavar="DATE", help="equipment: when it goes back")
    _output(create)
    create.set_defaults(handler=_create)

    respond = steps.add_parser("respond", help="answer a request made to us: accept all or part, or decline")
    respond.add_argument("id", metavar="ID")
    answer = respond.add_mutually_exclusive_group(required=True)
    answer.add_argument("--accept", type=_whole, metavar="N", help="accept N (all or part of the quantity)")
    answer.add_argument("--decline", action="store_true", help="decline the request")
    respond.add_argument("--note", default="", help="free text for the requester")
    _output(respond)
    respond.set_defaults(handler=_respond)

    for name, text, on_help in (
            ("dispatch", "send part or all of what we accepted", "dispatch date (default today)"),
            ("receive", "record what arrived of our request", "day it arrived (default today)"),
            ("return", "send received equipment or staff back", "day it went back (default today)")):
        step = steps.add_parser(name, help=text)
        step.add_argument("id", metavar="ID")
        step.add_argument("--quantity", required=True, type=_whole, metavar="N")
        step.add_argument("--on", type=_iso_date, metavar="DATE", help=on_help)
        if name == "dispatch":
            step.add_argument("--arrival", type=_iso_date, metavar="DATE", help="expected arrival")
        step.add_argument("--note", default="")
        _output(step)
        step.set_defaults(handler=_step, step=name)

    cancel = steps.add_parser("cancel", help="withdraw our request (before anything is dispatched)")
    cancel.add_argument("id", metavar="ID")
    _output(cancel)
    cancel.set_defaults(handler=_cancel)

    show = steps.add_parser("show", help="one request with every date and note")
    show.add_argument("id", metavar="ID")
    _output(show)
    show.set_defaults(handler=_show)


def _output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text: one line (default); json: the request as 'requests list' gives it")


# -- rows --------------------------------------------------------------------------------------------
def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def request_row(view: RequestView, own: str) -> dict[str, Any]:
    """The JSON shape of one request: from = requester, to = supplier (fields may be added, never renamed)."""
    return {
        "id": view.id, "from": view.requester, "to": view.supplier, "resource": view.resource,
        "quantity": view.quantity, "accepted": view.accepted, "dispatched": view.dispatched,
        "received": view.received, "returned": view.returned, "status": view.status.value,
        "direction": "out" if view.requester == own else "in" if view.supplier == own else "",
        "kind": view.kind.value if view.kind else "", "needed_by": _day(view.needed_by), "note": view.note,
        "response_note": view.response_note, "work_type": view.work_type, "place": view.place,
        "period_from": _day(view.period_from), "period_to": _day(view.period_to), "return_by": _day(view.return_by),
        "dispatched_on": _day(view.dispatched_on), "expected_arrival": _day(view.expected_arrival),
        "received_on": _day(view.received_on), "returned_on": _day(view.returned_on),
        "updated_at": view.updated_at.isoformat() if view.updated_at else None,
    }


def _list(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    rows = [request_row(v, workspace.municipality) for v in request_store.list_requests(workspace)]
    rows = [r for r in rows if (args.status is None or r["status"] == args.status)
            and (args.direction is None or r["direction"] == args.direction)]
    if args.format != "json":
        for row in rows:
            row["updated"] = (row["updated_at"] or "")[:16].replace("T", " ")
            if args.format == "table":
                row["id"] = row["id"][:8]
    emit(rows, args.format, _TABLE_COLUMNS)
    return 0


def _done(workspace: Workspace, view: RequestView, fmt: str, what: str) -> int:
    if fmt == "json":
        emit_document(request_row(view, workspace.municipality))
        return 0
    other = view.supplier if view.requester == workspace.municipality else view.requester
    accepted = "" if view.accepted is None else f", accepted {view.accepted}"
    print(f"{what} request {view.id}: {view.requester} -> {view.supplier} {view.resource} {view.quantity}"
          f"{accepted}, status {view.status.value}")
    if what != "shown":
        print(f"{other} sees this after your next snapshot reaches it ('disastershare snapshot export')")
    return 0


def _create(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    view = request_store.create_request(
        workspace, args.to, args.resource, args.quantity, needed_by=args.needed_by, note=args.note,
        work_type=args.work_type, place=args.place, period_from=args.period_from, period_to=args.period_to,
        return_by=args.return_by)
    return _done(workspace, view, args.format, "created")


def _respond(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    view = request_store.respond(workspace, args.id, accept=args.accept, decline=args.decline, note=args.note)
    return _done(workspace, view, args.format, "declined" if args.decline else "answered")


def _step(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    if args.step == "dispatch":
        view = request_store.dispatch(workspace, args.id, args.quantity, args.on, args.arrival, note=args.note)
        what = "dispatched for"
    elif args.step == "receive":
        view = request_store.receive(workspace, args.id, args.quantity, args.on, note=args.note)
        what = "received for"
    else:
        view = request_store.return_items(workspace, args.id, args.quantity, args.on, note=args.note)
        what = "returned for"
    return _done(workspace, view, args.format, what)


def _cancel(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    return _done(workspace, request_store.cancel(workspace, args.id), args.format, "cancelled")


def _show(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    view = request_store.get_request(workspace, args.id)
    if args.format == "json":
        emit_document(request_row(view, workspace.municipality))
        return 0
    for key, value in request_row(view, workspace.municipality).items():
        if value not in (None, ""):
            print(f"{key + ':':17} {value}")
    return 0
