"""Hostile or damaged sheet files: each ends in one sentence, quickly and in little memory."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

from disastershare.core.errors import DomainError
from disastershare.core.sheet_reading import read_tables


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _rewrite(path: Path, member: str, change, compresslevel: int = 6) -> Path:
    """Rewrite one part of an .xlsx (the way a crafted file would differ from a real one)."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts[member] = change(parts[member])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as target:
        for filename, data in parts.items():
            target.writestr(filename, data)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return _workbook(tmp_path / "s.xlsx", [["品名", "数量"], ["毛布", 10]])


def test_a_row_numbered_99999999_is_refused(book):
    far = b'<row r="99999999"><c r="A99999999" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    _rewrite(book, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(b"</sheetData>", far))
    with pytest.raises(DomainError, match="more than 1,048,576 rows"):
        read_tables(book)


def test_a_declared_full_sheet_range_is_read_as_the_cells_it_has(book):
    _rewrite(book, "xl/worksheets/sheet1.xml",
             lambda xml: xml.replace(b'<dimension ref="A1:B2"/>', b'<dimension ref="A1:XFD1048576"/>'))
    table = read_tables(book).tables[0]
    assert table.rows == [["品名", "数量"], ["毛布", "10"]]


def test_a_cell_far_to_the_right_is_refused(book):
    wide = b'<c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    _rewrite(book, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(b"</row></sheetData>", wide))
    with pytest.raises(DomainError, match="more than 256 columns"):
        read_tables(book)


def test_padding_that_unpacks_to_gigabytes_is_refused_before_reading(book):
    padded = b" " * (20 * 2**20)
    _rewrite(book, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + padded))
    with pytest.raises(DomainError, match="unpacks to far more data"):
        read_tables(book)


def test_huge_shared_strings_are_refused_before_reading(tmp_path):
    path = tmp_path / "strings.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["品名", "数量"])
    book.active.append(["毛布", 1])
    book.save(path)
    huge = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>' \
           + b"a" * (70 * 2**20) + b"</t></si></sst>"
    with zipfile.ZipFile(path) as source:
        parts = {i.filename: source.read(i) for i in source.infolist()}
    parts["xl/sharedStrings.xml"] = huge
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for filename, data in parts.items():
            target.writestr(filename, data)
    with pytest.raises(DomainError, match="unpacks to far more data"):
        read_tables(path)


def test_a_pipe_and_a_device_are_refused_without_reading(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(DomainError, match="not a regular file"):
        read_tables(fifo)
    with pytest.raises(DomainError, match="not a regular file"):
        read_tables(Path("/dev/zero"))


def test_a_shift_jis_file_name_is_shown_readably(tmp_path):
    name = os.fsdecode("備蓄一覧.csv".encode("cp932"))
    path = tmp_path / name
    path.write_bytes(b"x,y\n1,2\n")
    from disastershare.core.sheet_import import plan_inventory_import

    with pytest.raises(DomainError) as caught:
        plan_inventory_import(read_tables(path), None, [], "131016")  # type: ignore[arg-type]
    message = str(caught.value)
    assert "備蓄一覧.csv" in message
    message.encode("utf-8")  # printable: no lone surrogates


def test_a_file_mixing_utf8_and_cp932_is_refused(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes("品名,数量\n毛布,10\n".encode() + "保存水ペットボトル,20\n".encode("cp932"))
    with pytest.raises(DomainError, match="mixes UTF-8 and Shift_JIS"):
        read_tables(path)


def test_plain_cp932_is_still_read(tmp_path):
    path = tmp_path / "sjis.csv"
    path.write_bytes("品名,数量\n毛布,10\n保存水ペットボトル,20\n".encode("cp932"))
    assert read_tables(path).tables[0].rows[2] == ["保存水ペットボトル", "20"]


def test_a_hidden_sheet_is_not_imported_as_if_visible(tmp_path):
    path = tmp_path / "h.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["品名", "数量"])
    book.active.append(["毛布", 1])
    hidden = book.create_sheet("旧データ")
    hidden.sheet_state = "hidden"
    hidden.append(["品名", "数量"])
    hidden.append(["毛布", 999])
    book.save(path)
    sheets = read_tables(path)
    assert [t.sheet for t in sheets.tables] == ["Sheet"]
    assert [(s.sheet, s.reason) for s in sheets.skipped] == [("旧データ", "hidden")]
