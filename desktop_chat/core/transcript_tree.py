"""A conversation's messages must form a tree: each id once, each parent present, no cycle.

A transcript that breaks this is refused, saying which messages and why; a stored tree that
does not hold would send the API a history that starts with a reply or repeats itself.
"""

from __future__ import annotations

from desktop_chat.core.conversation import Message
from desktop_chat.core.transcript_fields import TranscriptError

_SHOWN_IN_A_CYCLE = 4


def check_tree(messages: list[Message], where: str) -> None:
    """Raise TranscriptError unless ``messages`` (of the conversation at ``where``) have
    unique ids, name only parents among them, and hold no cycle of parents."""
    index: dict[str, int] = {}
    for i, m in enumerate(messages):
        first = index.setdefault(m.id, i)
        if first != i:
            raise TranscriptError(
                f"{where}.messages[{i}].id {m.id!r} is also the id of messages[{first}]: "
                "each message needs an id of its own"
            )
    for i, m in enumerate(messages):
        if m.parent_id is None:
            continue
        if m.parent_id == m.id:
            raise TranscriptError(f"{where}.messages[{i}] ({m.id!r}) is its own parent")
        if m.parent_id not in index:
            raise TranscriptError(
                f"{where}.messages[{i}].parent_id {m.parent_id!r} is not a message of it"
            )
    _check_no_cycle(messages, index, where)


def _check_no_cycle(messages: list[Message], index: dict[str, int], where: str) -> None:
    # Each message is walked up to a root, or to one already known to reach a root:
    # every message is visited once, whatever the depth (no recursion).
    reaches_root = [False] * len(messages)
    for start in range(len(messages)):
        trail: list[int] = []
        on_trail: set[int] = set()
        i: int | None = start
        while i is not None and not reaches_root[i]:
            if i in on_trail:
                raise _cycle(messages, trail[trail.index(i) :], where)
            trail.append(i)
            on_trail.add(i)
            parent = messages[i].parent_id
            i = None if parent is None else index[parent]
        for j in trail:
            reaches_root[j] = True


def _cycle(messages: list[Message], cycle: list[int], where: str) -> TranscriptError:
    names = [f"messages[{j}] ({messages[j].id!r})" for j in cycle[:_SHOWN_IN_A_CYCLE]]
    if len(cycle) > _SHOWN_IN_A_CYCLE:
        names.append(f"{len(cycle) - _SHOWN_IN_A_CYCLE} more")
    return TranscriptError(
        f"{where}: the parents of {', '.join(names)} go round in a circle; the messages of "
        "a conversation must form a tree, from a first message down"
    )
