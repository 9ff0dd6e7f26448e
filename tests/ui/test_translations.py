"""Every text the window passes through Qt's translation has a Japanese translation with the same placeholders.

The texts are found in the source the way lupdate finds them: self.tr("..."), QCoreApplication.translate("Ctx",
"...") and QT_TRANSLATE_NOOP("Ctx", "...") with literal arguments (self.tr's context is the enclosing class).
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import disastershare.ui
from disastershare.ui.translations import i18n_dir

UI = Path(disastershare.ui.__file__).parent
_PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _texts_in(node: ast.AST, cls: str | None, where: str, found: set[tuple[str, str, str]]) -> None:
    for child in ast.iter_child_nodes(node):
        scope = child.name if isinstance(child, ast.ClassDef) else cls
        if isinstance(child, ast.Call):
            func, args = child.func, child.args
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name == "tr" and isinstance(func, ast.Attribute) and args and _literal(args[0]) and cls:
                found.add((cls, _literal(args[0]), where))
            elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2 \
                    and _literal(args[0]) and _literal(args[1]):
                found.add((_literal(args[0]), _literal(args[1]), where))
        _texts_in(child, scope, where, found)


def source_texts() -> set[tuple[str, str, str]]:
    """(context, source text, file) for every translatable literal in the ui package."""
    found: set[tuple[str, str, str]] = set()
    for path in sorted(UI.rglob("*.py")):
        _texts_in(ast.parse(path.read_text(encoding="utf-8")), None, str(path.relative_to(UI)), found)
    return found


def catalog() -> dict[tuple[str, str], str]:
    root = ET.parse(i18n_dir() / "disastershare_ja.ts").getroot()
    return {(c.findtext("name"), m.findtext("source")): m.findtext("translation") or ""
            for c in root.iter("context") for m in c.iter("message")}


def test_every_ui_text_has_a_japanese_translation():
    japanese = catalog()
    missing = sorted(f"{where}: [{context}] {text!r}" for context, text, where in source_texts()
                     if not japanese.get((context, text)))
    assert missing == []


def test_translations_keep_the_placeholders():
    # A translation that renames or drops {name} would make str.format fail in Japanese only.
    broken = [(context, source) for (context, source), translation in catalog().items()
              if sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(translation))]
    assert broken == []


def test_the_walk_finds_texts():
    texts = source_texts()
    assert ("SyncLabels", "{n} h ago", "sync_labels.py") in texts
    assert ("PartnersTab", "Add partner…", "views/partners_tab.py") in texts
    assert len(texts) > 300
