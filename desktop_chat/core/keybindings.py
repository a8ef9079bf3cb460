"""The user's own shortcuts: overrides of the keymap's defaults, their checks, and their file.

The file is ``config_dir()/shortcuts.json``: ``{"version": 1, "shortcuts": {"regenerate":
["Ctrl+R"], "find": []}}``. An action that is not listed keeps its default shortcuts; an empty
list means "no shortcut". Shortcuts are QKeySequence portable text (``Ctrl`` is Cmd on macOS).

This module knows nothing of Qt or of the keymap itself: it takes any objects with ``id``,
``title``, ``shortcuts`` and ``scope`` (``ui.keymap.Action``), so the core stays Qt-free.

:func:`normalize` makes shortcuts comparable. It catches: letter case, modifier order and
aliases (``shift+ctrl+p`` is ``Ctrl+Shift+P``; Control, Cmd, Command, Option, Opt, Win, Super),
``Enter`` as ``Return`` (the message box treats both alike), ``Escape``/``Delete``/``Insert``/
``PageUp``/``PageDown`` as Qt's ``Esc``/``Del``/``Ins``/``PgUp``/``PgDown``, and ``Backtab`` as
``Shift+Tab`` (what Qt reports for Shift+Tab). It does not catch: shifted symbols, which depend on
the keyboard layout (``Ctrl+Shift+;`` and ``Ctrl+:`` are the same keys on a US layout only), Qt's
macOS swap of Ctrl and Meta (both sides are portable text, so the swap is the same for both), and
key names Qt does not know (``Ctrl+Foo`` passes here and binds nothing in Qt).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any, Protocol

from desktop_chat.core.paths import config_dir
from desktop_chat.core.safe_files import keep_aside_saying, write_atomically

SCHEMA_VERSION = 1
SHORTCUTS_FILE = "shortcuts.json"

Bindings = dict[str, tuple[str, ...]]
"""Action id -> its shortcuts (portable text), in the order they are shown."""


class ActionSpec(Protocol):
    """What this module needs of an action (``ui.keymap.Action`` is one)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def shortcuts(self) -> tuple[str, ...]: ...
    @property
    def scope(self) -> str: ...


# section: the normaliser

# Qt's own order in portable text (QKeySequence.toString): Meta first, then Ctrl, Alt, Shift.
_MODIFIERS = ("Meta", "Ctrl", "Alt", "Shift")
_MODIFIER_ALIASES = {
    "ctrl": "Ctrl",
    "control": "Ctrl",
    "cmd": "Ctrl",  # portable text: Ctrl is Cmd on macOS
    "command": "Ctrl",
    "alt": "Alt",
    "option": "Alt",
    "opt": "Alt",
    "shift": "Shift",
    "meta": "Meta",
    "win": "Meta",
    "super": "Meta",
}
_KEY_ALIASES = {
    "esc": "Esc",
    "escape": "Esc",
    "return": "Return",
    "enter": "Return",
    "del": "Del",
    "delete": "Del",
    "ins": "Ins",
    "insert": "Ins",
    "pgup": "PgUp",
    "pageup": "PgUp",
    "pgdown": "PgDown",
    "pagedown": "PgDown",
    "backspace": "Backspace",
    "capslock": "CapsLock",
    "numlock": "NumLock",
    "scrolllock": "ScrollLock",
    "sysreq": "SysReq",
    "space": "Space",
}
# A chord separator is ", " whose comma is not itself a key ("Ctrl+,, Ctrl+X" is two chords).
_CHORD_SEPARATOR = re.compile(r"(?<!\+), ")


def normalize(shortcut: str) -> str:
    """``shortcut`` in one canonical spelling (see the module docstring for what that catches).

    Raises:
        ValueError: it is not a shortcut (empty, a modifier alone, an unknown modifier).
    """
    text = shortcut.strip()
    if not text:
        raise ValueError("An empty text is not a shortcut.")
    return ", ".join(_normalize_chord(chord, shortcut) for chord in _CHORD_SEPARATOR.split(text))


def _split_chord(chord: str) -> tuple[list[str], str]:
    """("Ctrl+Shift+P") -> (["Ctrl", "Shift"], "P"); the "+" key itself is understood."""
    if chord.endswith("++") or chord == "+":
        head, key = chord[:-2], "+"
    else:
        head, _, key = chord.rpartition("+")
    return [n.strip() for n in head.split("+")] if head else [], key.strip()


def _normalize_chord(chord: str, whole: str) -> str:
    names, key = _split_chord(chord.strip())
    modifiers: set[str] = set()
    for name in names:
        modifier = _MODIFIER_ALIASES.get(name.lower())
        if modifier is None:
            raise ValueError(f"“{whole}” is not a shortcut: “{name}” is not a modifier key.")
        modifiers.add(modifier)
    if not key or key.lower() in _MODIFIER_ALIASES:
        raise ValueError(f"“{whole}” is not a shortcut: it has no key besides the modifiers.")
    if len(key) == 1:
        key = key.upper()
    else:
        key = _KEY_ALIASES.get(key.lower().replace(" ", ""), key[0].upper() + key[1:].lower())
    if key == "Backtab":
        key = "Tab"
        modifiers.add("Shift")
    return "+".join([m for m in _MODIFIERS if m in modifiers] + [key])


