"""A conversation of 10^6 messages: what opening its end costs, through the store's paging.

    .venv/bin/python benchmarks/huge_conversation.py [--messages 1000000] [--home DIR]

Builds (once per ``--home``; a temp folder by default) a data folder whose newest
conversation has ``--messages`` messages: questions and replies linked parent to child,
with a few regenerated replies near the end. The rows are written with SQL in the store's
own schema (with its search triggers, so the index is real); going through
``add_conversations`` would take minutes and measure the import, not the opening.

Then, each in a fresh process, prints one JSON line per figure: the seconds and the peak
resident memory (MB) of

- ``baseline``: importing the store and opening an empty database;
- ``start``: opening this database and what start-up reads: the newest conversation's last
  message's status (``newest_path_end``) and the first page of the list;
- ``tail``: ``load_tail(id, 100)``: the last 100 messages of the path with sibling ids;
- ``before``: ``load_before`` 100 messages from the middle of the path;
- ``load`` (``--load``): ``load(id)``, the whole conversation, for comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CONVERSATION = "huge-conversation"


def build(home: Path, messages: int) -> None:
    os.environ["DESKTOP_CHAT_HOME"] = str(home)
    from desktop_chat.core.store import Store

    with Store.open() as store:
        if store.existing_conversation_ids([CONVERSATION]):
            return
        path = store.path
        store.save_conversation(_small_conversation())
    started = time.perf_counter()
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    db.execute(
        "INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)",
        (CONVERSATION, "A very long conversation", 1.0, time.time() + 10),
    )
    usage = json.dumps({"input_tokens": 10, "output_tokens": 20})
    db.execute(
        """
        INSERT INTO messages (id, conversation_id, position, role, content, status, usage,
                              metrics, created_at, parent_id)
        WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
        SELECT 'm' || i, ?, i, CASE i % 2 WHEN 0 THEN 'user' ELSE 'assistant' END,
               json_array(json_object('type', 'text', 'text',
                   'Message ' || i || ': the river runs past the mill and the old bridge.')),
               'complete', ?, '{}', 1.0 + i, CASE WHEN i = 0 THEN NULL ELSE 'm' || (i - 1) END
        FROM n
        """,
        (messages, CONVERSATION, usage),
    )
    # Three variants of the reply before last: the notes under it say "1 of 4".
    for v in range(3):
        db.execute(
            "INSERT INTO messages (id, conversation_id, position, role, content, status,"
            " created_at, parent_id) VALUES (?, ?, ?, 'assistant', ?, 'complete', 1.0, ?)",
            (
                f"variant{v}",
                CONVERSATION,
                messages + v,
                '[{"type":"text","text":"v"}]',
                f"m{messages - 4}",
            ),
        )
    db.execute(
        "UPDATE conversations SET current_id = ? WHERE id = ?", (f"m{messages - 1}", CONVERSATION)
    )
    db.execute("COMMIT")
    db.close()
    print(
        json.dumps(
            {
                "built_messages": messages,
                "seconds": round(time.perf_counter() - started, 1),
                "db_mb": round(path.stat().st_size / 1e6),
            }
        ),
        flush=True,
    )


def _small_conversation():  # type: ignore[no-untyped-def]
    from desktop_chat.core.conversation import Conversation

    return Conversation(title="a short one", created_at=0.5)


def measure(figure: str) -> dict[str, object]:
    started = time.perf_counter()
    from desktop_chat.core.store import Store

    with Store.open() as store:
        opened = time.perf_counter() - started
        if figure == "start":
            store.mark_streaming_as_interrupted()
            t0 = time.perf_counter()
            end = store.newest_path_end()
            t1 = time.perf_counter()
            store.list_conversations(limit=50)
            t2 = time.perf_counter()
            detail: object = {
                "end": end and end.message_id,
                "newest_path_end_ms": round((t1 - t0) * 1000, 2),
                "list_conversations_ms": round((t2 - t1) * 1000, 2),
                "open_ms": round(opened * 1000, 2),
            }
        elif figure == "tail":
            t0 = time.perf_counter()
            page = store.load_tail(CONVERSATION, 100)
            detail = {
                "load_tail_ms": round((time.perf_counter() - t0) * 1000, 2),
                "messages": len(page.messages),
                "has_more": page.has_more,
                "with_siblings": len(page.siblings),
            }
        elif figure == "before":
            mid = store.load_tail(CONVERSATION, 1).messages[0].id
            count = int(mid[1:]) // 2
            t0 = time.perf_counter()
            page = store.load_before(CONVERSATION, f"m{count}", 100)
            detail = {
                "load_before_ms": round((time.perf_counter() - t0) * 1000, 2),
                "messages": len(page.messages),
                "first": page.messages[0].id,
            }
        elif figure == "load":
            detail = {"messages": len(store.load(CONVERSATION).messages)}
        else:
            detail = None
        closing = time.perf_counter()
    if isinstance(detail, dict):
        detail["close_ms"] = round((time.perf_counter() - closing) * 1000, 2)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "figure": figure,
        "seconds": round(seconds, 4),
        "peak_rss_mb": round(peak, 1),
        "detail": detail,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--home", type=Path)
    parser.add_argument("--load", action="store_true")
    parser.add_argument("--figure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.figure:
        print(json.dumps(measure(args.figure)), flush=True)
        return
    home = args.home or Path(tempfile.mkdtemp(prefix="huge-conversation-"))
    build(home, args.messages)
    figures = ["baseline", "start", "tail", "before"] + (["load"] if args.load else [])
    with tempfile.TemporaryDirectory() as empty:
        for figure in figures:
            env = {**os.environ, "DESKTOP_CHAT_HOME": empty if figure == "baseline" else str(home)}
            done = subprocess.run(
                [sys.executable, __file__, "--figure", figure],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            print(done.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
