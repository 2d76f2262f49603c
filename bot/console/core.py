"""What every console handler shares: the Console (store, queue, accounts, sessions, access log, templates)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse

from bot.console import texts
from bot.console.accounts import Accounts
from bot.console.audit import AccessLog
from bot.console.live import Live
from bot.console.sessions import Session, Sessions
from bot.console.versions import KnowledgeVersions
from bot.coordination.queue import Queue
from bot.dialog.labels import phone_label
from bot.settings import Settings
from db.models import CaseRow
from db.store import Store
from knowledge.coordinators import Coordinator, Coordinators
from knowledge.schema import Knowledge

HERE = Path(__file__).resolve().parent
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


@dataclass(frozen=True, slots=True)
class Ctx:
    """What a handler gets once the check passed."""

    request: Request
    who: Coordinator | None
    session: Session | None
    case: CaseRow | None
    form: FormData | None

    @property
    def ip(self) -> str:
        return self.request.client.host if self.request.client else ""


class Console:
    def __init__(self, store: Store, queue: Queue, knowledge: HasKnowledge, settings: Settings,
                 clock: Callable[[], datetime], versions: KnowledgeVersions | None = None) -> None:
        self.store = store
        self.queue = queue
        self.knowledge = knowledge
        self.settings = settings
        self.clock = clock
        self.versions = versions or KnowledgeVersions(store, settings.knowledge_dir, knowledge)
        """Knowledge versions in the database: an upload's apply records one; the app polls for other workers'."""
        self.accounts = Accounts(store, self.coordinators, clock)
        self.access = AccessLog(store, clock)
        self.sessions = Sessions(clock)
        self.live = Live()
        queue.listeners.append(self.live.changed)
        self.env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
        self.env.globals.update(t=texts)
        self.env.filters["phone"] = lambda p: phone_label(str(p)) if p else ""  # as the parent confirmed it
        self.secure = settings.public_url.lower().startswith("https://")
        self._roles = roles(queue.coordinators)
        self.logging: set[asyncio.Task[None]] = set()

    def roles_changed(self, coordinators: Coordinators) -> None:
        """coordinators.yaml was edited (subscribed in the app): each person whose role changed goes to the access
        log, since a role decides whose cases one may read."""
        new = roles(coordinators)
        changes = [(f"role_removed:{n}" if n not in new else f"role_added:{n}" if n not in self._roles
                    else f"role_changed:{n}") for n in sorted(self._roles.keys() | new.keys())
                   if self._roles.get(n) != new.get(n)]
        self._roles = new
        for action in changes:
            task = asyncio.get_running_loop().create_task(self.access.record("coordinators.yaml", "", action))
            self.logging.add(task)
            task.add_done_callback(self.logging.discard)

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


def roles(coordinators: Coordinators) -> dict[str, tuple[bool, tuple[str, ...]]]:
    return {c.name: (c.control, tuple(sorted(c.services))) for c in coordinators.coordinators}
