"""What each keymap action does, next to whether it can be done now.

Like qutebrowser's ``CommandDispatcher``: the window binds keys (from the keymap) to
:meth:`Commands.run`; the palette runs the same commands by name, and greys out the ones
:meth:`Commands.enabled` refuses. Edit mode (Up in an empty message box) lives here too: it
is what the composer's commands share.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop_chat.core.drafts import NEW_CHAT
from desktop_chat.core.i18n import translate
from desktop_chat.core.limits import check_message_size

if TYPE_CHECKING:
    from desktop_chat.ui.main_window import MainWindow


class Commands(QObject):
    """The handlers of the keymap's actions, for ``window``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.editing: str | None = None  # the question being edited (its text is in the box)
        controller = window.controller
        view = window.chat_view
        find = window.find_bar
        self._handlers: dict[str, Callable[[], object]] = {
            "send": lambda: self.on_submitted(window.composer.message_text()),
            "newline": lambda: window.composer.insertPlainText("\n"),
            "edit_last": self.on_edit_last,
            "regenerate": controller.regenerate,
            "continue": controller.continue_reply,
            "drop_refused": controller.drop_refused,
            "previous_variant": lambda: controller.flip_variant(-1),
            "next_variant": lambda: controller.flip_variant(1),
            "copy_last_reply": self.on_copy_last_reply,
            "copy_last_code": self.on_copy_last_code,
            "find": find.open_bar,
            "find_next": find.find_next,
            "find_previous": find.find_previous,
            "previous_message": lambda: view.go_to_message(-1),
            "next_message": lambda: view.go_to_message(1),
            "palette": window.dialogs.open_palette,
            "help": window.dialogs.toggle_help,
            "shortcuts": window.dialogs.open_shortcuts,
            "stop": self.on_escape,
            "close": self.on_escape,
            "accept": lambda: None,  # a dialog's own key: listed in the help, not run here
            "focus_composer": window.composer.setFocus,
            "attach": window.attaching.pick_files,
            "toggle_inspector": lambda: window.inspector.setVisible(
                not window.inspector.isVisible()
            ),
            "settings": window.dialogs.open_settings,
            "tools": window.dialogs.open_tools,
            "api_key": window.dialogs.open_key,
            "quit": window.close,
            "new_chat": self.on_new_chat,
            "search": lambda: self._sidebar("focus_search"),
            "next_chat": lambda: self._sidebar("select_relative", 1),
            "previous_chat": lambda: self._sidebar("select_relative", -1),
            "rename_chat": lambda: self._sidebar("rename_current"),
            "delete_chat": lambda: self._sidebar("delete_current"),
            "undo_delete": lambda: self._sidebar("undo_delete"),
            "export": self.on_export,
            "export_all": self.on_export_all,
            "web_search": controller.bill.toggle_web_tools,
            "summary_chat": controller.bill.new_from_summary,
            "usage": self.on_usage,
            "zoom_in": lambda: window.chat_font.step(1),
            "zoom_out": lambda: window.chat_font.step(-1),
            "zoom_reset": lambda: window.chat_font.step(0),
        }

    def run(self, action_id: str) -> None:
        self._handlers[action_id]()

    def handler(self, action_id: str) -> Callable[[], object]:
        return self._handlers[action_id]

    def enabled(self, action_id: str) -> bool:
        """Whether the action can run now (the palette greys out the others)."""
        controller = self.window.controller
        busy = controller.busy
        if action_id == "continue":
            return not busy and controller.continuable() is not None
        if action_id == "drop_refused":
            path = controller.conversation.path()
            return not busy and bool(path) and path[-1].stop_reason == "refusal"
        if action_id in ("regenerate", "send", "edit_last", "new_chat"):
            return not busy
        if action_id == "stop":
            return busy
        if action_id == "accept":
            return False
        if action_id == "summary_chat":
            return not busy and bool(controller.conversation.messages)
        if action_id in (
            "rename_chat",
            "delete_chat",
            "undo_delete",
            "search",
            "export_all",
            "usage",
        ):
            return self.window.sidebar is not None
        return True

    def on_usage(self) -> None:
        """The usage page: cost per day and per month, from the saved replies."""
        from desktop_chat.ui.usage_dialog import UsageDialog

        store = self.window.controller.store
        if store is not None:
            UsageDialog.open_for(self.window, store, self.window.controller.bill.prices)

    def _sidebar(self, method: str, *args: int) -> None:
        if self.window.sidebar is not None:
            getattr(self.window.sidebar, method)(*args)

    # section: writing

    def on_submitted(self, text: str) -> None:
        window = self.window
        if window.controller.busy:
            window.status.show(
                translate("Commands", "A reply is still streaming: {stop_key} stops it.").format(
                    stop_key=window.controller.key("stop")
                ),
                4000,
            )
            return
        if problem := check_message_size(text):
            window.chat_view.show_notice(problem, error=True)
            return
        if not window.attaching.ready():
            return
        draft_key = self.draft_key()
        attachments = window.attaching.chips.attachments()
        if window.controller.send(text, replacing=self.editing, attachments=attachments):
            self.set_editing(None)
            window.composer.clear()
            window.attaching.clear()
            if window.drafts is not None:
                window.drafts.clear(draft_key)

    def on_escape(self) -> None:
        """Esc: close find, cancel an edit, or stop the reply, whichever is under way."""
        window = self.window
        if window.find_bar.isVisible() and window.find_bar.field.hasFocus():
            window.find_bar.close_bar()
        elif self.editing is not None:
            self.set_editing(None)
            window.composer.clear()
            window.attaching.clear()
            window.status.show(translate("Commands", "Edit cancelled."), 3000)
        else:
            window.controller.on_stop()

    def on_edit_last(self) -> None:
        """Put the last question back in the composer; Enter sends it as a new branch."""
        window = self.window
        if window.controller.busy:
            window.status.on_busy_refused()
            return
        path = window.controller.conversation.path()
        question = next((m for m in reversed(path) if m.role == "user"), None)
        if question is None:
            return
        self.set_editing(question.id)
        window.composer.set_message_text(question.text)
        window.attaching.restore(question.content)
        window.composer.setFocus()
        key = window.controller.key
        window.status.show(
            translate(
                "Commands",
                "Editing your last question: {send_key} sends it (the earlier version stays "
                "as a branch), {stop_key} cancels.",
            ).format(send_key=key("send"), stop_key=key("stop"))
        )

    def set_editing(self, question_id: str | None) -> None:
        """A question is being edited (its text is in the composer, and is no draft)."""
        self.editing = question_id
        if self.window.drafts is not None:
            self.window.drafts.paused = question_id is not None

    def draft_key(self) -> str:
        conversation = self.window.controller.conversation
        return conversation.id if conversation.messages else NEW_CHAT

    # section: the reply

    def on_copy_last_reply(self) -> None:
        if not self.window.chat_view.copy_last_reply():
            self.window.status.show(translate("Commands", "No reply to copy yet."), 3000)

    def on_copy_last_code(self) -> None:
        if not self.window.chat_view.copy_last_code_block():
            self.window.status.show(
                translate("Commands", "The last reply has no code block."), 3000
            )

    # section: conversations

    def on_new_chat(self) -> None:
        if not self.window.controller.new_conversation():
            self.window.status.on_busy_refused()
            return
        self.window.composer.setFocus()

    def on_open_conversation(self, conversation_id: str) -> None:
        controller = self.window.controller
        if controller.busy and conversation_id != controller.conversation.id:
            self.window.status.on_busy_refused()
            return
        if controller.open_conversation(conversation_id):
            self.set_editing(None)
        if conversation_id == controller.conversation.id:
            self.window.composer.setFocus()

    def on_export(self) -> None:
        conversation = self.window.controller.conversation
        if not conversation.messages:
            self.window.status.show(translate("Commands", "Nothing to export yet."), 3000)
            return
        self.window.dialogs.open_export(
            lambda: [conversation], conversation.title or "conversation"
        )

    def on_export_all(self) -> None:
        store = self.window.controller.store
        if store is None:
            self.window.status.show(
                translate("Commands", "Conversations are not being saved."), 3000
            )
            return
        self.window.dialogs.open_export(
            store.iter_conversations, translate("Commands", "all conversations")
        )
