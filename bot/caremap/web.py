"""The care map on the web: GET /map (focused by query), its static files, and links that open it on one place."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Protocol
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from bot.caremap.page import STATIC_DIR, render_map
from bot.settings import Settings
from knowledge.schema import Knowledge

log = logging.getLogger(__name__)

# Relative, so the page keeps working when a reverse proxy serves the bot under a path prefix.
STATIC_URL = "map/static"
_CACHE_LIMIT = 256


class HasKnowledge(Protocol):
    """What the map needs from knowledge.source.KnowledgeSource."""

    @property
    def current(self) -> Knowledge: ...


def map_link(settings: Settings, service_id: str, *, area: str | None = None, site: str | None = None) -> str | None:
    """The public URL of the map focused on a service (and an area or one site); None without DOLBOM_PUBLIC_URL."""
    if not settings.public_url:
        return None
    params = {"service": service_id}
    if site:
        params["site"] = site
    if area:
        params["area"] = area
    return f"{settings.public_url.rstrip('/')}/map?{urlencode(params)}"


class MapPage:
    """GET /map: renders per query and minute ("open now" moves with the clock), rendered anew when the
    knowledge object changes, since the source swaps it whole on every accepted edit."""

    def __init__(self, source: HasKnowledge, clock: Callable[[], datetime]) -> None:
        self._source = source
        self._clock = clock
        self._knowledge: Knowledge | None = None
        self._cache: dict[tuple[str | None, ...], str] = {}

    def page(self, service: str | None, area: str | None, site: str | None) -> str:
        knowledge = self._source.current
        if knowledge is not self._knowledge or len(self._cache) > _CACHE_LIMIT:
            self._knowledge, self._cache = knowledge, {}
        now = self._clock()
        key = (service, area, site, now.strftime("%Y-%m-%d %H:%M"))
        if key not in self._cache:
            try:
                html = render_map(knowledge, now, service, area, site=site, static_url=STATIC_URL)
            except ValueError as exc:
                # An old link after staff renamed a service or site: the whole map still helps the parent.
                log.info("care map focus ignored: %s", exc)
                html = render_map(knowledge, now, static_url=STATIC_URL)
            self._cache[key] = html
        return self._cache[key]

    async def handle(self, request: Request) -> Response:
        q = request.query_params
        html = self.page(q.get("service") or None, q.get("area") or None, q.get("site") or None)
        return HTMLResponse(html, headers={"Cache-Control": "no-cache"})


def map_routes(
    source: HasKnowledge, settings: Settings, clock: Callable[[], datetime] | None = None
) -> list[BaseRoute]:
    """GET /map (optionally ?service=ID&area=NAME or &site=ID) and the page's Leaflet files under /map/static."""
    page = MapPage(source, clock or (lambda: datetime.now(settings.tz)))
    return [
        Route("/map", page.handle, methods=["GET"], name="care-map"),
        Mount("/map/static", app=StaticFiles(directory=STATIC_DIR), name="care-map-static"),
    ]
