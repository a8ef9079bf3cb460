"""What a PDF is, read from its bytes without a PDF library: pages, encryption, whole or not.

Only what the API's limits ask about is read. The page count is the largest ``/Count`` of a
``/Type /Pages`` node (the root's is the whole document's), else the number of ``/Type
/Page`` objects; objects packed in compressed object streams (PDF 1.5+) are looked at too,
inflated with a bound on how much. A PDF is encrypted when a trailer (or an xref stream's
dictionary, which stands for one) names ``/Encrypt``.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

MAX_INFLATED = 64 * 1024 * 1024  # bytes of object streams inflated per PDF, at most

_HEADER = re.compile(rb"%PDF-\d\.\d")
_PAGES_TYPE = re.compile(rb"/Type\s*/Pages\b")
_COUNT = re.compile(rb"/Count\s+(\d+)")
_PAGE_TYPE = re.compile(rb"/Type\s*$")
_ENCRYPT = re.compile(rb"/Encrypt\s*(?:\d+\s+\d+\s+R|<<)")
_OBJSTM_DICT = re.compile(rb"/Type\s*/ObjStm\b")
_STREAM = re.compile(rb"stream\r?\n")
CHUNK = 256 * 1024  # bytes searched per call: a worker thread lets go of the GIL between
_DICT_REACH = 2000  # bytes around a key looked at for the rest of its dictionary


def _positions(data: bytes, needle: bytes) -> Iterator[int]:
    """Where ``needle`` occurs in ``data``, searched a chunk at a time.

    Each search is one C call that holds the GIL; bounded, it lets the UI thread run in
    between when this runs in a worker thread (one regex over 30 MB held it 80 ms).
    """
    at, size = 0, len(data)
    while at < size:
        stop = min(size, at + CHUNK + len(needle))
        found = data.find(needle, at, stop)
        if found < 0:
            at = stop - len(needle) + 1 if stop < size else size
            continue
        yield found
        at = found + 1


@dataclass(frozen=True)
class PdfFacts:
    """What was found: ``pages`` (0 when none could be counted), ``encrypted``, and
    ``complete`` (the file ends with ``%%EOF``, as a whole PDF does)."""

    pages: int
    encrypted: bool
    complete: bool


def is_pdf(data: bytes) -> bool:
    """Whether ``data`` starts as a PDF does (``%PDF-1.x`` within its first kilobyte)."""
    return _HEADER.search(data[:1024]) is not None


def pdf_facts(data: bytes) -> PdfFacts:
    """The facts of the PDF ``data`` (check :func:`is_pdf` first)."""
    complete = b"%%EOF" in data[-2048:]
    trailers = [*_positions(data, b"trailer"), *_positions(data, b"/XRef")]
    encrypted = any(_ENCRYPT.search(data, at, at + 4096) for at in trailers)
    pages = _count_pages(data)
    if pages == 0 and not encrypted:
        pages = _count_pages(b"\n".join(_object_streams(data)))
    return PdfFacts(pages=pages, encrypted=encrypted, complete=complete)


def _count_pages(data: bytes) -> int:
    counts = []
    for at in _positions(data, b"/Count"):
        around = data[max(0, at - _DICT_REACH) : at + _DICT_REACH]
        match = _COUNT.match(data, at)
        if match and _PAGES_TYPE.search(around):
            counts.append(int(match.group(1)))
    if counts:
        return max(counts)
    pages = 0
    for at in _positions(data, b"/Page"):
        after = data[at + 5 : at + 6]
        if (not after or not after.isalpha()) and _PAGE_TYPE.search(data, max(0, at - 64), at):
            pages += 1
    return pages


def _object_streams(data: bytes) -> list[bytes]:
    """The inflated contents of the compressed object streams, ``MAX_INFLATED`` at most."""
    out: list[bytes] = []
    budget = MAX_INFLATED
    for at in _positions(data, b"/ObjStm"):
        if not _OBJSTM_DICT.search(data, max(0, at - 64), at + 8):
            continue
        begin = _STREAM.search(data, at, at + _DICT_REACH)
        if begin is None:
            continue
        end = data.find(b"endstream", begin.end())
        if end < 0:
            break
        inflater = zlib.decompressobj()
        try:
            chunk = inflater.decompress(data[begin.end() : end], budget)
        except zlib.error:
            continue
        out.append(chunk)
        budget -= len(chunk)
        if budget <= 0:
            break
    return out
