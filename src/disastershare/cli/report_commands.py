"""report --out FILE: the coordination report as PDF, XLSX or CSV (format from the suffix)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from disastershare.cli.common import open_workspace
from disastershare.core.errors import DomainError
from disastershare.reports.model import SCOPES
from disastershare.reports.output import FORMATS, LANGUAGES, check_target, write_report
from disastershare.reports.report_data import build_report_data

EPILOG = """formats (from the suffix of --out):
  .pdf   A4 report, Japanese font embedded (found automatically; or --font / $DISASTERSHARE_REPORT_FONT)
  .xlsx  a 'report' sheet describing the report, then one sheet per table
  .csv   one UTF-8 (BOM) file per table written beside FILE: NAME.csv -> NAME-stock.csv, NAME-shortfalls.csv,
         ..., NAME-report.csv (no file is called NAME.csv itself)
  .zip   the same CSV files in one zip archive
scopes:
  own         this municipality's data only
  all         this municipality and every partner whose data the workspace holds (default)
  prefecture  the municipalities of this municipality's prefecture, with per-prefecture totals
Report times are in JST. Exit 2 (nothing written) for an unknown suffix or a missing Japanese font."""


def register(sub: argparse._SubParsersAction) -> None:
    rep = sub.add_parser("report", help="write the coordination report (.pdf, .xlsx, .csv or .zip)",
                         description="Write the coordination report: stock, shortfalls, transfers, staff dispatch "
                         "and partner data freshness.", epilog=EPILOG,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    rep.add_argument("--out", type=Path, required=True, metavar="FILE",
                     help=f"output file; format by suffix: {', '.join(FORMATS)}")
    rep.add_argument("--language", choices=LANGUAGES, default=None,
                     help="report language (default: the workspace's language, else ja)")
    rep.add_argument("--hxl", action="store_true", help="CSV: add a second header row of HXL hashtags")
    rep.add_argument("--scope", choices=SCOPES, default="all", help="whose data to include (default: all)")
    rep.add_argument("--font", type=Path, metavar="FONT",
                     help="PDF: the Japanese font file to embed (.ttf/.ttc/.otf); default: "
                     "$DISASTERSHARE_REPORT_FONT, the workspace setting report_font, then Yu Gothic / Meiryo / "
                     "MS Gothic, Hiragino, or fontconfig's Japanese fonts")
    rep.set_defaults(handler=_report)


def _report(args: argparse.Namespace) -> int:
    check_target(args.out)  # refuse a bad suffix before opening anything
    workspace = open_workspace(args)
    try:
        language = args.language or workspace.language() or "ja"
        data = build_report_data(workspace, scope=args.scope)
        written = write_report(data, args.out, language=language, hxl=args.hxl, font=args.font,
                               configured_font=workspace.settings().get("report_font"))
    finally:
        workspace.close()
    if args.hxl and args.out.suffix.lower() not in (".csv", ".zip"):
        print("note: --hxl applies to CSV output only", file=sys.stderr)
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    if not written:
        raise DomainError("nothing was written")
    return 0
