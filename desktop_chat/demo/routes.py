"""What the server answers: auth, routing, and the four endpoints.

Handlers return a response description; :mod:`desktop_chat.demo.server` writes it.
Errors are raised as :class:`~desktop_chat.demo.errors.ApiError`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop_chat.demo.errors import ApiError, invalid_request
from desktop_chat.demo.faults import Drop, ErrorEvent, Malformed, Stall, Step, stream_steps
from desktop_chat.demo.files import FileStore
from desktop_chat.demo.http11 import RequestHead
from desktop_chat.demo.model_catalog import model_info, models_page
from desktop_chat.demo.model_rules import check_for_model
from desktop_chat.demo.payloads import message_json, reply_events
from desktop_chat.demo.prompt_cache import PromptCache, check_cache_control, prompt_total
from desktop_chat.demo.rate_limits import rate_limit_headers
from desktop_chat.demo.scenarios import Scenario, compose_reply, select_scenario
from desktop_chat.demo.server_tools import check_web_tools
from desktop_chat.demo.validation import check_messages_request
from desktop_chat.demo.wire import dumps, new_message_id

_MODEL_PATH = re.compile(r"/v1/models/([^/]+)")
_FILE_PATH = re.compile(r"/v1/files/([^/]+)")
_ERROR_STATUS = {"overloaded_error": 529, "api_error": 500}


@dataclass(frozen=True)
class JsonResponse:
    """A JSON body with Content-Length; ``raw`` is sent verbatim instead when given."""

    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None

    def encoded(self) -> bytes:
        return self.raw if self.raw is not None else dumps(self.body)


@dataclass(frozen=True)
class StreamResponse:
    """An SSE body, chunked unless ``close_delimited``."""

    steps: list[Step]
    close_delimited: bool = False
    tokens_per_second: float | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Hangup:
    """No response at all: close the connection, after ``stall_seconds`` if ``stall``."""

    stall: bool = False


Response = JsonResponse | StreamResponse | Hangup


def _api_key(headers: Mapping[str, str]) -> str:
    if headers.get("x-api-key"):
        return headers["x-api-key"]
    scheme, _, token = headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def check_auth(headers: Mapping[str, str]) -> None:
    """Any non-empty key passes; no key is a 401, no ``anthropic-version`` a 400."""
    if not _api_key(headers):
        raise ApiError(401, "x-api-key header is required")
    if not headers.get("anthropic-version"):
        raise invalid_request("anthropic-version: header is required")


class Router:
    """Routes requests; holds the per-server state scenarios need (attempt counts)."""

    def __init__(self) -> None:
        self.attempts: Counter[str] = Counter()
        self.cache = PromptCache()
        self.files = FileStore()

    def handle(self, head: RequestHead, body: Any) -> Response:
        """The response to one request; raises :class:`ApiError` for error responses."""
        check_auth(head.headers)
        handlers: dict[tuple[str, str], Callable[[RequestHead, Any], Response]] = {
            ("POST", "/v1/messages"): self._messages,
            ("POST", "/v1/messages/count_tokens"): self._count_tokens,
            ("GET", "/v1/models"): self._models,
            ("POST", "/v1/files"): lambda _h, b: JsonResponse(200, self.files.upload(b)),
            ("GET", "/v1/files"): lambda _h, _b: JsonResponse(200, self.files.listing()),
        }
        handler = handlers.get((head.method, head.path.rstrip("/")))
        if handler is not None:
            return handler(head, body)
        file = _FILE_PATH.fullmatch(head.path)
        if file is not None and head.method == "GET":
            return JsonResponse(200, self.files.get(file.group(1)).metadata())
        if file is not None and head.method == "DELETE":
            return JsonResponse(200, self.files.delete(file.group(1)))
        model = _MODEL_PATH.fullmatch(head.path)
        if head.method == "GET" and model is not None:
            self._fail_if_asked(select_scenario(head.headers, None))
            return JsonResponse(200, model_info(model.group(1)))
        raise ApiError(404, "Not found")

    def _fail_if_asked(self, scenario: Scenario) -> None:
        failure = scenario.failure
        if failure is None:
            return
        if failure.every_other:
            self.attempts[scenario.name] += 1
            if self.attempts[scenario.name] % 2 == 0:
                return
        raise failure.error()

    def _with_files(self, body: Any) -> Any:
        """``body`` with each file a block names read in, as the model sees it."""
        if isinstance(body, dict) and isinstance(body.get("messages"), list):
            return {**body, "messages": self.files.resolve(body["messages"])}
        return body

    def _models(self, head: RequestHead, body: Any) -> Response:
        del body
        self._fail_if_asked(select_scenario(head.headers, None))
        return JsonResponse(200, models_page(head.query))

    def _count_tokens(self, head: RequestHead, body: Any) -> Response:
        self._fail_if_asked(select_scenario(head.headers, None))
        body = self._with_files(body)
        check_messages_request(body, count_only=True)
        check_for_model(body, count_only=True)
        return JsonResponse(200, {"input_tokens": prompt_total(body)})

    def _messages(self, head: RequestHead, body: Any) -> Response:
        scenario = select_scenario(head.headers, body)
        self._fail_if_asked(scenario)
        body = self._with_files(body)
        request = check_messages_request(body)
        model = check_for_model(body)
        check_cache_control(body)
        check_web_tools(body)
        usage = self.cache.usage(body, min_tokens=int(model["x_min_cache_tokens"]))
        reply = compose_reply(scenario, request)
        headers = rate_limit_headers(usage.total, request.max_tokens)
        message_id = new_message_id()
        fault = scenario.fault
        if scenario.fault_every_other:
            self.attempts[scenario.name] += 1
            if self.attempts[scenario.name] % 2 == 0:
                fault = None
        if request.stream:
            events = reply_events(reply, message_id=message_id, model=request.model, usage=usage)
            return StreamResponse(
                stream_steps(events, fault),
                close_delimited=isinstance(fault, Drop) and fault.close_delimited,
                tokens_per_second=scenario.tokens_per_second,
                headers=headers,
            )
        message = message_json(reply, message_id=message_id, model=request.model, usage=usage)
        match fault:
            case ErrorEvent(error_type=error_type, message=text):
                raise ApiError(_ERROR_STATUS.get(error_type, 500), text, error_type=error_type)
            case Drop():
                return Hangup()
            case Stall():
                return Hangup(stall=True)
            case Malformed():
                return JsonResponse(200, None, raw=dumps(message)[:-7])
            case _:
                return JsonResponse(200, message, headers)
