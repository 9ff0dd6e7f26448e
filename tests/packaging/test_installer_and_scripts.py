"""The build scripts, the Windows installer script and the icon maker, checked without building."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
PACKAGING = PROJECT / "packaging"


def _iss() -> str:
    return (PACKAGING / "installer.iss").read_text(encoding="utf-8")


def _define(name: str) -> str:
    return re.search(rf'^\s*#define {name} "(.*)"', _iss(), re.M).group(1)


def test_installer_installs_per_user_without_admin_rights() -> None:
    iss = _iss()
    assert re.search(r"^PrivilegesRequired=lowest$", iss, re.M)
    assert re.search(r"^DefaultDirName=\{autopf\}", iss, re.M)  # %LOCALAPPDATA%\Programs for a per-user install
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", iss, re.M)
    assert 'Source: "{#SourceDir}\\*"' in iss and "recursesubdirs" in iss


def test_installer_names_the_executables_the_spec_builds() -> None:
    spec = (PACKAGING / "bundle_contents.py").read_text(encoding="utf-8")
    assert f'APP_NAME = "{_define("CliExe").removesuffix(".exe")}"' in spec
    assert f'GUI_NAME = "{_define("GuiExe").removesuffix(".exe")}"' in spec
    assert _define("SourceDir") == "..\\dist\\disastershare"


def test_installer_has_a_start_menu_entry_for_the_window() -> None:
    assert re.search(r'^Name: "\{autoprograms\}\\\{#AppName\}"; Filename: "\{app\}\\\{#GuiExe\}"', _iss(), re.M)


def test_double_clicking_a_snapshot_imports_it() -> None:
    iss = _iss()
    assert re.search(r'Subkey: "Software\\Classes\\\.dsnap"; .*ValueData: "\{#ProgId\}"', iss)
    command = re.search(r'Subkey: "Software\\Classes\\\{#ProgId\}\\shell\\open\\command"; .*ValueData: "(.*)"; '
                        r"Tasks: dsnap$", iss, re.M).group(1)
    # Inno Setup doubles quotes inside a quoted value; the registry gets single ones
    registry_value = command.replace('""', '"')
    assert registry_value == '"{app}\\{#GuiExe}" gui --import "%1"'
    assert all(line.startswith(("Root: HKA", ";")) for line in iss.split("[Registry]")[1].split("[Run]")[0]
               .strip().splitlines())  # per-user classes only, never HKLM


@pytest.mark.parametrize("script", ["build_linux.sh", "build_macos.sh", "smoke_test.sh"])
def test_shell_scripts_are_executable_and_parse(script: str) -> None:
    path = PACKAGING / script
    assert os.access(path, os.X_OK)
    assert subprocess.run(["bash", "-n", str(path)], capture_output=True).returncode == 0


def test_smoke_test_refuses_clearly_when_nothing_is_built(tmp_path: Path) -> None:
    done = subprocess.run([str(PACKAGING / "smoke_test.sh"), str(tmp_path / "nothing")], capture_output=True,
                          text=True)
    assert done.returncode == 2 and "make build" in done.stderr


def test_spec_runs_the_same_entry_point_as_the_console_script() -> None:
    launcher = (PACKAGING / "launcher.py").read_text(encoding="utf-8")
    assert "from disastershare.cli import main" in launcher
    spec = (PACKAGING / "disastershare.spec").read_text(encoding="utf-8")
    assert '"launcher.py"' in spec and "collect_submodules(\"disastershare\")" in spec


def test_icons_are_drawn_for_every_system(tmp_path: Path) -> None:
    pytest.importorskip("PySide6.QtGui")
    done = subprocess.run([sys.executable, str(PACKAGING / "make_icons.py"), str(tmp_path)], capture_output=True,
                          text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert done.returncode == 0, done.stderr
    ico = (tmp_path / "disastershare.ico").read_bytes()
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, 7)
    icns = (tmp_path / "disastershare.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert (tmp_path / "disastershare.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.skipif(shutil.which("pwsh") is None, reason="PowerShell is not installed")
def test_windows_build_script_parses() -> None:
    code = "$null = [System.Management.Automation.Language.Parser]::ParseFile($args[0], [ref]$null, [ref]$e); " \
           "if ($e.Count) { $e; exit 1 }"
    done = subprocess.run(["pwsh", "-NoProfile", "-Command", code, str(PACKAGING / "build_windows.ps1")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
