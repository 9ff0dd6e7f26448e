"""report --out FILE|FOLDER: the coordination report as PDF, XLSX or CSV (format from the suffix);
settings show / set / unset: the workspace settings reports read (contact person, time zone, font)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from disastershare.cli.common import open_workspace
from disastershare.core.errors import DomainError
from disastershare.reports.model import SCOPES
from disastershare.reports.numbering import suggested_name
from disastershare.reports.output import FORMATS, LANGUAGES, check_target, write_report
from disastershare.reports.report_data import build_report_data
from disastershare.reports.times import zone_named

EPILOG = """formats (from the suffix of --out):
  .pdf   A4 report, Japanese font embedded (found automatically; or --font / $DISASTERSHARE_REPORT_FONT);
         page 1 is a one-page summary (report number, as-of time, contact, top shortfalls, transfers,
         partners' data freshness)
  .xlsx  a 'report' sheet describing the report, then one sheet per table (prints A4, one page wide)
  .csv   one UTF-8 (BOM) file per table written beside FILE: NAME.csv -> NAME-stock.csv, NAME-shortfalls.csv,
         ..., NAME-report.csv (no file is called NAME.csv itself)
  .zip   the same CSV files in one zip archive
--out FOLDER (an existing folder) saves the report there under its suggested name, e.g.
  益城町_第3報_20261203-1430.pdf (訓練_ first in a drill workspace), in the format --format names.
Report numbers (第N報) count the reports this workspace has written (reports/report_counter.json in the
workspace folder); one run with several --out writes one report, with one number, in several formats.
scopes:
  own         this municipality's data only
  all         this municipality and every partner whose data the workspace holds (default)
  prefecture  the municipalities of this municipality's prefecture, with per-prefecture totals
Times are in the workspace's time zone (setting time_zone, default Asia/Tokyo: JST).
The contact person on page 1 comes from the settings contact_section, contact_name, contact_phone
('disastershare settings set contact_name "山田 太郎"').
Exit 2 (nothing written) for an unknown suffix or a missing Japanese font."""

SUFFIXES = {f.lstrip("."): f for f in FORMATS}
# Keys `settings set` accepts, with what they mean (reports read them; `language` is the GUI's and reports').
SETTINGS = {
    "contact_name": "contact person named on page 1 of the report (担当者)",
    "contact_section": "their section (担当部署), e.g. 危機管理課",
    "contact_phone": "their phone number (連絡先)",
    "time_zone": "IANA time zone for report times and file names (default Asia/Tokyo)",
    "report_font": "Japanese font file the PDF embeds (.ttf/.ttc/.otf)",
    "language": "ja or en: the GUI's language and the default report language",
}


def register(sub: argparse._SubParsersAction) -> None:
    rep = sub.add_parser("report", help="write the coordination report (.pdf, .xlsx, .csv or .zip)",
                         description="Write the coordination report: a one-page summary, stock, shortfalls, "
                         "transfers, staff dispatch and partner data freshness.", epilog=EPILOG,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    rep.add_argument("--out", type=Path, required=True, action="append", metavar="FILE_OR_FOLDER",
                     help=f"output file, format by suffix ({', '.join(FORMATS)}), or an existing folder (saved "
                     "under the suggested name); repeat to write the same report in several formats")
    rep.add_argument("--format", choices=list(SUFFIXES), default="pdf",
                     help="format of a report saved into a folder --out (default: pdf)")
    rep.add_argument("--language", choices=LANGUAGES, default=None,
                     help="report language (default: the workspace's language, else ja)")
    rep.add_argument("--hxl", action="store_true",
                     help="CSV only: add a second header row of HXL tags (Humanitarian Exchange Language, "
                     "人道支援データ交換用のタグ行, e.g. #adm2+code) that humanitarian data tools read")
    rep.add_argument("--scope", choices=SCOPES, default="all", help="whose data to include (default: all)")
    rep.add_argument("--font", type=Path, metavar="FONT",
                     help="PDF: the Japanese font file to embed (.ttf/.ttc/.otf); default: "
                     "$DISASTERSHARE_REPORT_FONT, the workspace setting report_font, then Yu Gothic / Meiryo / "
                     "MS Gothic, Hiragino, or fontconfig's Japanese fonts")
    rep.set_defaults(handler=_report)
    _register_settings(sub)


def _report(args: argparse.Namespace) -> int:
    for target in args.out:
        if not target.is_dir():
            check_target(target)  # refuse a bad suffix before opening anything
    workspace = open_workspace(args)
    written: list[Path] = []
    try:
        language = args.language or workspace.language() or "ja"
        data = build_report_data(workspace, scope=args.scope)
        for target in args.out:
            path = target / suggested_name(data, SUFFIXES[args.format], language) if target.is_dir() else target
            written += write_report(data, path, language=language, hxl=args.hxl, font=args.font,
                                    configured_font=workspace.settings().get("report_font"))
    finally:
        workspace.close()
    if args.hxl and not any(path.suffix.lower() in (".csv", ".zip") for path in written):
        print("note: --hxl applies to CSV output only", file=sys.stderr)
    if not data.meta.contact:
        print("note: the report names no contact person; set one with "
              "'disastershare settings set contact_name NAME' (and contact_section, contact_phone)", file=sys.stderr)
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    if not written:
        raise DomainError("nothing was written")
    return 0


# -- settings ---------------------------------------------------------------------------------------------
def _register_settings(sub: argparse._SubParsersAction) -> None:
    keys = "\n".join(f"  {key:<16}{meaning}" for key, meaning in SETTINGS.items())
    st = sub.add_parser("settings", help="show or change workspace settings (report contact person, time zone)",
                        description="The workspace's settings.json.", epilog=f"keys:\n{keys}",
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    st_sub = st.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    show = st_sub.add_parser("show", help="print the settings")
    show.add_argument("--format", choices=("table", "json"), default="table")
    show.set_defaults(handler=_settings_show)
    put = st_sub.add_parser("set", help="set KEY to VALUE", epilog=f"keys:\n{keys}",
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    put.add_argument("key", choices=list(SETTINGS), metavar="KEY")
    put.add_argument("value", metavar="VALUE")
    put.set_defaults(handler=_settings_set)
    unset = st_sub.add_parser("unset", help="remove KEY (back to its default)")
    unset.add_argument("key", choices=list(SETTINGS), metavar="KEY")
    unset.set_defaults(handler=_settings_unset)


def _checked(key: str, value: str) -> str | None:
    value = value.strip()
    if key == "time_zone":
        zone_named(value)  # DomainError for a name no tz database knows
    elif key == "language" and value not in LANGUAGES:
        raise DomainError(f"language must be one of {', '.join(LANGUAGES)}")
    elif key == "report_font" and not Path(value).expanduser().is_file():
        raise DomainError(f"the font file {value} does not exist")
    return value or None


def _settings_show(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    try:
        settings = workspace.settings()
    finally:
        workspace.close()
    if args.format == "json":
        print(json.dumps(settings, ensure_ascii=False, indent=1))
    else:
        for key in dict.fromkeys([*SETTINGS, *settings]):
            value = settings.get(key)
            print(f"{key:<16}{'' if value is None else value}")
    return 0


def _settings_set(args: argparse.Namespace) -> int:
    value = _checked(args.key, args.value)
    workspace = open_workspace(args)
    try:
        workspace.save_settings({**workspace.settings(), args.key: value})
    finally:
        workspace.close()
    print(f"{args.key} = {'' if value is None else value}", file=sys.stderr)
    return 0


def _settings_unset(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    try:
        settings = workspace.settings()
        settings.pop(args.key, None)
        if args.key == "language":
            settings["language"] = None  # the workspace always records a language, None for "not chosen"
        workspace.save_settings(settings)
    finally:
        workspace.close()
    print(f"{args.key} unset", file=sys.stderr)
    return 0
