"""The command palette's rows and its fuzzy ranking, as plain Python (tested without Qt).

Rows are made from the one keymap table (``core.keymap.ACTIONS``) and the shortcuts in
force, so the palette and the help overlay show what the keys do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from desktop_chat.core.keybindings import ActionSpec


class SectionedAction(ActionSpec, Protocol):
    """An action with a section (``core.keymap.Action``)."""

    @property
    def section(self) -> str: ...


@dataclass(frozen=True)
class PaletteEntry:
    """One action as the palette and the help overlay show it.

    Attributes:
        shortcuts: QKeySequence portable text, as in the keymap ("Ctrl+R").
        enabled: whether it can run now (a disabled one is shown greyed, and does not run).
    """

    action_id: str
    title: str
    section: str
    shortcuts: tuple[str, ...] = ()
    enabled: bool = True


def palette_entries(
    actions: Iterable[SectionedAction],
    bindings: Mapping[str, Sequence[str]] | None = None,
    enabled: Callable[[str], bool] | None = None,
) -> list[PaletteEntry]:
    """One entry per action, in table order, with the shortcuts in force (``bindings``,
    e.g. ``keybindings.effective(ACTIONS, overrides)``; the defaults when left out)."""
    return [
        PaletteEntry(
            a.id,
            a.title,
            a.section,
            tuple(bindings[a.id]) if bindings is not None and a.id in bindings else a.shortcuts,
            enabled(a.id) if enabled is not None else True,
        )
        for a in actions
    ]


# section: fuzzy matching


@dataclass(frozen=True)
class FuzzyMatch:
    """How ``query`` matched a text.

    Attributes:
        tier: 0 the text starts with it, 1 it starts a word, 2 it is inside, 3 scattered.
        score: within a tier, higher is better (word starts and runs of characters).
        positions: the matched characters' indexes in the text.
    """

    tier: int
    score: int
    positions: tuple[int, ...]


def _word_starts(text: str) -> list[bool]:
    return [
        ch.isalnum()
        and (i == 0 or not text[i - 1].isalnum() or (ch.isupper() and text[i - 1].islower()))
        for i, ch in enumerate(text)
    ]


def fuzzy_match(query: str, text: str) -> FuzzyMatch | None:
    """Whether the letters of ``query`` appear in ``text`` in order (case-insensitive).

    Spaces in the query separate words for the exact tiers and are ignored when scattered.
    """
    q = " ".join(query.lower().split())
    if not q:
        return FuzzyMatch(0, 0, ())
    t = text.lower()
    starts = _word_starts(text)
    if t.startswith(q):
        return FuzzyMatch(0, len(q), tuple(range(len(q))))
    found = t.find(q)
    if found >= 0:
        at_word = next((i for i in range(found, len(t)) if starts[i] and t.startswith(q, i)), -1)
        tier, at = (1, at_word) if at_word >= 0 else (2, found)
        return FuzzyMatch(tier, -at, tuple(range(at, at + len(q))))
    return _scattered(q.replace(" ", ""), t, starts)


def _scattered(q: str, t: str, starts: list[bool]) -> FuzzyMatch | None:
    """The best subsequence match: word starts and runs score, gaps cost (a small DP)."""
    word_bonus, run_bonus, gap_cost = 8, 5, 1
    neg = -(10**9)
    n = len(t)
    prev = [neg] * n
    parents: list[list[int]] = []
    for i, ch in enumerate(q):
        cur = [neg] * n
        back = [-1] * n
        best, best_at = neg, -1  # best of prev[k] for k < j - 1
        for j in range(n):
            if j >= 2 and prev[j - 2] > best:
                best, best_at = prev[j - 2], j - 2
            if t[j] != ch:
                continue
            gain = word_bonus if starts[j] else 0
            if i == 0:
                cur[j] = gain - j * gap_cost // 4
                continue
            run = prev[j - 1] + run_bonus if j >= 1 and prev[j - 1] > neg else neg
            jump = best - gap_cost if best > neg else neg
            if max(run, jump) == neg:
                continue
            cur[j], back[j] = (run + gain, j - 1) if run >= jump else (jump + gain, best_at)
        parents.append(back)
        prev = cur
    end = max(range(n), key=lambda j: prev[j], default=-1)
    if end < 0 or prev[end] == neg:
        return None
    score, positions = prev[end], [end]
    for back in reversed(parents[1:]):
        positions.append(back[positions[-1]])
    return FuzzyMatch(3, score, tuple(reversed(positions)))


def rank(query: str, entries: Sequence[PaletteEntry]) -> list[tuple[PaletteEntry, FuzzyMatch]]:
    """The entries that match ``query``, best first; the match is over the title.

    Title matches come first (prefix, word start, inside, scattered); then entries found
    only by their section or id, in the same order. Ties keep the table order.
    """
    ranked: list[tuple[tuple[int, int, int], PaletteEntry, FuzzyMatch]] = []
    for index, entry in enumerate(entries):
        match = fuzzy_match(query, entry.title)
        if match is not None:
            ranked.append(((match.tier, -match.score, index), entry, match))
            continue
        others = [
            m
            for m in (
                fuzzy_match(query, entry.section),
                fuzzy_match(query, entry.action_id.replace("_", " ")),
            )
            if m is not None
        ]
        if others:
            best = min(others, key=lambda m: (m.tier, -m.score))
            ranked.append(((4 + best.tier, -best.score, index), entry, FuzzyMatch(4, 0, ())))
    ranked.sort(key=lambda r: r[0])
    return [(entry, match) for _, entry, match in ranked]
