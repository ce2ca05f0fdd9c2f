"""Build the web application: pages, their JSON twins, the API, errors and security headers."""

from __future__ import annotations

import inspect
import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsfuse.errors import NotFound, StoreError
from newsfuse.store import is_postgres, open_store
from newsfuse.web import apidoc
from newsfuse.web.errors import HttpError, error_body, wants_json
from newsfuse.web.params import PATTERN_HELP
from newsfuse.web.rendering import render, template_env
from newsfuse.web.routes import API, PAGES, Api, Page, View
from newsfuse.web.schemas import ErrorResponse
from newsfuse.web.warm import warm

log = logging.getLogger(__name__)
HERE = Path(__file__).parent

#: Sent with every response. Pages load only their own scripts and styles (no inline code),
#: and nothing from elsewhere: article text is untrusted web content.
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
_ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "A parameter is invalid"},
    404: {"model": ErrorResponse, "description": "No such story, article or entity"},
}


def create_app(db_url: str) -> FastAPI:
    """The web application over the store at ``db_url``, which it only reads.

    Pending schema migrations are applied once at start (as every newsfuse command does);
    requests are then served from a read-only connection.

    Raises:
        StoreError: when there is no database at ``db_url`` or it cannot be opened.
    """
    if not is_postgres(db_url):
        path = _path(db_url)
        if not Path(path).is_file():
            raise StoreError(
                f"no newsfuse database at {path!r}; create it with "
                f"'newsfuse --db {path} ingest FILES'"
            )
    open_store(db_url).close()
    app = FastAPI(
        lifespan=_warm_first,
        title="newsfuse",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        description="Read-only API over a newsfuse store. " + apidoc.ERROR_HELP,
    )
    app.state.store = open_store(db_url, read_only=True)
    env = template_env()
    app.state.templates = env
    for page in PAGES:
        # The twin first: "/stories/{story_id}" would also match "/stories/x.json".
        app.add_api_route(
            page.path + ".json",
            _json_endpoint(page.view),
            methods=["GET"],
            name=page.name + "_json",
            include_in_schema=False,
        )
        app.add_api_route(
            page.path,
            _html_endpoint(page, env),
            methods=["GET"],
            name=page.name,
            include_in_schema=False,
        )
    for api in API:
        app.add_api_route(
            api.path,
            _api_endpoint(api),
            methods=["GET"],
            name=api.name,
            response_model=api.model,
            summary=api.summary,
            tags=["api"],
            responses=_ERROR_RESPONSES,
        )
    app.add_api_route("/", _home, methods=["GET"], include_in_schema=False)
    app.add_api_route("/api/docs", _api_docs, methods=["GET"], include_in_schema=False)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_exception_handler(HttpError, _on_http_error)
    app.add_exception_handler(NotFound, _on_not_found)
    app.add_exception_handler(RequestValidationError, _on_invalid)
    app.add_exception_handler(HTTPException, _on_starlette)
    app.add_middleware(SecurityHeaders)
    app.openapi = apidoc.openapi_without_422(app)  # type: ignore[method-assign]
    return app


@asynccontextmanager
async def _warm_first(app: FastAPI) -> AsyncIterator[None]:
    """Before the first request: load what story pages need (:mod:`newsfuse.web.warm`)."""
    seconds = warm(app.state.store, app.state.templates)
    log.info("story pages warmed in %.1f s", seconds)
    yield


def _path(db_url: str) -> str:
    for prefix in ("sqlite:///", "sqlite://"):
        if db_url.startswith(prefix):
            return db_url[len(prefix) :]
    return db_url


def _signature(view: View, request: bool) -> inspect.Signature:
    sig = inspect.signature(view, eval_str=True)
    params = list(sig.parameters.values())
    if request:
        params.insert(
            0,
            inspect.Parameter(
                "request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request
            ),
        )
    return sig.replace(parameters=params, return_annotation=inspect.Signature.empty)


def _json_endpoint(view: View) -> Any:
    async def endpoint(**kwargs: Any) -> Response:
        return JSONResponse(view(**kwargs))

    endpoint.__signature__ = _signature(view, request=False)  # type: ignore[attr-defined]
    return endpoint


def _api_endpoint(api: Api) -> Any:
    async def endpoint(**kwargs: Any) -> dict[str, Any]:
        return api.view(**kwargs)

    endpoint.__signature__ = _signature(api.view, request=False)  # type: ignore[attr-defined]
    endpoint.__doc__ = api.view.__doc__
    return endpoint


def _html_endpoint(page: Page, env: Environment) -> Any:
    async def endpoint(request: Request, **kwargs: Any) -> Response:
        data = page.view(**kwargs)
        return render(request, page.template, data)

    endpoint.__signature__ = _signature(page.view, request=True)  # type: ignore[attr-defined]
    return endpoint


def error_response(
    request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
) -> Response:
    """The error shape in JSON for the API and twins, an error page for HTML routes."""
    if wants_json(request.url.path):
        response: Response = JSONResponse(error_body(status, message), status_code=status)
    else:
        response = render(request, "error.html", error_body(status, message)["error"], status)
    response.headers.update(headers or {})
    return response


async def _home(request: Request) -> Response:
    query = request.url.query
    return RedirectResponse("/stories" + (f"?{query}" if query else ""), status_code=307)


async def _api_docs(request: Request) -> Response:
    return render(request, "apidocs.html", {"endpoints": apidoc.endpoints(request.app.openapi())})


async def _on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HttpError)
    return error_response(request, exc.status, exc.message)


async def _on_not_found(request: Request, exc: Exception) -> Response:
    return error_response(request, 404, str(exc))


async def _on_invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for e in exc.errors():
        where = ".".join(str(x) for x in e.get("loc", ())[1:]) or "request"
        help_ = PATTERN_HELP.get((e.get("ctx") or {}).get("pattern", ""))
        if e.get("type") == "string_pattern_mismatch" and help_:
            problems.append(f"{where}={_shown(e.get('input'))} is not valid: {help_}")
        elif e.get("type") == "string_too_long":
            most, given = e["ctx"]["max_length"], len(str(e.get("input")))
            problems.append(f"{where} is {given:,} characters long; at most {most} are allowed")
        else:
            problems.append(f"{where}: {e.get('msg', 'invalid')}")
    return error_response(request, 400, "; ".join(problems))


def _shown(value: Any, limit: int = 40) -> str:
    """A rejected value as a message quotes it: escaped, and cut short."""
    text = str(value)
    return repr(text if len(text) <= limit else text[:limit] + "…")


async def _on_starlette(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = {
        404: f"no page at {_shown(request.url.path, 200)}; start at /stories",
    }
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        # Routes name their methods; static files raise 405 without saying which they allow.
        allow = headers.setdefault("Allow", "GET, HEAD")
        message[405] = f"{request.method} is not allowed here; use {allow}"
    return error_response(
        request, exc.status_code, message.get(exc.status_code, exc.detail), headers
    )


class SecurityHeaders:
    """Add :data:`SECURITY_HEADERS` to every response, and answer any crash with a 500 error.

    A plain ASGI middleware (not ``BaseHTTPMiddleware``): it wraps responses of every kind,
    static files and errors included, without buffering them. No stack trace reaches a client.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("error answering %s", scope.get("path"))
            if started:
                raise
            request = Request(scope)
            response = error_response(
                request, 500, "internal error; the server log has the details"
            )
            await response(scope, receive, send_with_headers)
