"""Two app instances on one workspace: the second is told who holds it; never two writers."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from disastershare.cli import main
from disastershare.core.errors import DomainError
from disastershare.store import lock as lock_module
from disastershare.store.lock import LOCK_NAME, WorkspaceInUseError, WorkspaceLock, read_holder
from disastershare.store.workspace import Workspace

HOLD = """
import sys
from disastershare.store.workspace import Workspace
ws = Workspace.open(sys.argv[1])
print("READY", flush=True)
sys.stdin.readline()  # hold until the test closes our stdin
ws.close()
"""

RACE = """
import sys, time
from pathlib import Path
from disastershare.core.errors import DomainError
from disastershare.store.lock import WorkspaceLock
root, go = Path(sys.argv[1]), Path(sys.argv[2])
print("READY", flush=True)
while not go.exists():
    time.sleep(0.002)
try:
    held = WorkspaceLock.acquire(root)
except DomainError:
    print("BUSY", flush=True)
else:
    print("GOT", flush=True)
    time.sleep(1.5)
    held.release()
"""


def _python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", code, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _ready(proc: subprocess.Popen[str]) -> None:
    line = proc.stdout.readline()
    assert line.strip() == "READY", proc.stderr.read()


@pytest.fixture
def closed_workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    Workspace.create(root, "131016").close()
    return root


@pytest.fixture
def holder(closed_workspace: Path):
    """Another app instance holding the workspace."""
    proc = _python(HOLD, str(closed_workspace))
    _ready(proc)
    yield proc
    if proc.poll() is None:
        proc.stdin.close()
        proc.wait(10)


def test_second_instance_is_told_who_holds_the_workspace(closed_workspace: Path, holder, capsys) -> None:
    # Given another process has the workspace open
    # When this one opens it
    with pytest.raises(WorkspaceInUseError) as refused:
        Workspace.open(closed_workspace)
    # Then the message names the holder's host, PID and start time
    assert f"workspace is in use by {socket.gethostname()} PID {holder.pid} since 20" in str(refused.value)
    assert refused.value.holder.pid == holder.pid
    # and the command line says it in one line, exit code 2
    assert main(["--workspace", str(closed_workspace), "inventory", "list"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"PID {holder.pid}" in err
    # When the holder closes, the workspace opens again
    holder.stdin.close()
    assert holder.wait(10) == 0
    assert not (closed_workspace / LOCK_NAME).exists()
    Workspace.open(closed_workspace).close()


def test_same_process_reopen_shares_the_lock_until_the_last_close(workspace: Workspace) -> None:
    again = Workspace.open(workspace.root)
    assert read_holder(workspace.root).pid == os.getpid()
    again.close()
    assert (workspace.root / LOCK_NAME).exists()  # the first one still holds it
    again.close()  # closing twice does not release someone else's share
    assert (workspace.root / LOCK_NAME).exists()
    workspace.close()
    assert not (workspace.root / LOCK_NAME).exists()


def test_a_killed_holder_is_taken_over(closed_workspace: Path) -> None:
    proc = _python(HOLD, str(closed_workspace))
    _ready(proc)
    proc.kill()  # SIGKILL: no clean-up ran, the lock file still names it
    proc.wait(10)
    assert read_holder(closed_workspace).pid == proc.pid
    ws = Workspace.open(closed_workspace)
    assert read_holder(closed_workspace).pid == os.getpid()
    ws.close()


def test_lock_file_of_a_dead_process_on_this_host_is_stale(closed_workspace: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    _write_lock(closed_workspace, socket.gethostname(), int(dead.stdout))
    Workspace.open(closed_workspace).close()


def test_lock_of_another_computer_is_refused_with_its_name(closed_workspace: Path) -> None:
    _write_lock(closed_workspace, "SOUMU-PC07", 4242)
    with pytest.raises(DomainError, match=r"in use by SOUMU-PC07 PID 4242 since 2026-11-20 09:15 \(if that "
                                          r"computer no longer has it open, delete .*workspace.lock\)"):
        Workspace.open(closed_workspace)
    assert read_holder(closed_workspace).host == "SOUMU-PC07"  # refused: the file is left alone
    (closed_workspace / LOCK_NAME).unlink()  # what the message tells the user to do
    Workspace.open(closed_workspace).close()


def test_without_os_locks_a_live_pid_on_this_host_still_refuses(closed_workspace: Path, monkeypatch) -> None:
    # Some network file systems have no locks: the PID check alone decides
    monkeypatch.setattr(lock_module, "_os_lock", lambda fd: None)
    _write_lock(closed_workspace, socket.gethostname(), os.getppid())
    with pytest.raises(WorkspaceInUseError, match=f"PID {os.getppid()}"):
        Workspace.open(closed_workspace)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    _write_lock(closed_workspace, socket.gethostname(), int(dead.stdout))
    Workspace.open(closed_workspace).close()


def test_only_one_of_many_racing_processes_gets_the_lock(closed_workspace: Path, tmp_path: Path) -> None:
    go = tmp_path / "go"
    racers = [_python(RACE, str(closed_workspace), str(go)) for _ in range(6)]
    for proc in racers:
        _ready(proc)
    go.touch()
    results = sorted(proc.communicate(timeout=30)[0].strip() for proc in racers)
    assert results == ["BUSY"] * 5 + ["GOT"]


def test_cli_commands_give_the_lock_back_when_they_exit(closed_workspace: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "disastershare", "--workspace", str(closed_workspace),
                           "inventory", "list"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert not (closed_workspace / LOCK_NAME).exists()


def test_an_unclosed_workspace_is_released_at_exit(closed_workspace: Path) -> None:
    code = "import sys; from disastershare.store.workspace import Workspace; Workspace.open(sys.argv[1])"
    subprocess.run([sys.executable, "-c", code, str(closed_workspace)], check=True, timeout=60)
    assert not (closed_workspace / LOCK_NAME).exists()


def test_lock_handles_are_released_once(tmp_path: Path) -> None:
    with WorkspaceLock.acquire(tmp_path) as held:
        assert held.held and (tmp_path / LOCK_NAME).exists()
    held.release()
    assert not held.held and not (tmp_path / LOCK_NAME).exists()


def test_a_lock_file_removed_while_we_waited_is_not_trusted(closed_workspace: Path, monkeypatch) -> None:
    # The old holder unlinks the file between our open() and our lock: locking that orphan would let a third
    # process create a new file and lock it too, so the lock must be taken again on the current file.
    real_lock, calls = lock_module._os_lock, []

    def os_lock(fd: int):
        calls.append(fd)
        if len(calls) == 1:
            (closed_workspace / LOCK_NAME).unlink()
        return real_lock(fd)

    monkeypatch.setattr(lock_module, "_os_lock", os_lock)
    with WorkspaceLock.acquire(closed_workspace):
        assert len(calls) == 2
        assert read_holder(closed_workspace).pid == os.getpid()


def test_create_leaves_a_folder_another_instance_is_setting_up_alone(tmp_path: Path) -> None:
    root = tmp_path / "new-ws"
    root.mkdir()
    code = ("import sys; from disastershare.store.lock import WorkspaceLock\n"
            "held = WorkspaceLock.acquire(sys.argv[1]); print('READY', flush=True); sys.stdin.readline()")
    proc = _python(code, str(root))
    _ready(proc)
    try:
        with pytest.raises(WorkspaceInUseError):
            Workspace.create(root, "131016")
        assert (root / LOCK_NAME).exists() and read_holder(root).pid == proc.pid
    finally:
        proc.stdin.close()
        proc.wait(10)


def _write_lock(root: Path, host: str, pid: int) -> None:
    (root / LOCK_NAME).write_text(json.dumps({"host": host, "pid": pid, "since": "2026-11-20T09:15:00+09:00"}),
                                  encoding="utf-8")
