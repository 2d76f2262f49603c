"""The one Starlette app every HTTP channel (Kakao skill, Telegram webhook, care map) mounts its routes on."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route
from starlette.types import Lifespan

log = logging.getLogger(__name__)

# Every payload we accept (Kakao SkillPayload, Telegram Update) is a few KiB; refuse anything absurd early.
MAX_BODY_BYTES = 1_000_000


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def answer_crash(request: Request, exc: Exception) -> JSONResponse:
    """Last resort: routes have their own error boundaries, but never show an HTML 500 page to a caller."""
    log.error("Unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"error": "internal error"}, status_code=500)


def build_web(routes: Sequence[BaseRoute], lifespan: Lifespan[Starlette] | None = None) -> Starlette:
    """The app with ``routes`` plus ``GET /healthz``; ``lifespan`` starts and stops what the routes need."""
    return Starlette(
        routes=[*routes, Route("/healthz", healthz, methods=["GET"])],
        exception_handlers={Exception: answer_crash},
        lifespan=lifespan,
        max_body_size=MAX_BODY_BYTES,
    )
