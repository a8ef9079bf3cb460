"""What is said under a message in the transcript: which variant it is, what can be done."""

from __future__ import annotations

from collections.abc import Callable

from desktop_chat.core.conversation import PathEntry, Status
from desktop_chat.core.i18n import translate

Notes = tuple[str, ...]


def notes_for(entry: PathEntry, key: Callable[[str], str]) -> Notes:
    """The notes under ``entry``'s message; ``key`` names a keymap action's key."""
    notes: list[str] = []
    message = entry.message
    if entry.variants > 1:
        kind = (
            translate("ConversationNotes", "Variant")
            if message.role == "assistant"
            else translate("ConversationNotes", "Version")
        )
        keys = f"{key('previous_variant')} / {key('next_variant')}"
        notes.append(
            translate(
                "ConversationNotes", "{kind} {variant} of {variants}: {keys} to see the others."
            ).format(kind=kind, variant=entry.variant, variants=entry.variants, keys=keys)
        )
    if message.excluded:
        if message.role == "assistant":
            notes.append(
                translate(
                    "ConversationNotes", "This exchange is left out of what is sent to Claude."
                )
            )
    elif entry.last and message.stop_reason == "refusal":
        notes.append(
            translate(
                "ConversationNotes",
                "{edit_last_key} edits your question; {drop_refused_key} leaves this exchange out "
                "of what is sent next (the API asks for one or the other).",
            ).format(edit_last_key=key("edit_last"), drop_refused_key=key("drop_refused"))
        )
    elif entry.continuable:
        notes.append(
            translate("ConversationNotes", "{continue_key} continues this reply.").format(
                continue_key=key("continue")
            )
        )
    elif entry.last and message.role == "assistant" and message.status is not Status.COMPLETE:
        notes.append(
            translate("ConversationNotes", "{regenerate_key} asks again.").format(
                regenerate_key=key("regenerate")
            )
        )
    return tuple(notes)
