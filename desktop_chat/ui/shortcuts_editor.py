"""Change the shortcuts: a list of every action with its keys; conflicts refused with the reason.

The editor works on a copy of the user's overrides (``core.keybindings``); "Save" writes them
through the injected ``save`` (``keybindings.save_overrides`` by default) and emits the
shortcuts in force, so that the window can rebind its actions. Keys: Enter or F2 changes the
chosen row (the next key pressed is the new shortcut; Esc cancels), Delete removes its
shortcut.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.i18n import translate
from desktop_chat.core.keybindings import (
    Bindings,
    conflicts,
    effective,
    load_overrides,
    minimal,
    save_overrides,
)
from desktop_chat.core.keymap import Keymap
from desktop_chat.core.palette import SectionedAction
from desktop_chat.ui.command_palette import native_text

SaveOverrides = Callable[[Mapping[str, Sequence[str]]], object]
ID_ROLE = Qt.ItemDataRole.UserRole
TITLE, SHORTCUT, SECTION = range(3)


def shortcuts_text(keys: Sequence[str]) -> str:
    """Shortcuts as the platform writes them, "F1 or Ctrl+/"; a dash for none."""
    return " or ".join(native_text(k) for k in keys) if keys else "—"


def _key_text(normalised: str) -> str:
    return native_text(normalised)


class ShortcutsEditor(QWidget):
    """Every action with its shortcut; change, remove, reset one or all; save.

    ``overrides`` are the user's current ones; left out, they are loaded from the file (and
    what was wrong with it is shown).

    Signals:
        changed(dict): after a save, the shortcuts in force (action id -> tuple of portable
            texts), for the window to rebind.
    """

    changed = Signal(dict)

    def __init__(
        self,
        actions: Sequence[SectionedAction],
        overrides: Mapping[str, Sequence[str]] | None = None,
        *,
        save: SaveOverrides = save_overrides,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_editor")
        self.setAccessibleName(translate("ShortcutsEditor", "Keyboard shortcuts"))
        self._actions = list(actions)
        self._defaults = {a.id: a.shortcuts for a in self._actions}
        self._save = save
        problems: list[str] = []
        if overrides is None:
            overrides, problems = load_overrides(self._actions)
        self._saved: Bindings = minimal(self._actions, overrides)
        self._working: Bindings = dict(self._saved)
        self._capturing: str | None = None
        self._build()
        self._connect_signals()
        self._fill()
        if problems:
            self._say(" ".join(problems), problem=True)

    def _build(self) -> None:
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcuts_list")
        self.tree.setAccessibleName(translate("ShortcutsEditor", "Actions and their shortcuts"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(
            [
                translate("ShortcutsEditor", "Action"),
                translate("ShortcutsEditor", "Shortcut"),
                translate("ShortcutsEditor", "Section"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SHORTCUT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SECTION, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

        self.capture_label = QLabel(self)
        self.capture_label.setObjectName("shortcut_capture_label")
        self.capture_label.setWordWrap(True)
        self.capture = QKeySequenceEdit(self)
        self.capture.setObjectName("shortcut_capture")
        self.capture.setAccessibleName(translate("ShortcutsEditor", "New shortcut"))
        self.capture.setMaximumSequenceLength(1)
        # Esc and Tab end the capture without being recorded, so the keyboard never gets stuck.
        self.capture.setFinishingKeyCombinations(
            [
                QKeyCombination(Qt.Key.Key_Escape),
                QKeyCombination(Qt.Key.Key_Tab),
                QKeyCombination(Qt.Key.Key_Backtab),
            ]
        )
        self.capture_label.setBuddy(self.capture)
        capture_row = QHBoxLayout()
        capture_row.addWidget(self.capture_label, 1)
        capture_row.addWidget(self.capture)
        self.capture_box = QWidget(self)
        self.capture_box.setLayout(capture_row)
        capture_row.setContentsMargins(0, 0, 0, 0)
        self.capture_box.setVisible(False)

        self.message = QLabel(self)
        self.message.setObjectName("shortcuts_message")
        self.message.setAccessibleName(translate("ShortcutsEditor", "Shortcut message"))
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        self.change_button = self._button(
            translate("ShortcutsEditor", "&Change…"),
            translate("ShortcutsEditor", "Change the shortcut"),
        )
        self.remove_button = self._button(
            translate("ShortcutsEditor", "&Remove"),
            translate("ShortcutsEditor", "Remove the shortcut"),
        )
        self.reset_button = self._button(
            translate("ShortcutsEditor", "Reset to &default"),
            translate("ShortcutsEditor", "Reset to the default shortcut"),
        )
        self.reset_all_button = self._button(
            translate("ShortcutsEditor", "Reset &all"),
            translate("ShortcutsEditor", "Reset all shortcuts to the defaults"),
        )
        self.save_button = self._button(
            translate("ShortcutsEditor", "&Save"),
            translate("ShortcutsEditor", "Save the shortcuts"),
        )
        buttons = QHBoxLayout()
        for button in (
            self.change_button,
            self.remove_button,
            self.reset_button,
            self.reset_all_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.capture_box)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        chain = [
            self.tree,
            self.capture,
            self.change_button,
            self.remove_button,
            self.reset_button,
            self.reset_all_button,
            self.save_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(self.tree)

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        return button

    def _connect_signals(self) -> None:
        # section: the list
        self.tree.currentItemChanged.connect(self.on_current_changed)
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.on_change())
        self.tree.installEventFilter(self)
        # section: the capture
        self.capture.editingFinished.connect(self.on_captured)
        # section: the buttons
        self.change_button.clicked.connect(self.on_change)
        self.remove_button.clicked.connect(self.on_remove)
        self.reset_button.clicked.connect(self.on_reset)
        self.reset_all_button.clicked.connect(self.on_reset_all)
        self.save_button.clicked.connect(self.save)

    def _fill(self) -> None:
        for action in self._actions:
            item = QTreeWidgetItem([action.title, "", action.section])
            item.setData(TITLE, ID_ROLE, action.id)
            self.tree.addTopLevelItem(item)
            self._show_row(item)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self._update_buttons()

    def _show_row(self, item: QTreeWidgetItem) -> None:
        action_id = str(item.data(TITLE, ID_ROLE))
        keys = self.bindings()[action_id]
        item.setText(SHORTCUT, shortcuts_text(keys))
        item.setData(SHORTCUT, Qt.ItemDataRole.AccessibleTextRole, shortcuts_text(keys))
        if not keys:
            item.setData(
                SHORTCUT,
                Qt.ItemDataRole.AccessibleTextRole,
                translate("ShortcutsEditor", "no shortcut"),
            )
        changed = action_id in self._working
        font = QFont(self.tree.font())
        font.setBold(changed)
        item.setFont(SHORTCUT, font)
        default = shortcuts_text(self._defaults[action_id])
        item.setToolTip(
            SHORTCUT,
            translate("ShortcutsEditor", "Changed; the default is {default}").format(
                default=default
            )
            if changed
            else "",
        )

    # section: public

    def bindings(self) -> Bindings:
        """The shortcuts as the editor shows them now (saved or not)."""
        return effective(self._actions, self._working)

    def overrides(self) -> Bindings:
        """The user's changes as the editor shows them now (only those unlike the default)."""
        return dict(self._working)

    def has_changes(self) -> bool:
        """Whether there is something to save."""
        return self._working != self._saved

    def select(self, action_id: str) -> None:
        """Make the row of ``action_id`` the current one."""
        item = self._item(action_id)
        if item is not None:
            self.tree.setCurrentItem(item)

    def save(self) -> bool:
        """Save the changes and emit ``changed``; False (and the reason shown) if that failed."""
        overrides = minimal(self._actions, self._working)
        try:
            self._save(overrides)
        except (OSError, ValueError) as exc:
            self._say(
                translate("ShortcutsEditor", "Could not save the shortcuts: {exc}").format(exc=exc),
                problem=True,
            )
            return False
        self._saved = dict(overrides)
        self._working = dict(overrides)
        if self.save_button.hasFocus():  # it is about to be disabled: keep the focus useful
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_buttons()
        self._say(translate("ShortcutsEditor", "Shortcuts saved."))
        self.changed.emit(self.bindings())
        return True

    # section: slots

    def on_current_changed(self, *_args: object) -> None:
        self._update_buttons()

    def on_change(self) -> None:
        action_id = self._current_id()
        if action_id is None:
            return
        self._capturing = action_id
        title = self._title(action_id)
        cancel = Keymap().text_for("close")
        self.capture_label.setText(
            translate(
                "ShortcutsEditor", "Press the new shortcut for “{title}” ({cancel} cancels):"
            ).format(title=title, cancel=cancel)
        )
        self.capture.setAccessibleDescription(
            translate(
                "ShortcutsEditor", "The next key pressed becomes the shortcut of {title}"
            ).format(title=title)
        )
        self.capture.clear()
        self.capture_box.setVisible(True)
        self.capture.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_captured(self) -> None:
        action_id, self._capturing = self._capturing, None
        sequence = self.capture.keySequence()
        self.capture_box.setVisible(False)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        if action_id is None or sequence.isEmpty():
            return  # cancelled
        text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
        self._propose(
            action_id,
            (text,),
            translate("ShortcutsEditor", "“{title}” is now {native_text}.").format(
                title=self._title(action_id), native_text=native_text(text)
            ),
        )

    def on_remove(self) -> None:
        action_id = self._current_id()
        if action_id is not None:
            self._propose(
                action_id,
                (),
                translate("ShortcutsEditor", "“{title}” has no shortcut now.").format(
                    title=self._title(action_id)
                ),
            )

    def on_reset(self) -> None:
        action_id = self._current_id()
        if action_id is not None:
            keys = self._defaults[action_id]
            done = translate("ShortcutsEditor", "“{title}” is back to {shortcuts_text}.").format(
                title=self._title(action_id), shortcuts_text=shortcuts_text(keys)
            )
            self._propose(action_id, keys, done)

    def on_reset_all(self) -> None:
        self._working = {}
        self._refresh()
        self._say(
            translate(
                "ShortcutsEditor", "All shortcuts are back to the defaults. Save to keep them."
            )
        )

    # section: changes

    def _propose(self, action_id: str, keys: tuple[str, ...], done: str) -> bool:
        reasons = conflicts(self._actions, {action_id: keys}, self._working, key_text=_key_text)
        if reasons:
            self._say(
                translate("ShortcutsEditor", "Not changed: {reasons}").format(
                    reasons=" ".join(reasons)
                ),
                problem=True,
            )
            return False
        self._working[action_id] = keys
        self._working = minimal(self._actions, self._working)
        self._refresh()
        self._say(done + (" Save to keep it." if self.has_changes() else ""))
        return True

    def _refresh(self) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None:
                self._show_row(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        action_id = self._current_id()
        chosen = action_id is not None
        self.change_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and bool(self.bindings().get(action_id or "")))
        self.reset_button.setEnabled(chosen and action_id in self._working)
        self.reset_all_button.setEnabled(bool(self._working))
        self.save_button.setEnabled(self.has_changes())

    def _say(self, text: str, problem: bool = False) -> None:
        self.message.setText(text)
        font = QFont(self.message.font())
        font.setBold(problem)
        self.message.setFont(font)
        self.message.setAccessibleDescription(text)
        self.message.setVisible(bool(text))

    def _current_id(self) -> str | None:
        item = self.tree.currentItem()
        return None if item is None else str(item.data(TITLE, ID_ROLE))

    def _item(self, action_id: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(TITLE, ID_ROLE) == action_id:
                return item
        return None

    def _title(self, action_id: str) -> str:
        return next(a.title for a in self._actions if a.id == action_id)

    # section: keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if mods == Qt.KeyboardModifier.NoModifier:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
                    self.on_change()
                    return True
                if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                    self.on_remove()
                    return True
        return super().eventFilter(watched, event)


class ShortcutsDialog(QDialog):
    """The editor in a window of its own (from the palette: "Keyboard shortcuts…").

    Signals:
        changed(dict): as :attr:`ShortcutsEditor.changed`.
    """

    changed = Signal(dict)

    def __init__(
        self,
        actions: Sequence[SectionedAction],
        overrides: Mapping[str, Sequence[str]] | None = None,
        *,
        save: SaveOverrides = save_overrides,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(translate("ShortcutsEditor", "Keyboard shortcuts"))
        self.resize(640, 560)
        self.editor = ShortcutsEditor(actions, overrides, save=save, parent=self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(translate("ShortcutsEditor", "Close"))
        close.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.editor.save_button, close)
        self.editor.changed.connect(self.changed)
        self.buttons.rejected.connect(self.reject)
        self.editor.tree.setFocus()
