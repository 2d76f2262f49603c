"""One clock from the top: `running(clock=)` hands the injected clock to everything that decides by time."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import datetime
from pathlib import Path

import httpx

from bot.caremap.page import render_map
from bot.caremap.web import STATIC_URL
from bot.settings import Settings
from bot.shell.app import running
from db.models import ts
from tests.conftest import KST, FakeClock
from tests.test_dispatch import Recorder, a_case

# Far from the real date on purpose: a part that read the wall clock would see these rows as not yet due.
SUNDAY_MORNING = datetime(2031, 3, 2, 8, 30, tzinfo=KST)


async def test_the_dispatcher_delivers_by_the_injected_clock(settings: Settings) -> None:
    clock = FakeClock(SUNDAY_MORNING)
    recorder = Recorder()
    async with running(settings, clock, notifiers=[recorder], telegram=False) as app:
        case = dataclasses.replace(a_case(), created_at=SUNDAY_MORNING, consent_at=SUNDAY_MORNING)
        case_id = await app.store.create_case(case, "{}")
        app.dispatcher.kick()
        for _ in range(200):
            if recorder.notes:
                break
            await asyncio.sleep(0.01)
        assert [n.case.id for n in recorder.notes] == [case_id]
        (row,) = await app.store.fetch("SELECT at FROM deliveries WHERE notifier = 'rec'")
        assert row["at"] == ts(SUNDAY_MORNING)


async def test_the_map_shows_open_now_by_the_injected_clock(settings: Settings, knowledge) -> None:
    # Two instants with different "open now" states: whatever the real time is, a map on it differs from one.
    for at in (datetime(2031, 3, 4, 14, 0, tzinfo=KST), datetime(2031, 3, 2, 3, 0, tzinfo=KST)):
        async with running(settings, FakeClock(at), telegram=False) as app:
            from bot.shell.web import build_web

            transport = httpx.ASGITransport(app=build_web(app.routes))
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
                page = await client.get("/map")
        assert page.status_code == 200
        assert page.text == render_map(knowledge, at, static_url=STATIC_URL)


def test_settings_clock_pins_a_naive_now_in_the_local_zone(tmp_path: Path) -> None:
    settings = Settings.from_env({"DOLBOM_DB_PATH": str(tmp_path / "x.sqlite3")}, dotenv=None)
    assert settings.clock(datetime(2031, 3, 2, 8, 30))() == SUNDAY_MORNING
