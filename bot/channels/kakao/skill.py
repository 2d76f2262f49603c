"""KakaoTalk channel: the Kakao i Open Builder skill route (POST /kakao/skill) on the shared dialog."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bot.channels.kakao.format import PayloadError, build_response, event_ref, parse_payload
from bot.dialog import texts
from bot.dialog.core import Address, Dialog, Inbound, Reply
from bot.dialog.desk import CaseDesk
from bot.settings import Settings

log = logging.getLogger(__name__)


class KakaoSkill:
    """``POST /kakao/skill``: checks the shared secret, asks the dialog within the time budget, answers JSON.

    A turn slower than the budget keeps running (shielded) and saves its state; Kakao cannot push, so its
    replies are shown before the answer to the parent's next message."""

    def __init__(self, dialog: Dialog, *, secret: str = "", secret_header: str = "", budget: float = 3.5,
                 desk: CaseDesk | None = None, nothing_new: str = "") -> None:
        self.dialog = dialog
        self.desk = desk
        """Messages waiting for a parent, for the event block Kakao runs after an Event API push."""
        self.nothing_new = nothing_new
        self.secret = secret
        self.secret_header = secret_header
        self.budget = budget
        self._late: dict[str, list[asyncio.Task[list[Reply]]]] = {}

    async def handle(self, request: Request) -> JSONResponse:
        if self.secret and not hmac.compare_digest(
            request.headers.get(self.secret_header, "").encode(), self.secret.encode()
        ):
            return JSONResponse({"error": "unauthorized"}, status_code=401)
        try:
            payload = json.loads(await request.body())
            inbound = parse_payload(payload)
        except PayloadError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        except ValueError:  # JSONDecodeError and UnicodeDecodeError are both ValueErrors
            return JSONResponse({"error": "invalid JSON"}, status_code=400)
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
        task = asyncio.create_task(self.dialog.handle(inbound))
        try:
            return await asyncio.wait_for(asyncio.shield(task), self.budget)
        except TimeoutError:
            log.warning("Kakao turn for %s exceeded %.1fs; it finishes in the background", inbound.address.key,
                        self.budget)
            self.park(inbound.address, task)
            return [Reply(texts.KAKAO_TIMEOUT_TEXT)]
        except asyncio.CancelledError:  # the request went away; the turn still completes and is shown next time
            self.park(inbound.address, task)
            raise

    def park(self, address: Address, task: asyncio.Task[list[Reply]]) -> None:
        self._late.setdefault(address.key, []).append(task)
        task.add_done_callback(log_late_failure)

    def collect_late(self, address: Address) -> list[Reply]:
        """Replies of earlier turns that finished after their answer was sent, oldest first."""
        tasks = self._late.pop(address.key, [])
        if pending := [t for t in tasks if not t.done()]:
            self._late[address.key] = pending
        return [r for t in tasks if t.done() and not t.cancelled() and t.exception() is None for r in t.result()]


def log_late_failure(task: asyncio.Task[list[Reply]]) -> None:
    if not task.cancelled() and (exc := task.exception()) is not None:
        log.error("A Kakao turn that finished late failed", exc_info=exc)


def kakao_routes(dialog: Dialog, settings: Settings, desk: CaseDesk | None = None,
                 nothing_new: str = "") -> list[Route]:
    """``desk``: answers our event block (Kakao Event API) with the parent's waiting messages."""
    skill = KakaoSkill(dialog, secret=settings.kakao_secret, secret_header=settings.kakao_secret_header,
                       budget=settings.kakao_budget_seconds, desk=desk, nothing_new=nothing_new)
    return [Route("/kakao/skill", skill.handle, methods=["POST"])]
