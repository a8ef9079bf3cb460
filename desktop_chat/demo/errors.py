"""The API's error responses, as one exception that every handler may raise."""

from __future__ import annotations

from collections.abc import Mapping

ERROR_TYPES: dict[int, str] = {
    400: "invalid_request_error",
    401: "authentication_error",
    402: "billing_error",
    403: "permission_error",
    404: "not_found_error",
    413: "request_too_large",
    429: "rate_limit_error",
    500: "api_error",
    504: "timeout_error",
    529: "overloaded_error",
}


class ApiError(Exception):
    """An error the server answers with ``{"type": "error", "error": {...}}``.

    Attributes:
        status: the HTTP status.
        error_type: ``error.type`` in the body; by default the one the API uses for ``status``.
        message: ``error.message`` in the body.
        headers: extra response headers (``retry-after`` on a 429).
    """

    def __init__(
        self,
        status: int,
        message: str,
        *,
        error_type: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.error_type = error_type or ERROR_TYPES.get(status, "api_error")
        self.message = message
        self.headers: dict[str, str] = dict(headers or {})


def invalid_request(message: str) -> ApiError:
    """A 400 ``invalid_request_error``."""
    return ApiError(400, message)
