from __future__ import annotations

import json
import zipfile
from pathlib import Path

from disastershare.store.workspace import Workspace


def _needs(run) -> list[dict]:
    code, out, _ = run("needs", "list", "--all", "--format", "json")
    assert code == 0
    return json.loads(out)


def _stock(run) -> list[dict]:
    return json.loads(run("inventory", "list", "--all", "--format", "json")[1])


def test_new_drill_builds_host_and_partners_with_their_stock(run, scenario_file: Path, tmp_path: Path) -> None:
    code, out, err = run("drill", "new", str(scenario_file))
    assert code == 0, err
    assert "小さな訓練" in out and "T+0 min  T+0 地震発生" in out
    ws = Workspace.open(tmp_path / "drill")
    assert ws.drill and ws.municipality == "434434"
    ws.close()
    blankets = {r["municipality"]: r["on_hand"] for r in _stock(run) if r["resource"] == "S-BLANKET"}
    assert blankets["434434"] == 100 and blankets["431001"] == 5000
    partners = json.loads(run("partners", "list", "--format", "json")[1])
    assert {p["code"] for p in partners} == {"431001", "434426"}
    assert _needs(run) == []


def test_advance_applies_injects_for_host_and_relays_partner_needs(run, scenario_file: Path) -> None:
    run("drill", "new", str(scenario_file))
    code, out, _ = run("drill", "advance")
    assert code == 0 and "T+0 -> T+30" in out and "S-BLANKET 800" in out
    assert [(n["municipality"], n["resource"], n["quantity"]) for n in _needs(run)] == [("434434", "S-BLANKET", 800)]
    code, out, _ = run("drill", "advance", "100")
    assert code == 0 and "T+30 -> T+130" in out
    needs = {(n["municipality"], n["resource"]): n["quantity"] for n in _needs(run)}
    assert needs[("434426", "E-WATER-TRUCK")] == 3  # arrived through the partner's signed snapshot
    shortfalls = json.loads(run("shortfalls", "--format", "json")[1])
    assert any(r["municipality"] == "434434" and r["resource"] == "S-BLANKET" and r["shortfall"] == 700
               for r in shortfalls)


def test_advance_refuses_silly_minutes_and_running_out_of_injects(run, scenario_file: Path) -> None:
    run("drill", "new", str(scenario_file))
    code, _, err = run("drill", "advance", "0")
    assert code == 2 and "advance by 1 to" in err
    assert run("drill", "advance", "500")[0] == 0
    code, _, err = run("drill", "advance")
    assert code == 2 and "no injects left" in err


def test_reset_returns_every_database_to_t0(run, scenario_file: Path, tmp_path: Path) -> None:
    run("drill", "new", str(scenario_file))
    run("drill", "advance", "200")
    assert len(_needs(run)) == 2
    code, out, err = run("drill", "reset", "--yes")
    assert code == 0, err
    assert _needs(run) == []
    status = json.loads(run("drill", "status", "--format", "json")[1])
    assert [e["kind"] for e in status][-1] == "upcoming" and any(e["kind"] == "reset" for e in status)
    # the partners were reset too: the next advance relays their need again without a fork
    run("drill", "advance", "200")
    assert {n["municipality"] for n in _needs(run)} == {"434434", "434426"}
    imports = json.loads(run("snapshot", "log", "--format", "json")[1])
    assert not any(i.get("status") == "fork" for i in imports)


def test_export_packs_the_debriefing(run, scenario_file: Path, tmp_path: Path) -> None:
    run("drill", "new", str(scenario_file))
    run("drill", "advance")
    target = tmp_path / "debrief.zip"
    code, _, err = run("drill", "export", str(target), "--no-report")
    assert code == 0, err
    with zipfile.ZipFile(target) as zf:
        assert {"timeline.json", "timeline.csv", "imports.csv", "needs.csv", "stock.csv", "scenario.toml"} <= set(
            zf.namelist())
        timeline = json.loads(zf.read("timeline.json"))
        assert [e["kind"] for e in timeline["events"]][:3] == ["started", "inject", "inject"]
        assert zf.read("needs.csv").startswith("\ufeff".encode())


def test_drill_commands_refuse_a_live_workspace(run, tmp_path: Path) -> None:
    run("init", "--municipality", "131016", ws=tmp_path / "live")
    code, _, err = run("drill", "advance", ws=tmp_path / "live")
    assert code == 2 and "live workspace" in err


def test_new_drill_refuses_an_existing_workspace_and_bad_scenarios(run, scenario_file: Path, tmp_path: Path) -> None:
    run("init", "--municipality", "131016", ws=tmp_path / "live")
    code, _, err = run("drill", "new", str(scenario_file), ws=tmp_path / "live")
    assert code == 2 and "already exists" in err
    assert Workspace.open(tmp_path / "live").municipality == "131016"
    code, _, err = run("drill", "new", "no_such_scenario")
    assert code == 2 and "kumamoto_earthquake" in err
    bad = tmp_path / "bad.toml"
    bad.write_text('[scenario]\nhost = "434435"\n', encoding="utf-8")
    code, _, err = run("drill", "new", str(bad))
    assert code == 2 and "check digit" in err and not (tmp_path / "drill").exists()


def test_a_shipped_scenario_runs_end_to_end(run, tmp_path: Path) -> None:
    code, _, err = run("drill", "new", "rokkaku_river_flood")
    assert code == 0, err
    while run("drill", "advance")[0] == 0:
        pass
    needs = _needs(run)
    assert {n["municipality"] for n in needs} == {"412066", "414239"}
    assert len(needs) == 9
