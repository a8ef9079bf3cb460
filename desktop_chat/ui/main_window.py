"""The main window: transcript and composer on the left, the side pane on the right."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import suppress
from typing import TYPE_CHECKING

import qasync
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from desktop_chat.core import keybindings
from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.drafts import NEW_CHAT, DraftStore
from desktop_chat.core.limits import check_message_size
from desktop_chat.core.settings import Settings, Theme
from desktop_chat.core.stream import (
    BlockStarted,
    BlockStopped,
    MessageStarted,
    TextDelta,
    ThinkingDelta,
    ToolInputDelta,
    TurnSnapshot,
    Update,
)
from desktop_chat.ui.chat_view import ChatView
from desktop_chat.ui.composer import Composer
from desktop_chat.ui.controller import ChatController
from desktop_chat.ui.draft_keeper import DraftKeeper
from desktop_chat.ui.find_bar import FindBar
from desktop_chat.ui.inspector import Inspector
from desktop_chat.core.keymap import ACTIONS, ACTIONS_BY_ID

if TYPE_CHECKING:
    from desktop_chat.core.store import Store
    from desktop_chat.ui.help_overlay import HelpOverlay
    from desktop_chat.ui.settings_dialog import SettingsDialog
    from desktop_chat.ui.sidebar import Sidebar


def apply_theme(theme: Theme) -> None:
    """Light, dark, or whatever the system uses."""
    scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(
        theme, Qt.ColorScheme.Unknown
    )
    QGuiApplication.styleHints().setColorScheme(scheme)


class MainWindow(QMainWindow):
    """The chat window.

    Signals:
        closing(): the user closed the window (the app then shuts its loop down).
        key_saved(str): the user gave a new API key; where it went ("keychain", "session").
        unhandled_error(str): a bug somewhere (logged); emit from any thread to show it.
        transcript_redrawn(): another conversation, variant or branch is shown.
    """

    closing = Signal()
    key_saved = Signal(str)
    unhandled_error = Signal(str)
    transcript_redrawn = Signal()

    def __init__(self, controller: ChatController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("main_window")
        self.setWindowTitle("Desktop Chat")
        self.resize(1100, 720)

        self.chat_view = ChatView(self)
        self.composer = Composer(self)
        self.composer.setFixedHeight(96)
        self.inspector = Inspector(self)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        self.find_bar = FindBar(self.chat_view, self)
        left_layout.addWidget(self.chat_view, 1)
        left_layout.addWidget(self.find_bar)
        left_layout.addWidget(self.composer)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.inspector)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([780, 320])
        self.setCentralWidget(self.splitter)
        self.statusBar().showMessage("Ready")

        self._editing: str | None = None  # the question being edited (Up in the composer)
        self.overrides, shortcut_problems = keybindings.load_overrides(ACTIONS)
        self.bindings = keybindings.effective(ACTIONS, self.overrides)
        self._help: HelpOverlay | None = None
        self._handlers: dict[str, Callable[[], object]] = {
            "send": lambda: self.composer.submitted.emit(self.composer.message_text()),
            "newline": lambda: self.composer.insertPlainText("\n"),
            "edit_last": self.on_edit_last,
            "regenerate": self.controller.regenerate,
            "continue": self.controller.continue_reply,
            "previous_variant": lambda: self.controller.flip_variant(-1),
            "next_variant": lambda: self.controller.flip_variant(1),
            "copy_last_reply": self.on_copy_last_reply,
            "copy_last_code": self.on_copy_last_code,
            "find": self.find_bar.open_bar,
            "find_next": self.find_bar.find_next,
            "find_previous": self.find_bar.find_previous,
            "previous_message": lambda: self.chat_view.go_to_message(-1),
            "next_message": lambda: self.chat_view.go_to_message(1),
            "palette": self.on_palette,
            "help": self.on_help,
            "shortcuts": self.on_edit_shortcuts,
            "stop": self.on_escape,
            "focus_composer": self.on_focus_composer,
            "toggle_inspector": self.on_toggle_inspector,
            "settings": self.on_open_settings,
            "api_key": self.on_change_key,
            "quit": self.on_quit,
            "new_chat": self.on_new_conversation,
            "search": self.on_search,
            "next_chat": lambda: self.on_switch_relative(1),
            "previous_chat": lambda: self.on_switch_relative(-1),
            "export": self.on_export,
            "export_all": self.on_export_all,
        }
        self.sidebar: Sidebar | None = None
        self.drafts: DraftKeeper | None = None
        self.actions_by_id: dict[str, QAction] = {}
        self._connect_signals()
        for problem in shortcut_problems:
            self.on_notice(f"Keyboard shortcuts: {problem}", True)
        self._show_path()
        self.composer.setFocus()

    def _connect_signals(self) -> None:
        # section: keyboard actions, from the one keymap table
        for spec in ACTIONS:
            action = QAction(spec.title, self)
            if spec.scope == "window":
                action.setShortcuts([QKeySequence(s) for s in self.bindings[spec.id]])
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(self._handlers[spec.id])
            self.addAction(action)
            self.actions_by_id[spec.id] = action

        # section: composer
        self.composer.submitted.connect(self.on_submitted)
        self.composer.stop_requested.connect(self.on_escape)
        self.composer.edit_last_requested.connect(self.on_edit_last)
        self.find_bar.closed.connect(self.on_focus_composer)
        self.chat_view.copied.connect(lambda what: self.statusBar().showMessage(what, 3000))
        self.unhandled_error.connect(lambda text: self.on_notice(text, True))

        # section: controller -> views
        self.controller.message_added.connect(self.on_message_added)
        self.controller.reply_started.connect(self.on_reply_started)
        self.controller.reply_updated.connect(self.on_reply_updated)
        self.controller.reply_finished.connect(self.on_reply_finished)
        self.controller.notice.connect(self.on_notice)
        self.controller.busy_changed.connect(self.on_busy_changed)
        self.controller.key_rejected.connect(self.on_key_rejected)
        self.controller.path_changed.connect(self.on_path_changed)
        self.controller.retry_countdown.connect(self.on_retry_countdown)

    def attach_store(self, store: Store) -> None:
        """Conversations are saved from now on; the sidebar lists and searches them."""
        from desktop_chat.ui.sidebar import Sidebar

        self.controller.attach_store(store)
        self.sidebar = Sidebar(store, self)
        self.splitter.insertWidget(0, self.sidebar)
        self.splitter.setSizes([240, 620, 300])
        # section: sidebar
        self.sidebar.conversation_activated.connect(self.on_open_conversation)
        self.sidebar.hit_activated.connect(self.on_open_hit)
        self.sidebar.new_requested.connect(self.on_new_conversation)
        self.sidebar.conversation_deleted.connect(self.on_conversation_deleted)
        self.sidebar.conversation_restored.connect(self.on_open_conversation)
        self.sidebar.conversation_renamed.connect(self.on_conversation_renamed)
        self.sidebar.error.connect(lambda text: self.on_notice(text, True))

    def open_latest_interrupted(self) -> None:
        """At start-up after a crash: show the newest conversation if its reply was cut."""
        from desktop_chat.core.store import StoreError  # loaded with the store, after paint

        store = self.controller.store
        if store is None or self.controller.conversation.messages:
            return
        try:
            latest = store.list_conversations(limit=1)
            if not latest:
                return
            path = store.load(latest[0].id).path()
        except StoreError as exc:
            self.on_notice(str(exc), True)
            return
        if path and path[-1].status is Status.INTERRUPTED:
            self.on_open_conversation(latest[0].id)
            self.statusBar().showMessage(
                "The app stopped in the middle of this reply; what arrived is kept.", 10000
            )

    # section: slots

    def on_new_conversation(self) -> None:
        self._save_draft()
        if not self.controller.set_conversation(Conversation()):
            self._busy_refusal()
            return
        self.chat_view.clear_transcript()
        self.inspector.clear()
        self._update_title()
        if self.sidebar is not None:
            self.sidebar.set_current(None)
        self._restore_draft()
        self.composer.setFocus()

    def on_escape(self) -> None:
        """Esc: close find, cancel an edit, or stop the reply, whichever is under way."""
        if self.find_bar.isVisible() and self.find_bar.field.hasFocus():
            self.find_bar.close_bar()
        elif self._editing is not None:
            self._set_editing(None)
            self.composer.clear()
            self.statusBar().showMessage("Edit cancelled.", 3000)
        else:
            self.controller.on_stop()

    def on_edit_last(self) -> None:
        """Put the last question back in the composer; Enter sends it as a new branch."""
        if self.controller.busy:
            self._busy_refusal()
            return
        question = next(
            (m for m in reversed(self.controller.conversation.path()) if m.role == "user"), None
        )
        if question is None:
            return
        self._set_editing(question.id)
        self.composer.set_message_text(question.text)
        self.composer.setFocus()
        self.statusBar().showMessage(
            "Editing your last question: Enter sends it (the earlier version stays as a "
            "branch), Esc cancels.",
            0,
        )

    def on_copy_last_reply(self) -> None:
        if not self.chat_view.copy_last_reply():
            self.statusBar().showMessage("No reply to copy yet.", 3000)

    def on_copy_last_code(self) -> None:
        if not self.chat_view.copy_last_code_block():
            self.statusBar().showMessage("The last reply has no code block.", 3000)

    def on_retry_countdown(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def on_path_changed(self) -> None:
        """Redraw the transcript: a variant was flipped, a reply regenerated, a question edited."""
        self._show_path()

    def _show_path(self) -> None:
        conversation = self.controller.conversation
        self.chat_view.clear_transcript()
        for message in conversation.path():
            self.chat_view.show_message(message)
            self._show_notes(message)
        replies = [m for m in conversation.path() if m.role == "assistant"]
        if replies:
            self.inspector.show_message(replies[-1])
        else:
            self.inspector.clear()
        self.transcript_redrawn.emit()

    def _show_notes(self, message: Message) -> None:
        """Below a message: which variant it is, and whether it can be continued."""
        siblings = self.controller.conversation.siblings(message)
        if len(siblings) > 1:
            kind = "Variant" if message.role == "assistant" else "Version"
            self.chat_view.show_notice(
                f"{kind} {siblings.index(message) + 1} of {len(siblings)}: "
                "Alt+Left / Alt+Right to see the others."
            )
        if self.controller.continuable() is message:
            self.chat_view.show_notice("Ctrl+Shift+Enter continues this reply.")
        elif message.role == "assistant" and message.status is not Status.COMPLETE:
            path = self.controller.conversation.path()
            if path and path[-1] is message:
                self.chat_view.show_notice("Ctrl+R asks again.")

    def on_palette(self) -> None:
        from desktop_chat.ui.command_palette import CommandPalette, palette_entries

        entries = palette_entries(ACTIONS, self.bindings, self._action_enabled)
        palette = CommandPalette(entries, self)
        palette.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        palette.triggered.connect(lambda action_id: self._handlers[action_id]())
        palette.popup()

    def _action_enabled(self, action_id: str) -> bool:
        busy = self.controller.busy
        if action_id == "continue":
            return not busy and self.controller.continuable() is not None
        if action_id in ("regenerate", "send", "edit_last", "new_chat"):
            return not busy
        if action_id == "stop":
            return busy
        return True

    def on_help(self) -> None:
        from desktop_chat.ui.command_palette import palette_entries
        from desktop_chat.ui.help_overlay import HelpOverlay

        if self._help is not None:
            self._help.close_overlay()
            return
        self._help = HelpOverlay(palette_entries(ACTIONS, self.bindings), self)
        self._help.closed.connect(self.on_help_closed)
        self._help.open()

    def on_help_closed(self) -> None:
        if self._help is not None:
            self._help.deleteLater()
            self._help = None

    def on_edit_shortcuts(self) -> None:
        from desktop_chat.ui.shortcuts_editor import ShortcutsDialog

        # The message box's own keys (Enter, Shift+Enter, Up) are not rebindable.
        window_actions = [a for a in ACTIONS if a.scope == "window"]
        dialog = ShortcutsDialog(window_actions, self.overrides, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.on_shortcuts_changed)
        dialog.open()

    def on_shortcuts_changed(self, bindings: dict[str, tuple[str, ...]]) -> None:
        self.bindings = {**self.bindings, **bindings}
        self.overrides = keybindings.minimal(ACTIONS, self.bindings)
        for action_id, action in self.actions_by_id.items():
            if ACTIONS_BY_ID[action_id].scope == "window":
                action.setShortcuts([QKeySequence(s) for s in self.bindings[action_id]])

    def on_open_conversation(self, conversation_id: str) -> None:
        self._save_draft()  # the draft of the conversation being left
        store = self.controller.store
        if store is None or conversation_id == self.controller.conversation.id:
            self.composer.setFocus()
            return
        if self.controller.busy:
            self._busy_refusal()
            return
        from desktop_chat.core.store import StoreError

        try:
            conversation = store.load(conversation_id)
        except StoreError as exc:
            self.on_notice(str(exc), True)
            return
        self.controller.set_conversation(conversation)
        if self.sidebar is not None:
            self.sidebar.set_current(conversation_id)
        self._set_editing(None)
        self._show_path()
        self._update_title()
        self._restore_draft()

    def on_open_hit(self, conversation_id: str, _message_id: str) -> None:
        self.on_open_conversation(conversation_id)

    def on_conversation_deleted(self, conversation_id: str) -> None:
        # Focus stays in the sidebar, so that Ctrl+Z (undo) and another Delete still work.
        if conversation_id == self.controller.conversation.id:
            self.controller.set_conversation(Conversation())
            self.chat_view.clear_transcript()
            self.inspector.clear()
            self._update_title()

    def on_conversation_renamed(self, conversation_id: str, title: str) -> None:
        if conversation_id == self.controller.conversation.id:
            self.controller.conversation.title = title
            self._update_title()

    def on_search(self) -> None:
        if self.sidebar is not None:
            self.sidebar.focus_search()

    def on_switch_relative(self, step: int) -> None:
        if self.sidebar is not None:
            self.sidebar.select_relative(step)

    def on_export(self) -> None:
        conversation = self.controller.conversation
        if not conversation.messages:
            self.statusBar().showMessage("Nothing to export yet.", 3000)
            return
        self._open_export(lambda: [conversation], conversation.title or "conversation")

    def on_export_all(self) -> None:
        store = self.controller.store
        if store is None:
            self.statusBar().showMessage("Conversations are not being saved.", 3000)
            return
        self._open_export(store.iter_conversations, "all conversations")

    def _open_export(self, conversations: Callable[[], Iterable[Conversation]], name: str) -> None:
        from desktop_chat.ui.export_dialog import ExportDialog

        dialog = ExportDialog(conversations, name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(lambda path: self.statusBar().showMessage(f"Exported to {path}"))
        dialog.failed.connect(lambda text: self.on_notice(text, True))
        dialog.open()

    def _update_title(self) -> None:
        title = self.controller.conversation.title
        self.setWindowTitle(f"{title} \u2014 Desktop Chat" if title else "Desktop Chat")

    def _busy_refusal(self) -> None:
        self.statusBar().showMessage("A reply is streaming: stop it with Esc first.", 4000)

    def on_submitted(self, text: str) -> None:
        if self.controller.busy:
            self.statusBar().showMessage("A reply is still streaming: Esc stops it.", 4000)
            return
        if problem := check_message_size(text):
            self.on_notice(problem, True)
            return
        draft_key = self._draft_key()
        if self.controller.send(text, replacing=self._editing):
            self._set_editing(None)
            self.composer.clear()
            if self.drafts is not None:
                self.drafts.clear(draft_key)

    # section: drafts: what is typed survives crashes and restarts

    def attach_drafts(self, drafts: DraftStore) -> None:
        self.drafts = DraftKeeper(self.composer, drafts, self._draft_key, self)
        self.drafts.failed.connect(lambda problem: self.statusBar().showMessage(problem, 5000))
        if not self.composer.toPlainText():
            self._restore_draft()

    def _set_editing(self, question_id: str | None) -> None:
        """A question is being edited (its text is in the composer, and is no draft)."""
        self._editing = question_id
        if self.drafts is not None:
            self.drafts.paused = question_id is not None

    def _draft_key(self) -> str:
        conversation = self.controller.conversation
        return conversation.id if conversation.messages else NEW_CHAT

    def _restore_draft(self) -> None:
        if self.drafts is not None:
            self.drafts.restore()

    def _save_draft(self) -> None:
        if self.drafts is not None:
            self.drafts.on_save()

    def on_quit(self) -> None:
        self.close()

    def on_open_settings(self) -> None:
        from desktop_chat.core.models import known_models
        from desktop_chat.ui.settings_dialog import SettingsDialog

        settings = self.controller.settings
        dialog = SettingsDialog(settings, known_models(settings.base_url), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.on_settings_saved)
        dialog.open()
        self.on_refresh_models(dialog)

    @qasync.asyncSlot(object)
    async def on_refresh_models(self, dialog: SettingsDialog) -> None:
        """Fill the open settings dialog's model picker from the API (cached for a day)."""
        models = await self.controller.fetch_models()
        with suppress(RuntimeError):  # the dialog was closed (and deleted) meanwhile
            if dialog.isVisible():
                dialog.set_models(models)

    def on_settings_saved(self, settings: Settings) -> None:
        self.controller.settings = settings
        apply_theme(settings.theme)
        self.statusBar().showMessage("Settings saved.", 3000)

    def on_change_key(self, problem: str | None = None) -> None:
        from desktop_chat.ui.key_dialog import KeyDialog

        dialog = KeyDialog(self.controller.check_key, problem=problem or None, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.key_saved.connect(self.key_saved)
        dialog.key_saved.connect(self.on_key_saved)
        dialog.open()

    def on_key_saved(self, where: str) -> None:
        place = "your system keychain" if where == "keychain" else "this session only"
        self.statusBar().showMessage(f"API key saved to {place}.", 5000)

    def on_key_rejected(self) -> None:
        self.on_change_key("The API did not accept the key. Enter another one.")

    def on_focus_composer(self) -> None:
        self.composer.setFocus()

    def on_toggle_inspector(self) -> None:
        self.inspector.setVisible(not self.inspector.isVisible())

    def on_message_added(self, message: Message) -> None:
        self.chat_view.show_message(message)
        self._update_title()
        if self.sidebar is not None:
            self.sidebar.refresh(select_id=self.controller.conversation.id)

    def on_reply_started(self, snapshot: TurnSnapshot) -> None:
        self.chat_view.begin_reply()
        self.inspector.begin(snapshot)
        self.statusBar().showMessage("Waiting for the reply…")

    def on_reply_updated(self, update: Update, snapshot: TurnSnapshot) -> None:
        match update:
            case TextDelta(index=index, text=text):
                self.chat_view.on_text_delta(index, text)
            case ThinkingDelta(index=index, text=text):
                self.inspector.on_thinking_delta(index, text)
            case ToolInputDelta(index=index, partial_json=partial):
                self.inspector.on_tool_input(index, partial)
            case BlockStarted(index=index, block_type=block_type):
                self.chat_view.on_block_started(index, block_type)
                name = str(snapshot.content[index].get("name", ""))
                self.inspector.on_block_started(index, block_type, name)
                self.statusBar().showMessage(
                    "Thinking…" if block_type == "thinking" else "Streaming…"
                )
            case BlockStopped(index=index):
                block = snapshot.content[index]
                if block.get("type") == "text":
                    self.chat_view.on_text_block_done(index, block.get("text", ""))
                self.inspector.on_block_stopped(index, snapshot)
            case MessageStarted():
                self.statusBar().showMessage(f"Streaming from {update.model}…")
            case _:
                pass

    def on_reply_finished(self, message: Message, snapshot: TurnSnapshot) -> None:
        snapshot.join_pieces()
        if self.sidebar is not None:
            self.sidebar.refresh(select_id=self.controller.conversation.id)
        for index in list(snapshot.open_blocks):
            block = snapshot.content[index]
            if block.get("type") == "text":  # cut mid-block: render what arrived
                self.chat_view.on_text_block_done(index, block.get("text", ""))
        self.chat_view.end_reply(message)
        self._show_notes(message)
        self.inspector.finish(snapshot)
        self.statusBar().showMessage(message.error or "Ready", 0)

    def on_notice(self, text: str, error: bool) -> None:
        self.chat_view.show_notice(text, error=error)

    def on_busy_changed(self, busy: bool) -> None:
        self.composer.setPlaceholderText(
            "Claude is replying… (Esc to stop)"
            if busy
            else "Ask Claude…  (Enter to send, Shift+Enter for a new line)"
        )
        # QPlainTextEdit repaints only when the placeholder appears or disappears, not when
        # its text changes while shown (Qt 6.12), so the old words would stay on screen.
        self.composer.viewport().update()

    def visible_state(self) -> dict[str, object]:
        """What the window shows, as data (end-to-end tests read it; no key in it)."""
        return {
            "replies": sum(m.role == "assistant" for m in self.controller.conversation.messages),
            "shown": [m.id for m in self.controller.conversation.path()],
            "transcript": self.chat_view.toPlainText(),
            "side_pane": {key: label.text() for key, label in self.inspector.values.items()},
            "thinking": [
                s.body.toPlainText()
                for s in self.inspector.sections.values()
                if s.objectName() == "thinking"
            ],
            "status": self.statusBar().currentMessage(),
        }

    # section: Qt overrides

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
