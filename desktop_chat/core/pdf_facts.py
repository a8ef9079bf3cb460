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
from dataclasses import dataclass

MAX_INFLATED = 64 * 1024 * 1024  # bytes of object streams inflated per PDF, at most

_HEADER = re.compile(rb"%PDF-\d\.\d")
_PAGES_COUNT = re.compile(rb"/Type\s*/Pages\b(?:(?!endobj).){0,4000}?/Count\s+(\d+)", re.S)
_COUNT_PAGES = re.compile(rb"/Count\s+(\d+)(?:(?!endobj).){0,4000}?/Type\s*/Pages\b", re.S)
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_TRAILERS = re.compile(rb"trailer\s*<<|/Type\s*/XRef\b")
_ENCRYPT = re.compile(rb"/Encrypt\s*(?:\d+\s+\d+\s+R|<<)")
_OBJSTM = re.compile(rb"/Type\s*/ObjStm\b[^>]*(?:>>[^s]*?)?>>\s*stream\r?\n", re.S)


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
    encrypted = any(
        _ENCRYPT.search(data, m.start(), m.start() + 4096) for m in _TRAILERS.finditer(data)
    )
    pages = _count_pages(data)
    if pages == 0 and not encrypted:
        pages = _count_pages(b"\n".join(_object_streams(data)))
    return PdfFacts(pages=pages, encrypted=encrypted, complete=complete)


def _count_pages(data: bytes) -> int:
    counts = [int(m.group(1)) for m in _PAGES_COUNT.finditer(data)]
    counts += [int(m.group(1)) for m in _COUNT_PAGES.finditer(data)]
    if counts:
        return max(counts)
    return len(_PAGE.findall(data))


def _object_streams(data: bytes) -> list[bytes]:
    """The inflated contents of the compressed object streams, ``MAX_INFLATED`` at most."""
    out: list[bytes] = []
    budget = MAX_INFLATED
    for match in _OBJSTM.finditer(data):
        end = data.find(b"endstream", match.end())
        if end < 0:
            break
        inflater = zlib.decompressobj()
        try:
            chunk = inflater.decompress(data[match.end() : end], budget)
        except zlib.error:
            continue
        out.append(chunk)
        budget -= len(chunk)
        if budget <= 0:
            break
    return out
