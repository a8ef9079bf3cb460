"""The sidebar's keys: the search box and its two lists, driven without the mouse.

In the search box, Down goes into the results (or the list), Enter opens the first hit,
Esc clears the search. In the list, Enter opens, F2 renames, Delete (Cmd+Backspace on
macOS) deletes. In the results, Enter opens the hit, and typing goes on with the query.
Up from the top of either list goes back to the search box.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListView

from desktop_chat.ui.conversation_models import ID_ROLE

if TYPE_CHECKING:
    from desktop_chat.ui.sidebar import Sidebar

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

# Cmd on macOS arrives as ControlModifier (Qt swaps them).
_COMMAND = Qt.KeyboardModifier.ControlModifier


class SidebarKeys(QObject):
    """An event filter on the sidebar's search box and lists that acts on their keys.

    It has no signals of its own: it calls the sidebar's methods, which emit.
    """

    def __init__(self, sidebar: Sidebar) -> None:
        super().__init__(sidebar)
        self._sidebar = sidebar
        for watched in (sidebar.search_box, sidebar.list_view, sidebar.results_view):
            watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return False
        bar = self._sidebar
        if watched is bar.search_box:
            return self._search_key(event)
        if event.type() != QEvent.Type.KeyPress:
            return False
        if watched is bar.list_view:
            return self._list_key(event)
        if watched is bar.results_view:
            return self._results_key(event)
        return False

    def _search_key(self, event: QKeyEvent) -> bool:
        bar = self._sidebar
        key = event.key()
        plain = _plain(event)
        if event.type() == QEvent.Type.ShortcutOverride:
            # Esc clears a search; on an empty box it stays the window's (stop the reply).
            if key == Qt.Key.Key_Escape and plain and bar.search_box.text():
                event.accept()
                return True
            return False
        if event.type() != QEvent.Type.KeyPress or not plain:
            return False
        if key == Qt.Key.Key_Escape and bar.search_box.text():
            bar.search_box.clear()
            return True
        if key == Qt.Key.Key_Down:
            self._enter_lists()
            return True
        if key in _ENTER_KEYS and bar.searching():
            if bar.search_timer.isActive() or bar.results_model.rowCount() == 0:
                bar.run_search()
            bar.activate_hit(0)
            return True
        return False

    def _list_key(self, event: QKeyEvent) -> bool:
        bar = self._sidebar
        if bar.list_view.state() == QAbstractItemView.State.EditingState:
            return False
        key = event.key()
        index = bar.list_view.currentIndex()
        if not _plain(event):
            if key == Qt.Key.Key_Backspace and event.modifiers() & _COMMAND:
                bar.delete_current()  # Cmd+Backspace: the macOS way to delete
                return True
            return False
        if key in _ENTER_KEYS:
            if index.isValid():
                bar.conversation_activated.emit(str(index.data(ID_ROLE)))
            return True
        if key == Qt.Key.Key_F2:
            bar.rename_current()
            return True
        if key == Qt.Key.Key_Delete:
            bar.delete_current()
            return True
        if key == Qt.Key.Key_Up and index.row() <= 0:
            bar.focus_search()
            return True
        return False

    def _results_key(self, event: QKeyEvent) -> bool:
        if not _plain(event):
            return False
        bar = self._sidebar
        key = event.key()
        index = bar.results_view.currentIndex()
        if key in _ENTER_KEYS:
            bar.activate_hit(index.row())
            return True
        if key == Qt.Key.Key_Up and index.row() <= 0:
            bar.focus_search()
            return True
        if key == Qt.Key.Key_Backspace:
            bar.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
            bar.search_box.backspace()
            return True
        text = event.text()
        if text and text.isprintable():  # typing in the results goes on with the query
            bar.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
            bar.search_box.insert(text)
            return True
        return False

    def _enter_lists(self) -> None:
        """Down from the search box: into the results, or the list."""
        bar = self._sidebar
        view: QListView = bar.list_view
        model: QAbstractItemModel = bar.list_model
        if bar.searching():
            if bar.search_timer.isActive():
                bar.run_search()
            view, model = bar.results_view, bar.results_model
        if model.rowCount() == 0:
            return
        if not view.currentIndex().isValid():
            view.setCurrentIndex(model.index(0, 0))
        view.setFocus(Qt.FocusReason.TabFocusReason)


def _plain(event: QKeyEvent) -> bool:
    """No modifier held (the keypad's does not count)."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return modifiers == Qt.KeyboardModifier.NoModifier
