"""The workbook prints well: A4, one page wide, landscape for wide tables, the header row on every page,
gridlines on tables. Checked in the sheets' XML, and (when LibreOffice is installed) by printing it to PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook
from reportkit import NOW, insert_mirrored, pdf_pages, pdf_text

from disastershare.core.reference_data import shipped_catalog
from disastershare.reports.model import ReportData
from disastershare.reports.output import write_report
from disastershare.reports.report_data import build_report_data
from disastershare.store.workspace import Workspace

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
# CT_Worksheet's child order (ECMA-376 Part 1, 18.3.1.99) for the elements the writer uses: Excel refuses
# a file whose elements are out of order.
ORDER = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "autoFilter", "printOptions",
         "pageMargins", "pageSetup", "headerFooter"]


def _sheets(path: Path) -> list[tuple[str, ElementTree.Element, int]]:
    """(name, worksheet root, number of columns) in workbook order."""
    with zipfile.ZipFile(path) as archive:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        names = [s.get("name") for s in book.find("m:sheets", NS)]
        roots = [ElementTree.fromstring(archive.read(f"xl/worksheets/sheet{i}.xml")) for i in range(1, len(names) + 1)]
    out = []
    for name, root in zip(names, roots, strict=True):
        width = max(len(row) for row in root.find("m:sheetData", NS)) if len(root.find("m:sheetData", NS)) else 1
        ref = root.find("m:dimension", NS).get("ref")
        columns = _column_number(re.match(r"A1:([A-Z]+)", ref).group(1))
        assert columns >= width
        out.append((name, root, columns))
    return out


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def test_every_sheet_prints_a4_one_page_wide_with_repeated_headers(drill_data: ReportData, tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_report(drill_data, path)
    sheets = _sheets(path)
    assert {name for name, _, columns in sheets if columns > 8} >= {"不足", "移送", "職員派遣", "在庫"}
    for index, (name, root, columns) in enumerate(sheets):
        children = [child.tag.split("}")[1] for child in root]
        assert children == [tag for tag in ORDER if tag in children], name
        assert root.find("m:sheetPr/m:pageSetUpPr", NS).get("fitToPage") == "1", name
        setup = root.find("m:pageSetup", NS).attrib
        assert (setup["paperSize"], setup["fitToWidth"], setup["fitToHeight"]) == ("9", "1", "0"), name
        assert setup["orientation"] == ("landscape" if columns > 8 else "portrait"), (name, columns)
        gridlines = root.find("m:printOptions", NS)
        if index == 0:  # the report description is a list, not a grid
            assert gridlines is None and root.find("m:autoFilter", NS) is None
        else:
            assert gridlines.get("gridLines") == "1", name
        assert "&A" in root.find("m:headerFooter/m:oddHeader", NS).text  # which sheet a loose page is from
        assert "&P / &N" in root.find("m:headerFooter/m:oddFooter", NS).text
    with zipfile.ZipFile(path) as archive:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    titles = {int(d.get("localSheetId")): d.text for d in book.find("m:definedNames", NS)
              if d.get("name") == "_xlnm.Print_Titles"}
    assert titles == {i: f"'{name}'!$1:$1" for i, (name, _, _) in enumerate(sheets) if i > 0}


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui")
    return found


@pytest.mark.slow
def test_libreoffice_prints_each_sheet_one_page_wide(drill_ws: Workspace, tmp_path: Path) -> None:
    soffice = _soffice()
    resources = [t.code for t in shipped_catalog() if t.kind.value != "staff"][:20]
    towns = [m.code for m in drill_ws.registry() if m.code.startswith("40") and not m.is_ward][:12]
    for n, town in enumerate(towns):
        insert_mirrored(drill_ws, town, [(r, 100 + n, 0) for r in resources])  # a stock sheet of several pages
    data = build_report_data(drill_ws, now=NOW)
    path = tmp_path / "r.xlsx"
    write_report(data, path)
    profile = tmp_path / "lo-profile"  # a private profile: no clash with a LibreOffice the user has open
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "r.pdf"
    pages = pdf_pages(pdf)
    sheets = {name: (root, columns) for name, root, columns in _sheets(path)}
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", str(pages), str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert len(sizes) == pages
    headers = {sheet.title: [c.value for c in sheet[1]] for sheet in load_workbook(path)}
    seen: dict[str, int] = {}
    for page in range(1, pages + 1):
        text = pdf_text(pdf, page)
        name = text.split("\n", 1)[0].strip()  # the page header names its sheet (&A)
        assert name in sheets, (page, name)
        seen[name] = seen.get(name, 0) + 1
        width, height = (float(v) for v in sizes[page - 1])
        assert sorted((round(width), round(height))) == [595, 842]  # A4
        assert (width > height) == (sheets[name][1] > 8), (page, name)  # landscape for wide tables
        if name != "報告について":
            # one page wide: the repeated header row holds the first and the last column on every page
            first, last = headers[name][0], headers[name][-1]
            assert first in text and last in text, (page, name, first, last)
    assert set(seen) == set(sheets)
    assert seen["在庫"] > 1  # the long sheet runs over several pages, each one page wide