def is_shortcut(shortcut: str) -> bool:
    """Whether :func:`normalize` accepts ``shortcut``."""
    try:
        normalize(shortcut)
    except ValueError:
        return False
    return True


# section: the effective bindings


def effective(actions: Iterable[ActionSpec], overrides: Mapping[str, Sequence[str]]) -> Bindings:
    """Each action's shortcuts: the user's override if there is one, else the default.

    Overrides of ids the table does not have are ignored.
    """
    return {a.id: tuple(overrides[a.id]) if a.id in overrides else a.shortcuts for a in actions}


def minimal(actions: Iterable[ActionSpec], overrides: Mapping[str, Sequence[str]]) -> Bindings:
    """``overrides`` without the ones that only repeat the default (compared normalised)."""
    defaults = {a.id: a.shortcuts for a in actions}
    return {
        action_id: tuple(keys)
        for action_id, keys in overrides.items()
        if action_id not in defaults or not _same(keys, defaults[action_id])
    }


def _same(a: Sequence[str], b: Sequence[str]) -> bool:
    try:
        return [normalize(k) for k in a] == [normalize(k) for k in b]
    except ValueError:
        return False


# Keys the message box needs for editing text. Composer-scope actions may use them (the box
# decides, e.g. Up edits the last question only when the box is empty); a window shortcut
# would take them from the box everywhere. Not exhaustive: Shift/Ctrl+arrow selection,
# Ctrl+Backspace and the like are left to the user's judgement.
_EDITING_KEYS = {
    normalize(k): what
    for what, keys in (
        ("moves the cursor in the message box", ("Up", "Down", "Left", "Right", "Home", "End")),
        ("moves the cursor in the message box", ("PgUp", "PgDown")),
        ("deletes text in the message box", ("Backspace", "Del")),
        ("starts a new line or presses the focused button", ("Return",)),
        ("moves the focus", ("Tab", "Shift+Tab")),
        ("selects all text", ("Ctrl+A",)),
        ("copies", ("Ctrl+C",)),
        ("pastes", ("Ctrl+V",)),
        ("cuts", ("Ctrl+X",)),
        ("undoes", ("Ctrl+Z",)),
        ("redoes", ("Ctrl+Y", "Ctrl+Shift+Z")),
    )
    for k in keys
}


def _typed_text(chord: str) -> bool:
    """A printable character with no modifier but Shift: typing it writes text."""
    modifiers, key = _split_chord(chord)
    return (len(key) == 1 or key == "Space") and set(modifiers) <= {"Shift"}


def conflicts(
    actions: Iterable[ActionSpec],
    proposed: Mapping[str, Sequence[str]],
    current: Mapping[str, Sequence[str]] | None = None,
    *,
    key_text: Callable[[str], str] = str,
) -> list[str]:
    """Why the bindings ``current`` + ``proposed`` cannot be used; empty when they can.

    ``current`` are the overrides in force, ``proposed`` the changes asked for (both as in
    :func:`effective`). An empty shortcut list is allowed (no shortcut). Refused: a text that is
    not a shortcut, one key for two actions (or for one action twice), a key that starts
    another action's multi-key shortcut, a plain character (it types text), and, for window
    actions, the keys the message box edits text with. ``key_text`` shows a normalised
    shortcut to the user (the UI passes Qt's native text), e.g. "Ctrl+R is already
    “Regenerate the last reply”".
    """
    # Keys of one widget ("local": the sidebar's F2) are that widget's own, never rebound.
    actions = [a for a in actions if a.scope != "local"]
    titles = {a.id: a.title for a in actions}
    scopes = {a.id: a.scope for a in actions}
    overrides = {**(current or {}), **proposed}
    bindings = effective(actions, overrides)
    reasons: list[str] = []
    holders: dict[str, list[str]] = {}
    for action_id, keys in bindings.items():
        for key in keys:
            try:
                chord = normalize(key)
            except ValueError as exc:
                reasons.append(str(exc))
                continue
            if action_id in holders.get(chord, []):
                reasons.append(f"{key_text(chord)} is listed twice for “{titles[action_id]}”.")
                continue
            holders.setdefault(chord, []).append(action_id)
            first = chord.split(", ")[0]
            if _typed_text(first):
                reasons.append(
                    f"{key_text(chord)} types text; add Ctrl or Alt to use it for "
                    f"“{titles[action_id]}”."
                )
            elif first in _EDITING_KEYS and scopes[action_id] != "composer":
                reasons.append(
                    f"{key_text(chord)} {_EDITING_KEYS[first]}; it cannot be used for "
                    f"“{titles[action_id]}”."
                )

    def who(ids: Sequence[str]) -> tuple[str, list[str]]:
        """(an action that was proposed, those that already had the key) when that is so."""
        new = [i for i in ids if i in proposed]
        old = [i for i in ids if i not in proposed]
        return (new[0], old) if len(new) == 1 and old else ("", [])

    for chord, ids in holders.items():
        if len(ids) > 1:
            changed, others = who(ids)
            if changed:
                reasons.append(f"{key_text(chord)} is already “{titles[others[0]]}”.")
            else:
                names = [f"“{titles[i]}”" for i in ids]
                both = "both " if len(names) == 2 else ""
                listed = ", ".join(names[:-1]) + " and " + names[-1]
                reasons.append(f"{key_text(chord)} is given to {both}{listed}.")
    for chord, ids in holders.items():  # Qt cannot tell "Ctrl+K" from "Ctrl+K, Ctrl+C" begun
        for longer, longer_ids in holders.items():
            if not longer.startswith(chord + ", "):
                continue
            short, long = key_text(chord), key_text(longer)
            changed, others = who([*ids, *longer_ids])
            if changed in ids:
                reasons.append(f"{short} starts {long}, already “{titles[others[0]]}”.")
            elif changed:
                reasons.append(f"{long} begins with {short}, already “{titles[others[0]]}”.")
            else:
                of_long, of_short = titles[longer_ids[0]], titles[ids[0]]
                reasons.append(f"{long} of “{of_long}” begins with {short} of “{of_short}”.")
    return reasons


