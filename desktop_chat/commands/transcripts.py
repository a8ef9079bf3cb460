"""``desktop-chat export | import | list``: transcripts from the command line, no window.

Imports nothing from Qt, so it starts fast. Errors are one line on stderr and exit code 1
(2 for a wrong command line); never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import NoReturn

from desktop_chat.core.conversation import Conversation
from desktop_chat.core.safe_files import write_atomically
from desktop_chat.core.store import Store, StoreError
from desktop_chat.core.store_blobs import BlobShelf
from desktop_chat.core.transcript_attachments import for_export
from desktop_chat.core.transcript_fields import TranscriptError
from desktop_chat.core.transcript_formats import FORMATS
from desktop_chat.core.transcript_html import iter_html
from desktop_chat.core.transcript_import import import_json
from desktop_chat.core.transcript_json import iter_json
from desktop_chat.core.transcript_markdown import iter_markdown


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error instead of usage + error + SystemExit."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


def _parse(parser: _Parser, argv: list[str]) -> argparse.Namespace | int:
    try:
        return parser.parse_args(argv)
    except _UsageError as exc:
        print(exc, file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help
        return exc.code if isinstance(exc.code, int) else 0


def _fail(prog: str, message: str) -> int:
    print(f"{prog}: {message}", file=sys.stderr)
    return 1


# -- export ---------------------------------------------------------------------------------


def _export_parser() -> _Parser:
    parser = _Parser(
        prog="desktop-chat export",
        description="Write conversations as JSON (lossless: `desktop-chat import` reads it "
        "back), Markdown or self-contained HTML.",
    )
    parser.add_argument("--format", "-f", choices=FORMATS, default="json", help="default: json")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="every conversation, oldest first")
    which.add_argument(
        "conversation_id", nargs="?", help="a conversation id, or its first characters"
    )
    parser.add_argument("-o", "--output", type=Path, help="write here (default: stdout)")
    return parser


def _resolve(store: Store, wanted: str) -> str:
    """The id of the conversation ``wanted`` names: an exact id or a unique prefix."""
    if store.existing_conversation_ids([wanted]):
        return wanted
    matches = [i for i in store.conversation_ids() if i.startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise LookupError(f"no conversation {wanted!r} (`desktop-chat list` shows them)")
    raise LookupError(f"{wanted!r} is the start of {len(matches)} conversation ids: give more")


def _write_stdout(chunks: Iterable[str]) -> None:
    # Bytes, not text: UTF-8 and "\n" whatever the console's encoding and platform.
    out = getattr(sys.stdout, "buffer", None)
    if out is None:  # stdout replaced by a text-only stream
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    sys.stdout.flush()
    for chunk in chunks:
        out.write(chunk.encode("utf-8"))
    out.flush()


def run_export(argv: list[str]) -> int:
    parser = _export_parser()
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    try:
        with Store.open() as store:
            with suppress(StoreError):  # a nicety: never a reason not to export
                store.mark_streaming_as_interrupted()  # only if the app is not running
            if args.all:
                conversations: Iterator[Conversation] = store.iter_conversations()
                title = "desktop-chat: all conversations"
            else:
                conv = store.load(_resolve(store, args.conversation_id))
                conversations = iter([conv])
                title = conv.title or "desktop-chat transcript"
            conversations = for_export(
                conversations, args.format, BlobShelf(store.path).read, args.output
            )
            if args.format == "json":
                chunks = iter_json(conversations)
            elif args.format == "md":
                chunks = iter_markdown(conversations)
            else:
                chunks = iter_html(conversations, title=title)
            if args.output is None:
                _write_stdout(chunks)
            else:
                write_atomically(args.output, chunks)
    except (StoreError, LookupError) as exc:
        return _fail(parser.prog, str(exc))
    except BrokenPipeError:
        return 1  # `export | head`: the reader is gone, nothing to say
    except OSError as exc:
        target = args.output or "stdout"
        return _fail(parser.prog, f"cannot write {target}: {exc.strerror or exc}")
    return 0


# -- import ---------------------------------------------------------------------------------


def _progress_line(prog: str) -> Callable[[str], None]:
    """Progress of a long import on stderr: rewritten in place on a terminal, else a line
    each time (a log)."""
    terminal = sys.stderr.isatty()

    def show(text: str) -> None:
        if terminal:
            sys.stderr.write(f"\r{prog}: {text}\x1b[K")
        else:
            sys.stderr.write(f"{prog}: {text}\n")
        sys.stderr.flush()

    return show


def run_import(argv: list[str]) -> int:
    parser = _Parser(
        prog="desktop-chat import",
        description="Add the conversations of a JSON transcript (from `desktop-chat export`). "
        "Existing conversations are never changed: a taken id gets a new one.",
    )
    parser.add_argument("path", help="a JSON transcript, or - for stdin")
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    # A path, not its bytes: import_json lets go of the bytes once decoded (memory).
    source: bytes | Path = Path(args.path)
    try:
        if args.path == "-":
            source = sys.stdin.buffer.read()
        elif not Path(args.path).is_file():
            Path(args.path).read_bytes()  # the reason it cannot be read (OSError)
    except OSError as exc:
        return _fail(parser.prog, f"cannot read {args.path}: {exc.strerror or exc}")
    try:
        with Store.open() as store:
            result = import_json(store, source, progress=_progress_line(parser.prog))
    except OSError as exc:
        return _fail(parser.prog, f"cannot read {args.path}: {exc.strerror or exc}")
    except TranscriptError as exc:
        return _fail(parser.prog, f"{args.path}: {exc}")
    except StoreError as exc:
        return _fail(parser.prog, str(exc))
    if sys.stderr.isatty() and result.message_count >= 10_000:
        sys.stderr.write("\n")  # end the progress line
    n, m = len(result.conversations), result.message_count
    print(f"Imported {n} conversation{'' if n == 1 else 's'} ({m} message{'' if m == 1 else 's'}).")
    for note in result.notes():
        print(note)
    return 0


# -- list -----------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def run_list(argv: list[str]) -> int:
    parser = _Parser(
        prog="desktop-chat list",
        description="Conversations, most recently updated first: id, last update (local "
        "time), number of messages, title.",
    )
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    try:
        with Store.open() as store:
            store.mark_streaming_as_interrupted()
            summaries = store.list_conversations()
    except StoreError as exc:
        return _fail(parser.prog, str(exc))
    lines = [
        f"{s.id}  {time.strftime('%Y-%m-%d %H:%M', time.localtime(s.updated_at))}  "
        f"{s.message_count:>5}  {_one_line(s.title) or '(untitled)'}\n"
        for s in summaries
    ]
    try:
        _write_stdout(lines)
    except BrokenPipeError:
        return 1
    return 0
