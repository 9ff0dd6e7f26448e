from __future__ import annotations

import re
from pathlib import Path

import pytest

from disastershare.core.errors import DomainError
from disastershare.core.reference_data import shipped_catalog, shipped_registry
from disastershare.core.scenario import parse_scenario, read_scenario
from disastershare.paths import resources_dir

HEAD = '[scenario]\nformat = 1\nname = "t"\nhost = "434434"\npartners = ["431001"]\n'


def parse(text: str):
    return parse_scenario(text, "t.toml", shipped_registry(), shipped_catalog())


@pytest.mark.parametrize("path", sorted((resources_dir() / "scenarios").glob("*.toml")), ids=lambda p: p.stem)
def test_shipped_scenarios_parse(path: Path) -> None:
    scenario = read_scenario(path, shipped_registry(), shipped_catalog())
    assert len(scenario.partners) >= 5 and scenario.injects[0].at_minutes == 0
    assert any(inject.needs for inject in scenario.injects)


def test_both_hazards_are_shipped() -> None:
    hazards = {read_scenario(p, shipped_registry(), shipped_catalog()).hazard
               for p in (resources_dir() / "scenarios").glob("*.toml")}
    assert hazards == {"earthquake", "flood"}


def test_injects_are_sorted_and_due_in_windows() -> None:
    scenario = parse(HEAD + '[[injects]]\nat_minutes = 90\ntext = "b"\n[[injects]]\nat_minutes = 0\ntext = "a"\n')
    assert [i.text for i in scenario.injects] == ["a", "b"]
    assert [i.text for i in scenario.due(-1, 0)] == ["a"]
    assert scenario.due(0, 89) == []
    assert [i.text for i in scenario.due(0, 90)] == ["b"]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("not toml = = =", "not a valid scenario file"),
        ("[other]\n", "missing the [scenario] table"),
        ('[scenario]\nformat = 9\nhost = "434434"\n', "format 9 is not understood"),
        ('[scenario]\nhost = "434435"\n', "check digit"),
        (HEAD + '[[stock]]\nmunicipality = "131016"\nresource = "S-WATER"\nquantity = 1\n', "not a participant"),
        (HEAD + '[[stock]]\nmunicipality = "434434"\nresource = "S-NOPE"\nquantity = 1\n', "unknown resource"),
        (HEAD + '[[stock]]\nmunicipality = "434434"\nresource = "S-WATER"\nquantity = -1\n', "whole number"),
        (HEAD + '[[stock]]\nmunicipality = "434434"\nresource = "S-WATER"\nquantity = 1\nreserved = 2\n',
         "exceeds"),
        (HEAD + '[[injects]]\nat_minutes = 5\ntext = ""\n', "needs a text"),
        (HEAD + '[[injects]]\nat_minutes = 5\ntext = "x"\nneeds = [{municipality = "434434", '
                'resource = "S-WATER", quantity = 0}]\n', "quantity must be"),
        ('[scenario]\nhost = "434434"\npartners = ["434434"]\n', "must not include the host"),
    ],
)
def test_bad_scenarios_are_refused_with_the_place_and_reason(body: str, reason: str) -> None:
    with pytest.raises(DomainError, match=re.escape(reason)):
        parse(body)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="no such scenario file"):
        read_scenario(tmp_path / "none.toml", shipped_registry(), shipped_catalog())
