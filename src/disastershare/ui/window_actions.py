"""The main window's menus and actions (texts set in retranslate, since QActions get no LanguageChange)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

# Each language is offered in its own name, as language menus usually are.
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}


class WindowActions(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        # The stack is our child so that it dies after our connections to it are gone: a stack deleted
        # first would clear itself and signal into half-destroyed menus.
        self.undo_stack = undo_stack = QUndoStack(self)
        self._stack = undo_stack
        self.open_workspace_action = QAction(window)
        self.open_workspace_action.setObjectName("openWorkspaceAction")
        self.open_workspace_action.setShortcut(QKeySequence.StandardKey.Open)
        self.recent_menu = QMenu(window)
        self.recent_menu.setObjectName("recentWorkspacesMenu")
        self.back_to_live_action = QAction(window)
        self.back_to_live_action.setObjectName("backToLiveAction")
        self.import_action = QAction(window)
        self.import_action.setObjectName("importAction")
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.backup_action = QAction(window)
        self.backup_action.setObjectName("backupAction")
        self.restore_action = QAction(window)
        self.restore_action.setObjectName("restoreAction")
        self.new_drill_action = QAction(window)
        self.new_drill_action.setObjectName("newDrillAction")
        self.quit_action = QAction(window)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(window.close)

        self.undo_action = QAction(window)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(undo_stack.undo)
        self.redo_action = QAction(window)
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(undo_stack.redo)
        self.add_action = QAction(window)
        self.add_action.setShortcut(QKeySequence("Ctrl+N"))
        self.remove_action = QAction(window)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)

        self.language_group = QActionGroup(window)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, window)
            action.setCheckable(True)
            action.setData(code)
            action.setObjectName(f"language_{code}")
            self.language_group.addAction(action)
            self.language_actions[code] = action
        self.manual_action = QAction(window)
        self.manual_action.setObjectName("manualAction")
        self.manual_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.about_action = QAction(window)

        bar = window.menuBar()
        self.file_menu = QMenu(window)
        self.file_menu.addAction(self.open_workspace_action)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addAction(self.back_to_live_action)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.import_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.backup_action, self.restore_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.new_drill_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = QMenu(window)
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.add_action, self.remove_action])
        self.settings_menu = QMenu(window)
        self.language_menu = QMenu(window)
        self.language_menu.addActions(list(self.language_actions.values()))
        self.settings_menu.addMenu(self.language_menu)
        self.help_menu = QMenu(window)
        self.help_menu.addAction(self.manual_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        for menu in (self.file_menu, self.edit_menu, self.settings_menu, self.help_menu):
            bar.addMenu(menu)
        undo_stack.indexChanged.connect(self.update_undo_texts)
        undo_stack.cleanChanged.connect(self.update_undo_texts)

    def update_undo_texts(self) -> None:
        """'Undo: edit of S-BLANKET' in the current language, whichever language the edit was made in."""
        stack = self._stack
        for action, label, position, enabled in (
            (self.undo_action, self.tr("Undo"), stack.index() - 1, stack.canUndo()),
            (self.redo_action, self.tr("Redo"), stack.index(), stack.canRedo()),
        ):
            command = stack.command(position) if enabled else None
            describe = getattr(command, "describe", None)
            action.setText(f"{label}: {describe()}" if callable(describe) else label)
            action.setEnabled(enabled)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.language_menu.setTitle(self.tr("Language"))
        self.open_workspace_action.setText(self.tr("&Open workspace…"))
        self.recent_menu.setTitle(self.tr("Recent &workspaces"))
        self.back_to_live_action.setText(self.tr("Back to the &live workspace"))
        self.import_action.setText(self.tr("&Import spreadsheet…"))
        self.backup_action.setText(self.tr("&Back up now"))
        self.restore_action.setText(self.tr("&Restore from backup…"))
        self.new_drill_action.setText(self.tr("New &drill from scenario…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.add_action.setText(self.tr("&Add row…"))
        self.remove_action.setText(self.tr("&Remove selected rows"))
        self.manual_action.setText(self.tr("&Manual (first steps)"))
        self.about_action.setText(self.tr("&About DisasterShare"))
        self.update_undo_texts()
