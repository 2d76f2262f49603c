"""Figure 7: the console's queue page with 100,000 cases in the database, and a change reaching 50 open consoles."""

from __future__ import annotations

import asyncio
import json
import random
import socket
import sqlite3
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.engine import percentile
from bot.shell.loop import run as run_loop

SERVICES = ["daycare-365", "home-care", "after-school", "emergency-119", "mom-center", "toy-library", "other-dept",
            None]
AREAS = ["율곡동", "자산동", "대신동", "개령면", "아포읍", "양금동", "대곡동", "지좌동"]
PASSWORD = "bench-password-1"
VIEWS = ["unclaimed", "mine", "urgent", "overdue", "followup", "closed", "all"]


def fill(path: Path, cases: int, now: datetime) -> None:
    """``cases`` cases over the last 400 days: most closed, 3% still open, a parent follow-up for each care date
        (70% never answered)."""
    rng = random.Random(7)
    conn = sqlite3.connect(path)
    rows, followups = [], []
    for n in range(1, cases + 1):
        created = now - timedelta(minutes=(cases - n) * 400 * 24 * 60 / cases)
        at = created.astimezone(UTC).isoformat(timespec="microseconds")
        service = rng.choice(SERVICES)
        status = rng.choice(["new", "claimed", "contacted"]) if n > cases * 0.97 else rng.choice(["resolved", "closed"])
        owner = None if status == "new" else ("이담당" if service == "daycare-365" else "가족여성팀")
        months = rng.randint(3, 150)
        summary = json.dumps({"start": rng.choice([9, 14, 18, 20]) * 60, "end": 22 * 60, "recommended": []})
        care = (created.date() + timedelta(days=1)).isoformat()
        rows.append((n, f"kakao:b{n}", "kakao", service, rng.random() < 0.05, rng.random() < 0.01,
                     rng.choice(AREAS), json.dumps([{"age_months": months}]), summary, "요약", at, status, owner,
                     care, at))
        # Most parents never answer the follow-up question: its row stays unanswered for good.
        due = (created + timedelta(days=1)).astimezone(UTC).isoformat(timespec="microseconds")
        followups.append((n, "parent", due, at if rng.random() < 0.3 else None))
    conn.executemany(
        "INSERT INTO cases (id, user_key, channel, service_id, urgent, danger, area, children, summary, summary_text,"
        " created_at, status, claimed_by, care_date, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    conn.executemany("INSERT INTO followups (case_id, kind, due_at, answered_at) VALUES (?, ?, ?, ?)", followups)
    conn.commit()
    conn.close()


class Timed:
    """ASGI wrapper recording the server's time for each queue page request (from call to the last body byte)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.times: list[float] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] not in ("/console/", "/console/rows"):
            await self.app(scope, receive, send)
            return
        began = time.perf_counter()
        await self.app(scope, receive, send)
        self.times.append((time.perf_counter() - began) * 1000)


async def run_once(cases: int = 100_000, consoles: int = 50, requests: int = 300) -> dict[str, float]:
    import httpx
    import uvicorn
    from starlette.applications import Starlette

    from bot.console.core import Console
    from bot.console.web import console_routes
    from bot.coordination.queue import Queue
    from bot.settings import Settings
    from db.models import NewCase
    from db.sqlite.store import SQLiteStore
    from knowledge.coordinators import load as load_coordinators
    from knowledge.source import KnowledgeSource

    now = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)
    with tempfile.TemporaryDirectory(prefix="dolbom-console-") as tmp:
        settings = Settings(db_path=Path(tmp) / "bench.sqlite3")
        store = await SQLiteStore.open(settings.db_path)
        await asyncio.get_running_loop().run_in_executor(None, fill, settings.db_path, cases, now)
        queue = Queue(store, load_coordinators(settings.coordinators_path), tz=settings.tz, clock=lambda: now)
        console = Console(store, queue, KnowledgeSource(settings.knowledge_dir), settings, lambda: now)
        for name in ("이담당", "가족여성팀"):
            await console.accounts.add(name, PASSWORD)
        timed = Timed(Starlette(routes=console_routes(console)))
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        base = f"http://127.0.0.1:{sock.getsockname()[1]}"
        server = uvicorn.Server(uvicorn.Config(timed, lifespan="off", log_level="warning", access_log=False,
                                               timeout_graceful_shutdown=1))
        task = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started:
            await asyncio.sleep(0.01)
        try:
            async with httpx.AsyncClient(base_url=base, timeout=30) as coord, \
                    httpx.AsyncClient(base_url=base, timeout=30) as control:
                for client, name in ((coord, "이담당"), (control, "가족여성팀")):
                    page = await client.get("/console/login")
                    token = page.text.split('name="csrf" value="')[1].split('"')[0]
                    await client.post("/console/login", data={"csrf": token, "username": name, "password": PASSWORD})
                for n in range(requests):
                    client = coord if n % 2 else control
                    console.live.shared.changed()  # every request reads the database: the page's full cost
                    r = await client.get(f"/console/?view={VIEWS[n % len(VIEWS)]}")
                    assert r.status_code == 200, r.status_code
                page_times = list(timed.times)
                live = await _live(base, control, consoles, store, now, NewCase)
        finally:
            server.should_exit = True
            await task
            await store.close()
    by_view = {f"view_{v}_p99_ms": percentile(page_times[i::len(VIEWS)], 0.99) for i, v in enumerate(VIEWS)}
    return {"page_p50_ms": percentile(page_times, 0.5), "page_p99_ms": percentile(page_times, 0.99), **by_view,
            **live}


async def _live(base: str, control: Any, consoles: int, store: Any, now: datetime, new_case: Any) -> dict[str, float]:
    """``consoles`` event streams open; a new case is created; the time until every console has received the
    event and fetched its refreshed rows, as htmx does on 'changed'."""
    import httpx

    cookies = control.cookies
    got: list[float] = []
    ready = asyncio.Event()
    opened = 0
    created_at = 0.0

    async def one() -> None:
        nonlocal opened
        async with httpx.AsyncClient(base_url=base, cookies=cookies, timeout=30) as c, \
                c.stream("GET", "/console/events") as stream:
            async for line in stream.aiter_lines():
                if line == "event: hello":
                    opened += 1
                    if opened == consoles:
                        ready.set()
                elif line == "event: changed":
                    rows = await c.get("/console/rows?view=unclaimed")
                    assert rows.status_code == 200
                    got.append((time.perf_counter() - created_at) * 1000)
                    return

    tasks = [asyncio.create_task(one()) for _ in range(consoles)]
    await asyncio.wait_for(ready.wait(), 30)
    created_at = time.perf_counter()
    await store.create_case(new_case(
        user_key="kakao:live", channel="kakao", service_id="daycare-365", site_id=None, urgent=True, danger=False,
        area="율곡동", children=({"age_months": 40},), summary={}, summary_text="", contact=None, consent_at=None,
        created_at=now, care_date=date(2026, 11, 25)), "{}")
    await asyncio.wait_for(asyncio.gather(*tasks), 60)
    return {"live_all_ms": max(got), "live_p50_ms": percentile(got, 0.5), "consoles": float(len(got))}


def measure(runs: int = 3, cases: int = 100_000) -> dict[str, list[float]]:
    results = [run_loop(run_once(cases)) for _ in range(runs)]
    return {k: [r[k] for r in results] for k in results[0]}


if __name__ == "__main__":
    print(measure(1))
