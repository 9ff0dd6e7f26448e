"""The one neutraliser every CSV and XLSX writer uses."""

from __future__ import annotations

from datetime import date

import pytest

from disastershare.core.cell_safety import csv_text, csv_value, xml_text


@pytest.mark.parametrize("text", ["=1+2", "+cmd", "-2+3", "@SUM(1,1)", "\tx", "\r=1", "＝1＋2"])
def test_formula_like_text_gets_a_leading_quote(text: str) -> None:
    assert csv_text(text) == "'" + text.replace("\r", "\n")


@pytest.mark.parametrize("text", ["毛布", "", "1-2", "a=b", "'=already quoted", "#value+usable", "2026-12-31"])
def test_other_text_is_left_alone(text: str) -> None:
    assert csv_text(text) == text


def test_a_cr_inside_text_becomes_lf_so_no_row_can_start_inside_it() -> None:
    assert csv_text("ok\r=cmd|'/c calc'!A1") == "ok\n=cmd|'/c calc'!A1"
    assert csv_text("line\r\nnext") == "line\nnext"


def test_only_text_is_neutralised() -> None:
    assert [csv_value(v) for v in (-5, -1.5, None, date(2026, 1, 1), "-5")] == [-5, -1.5, None, date(2026, 1, 1),
                                                                                "'-5"]


def test_characters_xml_forbids_are_replaced_and_the_rest_kept() -> None:
    assert xml_text("a\x01b\x0bc\x00d\x1f") == "a\ufffdb\ufffdc\ufffdd\ufffd"
    assert xml_text("tab\tlf\ncr\r 毛布 =1+2") == "tab\tlf\ncr\r 毛布 =1+2"
