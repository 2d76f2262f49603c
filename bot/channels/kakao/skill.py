"""KakaoTalk channel: the Kakao i Open Builder skill route (POST /kakao/skill) on the shared dialog."""

from __future__ import annotations

import asyncio
import contextvars
import hmac
import json
import logging

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bot.channels.kakao.format import PayloadError, build_response, event_ref, parse_payload
from bot.dialog import texts
from bot.dialog.core import OVERDUE, Address, Dialog, Inbound, Overdue, Reply
from bot.dialog.desk import CaseDesk
from bot.settings import Settings

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 512 * 1024
"""A SkillPayload is 1-3 KB, yet a pasted 50,000-character message (kept, cut to its first part) can be 300 KB of
escaped JSON; past 512 KiB a body is not from Kakao and gets a JSON 413 before it is read. Within it, 60,000-deep
JSON still fits, and gets a JSON 400."""
METHODS = ("GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS")
"""Methods the route takes only to answer them with a JSON 405 (the router's own 405 is plain text)."""


def refuse(status: int, error: str, **headers: str) -> JSONResponse:
    return JSONResponse({"error": error}, status_code=status, headers=headers or None)


async def read_body(request: Request, limit: int) -> bytes | None:
    """The body, or None once it is longer than ``limit`` (by its Content-Length or by what arrived)."""
    declared = request.headers.get("content-length", "")
    if declared.isdecimal() and int(declared) > limit:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)


