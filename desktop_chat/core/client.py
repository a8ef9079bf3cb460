"""The API client: build it, stream one turn through it, and say in plain words what failed.

``anthropic`` takes about a second to import, so nothing here imports it at module level:
the window paints first, and ``sdk_warmup.load_sdk()`` runs in a worker thread meanwhile.
"""

from __future__ import annotations

import asyncio
import html
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from desktop_chat.core.i18n import translate
from desktop_chat.core.redaction import redact
from desktop_chat.core.stream import TurnSnapshot, Update, fold

if TYPE_CHECKING:
    import ssl

    from anthropic import AsyncAnthropic

BASE_URL_ENV = "ANTHROPIC_BASE_URL"
YIELD_EVERY_S = 0.004  # reading a stream gives the event loop a turn at least this often
API_KEY_ENV = "ANTHROPIC_API_KEY"


def make_client(
    *,
    api_key: str,
    base_url: str | None = None,
    timeout_s: float = 600.0,
    max_retries: int = 2,
    tls: ssl.SSLContext | None = None,
) -> AsyncAnthropic:
    """An ``AsyncAnthropic`` for ``base_url``, else ``ANTHROPIC_BASE_URL``, else the real API.

    ``tls``: a context made by :func:`ssl_context` (else the client builds its own, which
    takes about 50 ms of the calling thread).
    """
    import anthropic  # slow import, kept off start-up
    import httpx2

    return anthropic.AsyncAnthropic(
        api_key=api_key,
        base_url=base_url or os.environ.get(BASE_URL_ENV) or None,
        # The read timeout is the longest silence we wait through mid-stream.
        timeout=httpx2.Timeout(timeout_s, connect=10.0),
        max_retries=max_retries,
        # The SDK's own HTTP client (its limits, keep-alive, proxies from the environment),
        # given the shared TLS context.
        http_client=None if tls is None else anthropic.DefaultAsyncHttpxClient(verify=tls),
    )


class ErrorKind(StrEnum):
    AUTH = "auth"
    BILLING = "billing"
    PERMISSION = "permission"
    NOT_FOUND = "not_found"
    BAD_REQUEST = "bad_request"
    TOO_LARGE = "too_large"
    RATE_LIMIT = "rate_limit"
    OVERLOADED = "overloaded"
    SERVER = "server"
    CONNECTION = "connection"
    TIMEOUT = "timeout"
    DROPPED = "dropped"
    INCOMPLETE = "incomplete"
    INVALID_RESPONSE = "invalid_response"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class TurnError:
    """Why a turn did not complete, in words for the user."""

    kind: ErrorKind
    message: str
    retryable: bool
    retry_after_s: float | None = None
    status_code: int | None = None
    request_id: str | None = None


SILENCE_NOTICE_S = 15.0
"""After this long with nothing from the server (no event, not even a ping), say so."""


def silence_text(waited_s: float, stop_key: str) -> str:
    """What to show while a request waits on a silent server: how long, and how to stop.

    The UI shows it once ``waited_s`` reaches ``SILENCE_NOTICE_S`` and updates it every
    second or so; ``stop_key`` is the live binding of "stop".
    """
    return translate(
        "Client", "Nothing has arrived yet after {round} s; {stop_key} stops waiting."
    ).format(round=round(waited_s), stop_key=stop_key)


async def stream_turn(
    client: AsyncAnthropic,
    params: dict[str, Any],
    snapshot: TurnSnapshot,
    on_update: Callable[[Update], None],
) -> TurnError | None:
    """Stream one reply into ``snapshot``, calling ``on_update`` per visible change.

    Returns ``None`` when the reply completed (``message_stop`` arrived), else the reason.
    Whatever arrived stays in ``snapshot``. Cancelling the task stops the stream at once.
    A response that is not an event stream (an HTML error page sent with status 200, say)
    is not read as one: the error says what came back, and is not retried by itself.
    """
    try:
        async with client.messages.stream(**params) as stream:
            snapshot.request_id = stream.request_id
            response = stream.response
            content_type = response.headers.get("content-type", "")
            if content_type and "text/event-stream" not in content_type.lower():
                return _not_a_stream(
                    response.status_code, content_type, await _excerpt(response), snapshot
                )
            turn_at = time.monotonic() + YIELD_EVERY_S
            async for event in stream:
                update = fold(snapshot, event)
                if update is not None:
                    on_update(update)
                # Events already read arrive without a pause: a fast server would keep this
                # task running, and keys, Esc and paints waiting, for as long as it sends.
                if time.monotonic() >= turn_at:
                    await asyncio.sleep(0)
                    turn_at = time.monotonic() + YIELD_EVERY_S
    except Exception as exc:  # every failure becomes words; the partial reply stays
        if snapshot.completed:
            return None  # message_stop arrived: the reply is whole; a fault after it loses nothing
        return classify(exc, snapshot)
    if snapshot.message_id is None:
        # Not one event: retrying by itself would only add empty replies.
        return TurnError(
            ErrorKind.INVALID_RESPONSE,
            translate("Client", "The server ended the response without sending any of the reply."),
            retryable=True,
            request_id=snapshot.request_id,
        )
    if not snapshot.completed:
        return TurnError(
            ErrorKind.INCOMPLETE,
            translate("Client", "The connection ended before the reply was complete."),
            retryable=True,
            request_id=snapshot.request_id,
        )
    return None


