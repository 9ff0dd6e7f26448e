"""drill new / advance / reset / status / export."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from disastershare.cli.common import add_format, open_workspace, workspace_dir
from disastershare.cli.output import emit
from disastershare.core.errors import DomainError
from disastershare.drill.builder import find_scenario, new_drill
from disastershare.drill.clock import advance, load_scenario, reset
from disastershare.drill.debrief import export_drill_log
from disastershare.drill.state import load_state

HELP = """A drill runs on one laptop: the host municipality's drill workspace plus every partner of the
scenario simulated beside it (drill/partners/CODE), exchanging real signed snapshots. Scenario files:
docs/drill-scenarios.md; shipped: kumamoto_earthquake, rokkaku_river_flood."""


def register(sub: argparse._SubParsersAction) -> None:
    drill = sub.add_parser("drill", help="run a drill from a scenario file with timed injects", description=HELP)
    drill_sub = drill.add_subparsers(dest="drill_command", required=True, metavar="ACTION")
    new = drill_sub.add_parser("new", help="build a drill workspace from a scenario (path or shipped name)")
    new.add_argument("scenario")
    new.set_defaults(handler=_new)
    adv = drill_sub.add_parser("advance", help="move the clock (default: to the next inject) and apply injects")
    adv.add_argument("minutes", nargs="?", type=int)
    adv.set_defaults(handler=_advance)
    rst = drill_sub.add_parser("reset", help="return every database of the drill to T+0")
    rst.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    rst.set_defaults(handler=_reset)
    status = drill_sub.add_parser("status", help="clock, next injects and the timeline so far")
    add_format(status)
    status.set_defaults(handler=_status)
    exp = drill_sub.add_parser("export", help="pack the drill's log (timeline, imports, needs, report) as a .zip")
    exp.add_argument("file", type=Path)
    exp.add_argument("--no-report", action="store_true", help="leave the PDF report out")
    exp.set_defaults(handler=_export)


def _drill_workspace(args: argparse.Namespace):
    workspace = open_workspace(args)
    if not workspace.drill:
        workspace.close()
        raise DomainError(f"{workspace.root} is a live workspace; drill commands only run in a drill workspace")
    return workspace


def _new(args: argparse.Namespace) -> int:
    root = workspace_dir(args)
    host, scenario = new_drill(root, find_scenario(args.scenario))
    try:
        print(f"drill workspace (訓練) for {scenario.name} at {root}: host {host.own_municipality().name}, "
              f"{len(scenario.partners)} simulated partners")
        for event in load_state(root).events:
            print(f"T+{event.clock_minutes} min  {event.text}")
    finally:
        host.close()
    return 0


def _advance(args: argparse.Namespace) -> int:
    host = _drill_workspace(args)
    try:
        done = advance(host, host.root, args.minutes)
    finally:
        host.close()
    print(f"clock: T+{done.from_minutes} -> T+{done.to_minutes} min")
    for inject in done.injects:
        print(f"T+{inject.at_minutes} min  {inject.text}")
        for need in inject.needs:
            print(f"    need: {need.municipality} {need.resource} {need.quantity:,} ({need.priority.value})")
    if not done.injects:
        print("no injects were due")
    return 0


def _reset(args: argparse.Namespace) -> int:
    if not args.yes:
        if not sys.stdin.isatty():
            raise DomainError("drill reset replaces every database of the drill; confirm with --yes")
        if input("Reset the drill to T+0? Everything since then is replaced. [y/N] ").strip().lower() != "y":
            raise DomainError("cancelled; nothing was changed")
    host = _drill_workspace(args)
    try:
        reset(host, host.root)
    finally:
        host.close()
    print("drill reset to T+0")
    return 0


def _status(args: argparse.Namespace) -> int:
    host = _drill_workspace(args)
    try:
        state = load_state(host.root)
        scenario = load_scenario(host.root, state)
    finally:
        host.close()
    upcoming = [i for i in scenario.injects if i.at_minutes > state.clock_minutes]
    rows = [{"clock_minutes": e.clock_minutes, "at": e.at, "kind": e.kind, "text": e.text} for e in state.events]
    rows += [{"clock_minutes": i.at_minutes, "at": None, "kind": "upcoming", "text": i.text} for i in upcoming]
    if args.format == "table":
        print(f"{scenario.name}: clock T+{state.clock_minutes} min, {len(upcoming)} injects to come")
    emit(rows, args.format, ["clock_minutes", "kind", "text"])
    return 0


def _export(args: argparse.Namespace) -> int:
    host = _drill_workspace(args)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            report = None if args.no_report else _try_report(host, Path(tmp) / "report.pdf")
            path = export_drill_log(host, host.root, args.file, report)
    finally:
        host.close()
    print(f"wrote {path}", file=sys.stderr)
    return 0


def _try_report(host, target: Path) -> Path | None:
    from disastershare.reports.output import write_report
    from disastershare.reports.report_data import build_report_data

    try:
        write_report(build_report_data(host, scope="all"), target, language=host.language() or "ja")
    except DomainError as exc:  # e.g. no Japanese font on this laptop: the log is still worth having
        print(f"note: no report in the drill log ({exc})", file=sys.stderr)
        return None
    return target
