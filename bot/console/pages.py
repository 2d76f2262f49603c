"""Console pages: the queue (and its live rows), the case page, the control tower's dashboard, report and audit."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sse_starlette.sse import EventSourceResponse
from starlette.responses import Response

from bot.console import texts
from bot.console.access import Handler
from bot.console.core import Console, Ctx
from bot.console.dashboard import dashboard_figures
from bot.console.views import PAGE, Filter, queue_rows, record, row_view, unclaimed_count
from bot.coordination.desks import handles
from bot.coordination.texts import OUTCOME, STATUS
from db.models import Outcome


def handlers(console: Console) -> dict[str, Handler]:
    async def rows_context(ctx: Ctx) -> dict[str, object]:
        assert ctx.who is not None
        who, f, now = ctx.who, Filter.parse(ctx.request.query_params), console.clock()

        async def read() -> dict[str, object]:
            found = await queue_rows(console.store, who, f, now)
            names = console.names()
            return {"rows": [row_view(r, names, now, console.settings.tz) for r in found[:PAGE]],
                    "more": len(found) > PAGE, "unclaimed": await unclaimed_count(console.store, who), "f": f}

        # Who sees the same rows: the same scope and filters ('mine' is per person), in the same minute.
        key = (who.control, who.services, f, who.name if f.view == "mine" else "", now.strftime("%Y%m%d%H%M"))
        return dict(await console.live.shared.get(key, read))

    async def queue_page(ctx: Ctx) -> Response:
        assert ctx.who is not None
        services = [s for s in console.knowledge.current.services if ctx.who.handles(s.id)]
        areas = sorted(p.name for p in console.knowledge.current.places)
        return console.page(ctx, "queue.html", views=texts.VIEWS, services=services, areas=areas, statuses=STATUS,
                            **await rows_context(ctx))

    async def queue_rows_partial(ctx: Ctx) -> Response:
        return console.page(ctx, "rows.html", partial=True, **await rows_context(ctx))

    async def events(ctx: Ctx) -> Response:
        return EventSourceResponse(console.live.stream(), ping=15, headers={"Cache-Control": "no-store"})

    async def case_page(ctx: Ctx) -> Response:
        assert ctx.who is not None and ctx.case is not None
        rec = await record(console.store, ctx.case)
        await console.access.record(ctx.who.name, ctx.ip, "view_case", ctx.case.id)
        staff = [c for c in console.coordinators().coordinators if handles(c, ctx.case) and not c.control]
        replies = [m for m in await console.queue.parent_messages(ctx.case.id) if m.kind == "reply"]
        return console.page(ctx, "case.html", rec=rec, c=ctx.case, names=console.names(), staff=staff,
                            outcomes=OUTCOME, statuses=STATUS, tz=console.settings.tz, replies=replies,
                            done=ctx.request.query_params.get("done", ""),
                            Outcome=Outcome, reply_how=texts.REPLY_HOW.get(
                                "kakao_push" if ctx.case.channel == "kakao" and console.settings.kakao_can_push
                                else ctx.case.channel, ""))

    async def dashboard(ctx: Ctx) -> Response:
        figures = await dashboard_figures(console.store, console.clock(), console.settings.tz)
        today = console.clock().astimezone(console.settings.tz).date()
        return console.page(ctx, "dashboard.html", fig=figures, names=console.names(), statuses=STATUS,
                            first=today.replace(day=1), today=today)

    async def report(ctx: Ctx) -> Response:
        assert ctx.who is not None
        from bot.reports.report import build_report, render_csv

        q = ctx.request.query_params
        reason = q.get("reason", "")
        if reason not in texts.REPORT_REASONS:
            return console.error(ctx.request, 400, texts.REPORT_REASON_NEEDED)
        today = console.clock().astimezone(console.settings.tz).date()
        try:
            start = date.fromisoformat(q.get("start") or today.replace(day=1).isoformat())
            end = date.fromisoformat(q.get("end") or today.isoformat())
        except ValueError:
            return console.error(ctx.request, 400, texts.NOT_FOUND)
        report = await build_report(console.store, console.knowledge.current, start, end, console.settings.tz,
                                    now=console.clock(), lines=True)
        await console.access.record(ctx.who.name, ctx.ip, f"download_report:{start}..{end}:{reason}")
        name = f"dolbom-report-{start}-{end}.csv"
        return Response(render_csv(report).encode("utf-8-sig"), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"})

    async def audit(ctx: Ctx) -> Response:
        assert ctx.who is not None
        tz = console.settings.tz
        month = ctx.request.query_params.get("month") or console.clock().astimezone(tz).strftime("%Y-%m")
        try:
            first = date.fromisoformat(month + "-01")
        except ValueError:
            first = console.clock().astimezone(tz).date().replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        entries = await console.access.entries(start=datetime.combine(first, time(), tz),
                                               end=datetime.combine(nxt, time(), tz), limit=5000)
        await console.access.record(ctx.who.name, ctx.ip, f"view_audit:{first:%Y-%m}")
        counts: dict[tuple[str, str], int] = {}
        for e in entries:
            counts[(e.who, e.action.split(":")[0])] = counts.get((e.who, e.action.split(":")[0]), 0) + 1
        return console.page(ctx, "audit.html", entries=entries[-500:][::-1], counts=sorted(counts.items()),
                            month=f"{first:%Y-%m}", tz=tz)

    return {"queue_page": queue_page, "queue_rows": queue_rows_partial, "events": events, "case_page": case_page,
            "dashboard": dashboard, "report": report, "audit": audit}
