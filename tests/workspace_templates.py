"""Fresh test workspaces copied from a template made once per session and identity.

Workspace.create runs every migration and seeds 1,916 municipalities; copying the finished folder is
several times cheaper and gives the same files. Tests of creation itself call Workspace.create.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from disastershare.store.workspace import Workspace

_TEMPLATES: dict[tuple[str, bool], Path] = {}


def fresh_workspace(root: Path, code: str, drill: bool = False) -> Workspace:
    """An opened workspace at root, as Workspace.create(root, code, drill) would leave it."""
    if root.exists():
        return Workspace.create(root, code, drill)  # keep create's own checks for an existing folder
    template = _TEMPLATES.get((code, drill))
    if template is None:
        template = Path(tempfile.mkdtemp(prefix="ds-template-")) / "ws"
        Workspace.create(template, code, drill).close()
        _TEMPLATES[(code, drill)] = template
    shutil.copytree(template, root, ignore=shutil.ignore_patterns("workspace.lock"))
    return Workspace.open(root)


def stocked_closed_workspace(root: Path, code: str) -> Path:
    """A sound, closed workspace at root (no -wal beside it): signing key, one stock line, one manual backup.
    The damage tests copy it and break the copy."""
    from disastershare.core.records import InventoryItem, RecordMeta
    from disastershare.sync.keys import generate_signing_key

    workspace = Workspace.create(root, code)
    generate_signing_key(workspace.keys_dir)
    workspace.inventory.add(InventoryItem(RecordMeta(code), "S-BLANKET", 40, location="倉庫"))
    workspace.backup_now("manual")
    workspace.close()
    return root
