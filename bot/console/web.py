"""The console's routes: login and logout, and every route of the ROUTES table behind its one check."""

from __future__ import annotations

import secrets

from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from bot.console import actions, knowledge, pages, texts
from bot.console.access import ROUTES, Handler, guarded
from bot.console.core import HERE, Console, Ctx
from bot.console.sessions import COOKIE

STATIC_DIR = HERE / "static"
LOGIN_COOKIE = "dolbom_login"


class Login:
    def __init__(self, console: Console) -> None:
        self.console = console

    # -- login and logout ------------------------------------------------------------------------------

    async def login_page(self, ctx: Ctx, message: str = "", status: int = 200) -> Response:
        if not message and ctx.request.query_params.get("idle"):
            message = texts.LOGGED_OUT_IDLE
        token = secrets.token_urlsafe(24)
        response = self.console.render("login.html", status, message=message, login_csrf=token, who=None, csrf="")
        response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="lax", secure=self.console.secure,
                            path="/console/login", max_age=3600)
        return response

    async def login(self, ctx: Ctx) -> Response:
        form = ctx.form
        assert form is not None
        sent, expected = form.get("csrf"), ctx.request.cookies.get(LOGIN_COOKIE)
        if not isinstance(sent, str) or not expected or not secrets.compare_digest(sent, expected):
            return self.console.error(ctx.request, 403, texts.CSRF_REFUSED)
        name, password = str(form.get("username", "")).strip(), str(form.get("password", ""))
        result = await self.console.accounts.check(name, password)
        if not result.ok:
            action = "lockout" if result.locked else "login_failed"
            # A name nobody has is logged as unknown: people type their password into the name field.
            known = self.console.coordinators().named(name) is not None
            await self.console.access.record(name if known else "(unknown)", ctx.ip, action)
            return await self.login_page(ctx, result.message, 401 if not result.locked else 423)
        token = self.console.sessions.start(name)
        await self.console.access.record(name, ctx.ip, "login")
        await self.console.access.expire()  # entries past two years go; logins are frequent enough for that
        response = RedirectResponse("/console/", status_code=303)
        response.set_cookie(COOKIE, token, httponly=True, samesite="lax", secure=self.console.secure, path="/console")
        response.delete_cookie(LOGIN_COOKIE, path="/console/login")
        return response

    async def logout(self, ctx: Ctx) -> Response:
        self.console.sessions.end(ctx.request.cookies.get(COOKIE))
        assert ctx.who is not None
        await self.console.access.record(ctx.who.name, ctx.ip, "logout")
        response = RedirectResponse("/console/login", status_code=303)
        response.delete_cookie(COOKIE, path="/console")
        return response



def console_routes(console: Console) -> list[BaseRoute]:
    """Every route of ROUTES behind its one check, plus the vendored static files."""
    login = Login(console)
    handlers: dict[str, Handler] = {
        "login_page": login.login_page, "login": login.login, "logout": login.logout,
        **pages.handlers(console), **actions.handlers(console), **knowledge.handlers(console),
    }
    routes: list[BaseRoute] = [Route(s.path, guarded(console, s, handlers[s.name]), methods=[s.method], name=s.name)
                               for s in ROUTES]
    routes.append(Route("/console", lambda r: RedirectResponse("/console/", status_code=307), methods=["GET"]))
    routes.append(Mount("/console/static", app=StaticFiles(directory=STATIC_DIR), name="console-static"))
    return routes
