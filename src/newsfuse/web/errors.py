"""The one error shape of the web server, and the exception that carries it.

Every failed request under ``/api/`` or ending in ``.json`` gets::

    {"error": {"status": 404, "code": "not_found", "message": "what was wrong and what to do"}}

HTML pages show the same message on an error page with the same status. ``code`` is one of
:data:`CODES`; 422 validation failures are reported as 400 ``bad_request``.
"""

from __future__ import annotations

from typing import Any

#: Status -> the stable machine-readable code of the error shape.
CODES: dict[int, str] = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    500: "internal_error",
}


class HttpError(Exception):
    """A request that cannot be answered, with the status and message to send back."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_body(status: int, message: str) -> dict[str, Any]:
    """The JSON body of an error response."""
    code = CODES.get(status, "bad_request" if 400 <= status < 500 else "internal_error")
    return {"error": {"status": status, "code": code, "message": message}}


def wants_json(path: str) -> bool:
    """Whether a request path is answered in JSON (the API and the pages' JSON twins)."""
    return path.startswith("/api/") or path.endswith(".json")
