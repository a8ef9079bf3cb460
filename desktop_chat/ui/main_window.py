"""The main window: transcript and composer on the left, the side pane on the right.

It lays out the views and wires them, in one ``_connect_signals()``: the controller's signals
go straight to the views' slots, keys go to ``Commands``. It holds no conversation state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from desktop_chat.core.drafts import DraftStore
from desktop_chat.core.i18n import translate
from desktop_chat.core.keymap import ACTIONS
from desktop_chat.core.settings import Settings
from desktop_chat.ui.announcer import Announcer
from desktop_chat.ui.attaching import Attaching
from desktop_chat.ui.chat_font import ChatFont
from desktop_chat.ui.chat_view import ChatView
from desktop_chat.ui.commands import Commands
from desktop_chat.ui.composer import Composer
from desktop_chat.ui.context_meter import ContextMeter
from desktop_chat.ui.controller import ChatController
from desktop_chat.ui.dialogs import Dialogs
from desktop_chat.ui.draft_keeper import DraftKeeper
from desktop_chat.ui.find_bar import FindBar
from desktop_chat.ui.inspector import Inspector
from desktop_chat.ui.message_list import MessageList
from desktop_chat.ui.save_banner import SaveBanner
from desktop_chat.ui.state_report import visible_state
from desktop_chat.ui.status_line import StatusLine
from desktop_chat.ui.theme import apply_theme

if TYPE_CHECKING:
    from desktop_chat.core.store import Store
    from desktop_chat.ui.sidebar import Sidebar
    from desktop_chat.ui.tool_runtime import ToolRuntime

MINIMUM_SIZE = (640, 420)  # below this the transcript is too narrow to read


class MainWindow(QMainWindow):
    """The chat window.

    Signals:
        closing(): the user closed the window (the app then shuts its loop down).
        key_saved(str): the user gave a new API key; where it went ("keychain", "session").
        unhandled_error(str): a bug somewhere (logged); emit from any thread to show it.
    """

    closing = Signal()
    key_saved = Signal(str)
    unhandled_error = Signal(str)

    def __init__(self, controller: ChatController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.keymap = controller.keymap
        self.setObjectName("main_window")
        self.setWindowTitle("Desktop Chat")
        self.setMinimumSize(*MINIMUM_SIZE)
        self.resize(1100, 720)

        self.chat_view = ChatView(self)
        self.composer = Composer(self)
        self.composer.setFixedHeight(96)
        self.attaching = Attaching(self)
        self.chat_view.thumbnails.shelf = controller.blobs
        self.inspector = Inspector(self)
        self.find_bar = FindBar(self.chat_view, controller.key, self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        left_layout.addWidget(self.chat_view, 1)
        left_layout.addWidget(self.find_bar)
        self.save_banner = SaveBanner(self)
        left_layout.addWidget(self.save_banner)
        left_layout.addWidget(self.attaching.chips)
        left_layout.addWidget(self.composer)
        self.context_meter = ContextMeter(self.composer.message_text, self)
        left_layout.addWidget(self.context_meter)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.inspector)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([780, 320])
        self.setCentralWidget(self.splitter)

        self.status = StatusLine(self.statusBar(), controller.key)
        self.announcer = Announcer(self.chat_view)
        self.message_list = MessageList(self.chat_view)
        self.sidebar: Sidebar | None = None
        self.drafts: DraftKeeper | None = None
        self.tools: ToolRuntime | None = None
        self.dialogs = Dialogs(self, controller, self.keymap, lambda a: self.commands.enabled(a))
        self.chat_font = ChatFont(
            [self.chat_view, self.composer],
            lambda: self.controller.settings,
            self.controller.apply_settings,
            lambda problem: self.chat_view.show_notice(problem, error=True),
        )
        self.commands = Commands(self)
        self.actions_by_id: dict[str, QAction] = {}
        self._quit_unsaved = False
        self._connect_signals()
        self.on_keys_changed()
        self.composer.setFocus()

    def _connect_signals(self) -> None:
        c = self.controller
        # section: keyboard actions, from the one keymap table
        for spec in ACTIONS:
            action = QAction(spec.title, self)
            if spec.scope == "window":
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(self.commands.handler(spec.id))
            self.addAction(action)
            self.actions_by_id[spec.id] = action
        self.keymap.on_change.append(self.on_keys_changed)

        # section: composer, find bar, dialogs
        self.composer.submitted.connect(self.commands.on_submitted)
        self.composer.stop_requested.connect(self.commands.on_escape)
        self.composer.edit_last_requested.connect(self.commands.on_edit_last)
        self.chat_view.attachment_activated.connect(self.attaching.open_stored)
        self.find_bar.closed.connect(self.composer.setFocus)
        self.chat_view.copied.connect(lambda what: self.status.show(what, 3000))
        self.unhandled_error.connect(lambda text: self.chat_view.show_notice(text, error=True))
        self.dialogs.run_action.connect(self.commands.run)
        self.dialogs.settings_saved.connect(self.on_settings_saved)
        self.dialogs.key_saved.connect(self.key_saved)
        self.dialogs.key_saved.connect(self.on_key_saved)
        self.dialogs.exported.connect(
            lambda path: self.status.show(
                translate("MainWindow", "Exported to {path}").format(path=path)
            )
        )
        self.dialogs.failed.connect(lambda text: self.chat_view.show_notice(text, error=True))

        # section: controller -> transcript
        c.message_added.connect(self.chat_view.show_message)
        c.transcript_reset.connect(self.chat_view.show_path)
        c.older_loaded.connect(self.chat_view.prepend_older)
        c.reply_started.connect(self.chat_view.on_reply_started)
        c.block_started.connect(self.chat_view.on_block_started)
        c.text_delta.connect(self.chat_view.on_text_delta)
        c.block_stopped.connect(self.chat_view.on_block_stopped)
        c.reply_finished.connect(self.chat_view.end_reply)
        c.notice.connect(lambda text, error: self.chat_view.show_notice(text, error=error))

        # section: controller -> side pane
        c.reply_shown.connect(self.inspector.show_reply)
        c.reply_started.connect(self.inspector.on_reply_started)
        c.block_started.connect(self.inspector.on_block_started)
        c.thinking_delta.connect(self.inspector.on_thinking_delta)
        c.tool_input_delta.connect(self.inspector.on_tool_input)
        c.block_stopped.connect(self.inspector.on_block_stopped)
        c.figures_changed.connect(self.inspector.show_figures)
        c.reply_finished.connect(self.inspector.on_reply_finished)
        c.message_added.connect(self.inspector.on_message_added)
        c.tool_started.connect(self.inspector.on_tool_started)
        c.tool_finished.connect(self.inspector.on_tool_finished)

        # section: controller -> status bar, title, composer, dialogs
        c.reply_started.connect(self.status.on_reply_started)
        c.message_started.connect(self.status.on_message_started)
        c.block_started.connect(self.status.on_block_started)
        c.reply_finished.connect(self.status.on_reply_finished)
        c.retry_countdown.connect(self.status.on_countdown)
        # section: controller -> screen reader (a reply once it has ended, never per delta)
        c.reply_finished.connect(self.announcer.on_reply_finished)
        c.notice.connect(self.announcer.on_notice)
        c.retry_countdown.connect(self.announcer.on_countdown)
        c.transcript_reset.connect(self.message_list.on_transcript_reset)
        c.message_added.connect(self.message_list.on_message_added)
        c.reply_started.connect(self.message_list.on_reply_started)
        c.reply_finished.connect(self.message_list.on_reply_finished)
        c.busy_changed.connect(self.on_busy_changed)
        c.title_changed.connect(self.on_title_changed)
        c.conversation_changed.connect(self.on_conversation_changed)
        c.key_rejected.connect(
            lambda: self.dialogs.open_key(
                translate("MainWindow", "The API did not accept the key. Enter another one.")
            )
        )

        # section: the bill, the context window, web search
        c.bill_changed.connect(self.inspector.bill.show_bill)
        c.bill_changed.connect(self.context_meter.on_bill)
        c.bill.draft_counted.connect(self.context_meter.on_draft_counted)
        c.web_tools_changed.connect(self.context_meter.set_web_tools)
        self.composer.textChanged.connect(self.context_meter.on_draft_changed)
        self.context_meter.draft_blocks = self.attaching.draft_blocks
        self.attaching.chips.changed.connect(self.context_meter.on_draft_changed)
        self.context_meter.count_requested.connect(c.bill.count_draft)

        # section: what is not saved
        c.saving.unsaved_changed.connect(self.save_banner.on_unsaved)
        c.saving.file_problem_changed.connect(self.save_banner.on_file_problem)
        self.save_banner.retry_requested.connect(c.saving.retry)
        self.save_banner.save_again_requested.connect(c.save_database_again)
        self.save_banner.export_requested.connect(self.commands.on_export)

    def attach_store(self, store: Store) -> None:
        """Conversations are saved from now on; the sidebar lists and searches them."""
        from desktop_chat.ui.sidebar import Sidebar

        self.controller.attach_store(store)
        self.attaching.set_store_path(store.path)
        self.sidebar = Sidebar(store, self.controller.key, self)
        self.splitter.insertWidget(0, self.sidebar)
        self.splitter.setSizes([240, 620, 300])
        # section: sidebar
        c = self.controller
        self.sidebar.conversation_activated.connect(self.commands.on_open_conversation)
        self.sidebar.hit_activated.connect(
            lambda cid, _mid: self.commands.on_open_conversation(cid)
        )
        self.sidebar.new_requested.connect(self.commands.on_new_chat)
        self.sidebar.conversation_deleted.connect(c.on_conversation_deleted)
        self.sidebar.conversation_restored.connect(self.commands.on_open_conversation)
        self.sidebar.conversation_renamed.connect(c.on_conversation_renamed)
        self.sidebar.error.connect(lambda text: self.chat_view.show_notice(text, error=True))
        c.conversations_changed.connect(lambda: self._refresh_sidebar())
        from desktop_chat.ui.conversation_costs import ConversationCosts

        self.conversation_costs = ConversationCosts(
            self.sidebar.list_model, lambda: c.bill.prices, store.path
        )

    def attach_tools(self, runtime: ToolRuntime) -> None:
        """The user's tool servers: confirmations of new ones, approvals of calls."""
        self.tools = runtime
        # section: tools
        runtime.confirm_requested.connect(self.dialogs.confirm_server)
        self.controller.approval_requested.connect(self.dialogs.ask_approval)

    def attach_drafts(self, drafts: DraftStore) -> None:
        """What is typed is kept, per conversation, across switches, crashes and restarts."""
        self.drafts = DraftKeeper(
            self.composer,
            drafts,
            self.commands.draft_key,
            self,
            attachments=self.attaching.draft_sources,
            put_back=self.attaching.restore_draft,
        )
        self.drafts.failed.connect(lambda problem: self.status.show(problem, 5000))
        # section: drafts
        self.controller.conversation_leaving.connect(self.drafts.on_save)
        self.controller.conversation_changed.connect(self.drafts.restore)
        self.attaching.chips.changed.connect(self.drafts.on_changed)
        if not self.composer.toPlainText() and not self.attaching.chips.chips:
            self.drafts.restore()

    # section: slots

    def _refresh_sidebar(self) -> None:
        if self.sidebar is not None:
            self.sidebar.refresh(select_id=self.controller.conversation.id)

    def on_conversation_changed(self) -> None:
        self.commands.set_editing(None)
        if self.sidebar is not None:
            conversation = self.controller.conversation
            self.sidebar.set_current(conversation.id if conversation.messages else None)

    def on_title_changed(self, title: str) -> None:
        self.setWindowTitle(
            translate("MainWindow", "{title} — Desktop Chat").format(title=title)
            if title
            else "Desktop Chat"
        )

    def on_settings_saved(self, settings: Settings) -> None:
        self.controller.apply_settings(settings)
        apply_theme(settings.theme)
        self.status.show(translate("MainWindow", "Settings saved."), 3000)

    def on_key_saved(self, where: str) -> None:
        place = (
            translate("MainWindow", "your system keychain")
            if where == "keychain"
            else translate("MainWindow", "this session only")
        )
        self.status.show(
            translate("MainWindow", "API key saved to {place}.").format(place=place), 5000
        )

    def on_keys_changed(self) -> None:
        """The user rebound keys: bind them, and name them in the hints shown."""
        for spec in ACTIONS:
            if spec.scope == "window":
                keys = self.keymap.bindings[spec.id]
                self.actions_by_id[spec.id].setShortcuts([QKeySequence(k) for k in keys])
        self.on_busy_changed(self.controller.busy)

    def on_busy_changed(self, busy: bool) -> None:
        key = self.controller.key
        self.composer.setPlaceholderText(
            translate("MainWindow", "Claude is replying… ({stop_key} to stop)").format(
                stop_key=key("stop")
            )
            if busy
            else translate(
                "MainWindow", "Ask Claude…  ({send_key} to send, {newline_key} for a new line)"
            ).format(send_key=key("send"), newline_key=key("newline"))
        )
        # QPlainTextEdit repaints only when the placeholder appears or disappears, not when
        # its text changes while shown (Qt 6.12), so the old words would stay on screen.
        self.composer.viewport().update()

    def visible_state(self) -> dict[str, object]:
        """What the window shows, as data (end-to-end tests read it; no key in it)."""
        return visible_state(self)

    # section: Qt overrides

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = self.controller.unsaved
        if unsaved and not self._quit_unsaved:
            event.ignore()  # asked first: the answer closes the window again, or not
            self.dialogs.ask_quit_unsaved(unsaved, self.on_quit_anyway)
            return
        self.closing.emit()
        super().closeEvent(event)

    def on_quit_anyway(self) -> None:
        self._quit_unsaved = True
        self.close()
