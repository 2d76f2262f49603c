"""One permission check for every console route, driven by the ROUTES table (a test walks it for every role)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.console import texts
from bot.console.core import Console, Ctx
from bot.console.sessions import COOKIE, csrf_ok
from bot.coordination.desks import handles


class Rule(StrEnum):
    PUBLIC = "public"
    STAFF = "staff"
    """Any logged-in coordinator."""
    CONTROL = "control"
    """The control tower only."""
    CASE = "case"
    """A coordinator of the case's service, or the control tower; others get 404 and learn nothing of it."""
    CONTROL_CASE = "control_case"


@dataclass(frozen=True, slots=True)
class Spec:
    method: str
    path: str
    name: str
    rule: Rule


ROUTES: tuple[Spec, ...] = (
    Spec("GET", "/console/login", "login_page", Rule.PUBLIC),
    Spec("POST", "/console/login", "login", Rule.PUBLIC),
    Spec("POST", "/console/logout", "logout", Rule.STAFF),
    Spec("GET", "/console/", "queue_page", Rule.STAFF),
    Spec("GET", "/console/rows", "queue_rows", Rule.STAFF),
    Spec("GET", "/console/events", "events", Rule.STAFF),
    Spec("GET", "/console/cases/{case_id:int}", "case_page", Rule.CASE),
    Spec("POST", "/console/cases/{case_id:int}/claim", "claim", Rule.CASE),
    Spec("POST", "/console/cases/{case_id:int}/update", "update", Rule.CASE),
    Spec("POST", "/console/cases/{case_id:int}/remind", "remind", Rule.CASE),
    Spec("POST", "/console/cases/{case_id:int}/reply", "reply", Rule.CASE),
    Spec("POST", "/console/cases/{case_id:int}/assign", "assign", Rule.CONTROL_CASE),
    Spec("GET", "/console/knowledge", "knowledge", Rule.STAFF),
    Spec("POST", "/console/knowledge/upload", "knowledge_upload", Rule.CONTROL),
    Spec("POST", "/console/knowledge/apply", "knowledge_apply", Rule.CONTROL),
    Spec("GET", "/console/dashboard", "dashboard", Rule.CONTROL),
    Spec("GET", "/console/report", "report", Rule.CONTROL),
    Spec("GET", "/console/audit", "audit", Rule.CONTROL),
)


Handler = Callable[[Ctx], Awaitable[Response]]


def guarded(console: Console, spec: Spec, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        form = await request.form() if request.method == "POST" else None
        if spec.rule is Rule.PUBLIC:
            return await handler(Ctx(request, None, None, None, form))
        token = request.cookies.get(COOKIE)
        # The event stream (re)connecting and the rows reloading on a live update happen without the person.
        background = spec.name == "events" or request.headers.get("hx-trigger") == "rows"
        session, idled = console.sessions.get(token, active=not background)
        ip = request.client.host if request.client else ""
        if idled:
            await console.access.record(idled, ip, "logout_idle")
        who = await console.person(session.name) if session else None
        if session is None or who is None:
            if session is not None:
                console.sessions.end(token)
            return _to_login(request, idled is not None)
        if request.method == "POST":
            sent = _field(form, "csrf") or request.headers.get("x-csrf-token")
            if not csrf_ok(session, sent):
                await console.access.record(who.name, ip, "csrf_refused")
                return console.error(request, 403, texts.CSRF_REFUSED)
        if spec.rule in (Rule.CONTROL, Rule.CONTROL_CASE) and not who.control:
            await console.access.record(who.name, ip, f"refused:{spec.name}")
            return console.error(request, 403, texts.FORBIDDEN)
        case = None
        if spec.rule in (Rule.CASE, Rule.CONTROL_CASE):
            case_id = request.path_params["case_id"]
            case = await console.store.case(case_id)
            if case is None or not handles(who, case):  # any of the case's services' desks
                # Recorded with the case number: asking for other services' cases is what a review looks for.
                await console.access.record(who.name, ip, f"refused:{spec.name}", case_id)
                return console.error(request, 404, texts.NOT_FOUND)
        return await handler(Ctx(request, who, session, case, form))

    return endpoint


def _field(form: FormData | None, key: str) -> str | None:
    value: Any = form.get(key) if form is not None else None
    return value if isinstance(value, str) else None


def _to_login(request: Request, idled: bool) -> Response:
    if request.method == "GET" and request.headers.get("hx-request") is None and "events" not in request.url.path:
        response: Response = RedirectResponse("/console/login" + ("?idle=1" if idled else ""), status_code=303)
    else:
        # htmx and the event stream cannot follow a redirect to a page: tell htmx to go there itself.
        response = Response(status_code=401, headers={"HX-Redirect": "/console/login" + ("?idle=1" if idled else "")})
    response.delete_cookie(COOKIE, path="/console")
    return response
