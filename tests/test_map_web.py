"""The care map over HTTP: /map, focused links, static files, re-rendering on new knowledge; map_link; the CLI."""

from __future__ import annotations

import argparse
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
from starlette.applications import Starlette

from bot.caremap import command as map_cmd
from bot.caremap.web import map_link, map_routes
from bot.settings import Settings
from knowledge.loader import DEFAULT_DIR, FILES
from knowledge.schema import Knowledge
from knowledge.source import KnowledgeSource
from tests.conftest import FakeClock
from tests.shipped import SHIPPED

KST = ZoneInfo("Asia/Seoul")
KNOWLEDGE = SHIPPED
SETTINGS = Settings(public_url="https://dolbom.example.kr/")


@dataclass
class FakeSource:
    current: Knowledge



def client(source: FakeSource, clock: FakeClock) -> httpx.AsyncClient:
    app = Starlette(routes=map_routes(source, SETTINGS, clock))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


def renamed(knowledge: Knowledge, site_id: str, name: str) -> Knowledge:
    services = []
    for s in knowledge.services:
        sites = tuple(x.model_copy(update={"name": name}) if x.id == site_id else x for x in s.sites)
        services.append(s.model_copy(update={"sites": sites}))
    return knowledge.model_copy(update={"services": tuple(services)})


async def test_map_page_is_served_with_linked_static_files() -> None:
    async with client(FakeSource(KNOWLEDGE), FakeClock(datetime(2026, 11, 24, 16, 59, tzinfo=KST))) as http:
        page = await http.get("/map")
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert page.headers["cache-control"] == "no-cache"
        assert 'src="map/static/leaflet/leaflet.js"' in page.text
        assert "365어린이집 율곡" in page.text
        for path in ("/map/static/leaflet/leaflet.js", "/map/static/leaflet/leaflet.css", "/map/static/caremap.js"):
            asset = await http.get(path)
            assert asset.status_code == 200 and len(asset.content) > 1000, path
        assert (await http.get("/map/static/missing.js")).status_code == 404


async def test_focused_link_and_stale_link_fall_back_to_the_whole_map() -> None:
    async with client(FakeSource(KNOWLEDGE), FakeClock(datetime(2026, 11, 24, 16, 59, tzinfo=KST))) as http:
        focused = await http.get("/map", params={"service": "daycare-365", "area": "율곡동"})
        assert "추천된 곳: 365어린이집 · 율곡동" in focused.text
        stale = await http.get("/map", params={"service": "renamed-service", "area": "율곡동"})
        assert stale.status_code == 200
        assert "추천된 곳" not in stale.text and "365어린이집 율곡" in stale.text


async def test_new_knowledge_and_a_new_minute_render_again() -> None:
    source, clock = FakeSource(KNOWLEDGE), FakeClock(datetime(2026, 11, 24, 16, 59, tzinfo=KST))
    async with client(source, clock) as http:
        before = (await http.get("/map")).text
        assert "오늘(화) 10:00-17:00 · 지금 운영 중" in before
        source.current = renamed(KNOWLEDGE, "toy-library-yulgok", "장난감도서관 율곡 새 이름")
        assert "장난감도서관 율곡 새 이름" in (await http.get("/map")).text
        clock.now += timedelta(minutes=1)
        assert "오늘(화) 10:00-17:00 · 지금 운영 안 함" in (await http.get("/map")).text


async def test_a_saved_edit_of_the_yaml_shows_on_the_live_map(tmp_path: Path) -> None:
    for name in FILES:
        shutil.copy(DEFAULT_DIR / name, tmp_path / name)
    source = KnowledgeSource(tmp_path)
    async with client(source, FakeClock(datetime(2026, 11, 24, 16, 59, tzinfo=KST))) as http:
        assert "365어린이집 개령" in (await http.get("/map")).text
        services = tmp_path / "services.yaml"
        services.write_text(services.read_text(encoding="utf-8").replace(
            "name: 365어린이집 개령,", "name: 365어린이집 개령면 새 건물,"), encoding="utf-8")
        assert source.reload()
        page = (await http.get("/map")).text
        assert "365어린이집 개령면 새 건물" in page and "365어린이집 개령<" not in page


def test_map_link_needs_a_public_url_and_encodes_the_focus() -> None:
    assert map_link(Settings(), "daycare-365", area="율곡동") is None
    assert map_link(SETTINGS, "daycare-365", area="율곡동") == (
        "https://dolbom.example.kr/map?service=daycare-365&area=%EC%9C%A8%EA%B3%A1%EB%8F%99")
    assert map_link(SETTINGS, "after-school", site="after-school-yulgok") == (
        "https://dolbom.example.kr/map?service=after-school&site=after-school-yulgok")


def test_cli_writes_a_self_contained_file(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    args = argparse.Namespace(output=str(out), service="after-school", area="평화남산동")
    assert map_cmd.run(args, Settings()) == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "<script src" not in html
    assert "추천된 곳: 다함께돌봄센터 · 평화남산동" in html
    bad = argparse.Namespace(output=str(tmp_path / "x.html"), service="nope", area=None)
    assert map_cmd.run(bad, Settings()) == 1
    assert not (tmp_path / "x.html").exists()