# section: the file


def shortcuts_path() -> Path:
    return config_dir() / SHORTCUTS_FILE


def save_overrides(overrides: Mapping[str, Sequence[str]], path: Path | None = None) -> Path:
    """Write ``overrides`` atomically (keys sorted; an empty mapping is a valid file).

    Raises:
        ValueError: a shortcut is not one (nothing is written).
    """
    for keys in overrides.values():
        for key in keys:
            normalize(key)
    path = path or shortcuts_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": SCHEMA_VERSION, "shortcuts": {k: list(v) for k, v in overrides.items()}}
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    write_atomically(path, text)
    return path


def load_overrides(
    actions: Iterable[ActionSpec] | None = None, path: Path | None = None
) -> tuple[Bindings, list[str]]:
    """The saved overrides, and what was wrong with the file in plain words.

    With ``actions`` (the keymap), overrides of unknown actions and overrides that would
    conflict (:func:`conflicts`, checked one by one in file order) are refused too. A file
    that cannot be used in full is kept as ``shortcuts.json.bad-<timestamp>``: a corrupt one
    gives no overrides (the defaults), one with refused entries gives the rest (and is
    rewritten without them). A missing file is no overrides, with no problem.
    """
    path = path or shortcuts_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, []
    except OSError as exc:
        return {}, [f"Could not read {path}: {exc.strerror or exc}."]
    try:
        data = json.loads(raw.decode("utf-8"))
        version = data.get("version") if isinstance(data, dict) else None
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise ValueError("no valid version")
        table = data.get("shortcuts", {})
        if not isinstance(table, dict):
            raise ValueError("no shortcuts table")
    except ValueError:
        message = "The shortcuts file is not valid; using the default shortcuts."
        return {}, keep_aside_saying(path, message)
    overrides, problems = _parse(table, None if actions is None else list(actions))
    if version > SCHEMA_VERSION:
        problems.insert(0, "The shortcuts file comes from a newer version of the app.")
    if problems:
        problems = keep_aside_saying(path, *problems)
        if not path.exists():
            try:
                save_overrides(overrides, path)
            except OSError as exc:
                problems.append(f"Could not rewrite {path}: {exc.strerror or exc}.")
    return overrides, problems


def _parse(
    table: Mapping[str, Any], actions: list[ActionSpec] | None
) -> tuple[Bindings, list[str]]:
    known = None if actions is None else {a.id: a for a in actions}
    overrides: Bindings = {}
    problems: list[str] = []
    for action_id, keys in table.items():
        if known is not None and action_id not in known:
            problems.append(f"There is no action “{action_id}”; its shortcuts were ignored.")
            continue
        name = known[action_id].title if known is not None else action_id
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            problems.append(f"The shortcuts of “{name}” must be a list of texts; ignored.")
            continue
        if not all(is_shortcut(k) for k in keys):
            bad = ", ".join(f"“{k}”" for k in keys if not is_shortcut(k))
            problems.append(f"{bad} for “{name}” is not a shortcut; ignored.")
            continue
        if actions is not None:
            reasons = conflicts(actions, {action_id: keys}, overrides)
            if reasons:
                problems.append(f"The shortcuts of “{name}” were ignored: {' '.join(reasons)}")
                continue
        overrides[action_id] = tuple(keys)
    return overrides, problems


def reset(path: Path | None = None) -> None:
    """Forget every override: the default shortcuts from now on."""
    with suppress(FileNotFoundError):
        (path or shortcuts_path()).unlink()
