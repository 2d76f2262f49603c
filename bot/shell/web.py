"""The one Starlette app every HTTP channel (Kakao skill, Telegram webhook, care map) mounts its routes on."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence

from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Lifespan, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

# Every payload we accept (Kakao SkillPayload, Telegram Update) is a few KiB; refuse anything absurd early.
MAX_BODY_BYTES = 1_000_000


Problems = Callable[[], Awaitable[list[str]]]
"""What keeps the bot from serving now (an empty list: nothing)."""

# The map is the one page: its scripts and styles come from /map/static, its tiles from OpenStreetMap; its only
# inline code is a JSON data block, which is never executed. Style attributes carry the legend's colours.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: https://tile.openstreetmap.org; connect-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    # OpenStreetMap's tile policy wants a Referer: the origin only, never a page's query (service, area).
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"DENY"),
]


def healthz(problems: Problems | None,
            warnings: Callable[[], list[str]] | None) -> Callable[[Request], Awaitable[JSONResponse]]:
    """503 with the reasons while the bot cannot serve; 200 otherwise, with ``warnings`` (a refused knowledge
    edit: the last good knowledge serves meanwhile, so taking the bot out of service would only hurt)."""

    async def answer(request: Request) -> JSONResponse:
        found = await problems() if problems is not None else []
        if found:
            return JSONResponse({"status": "unavailable", "reasons": found}, status_code=503)
        notes = warnings() if warnings is not None else []
        return JSONResponse({"status": "ok", **({"warnings": notes} if notes else {})})

    return answer


async def answer_crash(request: Request, exc: Exception) -> JSONResponse:
    """Last resort: routes have their own error boundaries, but never show an HTML 500 page to a caller."""
    log.error("Unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"error": "internal error"}, status_code=500)


async def answer_http(request: Request, exc: Exception) -> Response:
    """The router's refusals (404, 405, 413) as JSON, like every other answer of the API routes."""
    assert isinstance(exc, HTTPException)
    return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)


class BodyLimit:
    """Refuses bodies over ``limit`` bytes with a JSON 413: by Content-Length before reading, or as they arrive
    (Starlette's own limit answers in plain text)."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdecimal() and int(declared) > self.limit:
            await JSONResponse({"error": "body too large"}, status_code=413)(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:  # raised inside the route: the HTTPException handler answers in JSON
                raise HTTPException(413, "body too large")
            return message

        await self.app(scope, limited, send)


class SecurityHeaders:
    """The same security headers on every response, whichever route (or error handler) made it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


def build_web(routes: Sequence[BaseRoute], lifespan: Lifespan[Starlette] | None = None, *,
              problems: Problems | None = None, warnings: Callable[[], list[str]] | None = None) -> Starlette:
    """The app with ``routes`` plus ``GET /healthz`` (503 with the reasons ``problems`` gives, if any);
    ``lifespan`` starts and stops what the routes need."""
    return Starlette(
        routes=[*routes, Route("/healthz", healthz(problems, warnings), methods=["GET"])],
        exception_handlers={Exception: answer_crash, HTTPException: answer_http},
        middleware=[Middleware(SecurityHeaders), Middleware(BodyLimit)],
        lifespan=lifespan,
    )
