"""The console's Starlette side: the Console (what every handler shares), rendering, login and logout, routes."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from bot.console import texts
from bot.console.access import ROUTES, Ctx, Handler, guarded
from bot.console.accounts import Accounts
from bot.console.audit import AccessLog
from bot.console.live import Live
from bot.console.sessions import COOKIE, Sessions
from bot.coordination.queue import Queue
from bot.settings import Settings
from db.store import Store
from knowledge.coordinators import Coordinator, Coordinators
from knowledge.schema import Knowledge

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
LOGIN_COOKIE = "dolbom_login"
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


class HasKnowledge(Protocol):
    @property
    def current(self) -> Knowledge: ...


class Console:
    def __init__(self, store: Store, queue: Queue, knowledge: HasKnowledge, settings: Settings,
                 clock: Callable[[], datetime]) -> None:
        self.store = store
        self.queue = queue
        self.knowledge = knowledge
        self.settings = settings
        self.clock = clock
        self.accounts = Accounts(store, self.coordinators, clock)
        self.access = AccessLog(store, clock)
        self.sessions = Sessions(clock)
        self.live = Live()
        queue.listeners.append(self.live.changed)
        self.env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
        self.env.globals.update(t=texts)
        self.secure = settings.public_url.lower().startswith("https://")

    def coordinators(self) -> Coordinators:
        return self.queue.coordinators

    def names(self) -> dict[str, str]:
        k = self.knowledge.current
        return {s.id: s.name for s in k.services} | {site.id: site.name for s in k.services for site in s.sites}

    async def person(self, name: str) -> Coordinator | None:
        """The coordinator behind a session, while still in the YAML and the account not disabled."""
        who = self.coordinators().named(name)
        if who is None:
            return None
        rows = await self.store.fetch("SELECT disabled_at FROM console_accounts WHERE name = ?", (name,))
        return who if rows and rows[0][0] is None else None

    def render(self, name: str, status: int = 200, **values: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(**values)
        return HTMLResponse(html, status_code=status, headers=HEADERS)

    def page(self, ctx: Ctx, name: str, status: int = 200, **values: Any) -> HTMLResponse:
        return self.render(name, status, who=ctx.who, csrf=ctx.session.csrf if ctx.session else "", **values)

    def error(self, request: Request, status: int, message: str) -> HTMLResponse:
        return self.render("error.html", status, message=message, who=None, csrf="")

    # -- login and logout ------------------------------------------------------------------------------

    async def login_page(self, ctx: Ctx, message: str = "", status: int = 200) -> Response:
        if not message and ctx.request.query_params.get("idle"):
            message = texts.LOGGED_OUT_IDLE
        token = secrets.token_urlsafe(24)
        response = self.render("login.html", status, message=message, login_csrf=token, who=None, csrf="")
        response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="lax", secure=self.secure,
                            path="/console/login", max_age=3600)
        return response

    async def login(self, ctx: Ctx) -> Response:
        form = ctx.form
        assert form is not None
        sent, expected = form.get("csrf"), ctx.request.cookies.get(LOGIN_COOKIE)
        if not isinstance(sent, str) or not expected or not secrets.compare_digest(sent, expected):
            return self.error(ctx.request, 403, texts.CSRF_REFUSED)
        name, password = str(form.get("username", "")).strip(), str(form.get("password", ""))
        result = await self.accounts.check(name, password)
        if not result.ok:
            action = "lockout" if result.locked else "login_failed"
            await self.access.record(name[:40] or "?", ctx.ip, action)
            return await self.login_page(ctx, result.message, 401 if not result.locked else 423)
        token = self.sessions.start(name)
        await self.access.record(name, ctx.ip, "login")
        response = RedirectResponse("/console/", status_code=303)
        response.set_cookie(COOKIE, token, httponly=True, samesite="lax", secure=self.secure, path="/console")
        response.delete_cookie(LOGIN_COOKIE, path="/console/login")
        return response

    async def logout(self, ctx: Ctx) -> Response:
        self.sessions.end(ctx.request.cookies.get(COOKIE))
        assert ctx.who is not None
        await self.access.record(ctx.who.name, ctx.ip, "logout")
        response = RedirectResponse("/console/login", status_code=303)
        response.delete_cookie(COOKIE, path="/console")
        return response


def console_routes(console: Console) -> list[BaseRoute]:
    """Every route of ROUTES behind its one check, plus the vendored static files."""
    from bot.console import actions, pages

    handlers: dict[str, Handler] = {
        "login_page": console.login_page, "login": console.login, "logout": console.logout,
        **pages.handlers(console), **actions.handlers(console),
    }
    routes: list[BaseRoute] = [Route(s.path, guarded(console, s, handlers[s.name]), methods=[s.method], name=s.name)
                               for s in ROUTES]
    routes.append(Route("/console", lambda r: RedirectResponse("/console/", status_code=307), methods=["GET"]))
    routes.append(Mount("/console/static", app=StaticFiles(directory=STATIC_DIR), name="console-static"))
    return routes