class KakaoSkill:
    """``POST /kakao/skill``: checks the shared secret, asks the dialog within the time budget, answers JSON.

    A turn slower than the budget keeps running (shielded) and saves its state. Its replies go to the database
    with the turn (the engine's ``keep_late``, through ``OVERDUE``): a message to the parent, pushed through the
    Event API where it is set up, and shown once at the parent's next message on any worker, after a restart too.
    Without a desk (a dialog alone, in tests) they wait in this process for the next message."""

    def __init__(self, dialog: Dialog, *, secret: str = "", secret_header: str = "", budget: float = 3.5,
                 desk: CaseDesk | None = None, nothing_new: str = "", pushes: bool = False) -> None:
        self.dialog = dialog
        self.desk = desk
        """Messages waiting for a parent: for the event block Kakao runs after an Event API push, and the keeper
        of late replies."""
        self.nothing_new = nothing_new
        self.secret = secret
        self.secret_header = secret_header
        self.budget = budget
        self.pushes = pushes
        """The Event API is set up: the answer to a slow turn says a notice will come."""
        self._late: dict[str, list[asyncio.Task[list[Reply]]]] = {}
        self._keeping: set[asyncio.Task[None]] = set()

    async def handle(self, request: Request) -> JSONResponse:
        """Every answer is JSON: refusals too (401, 400, 405, 413), so Kakao's logs show why."""
        if request.method != "POST":
            return refuse(405, "method not allowed", Allow="POST")
        if self.secret and not hmac.compare_digest(
            request.headers.get(self.secret_header, "").encode(), self.secret.encode()
        ):
            return refuse(401, "unauthorized")
        body = await read_body(request, MAX_BODY_BYTES)
        if body is None:
            return refuse(413, f"body over {MAX_BODY_BYTES} bytes")
        try:
            payload = json.loads(body)
            inbound = parse_payload(payload)
        except PayloadError as exc:
            return refuse(400, str(exc))
        except (ValueError, RecursionError):  # JSONDecodeError, UnicodeDecodeError; RecursionError: deep nesting
            return refuse(400, "invalid JSON")
        try:  # the one error boundary: log, then answer politely with a valid SkillResponse
            if self.desk is not None and (ref := event_ref(payload)) is not None:
                return JSONResponse(build_response(await self.event(inbound.address, ref)))
            replies = await self.ask(inbound)
            body = build_response([*self.collect_late(inbound.address), *replies])
        except Exception:
            log.exception("Kakao turn failed for %s", inbound.address.key)
            body = build_response([Reply(texts.KAKAO_ERROR_TEXT)])
        return JSONResponse(body)

    async def event(self, address: Address, ref: str) -> list[Reply]:
        """Kakao ran our event block after a push: the parent's waiting messages (each shown once, so a push
        whose message the parent's own next message already showed finds nothing new)."""
        replies = [] if self.desk is None else await self.desk.pending_for_parent(address.key)
        log.info("Kakao event block for message %s: %d message(s) shown", ref, len(replies))
        return replies or [Reply(self.nothing_new or texts.KAKAO_EMPTY_TEXT)]

    async def ask(self, inbound: Inbound) -> list[Reply]:
        overdue = Overdue()
        context = contextvars.copy_context()
        context.run(OVERDUE.set, overdue)  # the turn's task sees it; the engine keeps the replies once it passed
        task = asyncio.create_task(self.dialog.handle(inbound), context=context)
        try:
            return await asyncio.wait_for(asyncio.shield(task), self.budget)
        except TimeoutError:
            overdue.passed = True
            log.warning("Kakao turn for %s exceeded %.1fs; it finishes in the background", inbound.address.key,
                        self.budget)
            self.park(inbound.address, task, overdue)
            return [Reply(texts.KAKAO_TIMEOUT_PUSH_TEXT if self.pushes else texts.KAKAO_TIMEOUT_TEXT)]
        except asyncio.CancelledError:  # the request went away; the turn still completes and is shown next time
            overdue.passed = True
            self.park(inbound.address, task, overdue)
            raise

    def park(self, address: Address, task: asyncio.Task[list[Reply]], overdue: Overdue) -> None:
        task.add_done_callback(log_late_failure)
        if self.desk is None:
            self._late.setdefault(address.key, []).append(task)
            return
        keeper = asyncio.get_running_loop().create_task(self.keep(address, task, overdue))
        self._keeping.add(keeper)
        keeper.add_done_callback(self._keeping.discard)

    async def keep(self, address: Address, task: asyncio.Task[list[Reply]], overdue: Overdue) -> None:
        """Once the turn is done: the replies the engine did not keep (the budget ran out while it committed, or
        the dialog is not the engine) go to the desk now; if even that fails, they wait here."""
        try:
            replies = await task
        except Exception:
            return  # logged by log_late_failure
        if overdue.handled or not replies or self.desk is None:
            return
        try:
            await self.desk.keep_late(address.key, replies)
        except Exception:
            log.exception("late Kakao replies for %s could not be saved; kept in this process", address.key)
            self._late.setdefault(address.key, []).append(task)

    async def drain(self, timeout: float | None = None) -> None:
        """Wait until every late turn of this process has finished and its replies are kept: a stopping worker
        (before its store closes; at most ``timeout`` seconds), tests (instead of sleeping)."""
        try:
            async with asyncio.timeout(timeout):
                while self._keeping:
                    await asyncio.gather(*self._keeping, return_exceptions=True)
        except TimeoutError:
            log.warning("stopping with %d late Kakao turn(s) unfinished", len(self._keeping))

    def routes(self) -> list[Route]:
        return [Route("/kakao/skill", self.handle, methods=["POST", *METHODS])]

    def collect_late(self, address: Address) -> list[Reply]:
        """Replies of earlier turns kept in this process (no desk, or saving them failed), oldest first."""
        tasks = self._late.pop(address.key, [])
        if pending := [t for t in tasks if not t.done()]:
            self._late[address.key] = pending
        return [r for t in tasks if t.done() and not t.cancelled() and t.exception() is None for r in t.result()]


def log_late_failure(task: asyncio.Task[list[Reply]]) -> None:
    if not task.cancelled() and (exc := task.exception()) is not None:
        log.error("A Kakao turn that finished late failed", exc_info=exc)


def kakao_skill(dialog: Dialog, settings: Settings, desk: CaseDesk | None = None, nothing_new: str = "") -> KakaoSkill:
    """``desk``: answers our event block (Kakao Event API) with the parent's waiting messages, and keeps the
    replies of turns that outlast the budget."""
    return KakaoSkill(dialog, secret=settings.kakao_secret, secret_header=settings.kakao_secret_header,
                      budget=settings.kakao_budget_seconds, desk=desk, nothing_new=nothing_new,
                      pushes=desk is not None and settings.kakao_can_push)


def kakao_routes(dialog: Dialog, settings: Settings, desk: CaseDesk | None = None,
                 nothing_new: str = "") -> list[Route]:
    return kakao_skill(dialog, settings, desk, nothing_new).routes()
