"""What is said under a message in the transcript: which variant it is, what can be done."""

from __future__ import annotations

from collections.abc import Callable

from desktop_chat.core.conversation import PathEntry, Status

Notes = tuple[str, ...]


def notes_for(entry: PathEntry, key: Callable[[str], str]) -> Notes:
    """The notes under ``entry``'s message; ``key`` names a keymap action's key."""
    notes: list[str] = []
    message = entry.message
    if entry.variants > 1:
        kind = "Variant" if message.role == "assistant" else "Version"
        keys = f"{key('previous_variant')} / {key('next_variant')}"
        notes.append(f"{kind} {entry.variant} of {entry.variants}: {keys} to see the others.")
    if message.excluded:
        if message.role == "assistant":
            notes.append("This exchange is left out of what is sent to Claude.")
    elif entry.last and message.stop_reason == "refusal":
        notes.append(
            f"{key('edit_last')} edits your question; {key('drop_refused')} leaves this "
            "exchange out of what is sent next (the API asks for one or the other)."
        )
    elif entry.continuable:
        notes.append(f"{key('continue')} continues this reply.")
    elif entry.last and message.role == "assistant" and message.status is not Status.COMPLETE:
        notes.append(f"{key('regenerate')} asks again.")
    return tuple(notes)
