"""The care map in a real headless Chromium: loads offline, one marker per site, filters, live "open now", focus."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import httpx
import pytest

from bot.caremap.page import render_map
from bot.caremap.web import map_routes
from bot.dialog.opening import is_open, today_label
from bot.settings import Settings
from bot.shell.web import build_web

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip("chromium is not installed (apt-get install chromium); CI installs it and runs these tests",
                allow_module_level=True)

from playwright.async_api import Page, Route, async_playwright  # noqa: E402

from tests.shipped import SHIPPED  # noqa: E402

KST = ZoneInfo("Asia/Seoul")
KNOWLEDGE = SHIPPED
TUESDAY_9PM = datetime(2026, 11, 24, 21, 0, tzinfo=KST)
SUNDAY_3AM = datetime(2026, 11, 29, 3, 0, tzinfo=KST)
CHUSEOK_NOON = datetime(2026, 9, 25, 12, 0, tzinfo=KST)
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "map.png"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
MARKERS = ".leaflet-marker-pane .dolbom-marker"
SITES = [(s.id, site) for s in KNOWLEDGE.services for site in s.sites]


@asynccontextmanager
async def browser_page(now: datetime, timezone: str = "Asia/Seoul") -> AsyncIterator[tuple[Page, list[str]]]:
    """A page whose clock stands at ``now`` and whose every http(s) request fails, as with no network;
    yields the page and the URLs it tried to fetch."""
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            context = await browser.new_context(viewport={"width": 1280, "height": 800}, timezone_id=timezone)
            page = await context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            tried: list[str] = []

            async def block(route: Route) -> None:
                tried.append(route.request.url)
                await route.abort("internetdisconnected")

            await page.route("http*://**", block)
            await page.clock.set_fixed_time(now)
            yield page, tried
            assert errors == []
        finally:
            await browser.close()


async def open_file(page: Page, tmp_path: Path, html: str) -> None:
    path = tmp_path / "map.html"
    path.write_text(html, encoding="utf-8")
    await page.goto(path.as_uri())
    await page.wait_for_function("window.dolbomMap !== undefined")


async def marker_sites(page: Page) -> list[str]:
    return sorted(await page.eval_on_selector_all(MARKERS, "els => els.map(e => e.dataset.site)"))


async def test_page_loads_offline_with_one_marker_per_site_and_a_screenshot(tmp_path: Path) -> None:
    async with browser_page(TUESDAY_9PM) as (page, tried):
        await open_file(page, tmp_path, render_map(KNOWLEDGE, TUESDAY_9PM))
        assert await marker_sites(page) == sorted(site.id for _, site in SITES)
        assert await page.inner_text("#shown") == "12곳 중 12곳 표시"
        assert {urlsplit(u).hostname for u in tried} <= {"tile.openstreetmap.org"}
        assert await page.locator(".dolbom-area", has_text="율곡동").count() == 1
        await page.locator(f'{MARKERS}[data-site="daycare-365-moam"]').click()
        popup = page.locator(".leaflet-popup-content")
        await popup.wait_for()
        text = await popup.inner_text()
        assert "365어린이집 모암" in text and "042-234-5678" in text and "김천시 모암동" in text
        assert "오늘(화) 07:30-24:00 · 지금 운영 중" in text
        await page.wait_for_function("getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'")
        # The README's picture is refreshed only on request, so a test run leaves the work tree clean.
        shot = SCREENSHOT if os.environ.get("UPDATE_SCREENSHOT") else tmp_path / "map.png"
        shot.parent.mkdir(exist_ok=True)
        await page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


async def test_service_filter_hides_and_shows_markers_and_list_entries(tmp_path: Path) -> None:
    async with browser_page(TUESDAY_9PM) as (page, _):
        await open_file(page, tmp_path, render_map(KNOWLEDGE, TUESDAY_9PM))
        await page.get_by_role("checkbox", name="365어린이집").uncheck()
        assert len(await marker_sites(page)) == 8
        assert not [s for s in await marker_sites(page) if s.startswith("daycare-365")]
        assert await page.locator("#entry-daycare-365-yulgok").is_hidden()
        assert await page.locator("#service-daycare-365").is_hidden()
        assert await page.inner_text("#shown") == "12곳 중 8곳 표시"
        await page.get_by_role("checkbox", name="365어린이집").check()
        assert len(await marker_sites(page)) == 12
        assert await page.locator("#entry-daycare-365-yulgok").is_visible()


async def test_open_now_filter_follows_the_city_clock_like_the_server(tmp_path: Path) -> None:
    # The browser sits in New York; "open now" must still be about Gimcheon's time.
    async with browser_page(TUESDAY_9PM, timezone="America/New_York") as (page, _):
        await open_file(page, tmp_path, render_map(KNOWLEDGE, SUNDAY_3AM))
        open_at_9pm = sorted(s.id for sid, s in SITES if is_open(KNOWLEDGE.service(sid).hours_at(s), TUESDAY_9PM))
        assert len(open_at_9pm) == 6
        # The page was rendered at 03:00 on Sunday, but the script corrects it to the browser's clock.
        label = today_label(KNOWLEDGE.service("toy-library").hours, TUESDAY_9PM)
        assert await page.inner_text("#entry-toy-library-yulgok .today") == label
        assert await page.inner_text(".as-of") == "2026-11-24 21:00 기준"
        await page.get_by_role("checkbox", name="지금 운영 중인 곳만").check()
        assert await marker_sites(page) == open_at_9pm
        assert await page.locator("#entry-toy-library-yulgok").is_hidden()
        assert await page.locator("#entry-home-care-home").is_visible()
        await page.clock.set_fixed_time(SUNDAY_3AM)
        await page.evaluate("window.dolbomMap.refresh()")
        assert await marker_sites(page) == ["emergency-119-yulgok"]
        await page.get_by_role("checkbox", name="지금 운영 중인 곳만").uncheck()
        assert len(await marker_sites(page)) == 12
        await page.clock.set_fixed_time(CHUSEOK_NOON)
        await page.evaluate("window.dolbomMap.refresh()")
        assert await page.inner_text("#entry-toy-library-yulgok .today") == "오늘(공휴일) 휴무"
        assert await page.inner_text("#entry-daycare-365-moam .today") == "오늘(공휴일) 09:00-18:00 · 지금 운영 중"


async def test_served_focused_page_opens_the_recommended_site() -> None:
    # Through the real app: its Content-Security-Policy must let the map run (no violation in the console).
    app = build_web(map_routes(type("Source", (), {"current": KNOWLEDGE})(), Settings(), lambda: TUESDAY_9PM))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://dolbom.test") as http:

        async def serve(route: Route) -> None:
            answer = await http.get(route.request.url)
            await route.fulfill(status=answer.status_code, headers=dict(answer.headers), body=answer.content)

        async with browser_page(TUESDAY_9PM) as (page, tried):
            await page.route("http://dolbom.test/**", serve)
            blocked: list[str] = []
            page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
            await page.goto("http://dolbom.test/map?service=after-school&site=after-school-hwangsan")
            await page.wait_for_function("window.dolbomMap !== undefined")
            assert len(await marker_sites(page)) == 3
            popup = page.locator(".leaflet-popup-content")
            await popup.wait_for()
            assert "다함께돌봄센터 황산" in await popup.inner_text()
            assert not [u for u in tried if "dolbom.test" in u]
            assert blocked == []
