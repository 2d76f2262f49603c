"""Console actions on a case (each logged): claim, assign, status changes, a private note, a reminder, a reply."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from urllib.parse import quote

from starlette.responses import RedirectResponse, Response

from bot.console import texts
from bot.console.access import Handler
from bot.console.core import Console, Ctx
from bot.coordination.desks import handles
from bot.coordination.queue import Refused
from db import cases as sql
from db.cases import Change, TransitionRefused
from db.models import Outcome, Status, ts

CHANGES = {"contacted": Change.CONTACTED, "resolved": Change.RESOLVED, "closed": Change.CLOSED,
           "reopened": Change.REOPENED, "note": Change.NOTE}


def back(case_id: int, message: str = texts.DONE) -> Response:
    return RedirectResponse(f"/console/cases/{case_id}?done={quote(message)}", status_code=303)


def field(ctx: Ctx, key: str) -> str:
    value = ctx.form.get(key) if ctx.form is not None else None
    return value.strip() if isinstance(value, str) else ""


def handlers(console: Console) -> dict[str, Handler]:
    async def act(ctx: Ctx, action: str, work: object) -> Response:
        """Run ``work`` (an awaitable), log ``action``, and answer with the case page or the refusal."""
        assert ctx.who is not None and ctx.case is not None
        try:
            result = await work  # type: ignore[misc]
        except Refused as exc:
            return console.error(ctx.request, 403, str(exc))
        except (TransitionRefused, ValueError) as exc:
            return console.error(ctx.request, 409, str(exc))
        await console.access.record(ctx.who.name, ctx.ip, action, ctx.case.id)
        return back(ctx.case.id, result if isinstance(result, str) else texts.DONE)

    async def claim(ctx: Ctx) -> Response:
        assert ctx.who is not None and ctx.case is not None

        async def work() -> str:
            return (await console.queue.claim(ctx.case.id, ctx.who.name)).message  # type: ignore[union-attr]

        return await act(ctx, "claim", work())

    async def update(ctx: Ctx) -> Response:
        assert ctx.who is not None and ctx.case is not None
        change = CHANGES.get(field(ctx, "change"))
        if change is None:
            return console.error(ctx.request, 400, texts.NOT_FOUND)
        outcome_text = field(ctx, "outcome")
        outcome = Outcome(outcome_text) if outcome_text in set(Outcome) else None
        note = field(ctx, "note")[:2000] or None
        case_id, now = ctx.case.id, ts(console.clock())

        async def work() -> None:
            await console.queue.update(case_id, ctx.who.name, change, outcome=outcome, note=note)  # type: ignore[union-attr]
            if change is not Change.NOTE:  # acting on the case answers a reminder that came due
                await console.store.write(lambda c: c.execute(
                    "UPDATE followups SET cancelled_at = ? WHERE case_id = ? AND kind = 'console' AND due_at <= ?"
                    " AND cancelled_at IS NULL", (now, case_id, now)))

        return await act(ctx, f"update:{change}", work())

    async def remind(ctx: Ctx) -> Response:
        assert ctx.who is not None and ctx.case is not None
        try:
            due = datetime.fromisoformat(field(ctx, "at")).replace(tzinfo=console.settings.tz)
        except ValueError:
            return console.error(ctx.request, 400, texts.REMIND_AT)
        case_id, who, at = ctx.case.id, ctx.who.name, ts(console.clock())

        def write(conn: sqlite3.Connection) -> None:
            sql.add_followup(conn, case_id, "console", ts(due))
            sql.add_event(conn, case_id, at, who, "remind_set", note=due.strftime("%Y-%m-%d %H:%M"))

        async def work() -> str:
            await console.store.write(write)
            console.queue.changed()
            return texts.REMIND_SET.format(when=due.strftime("%Y-%m-%d %H:%M"))

        return await act(ctx, "remind", work())

    async def assign(ctx: Ctx) -> Response:
        assert ctx.who is not None and ctx.case is not None
        target = console.coordinators().named(field(ctx, "to"))
        if target is None or target.control or not handles(target, ctx.case):
            return console.error(ctx.request, 409, texts.NOT_HANDLER.format(name=field(ctx, "to")))
        case_id, by, now = ctx.case.id, ctx.who.name, console.clock()
        remind = ts(now + timedelta(minutes=console.coordinators().timings.not_contacted))

        def write(conn: sqlite3.Connection) -> None:
            row = sql.current(conn, case_id)
            if row["status"] == Status.CLAIMED and row["claimed_by"] != target.name:
                sql.change(conn, case_id, Change.RELEASED, by, ts(now))
            elif row["status"] not in (Status.NEW, Status.CLAIMED):
                raise TransitionRefused(case_id, Status(row["status"]), Change.CLAIMED)
            sql.claim(conn, case_id, target.name, ts(now), remind)
            sql.add_event(conn, case_id, ts(now), by, "assigned", note=target.name)

        async def work() -> None:
            await console.store.write(write)
            console.queue.changed()

        return await act(ctx, f"assign:{target.name}", work())

    async def reply(ctx: Ctx) -> Response:
        assert ctx.who is not None and ctx.case is not None
        text = field(ctx, "text")[:1000]
        return await act(ctx, "reply", console.queue.reply(ctx.case.id, ctx.who.name, text))

    return {"claim": claim, "update": update, "remind": remind, "assign": assign, "reply": reply}
