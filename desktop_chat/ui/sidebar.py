"""The sidebar: conversations, newest first, and a search over every message.

Keyboard first: the search box (Ctrl+K) runs the search as you type (debounced); Down goes
into the results, Enter opens the first hit (or the chosen one), Esc clears the search.
In the list, Enter opens, F2 renames in place, Delete moves to the trash with an undo bar
(Ctrl+Z or its button). Up from the top of either list goes back to the search box.
The keys live in ``sidebar_keys``, the undo bar in ``undo_bar``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QStyledItemDelegate,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.i18n import translate
from desktop_chat.core.keymap import Keymap
from desktop_chat.core.store import SearchHit, Store, StoreError
from desktop_chat.ui.conversation_delegates import ConversationDelegate, SearchHitDelegate
from desktop_chat.ui.conversation_models import (
    ID_ROLE,
    ConversationListModel,
    SearchResultsModel,
    one_line,
)
from desktop_chat.ui.sidebar_keys import SidebarKeys
from desktop_chat.ui.undo_bar import UndoBar


class Sidebar(QWidget):
    """Conversations and search, backed by the store.

    Signals:
        conversation_activated(str): the user chose a conversation (id) in the list, by
            Enter or a click, or with ``select_relative()``.
        hit_activated(str, str): the user chose a search hit: conversation id and message
            id ("" when the hit is the conversation's title).
        new_requested(): the "New chat" button was pressed.
        conversation_deleted(str): a conversation (id) went to the trash.
        conversation_restored(str): a deleted conversation (id) came back (undo).
        conversation_renamed(str, str): a conversation (id) got a new title.
        error(str): the store failed; the message is for the user.
    """

    conversation_activated = Signal(str)
    hit_activated = Signal(str, str)
    new_requested = Signal()
    conversation_deleted = Signal(str)
    conversation_restored = Signal(str)
    conversation_renamed = Signal(str, str)
    error = Signal(str)

    SEARCH_DELAY_MS = 120
    SEARCH_LIMIT = 50
    UNDO_TIMEOUT_MS = UndoBar.TIMEOUT_MS

    def __init__(
        self,
        store: Store,
        key: Callable[[str], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._key = key = key or Keymap().text_for
        self.setObjectName("sidebar")
        self.setAccessibleName(translate("Sidebar", "Conversations sidebar"))
        self.setMinimumWidth(180)

        # section: search box and the new-chat button
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("sidebar_search")
        self.search_box.setPlaceholderText(
            translate("Sidebar", "Search conversations ({search_key})").format(
                search_key=key("search")
            )
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(translate("Sidebar", "Search conversations"))
        self.search_box.setToolTip(
            translate("Sidebar", "Search every conversation ({search_key})").format(
                search_key=key("search")
            )
        )
        self.new_button = QToolButton(self)
        self.new_button.setObjectName("sidebar_new")
        self.new_button.setText(translate("Sidebar", "New chat"))
        self.new_button.setToolTip(
            translate("Sidebar", "New chat ({new_chat_key})").format(new_chat_key=key("new_chat"))
        )
        self.new_button.setAccessibleName(translate("Sidebar", "New chat"))
        self.new_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        # section: the conversation list and the search results, one shown at a time
        self.list_model = ConversationListModel(store, self)
        self.list_view = QListView(self)
        self.list_view.setObjectName("sidebar_list")
        self.list_view.setAccessibleName(translate("Sidebar", "Conversations"))
        self.list_delegate = ConversationDelegate(self.list_view)
        self._setup_view(self.list_view, self.list_model, self.list_delegate)
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.results_model = SearchResultsModel(self)
        self.results_view = QListView(self)
        self.results_view.setObjectName("sidebar_results")
        self.results_view.setAccessibleName(translate("Sidebar", "Search results"))
        self._setup_view(self.results_view, self.results_model, SearchHitDelegate(self))

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("sidebar_empty")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the query
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_label.setContentsMargins(8, 16, 8, 8)

        self.stack = QStackedWidget(self)
        for page in (self.list_view, self.results_view, self.empty_label):
            self.stack.addWidget(page)

        # section: the undo bar, shown after a delete
        self.undo_bar = UndoBar(self)
        self.undo_label = self.undo_bar.label
        self.undo_button = self.undo_bar.button
        self.undo_timer = self.undo_bar.timer
        self.undo_shortcut = self.undo_bar.shortcut

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search_box)
        layout.addWidget(self.new_button)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.undo_bar)
        self.setTabOrder(self.search_box, self.new_button)
        self.setTabOrder(self.new_button, self.list_view)
        self.setTabOrder(self.list_view, self.results_view)
        self.setTabOrder(self.results_view, self.undo_button)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(self.SEARCH_DELAY_MS)
        # A refresh that arrives while a title is being edited waits for the edit to end.
        self._pending_refresh: list[str | None] = []
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(0)

        self.keys = SidebarKeys(self)
        self._connect_signals()
        self.list_model.reload()
        self._show_page()

    @staticmethod
    def _setup_view(
        view: QListView, model: QAbstractItemModel, delegate: QStyledItemDelegate
    ) -> None:
        view.setModel(model)
        view.setItemDelegate(delegate)
        view.setUniformItemSizes(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setFrameShape(QFrame.Shape.NoFrame)
        view.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)

    def _connect_signals(self) -> None:
        # section: search
        self.search_box.textChanged.connect(self.on_search_edited)
        self.search_timer.timeout.connect(self.run_search)

        # section: new chat
        self.new_button.clicked.connect(self.new_requested)

        # section: the conversation list
        self.list_view.clicked.connect(self.on_list_clicked)
        self.list_view.customContextMenuRequested.connect(self.on_context_menu)
        self.list_model.renamed.connect(self.conversation_renamed)
        self.list_model.error.connect(self.error)
        self.list_model.modelReset.connect(self._show_page)
        self.list_model.rowsRemoved.connect(self._show_page)
        self.list_delegate.closeEditor.connect(self.on_editor_closed)
        self.refresh_timer.timeout.connect(self._run_pending_refresh)

        # section: search results
        self.results_view.clicked.connect(self.on_hit_clicked)

        # section: undo
        self.undo_bar.undo_requested.connect(self.undo_delete)

    # -- public API -----------------------------------------------------------------------

    def refresh(self, select_id: str | None = None) -> None:
        """Read the list again and select ``select_id`` (default: keep the selection),
        without emitting. A search on screen is run again too."""
        if self.list_view.state() == QAbstractItemView.State.EditingState:
            self._pending_refresh = [select_id]
            return
        keep = select_id if select_id is not None else self.current_id()
        self.list_model.reload()
        self.set_current(keep)
        if self.searching():
            self.run_search(keep_row=True)
        self._show_page()

    def focus_search(self) -> None:
        """Put the keyboard in the search box, its text selected (Ctrl+K)."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def select_relative(self, step: int) -> None:
        """Select the conversation ``step`` rows down (up if negative) and activate it.

        Wraps around the rows loaded so far; going down past them loads the next page
        first, so only the very end wraps to the top.
        """
        count = self.list_model.rowCount()
        if count == 0 or step == 0:
            return
        current = self.list_view.currentIndex()
        row = current.row() if current.isValid() else (-1 if step > 0 else count)
        target = row + step
        while target >= count and self.list_model.canFetchMore():
            self.list_model.fetchMore()
            count = self.list_model.rowCount()
        target %= count
        self._select_row(target)
        self.conversation_activated.emit(self.list_model.summary(target).id)

    def current_id(self) -> str | None:
        """The id of the selected conversation in the list, if any."""
        index = self.list_view.currentIndex()
        if not index.isValid() or not self.list_view.selectionModel().isSelected(index):
            return None
        return str(index.data(ID_ROLE))

    def set_current(self, conversation_id: str | None) -> None:
        """Select a conversation in the list (None: none) without emitting anything."""
        row = None if conversation_id is None else self.list_model.find(conversation_id)
        if row is None:
            self.list_view.selectionModel().clear()
            return
        self._select_row(row)

    def searching(self) -> bool:
        """Whether the search box holds a query (and the results replace the list)."""
        return bool(self.search_box.text().strip())

    def rename_current(self) -> None:
        """Edit the selected conversation's title in place (F2)."""
        index = self.list_view.currentIndex()
        if index.isValid() and not self.searching():
            self.list_view.scrollTo(index)
            self.list_view.edit(index)

    def delete_current(self) -> None:
        """Move the selected conversation to the trash, and offer to undo it (Delete)."""
        index = self.list_view.currentIndex()
        if not index.isValid() or self.searching():
            return
        row = index.row()
        summary = self.list_model.summary(row)
        try:
            self.store.delete(summary.id)
        except StoreError as exc:
            self.error.emit(str(exc))
            return
        had_focus = self.list_view.hasFocus()
        self.list_model.remove(row)
        if self.list_model.rowCount():
            self._select_row(min(row, self.list_model.rowCount() - 1))
            if had_focus:
                self.list_view.setFocus()
        self.undo_bar.offer(summary.id, summary.title)
        self.conversation_deleted.emit(summary.id)

    def undo_delete(self) -> None:
        """Bring back the last deleted conversation, while its undo bar shows (Ctrl+Z)."""
        conversation_id = self.undo_bar.conversation_id()
        if conversation_id is None:
            return
        focused = self.focusWidget()
        bar_had_focus = focused is not None and self.undo_bar.isAncestorOf(focused)
        self.hide_undo()
        try:
            self.store.undelete(conversation_id)
        except StoreError as exc:
            self.error.emit(str(exc))
            return
        if self.searching():
            self.search_box.clear()
        self.refresh(select_id=conversation_id)
        if bar_had_focus:
            self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.conversation_restored.emit(conversation_id)

    def hide_undo(self) -> None:
        """Put the undo bar away: the delete stands."""
        self.undo_bar.dismiss()

    def activate_hit(self, row: int) -> None:
        """Emit ``hit_activated`` for the search hit in ``row``, if there is one."""
        if not 0 <= row < self.results_model.rowCount():
            return
        hit = self.results_model.hit(row)
        self.hit_activated.emit(hit.conversation_id, hit.message_id or "")

    # -- slots ----------------------------------------------------------------------------

    def on_search_edited(self, _text: str) -> None:
        if self.searching():
            self.search_timer.start()
            return
        self.search_timer.stop()
        self.results_model.set_hits([])
        self._show_page()

    def run_search(self, keep_row: bool = False) -> None:
        """Search now for what the search box holds (the debounce timer calls this)."""
        self.search_timer.stop()
        previous = self.results_view.currentIndex().row() if keep_row else 0
        query = self.search_box.text()
        hits: list[SearchHit] = []
        if query.strip():
            try:
                hits = self.store.search(query, self.SEARCH_LIMIT)
            except StoreError as exc:
                self.error.emit(str(exc))
        self.results_model.set_hits(hits)
        if hits:
            row = min(max(previous, 0), len(hits) - 1)
            self.results_view.setCurrentIndex(self.results_model.index(row))
        self._show_page()

    def on_list_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.conversation_activated.emit(str(index.data(ID_ROLE)))

    def on_hit_clicked(self, index: QModelIndex) -> None:
        self.activate_hit(index.row())

    def on_context_menu(self, pos: QPoint) -> None:
        index = self.list_view.indexAt(pos)
        if not index.isValid():
            return
        self._select_row(index.row())
        self.context_menu().exec(self.list_view.viewport().mapToGlobal(pos))

    def context_menu(self) -> QMenu:
        """The menu of the selected conversation: Rename…, Delete."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setAccessibleName(translate("Sidebar", "Conversation menu"))
        rename = menu.addAction(translate("Sidebar", "Rename…"))
        rename.setShortcut(QKeySequence(Qt.Key.Key_F2))
        rename.triggered.connect(self.rename_current)
        delete = menu.addAction(translate("Sidebar", "Delete"))
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.triggered.connect(self.delete_current)
        return menu

    def on_editor_closed(self) -> None:
        if self._pending_refresh:
            self.refresh_timer.start()  # once the view has left its editing state

    def _run_pending_refresh(self) -> None:
        if self._pending_refresh:
            (select_id,) = self._pending_refresh
            self._pending_refresh = []
            self.refresh(select_id)

    # -- helpers --------------------------------------------------------------------------

    def _select_row(self, row: int) -> None:
        index = self.list_model.index(row)
        self.list_view.setCurrentIndex(index)
        self.list_view.scrollTo(index)

    def _show_page(self) -> None:
        if self.searching():
            if self.search_timer.isActive():
                return  # results are on their way: keep what is shown until then
            if self.results_model.rowCount():
                self.stack.setCurrentWidget(self.results_view)
                return
            query = one_line(self.search_box.text()).strip()
            self.empty_label.setText(
                translate("Sidebar", "No conversations match “{query}”.").format(query=query)
            )
        elif self.list_model.rowCount():
            self.stack.setCurrentWidget(self.list_view)
            return
        else:
            self.empty_label.setText(
                translate("Sidebar", "No conversations yet. {new_chat_key} starts one.").format(
                    new_chat_key=self._key("new_chat")
                )
            )
        self.empty_label.setAccessibleName(self.empty_label.text())
        self.stack.setCurrentWidget(self.empty_label)