_EXCERPT_BYTES = 4096
_EXCERPT_CHARS = 160


async def _excerpt(response: Any) -> str:
    """The first words of a body that is not an event stream, as one line of plain text."""
    data = b""
    try:
        async for chunk in response.aiter_bytes():
            data += chunk
            if len(data) >= _EXCERPT_BYTES:
                break
    except Exception:  # what came before the fault is excerpt enough
        pass
    return _plain_excerpt(data)


def _plain_excerpt(data: bytes) -> str:
    """The title and first words of an HTML page (or any text), on one line, shortened."""
    text = data[:_EXCERPT_BYTES].decode("utf-8", "replace")
    title = re.search(r"<title[^>]*>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
    if title:
        text = title.group(1) + " " + text[title.end() :]
    text = re.sub(r"<(script|style)\b.*?</\1\s*>", " ", text, flags=re.IGNORECASE | re.DOTALL)
    text = " ".join(html.unescape(re.sub(r"<[^>]*>", " ", text)).split())
    if len(text) > _EXCERPT_CHARS:
        text = text[:_EXCERPT_CHARS].rstrip() + "…"
    return text


def _html_page_note(response: Any) -> str:
    """For an error response that is an HTML page (a proxy's, not the API's): a sentence
    quoting it; else ""."""
    try:
        if "html" not in response.headers.get("content-type", "").lower():
            return ""
        excerpt = _plain_excerpt(response.content)
    except Exception:  # a body not read, or none: nothing to quote
        return ""
    said = f": “{excerpt}”" if excerpt else ""
    return translate(
        "Client",
        " The server sent an HTML page{said}; a proxy or the base URL answered, not the API.",
    ).format(said=said)


def _not_a_stream(
    status: int, content_type: str, excerpt: str, snapshot: TurnSnapshot
) -> TurnError:
    kind_of_body = content_type.split(";")[0].strip() or translate(
        "Client", "an unknown kind of body"
    )
    what = translate("Client", "an HTML page") if "html" in kind_of_body else kind_of_body
    said = f": “{excerpt}”" if excerpt else ""
    return TurnError(
        ErrorKind.INVALID_RESPONSE,
        redact(
            translate(
                "Client",
                "The server sent {what} (HTTP {status}) instead of the reply{said}. Something "
                "between this app and the API (a proxy, or the base URL) answered.",
            ).format(what=what, status=status, said=said)
        ),
        retryable=False,
        status_code=status,
        request_id=snapshot.request_id,
    )


_STATUS_KINDS: dict[int, tuple[ErrorKind, str, bool]] = {
    400: (
        ErrorKind.BAD_REQUEST,
        translate("Client", "The API refused the request: {detail}"),
        False,
    ),
    401: (
        ErrorKind.AUTH,
        translate("Client", "The API key was not accepted. Check or replace it in Settings."),
        False,
    ),
    402: (
        ErrorKind.BILLING,
        translate(
            "Client",
            "The account has no credit left for the API (402): {detail} Add credit, then retry.",
        ),
        False,
    ),
    403: (
        ErrorKind.PERMISSION,
        translate("Client", "This API key may not use that: {detail}"),
        False,
    ),
    404: (
        ErrorKind.NOT_FOUND,
        translate("Client", "Not found: {detail} (is the model name right?)"),
        False,
    ),
    413: (
        ErrorKind.TOO_LARGE,
        translate(
            "Client",
            "The request is too large for the API. Start a new conversation or shorten it.",
        ),
        False,
    ),
    429: (ErrorKind.RATE_LIMIT, translate("Client", "Rate limit reached: {detail}"), True),
    504: (
        ErrorKind.SERVER,
        translate("Client", "The API took too long to answer (HTTP 504). Try again."),
        True,
    ),
    529: (
        ErrorKind.OVERLOADED,
        translate("Client", "The API is overloaded right now. Try again shortly."),
        True,
    ),
}

_BODY_TYPES: dict[str, tuple[ErrorKind, str]] = {
    "overloaded_error": (
        ErrorKind.OVERLOADED,
        translate("Client", "The API is overloaded right now."),
    ),
    "rate_limit_error": (ErrorKind.RATE_LIMIT, translate("Client", "Rate limit reached.")),
    "api_error": (ErrorKind.SERVER, translate("Client", "The API had an internal error.")),
}


def classify(exc: BaseException, snapshot: TurnSnapshot | None = None) -> TurnError:
    """Plain words for any failure of a streamed turn (never a traceback, never the key:
    every message goes through ``redact``, as it may quote the server)."""
    error = _classify(exc, snapshot)
    return replace(error, message=redact(error.message))


def _classify(exc: BaseException, snapshot: TurnSnapshot | None) -> TurnError:
    import anthropic
    import httpx2

    started = snapshot is not None and snapshot.message_id is not None
    request_id = snapshot.request_id if snapshot is not None else None
    cut = translate("Client", " What arrived is kept.") if started else ""

    if isinstance(exc, anthropic.APIStatusError):
        request_id = exc.request_id or request_id
        detail = _error_detail(exc)
        if exc.status_code == 200:
            # `event: error` in a stream that had begun (DESIGN.md): the SDK raises a status
            # error carrying the 200 of the stream's response.
            kind, words = _BODY_TYPES.get(
                _error_type(exc),
                (
                    ErrorKind.SERVER,
                    translate("Client", "The API reported an error: {detail}.").format(
                        detail=detail
                    ),
                ),
            )
            return TurnError(kind, words + cut, retryable=True, request_id=request_id)
        retry_after = _retry_after(exc.response.headers)
        kind, words, retryable = _STATUS_KINDS.get(
            exc.status_code,
            (ErrorKind.SERVER, "The API failed (HTTP {status}): {detail}", True),
        )
        if exc.status_code >= 500 and exc.status_code not in _STATUS_KINDS:
            kind, words, retryable = (
                ErrorKind.SERVER,
                translate("Client", "The API failed (HTTP {status}). Try again."),
                True,
            )
        elif 400 <= exc.status_code < 500 and exc.status_code not in _STATUS_KINDS:
            kind, words, retryable = (
                ErrorKind.BAD_REQUEST,
                translate("Client", "The API refused the request (HTTP {status}): {detail}"),
                False,
            )
        return TurnError(
            kind,
            words.format(detail=detail, status=exc.status_code)
            + _html_page_note(exc.response)
            + cut,
            retryable=retryable,
            retry_after_s=retry_after,
            status_code=exc.status_code,
            request_id=request_id,
        )
    if isinstance(exc, anthropic.APITimeoutError | httpx2.TimeoutException):
        return TurnError(
            ErrorKind.TIMEOUT,
            (
                "The reply stalled: no data arrived in time."
                if started
                else "The API did not answer in time."
            )
            + cut,
            retryable=True,
            request_id=request_id,
        )
    if isinstance(exc, anthropic.APIConnectionError) and (
        loop := _cause(exc, httpx2.TooManyRedirects)
    ):
        where = _redirect_target(loop)
        return TurnError(
            ErrorKind.CONNECTION,
            translate(
                "Client",
                "The server{where} redirects in a loop, so the API was never reached. Check the "
                "base URL in Settings (or the proxy).",
            ).format(where=where),
            retryable=False,
            request_id=request_id,
        )
    if isinstance(exc, anthropic.APIConnectionError):
        return TurnError(
            ErrorKind.CONNECTION,
            translate(
                "Client",
                "Could not reach the API. Check your network connection (or the base URL).",
            ),
            retryable=True,
            request_id=request_id,
        )
    if isinstance(exc, httpx2.TransportError):
        return TurnError(
            ErrorKind.DROPPED,
            "The connection dropped in the middle of the reply." + cut,
            retryable=True,
            request_id=request_id,
        )
    if isinstance(exc, ValueError | KeyError | IndexError | TypeError):
        # Bad JSON in an SSE event or in a tool's streamed input, or events out of order.
        return TurnError(
            ErrorKind.INVALID_RESPONSE,
            "The API sent a response this app could not read." + cut,
            retryable=True,
            request_id=request_id,
        )
    return TurnError(
        ErrorKind.UNKNOWN,
        translate("Client", "The reply failed: {__name__}.").format(__name__=type(exc).__name__)
        + cut,
        retryable=True,
        request_id=request_id,
    )


def _cause(exc: BaseException, kind: type[BaseException]) -> BaseException | None:
    """The first exception of ``kind`` in ``exc``'s chain of causes, if any."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kind):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _redirect_target(exc: BaseException) -> str:
    request = getattr(exc, "_request", None)
    url = getattr(request, "url", None)
    host = getattr(url, "host", None)
    return f" at {host}" if host else ""


def _error_type(exc: Any) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict):
            return str(error.get("type", ""))
    return str(getattr(exc, "type", "") or "")


def _error_detail(exc: Any) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict) and error.get("message"):
            return str(error["message"])
    return translate("Client", "no details given")


def _retry_after(headers: Any) -> float | None:
    try:
        if ms := headers.get("retry-after-ms"):
            return float(ms) / 1000.0
        if seconds := headers.get("retry-after"):
            return float(seconds)
    except (TypeError, ValueError):
        return None
    return None
