"""``DemoServer``: the demo API on a loopback port, served from its own thread and loop.

```python
with DemoServer(tokens_per_second=0) as server:
    client = anthropic.Anthropic(api_key="test-key", base_url=server.base_url)
```
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import threading
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from desktop_chat.demo.errors import ApiError
from desktop_chat.demo.files import MAX_FILE_BYTES, Multipart
from desktop_chat.demo.http11 import (
    MAX_HEAD_BYTES,
    MalformedRequestError,
    RequestHead,
    read_body,
    read_head,
    response_head,
)
from desktop_chat.demo.routes import Hangup, JsonResponse, Response, Router, StreamResponse
from desktop_chat.demo.streaming import send, write_stream
from desktop_chat.demo.wire import error_body, new_request_id

log = logging.getLogger(__name__)

MAX_REQUEST_BYTES = 32 * 1024 * 1024
"""The Messages API's request size limit."""

ORGANIZATION_ID = "00000000-0000-4000-8000-00000000de30"
_START_TIMEOUT = 10.0
_CLOSE_TIMEOUT = 2.0
_SHUTDOWN_ROUNDS = 20
_QUIET_ROUNDS = 3


@dataclass(frozen=True)
class RecordedRequest:
    """A request as received: headers lower-cased, body parsed from JSON (None if not JSON;
    a ``Multipart`` for a form upload)."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any
    query: dict[str, str] = field(default_factory=dict)


FILES_MAX_REQUEST_BYTES = MAX_FILE_BYTES + 1024 * 1024  # an upload and its form


class DemoServer:
    """A Messages-API-compatible server on ``127.0.0.1`` for the demo mode and the tests.

    Args:
        tokens_per_second: pace of the deltas (one delta is about one token); 0 = no pacing.
        stall_seconds: how long the ``stall`` scenario stays silent before closing.
        host: address to bind.
        port: port to bind; 0 picks a free one.
        ping_interval: seconds between ``ping`` events while a stream runs (besides the
            one right after ``message_start``); 0 = only that first one.
        max_request_bytes: bodies larger than this are refused with a 413.
    """

    def __init__(
        self,
        tokens_per_second: float = 60.0,
        stall_seconds: float = 30.0,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        ping_interval: float = 5.0,
        max_request_bytes: int = MAX_REQUEST_BYTES,
    ) -> None:
        self.tokens_per_second = tokens_per_second
        self.stall_seconds = stall_seconds
        self.ping_interval = ping_interval
        self.max_request_bytes = max_request_bytes
        self.requests: list[RecordedRequest] = []
        self._host = host
        self._requested_port = port
        self._port: int | None = None
        self._record_lock = threading.Lock()
        self._router = Router()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._ready = threading.Event()
        self._startup_error: BaseException | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._sockets: set[socket.socket] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._closing = False

    # section: lifecycle

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("DemoServer is not running; call start() first")
        return self._port

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``, without ``/v1`` (the SDK adds it)."""
        return f"http://{self._host}:{self.port}"

    def start(self) -> None:
        """Bind and serve from a daemon thread; returns once the port is listening."""
        if self._thread is not None:
            raise RuntimeError("DemoServer already started")
        self._ready.clear()
        self._startup_error = None
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="demo-server", daemon=True)
        self._thread.start()
        if not self._ready.wait(_START_TIMEOUT):
            raise RuntimeError("DemoServer did not start listening in time")
        if self._startup_error is not None:
            self._thread.join()
            self._thread = None
            raise RuntimeError("DemoServer could not start") from self._startup_error

    def stop(self) -> None:
        """Close the port and every connection, open streams included; wait for the thread."""
        thread, loop, stopping = self._thread, self._loop, self._stopping
        if thread is None:
            return
        if loop is not None and stopping is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop may have just closed
                loop.call_soon_threadsafe(stopping.set)
        thread.join()
        self._thread = None
        self._port = None

    def __enter__(self) -> DemoServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _run(self) -> None:
        # A selector loop whatever the policy says: the app may install a Qt loop policy,
        # and Windows' default proactor loop has no add_reader.
        loop = asyncio.SelectorEventLoop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve())
        except BaseException as exc:  # reported to start(); a thread must not raise
            if not self._ready.is_set():
                self._startup_error = exc
                self._ready.set()
            else:
                log.exception("demo server failed")
        finally:
            try:
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.run_until_complete(loop.shutdown_default_executor())
            finally:
                loop.close()

    async def _serve(self) -> None:
        # Not asyncio.start_server: on Python 3.11 a connection accepted just before
        # Server.close() fails an assertion in Server._attach() and its socket is never
        # closed (a ResourceWarning). Accepting here, every socket is ours to close.
        loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        listener = socket.create_server((self._host, self._requested_port))
        listener.setblocking(False)
        self._port = int(listener.getsockname()[1])
        loop.add_reader(listener.fileno(), self._on_acceptable, listener)
        self._ready.set()
        try:
            await self._stopping.wait()
        finally:
            self._closing = True
            loop.remove_reader(listener.fileno())
            listener.close()
            await self._close_connections()

    async def _close_connections(self) -> None:
        """Abort every connection, cancel every handler, and wait until each socket is shut.

        Sockets close in a callback after ``abort()``; the loop must run it before it stops,
        or the socket is left for the garbage collector (a ResourceWarning).
        """
        for _ in range(_SHUTDOWN_ROUNDS):
            writers, tasks = list(self._writers), list(self._tasks)
            if not writers and not tasks:
                break
            for writer in writers:
                writer.transport.abort()
            for task in tasks:
                task.cancel()
            waits = [*tasks, *(writer.wait_closed() for writer in writers)]
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(
                    asyncio.gather(*waits, return_exceptions=True), _CLOSE_TIMEOUT
                )
            self._writers.difference_update(writers)
        for conn in self._sockets:  # accepted, but its handler was cancelled before it ran
            conn.close()
        self._sockets.clear()
        for _ in range(_QUIET_ROUNDS):
            await asyncio.sleep(0)

    # section: connections

    def _on_acceptable(self, listener: socket.socket) -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                log.warning("demo server could not accept a connection", exc_info=True)
                return
            if self._closing:
                conn.close()
                continue
            conn.setblocking(False)
            self._sockets.add(conn)
            task = asyncio.get_running_loop().create_task(self._serve_socket(conn))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _serve_socket(self, conn: socket.socket) -> None:
        try:
            reader, writer = await asyncio.open_connection(sock=conn, limit=MAX_HEAD_BYTES)
        except (OSError, asyncio.CancelledError):
            conn.close()
            self._sockets.discard(conn)
            return
        self._sockets.discard(conn)  # its transport owns it now
        self._writers.add(writer)
        try:
            while not self._closing and await self._serve_one(reader, writer):
                pass
        except (ConnectionError, MalformedRequestError, asyncio.CancelledError):
            pass
        finally:
            await self._close(writer)
            self._writers.discard(writer)

    async def _close(self, writer: asyncio.StreamWriter) -> None:
        writer.close()
        try:
            await asyncio.wait_for(writer.wait_closed(), _CLOSE_TIMEOUT)
        except (ConnectionError, TimeoutError, asyncio.CancelledError):
            writer.transport.abort()

    def _record(self, head: RequestHead, body: Any) -> None:
        with self._record_lock:
            self.requests.append(
                RecordedRequest(head.method, head.path, dict(head.headers), body, dict(head.query))
            )

    async def _serve_one(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        """Answer one request; True if the connection stays open for another."""
        head = await read_head(reader)
        if head is None:
            return False
        request_id = new_request_id()
        limit = self.max_request_bytes
        if head.path.rstrip("/") == "/v1/files":
            limit = FILES_MAX_REQUEST_BYTES
        if not head.chunked and head.content_length > limit:
            self._record(head, None)
            too_large = ApiError(413, "Request exceeds the maximum allowed number of bytes.")
            await self._write_json(
                writer, _error_response(too_large, request_id), request_id, False
            )
            return False
        raw = await read_body(reader, head, limit)
        content_type = head.headers.get("content-type", "")
        body: Any
        if content_type.startswith("multipart/form-data"):
            body = Multipart(content_type, raw)
        else:
            body = _parse_json(raw)
        self._record(head, body)
        response: Response
        try:
            response = self._router.handle(head, body)
        except ApiError as error:
            response = _error_response(error, request_id)
        match response:
            case JsonResponse():
                return await self._write_json(writer, response, request_id, head.keep_alive)
            case StreamResponse():
                return await self._write_stream(writer, response, request_id, head.keep_alive)
            case Hangup(stall=stall):
                if stall:
                    await asyncio.sleep(self.stall_seconds)
                return False

    async def _write_json(
        self,
        writer: asyncio.StreamWriter,
        response: JsonResponse,
        request_id: str,
        keep_alive: bool,
    ) -> bool:
        body = response.encoded()
        headers = [
            ("content-type", "application/json"),
            ("content-length", str(len(body))),
            ("request-id", request_id),
            ("anthropic-organization-id", ORGANIZATION_ID),
            ("connection", "keep-alive" if keep_alive else "close"),
            *response.headers.items(),
        ]
        await send(writer, response_head(response.status, headers) + body)
        return keep_alive

    async def _write_stream(
        self,
        writer: asyncio.StreamWriter,
        response: StreamResponse,
        request_id: str,
        keep_alive: bool,
    ) -> bool:
        chunked = not response.close_delimited
        keep_alive = keep_alive and chunked
        headers = [
            ("content-type", "text/event-stream; charset=utf-8"),
            ("cache-control", "no-cache"),
            ("request-id", request_id),
            ("anthropic-organization-id", ORGANIZATION_ID),
            *response.headers.items(),
        ]
        if chunked:
            headers.append(("transfer-encoding", "chunked"))
        headers.append(("connection", "keep-alive" if keep_alive else "close"))
        await send(writer, response_head(200, headers))
        tps = response.tokens_per_second
        clean = await write_stream(
            writer,
            response.steps,
            chunked=chunked,
            tokens_per_second=self.tokens_per_second if tps is None else tps,
            stall_seconds=self.stall_seconds,
            ping_interval=self.ping_interval,
        )
        return clean and keep_alive


def _parse_json(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _error_response(error: ApiError, request_id: str) -> JsonResponse:
    return JsonResponse(
        error.status, error_body(error.error_type, error.message, request_id), error.headers
    )
