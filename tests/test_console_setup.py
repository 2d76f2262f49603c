"""Console test setup (imported by the other console tests) and the account rules: who may get a login, hashes."""

from __future__ import annotations

import dataclasses
import re
import shutil
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx
from starlette.applications import Starlette

from bot.console.core import Console
from bot.console.web import console_routes
from bot.coordination.queue import Queue
from bot.dialog.engine import FixedKnowledge
from bot.settings import Settings
from db.models import NewCase
from db.store import Store

PASSWORD = "dolbom-test-pass-1"
CONTROL, DAYCARE, HOMECARE = "가족여성팀", "이담당", "박담당"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def a_case(service: str | None, at: Any, *, user: str = "kakao:p1", area: str = "율곡동", urgent: bool = False,
           danger: bool = False, months: int = 48, start: int | None = 19 * 60) -> NewCase:
    return NewCase(user_key=user, channel="kakao", service_id=service, site_id=None, urgent=urgent, danger=danger,
                   area=area, children=({"age_months": months, "school_grade": None, "label": "첫째",
                                         "service_id": service},),
                   summary={"start": start, "end": 22 * 60, "recommended": [
                       {"child": "첫째", "service_id": service, "site_id": None, "reasons": ["밤 10시까지 운영"],
                        "next": ["home-care"], "why_not": {"after-school": ["초등학생만"]}}]},
                   summary_text=f"비밀요약 {user} 아이 4세", contact={"route": "phone", "phone": "010-1234-5678"},
                   consent_at=at, created_at=at, care_date=date(2026, 11, 24))


@dataclass
class Setup:
    console: Console
    web: Starlette
    store: Store
    queue: Queue


async def build(store: Store, queue: Queue, knowledge: Any, settings: Settings) -> Setup:
    """Knowledge uploads go to a copy of the knowledge folder next to the test's database, never the real one."""
    folder = settings.db_path.parent / "knowledge"
    if not folder.exists():
        shutil.copytree(settings.knowledge_dir, folder, ignore=shutil.ignore_patterns("history"))
    settings = dataclasses.replace(settings, knowledge_dir=folder)
    console = Console(store, queue, FixedKnowledge(knowledge), settings, queue.clock)
    for name in (CONTROL, DAYCARE, HOMECARE):
        await console.accounts.add(name, PASSWORD)
    return Setup(console, Starlette(routes=console_routes(console)), store, queue)


def client(web: Starlette, ip: str = "10.0.0.7", scheme: str = "http") -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=web, client=(ip, 5000))
    return httpx.AsyncClient(transport=transport, base_url=f"{scheme}://console.test")


async def login(c: httpx.AsyncClient, name: str, password: str = PASSWORD) -> httpx.Response:
    page = await c.get("/console/login")
    token = CSRF.search(page.text)
    assert token is not None
    return await c.post("/console/login", data={"csrf": token.group(1), "username": name, "password": password})


async def csrf_of(c: httpx.AsyncClient) -> str:
    page = await c.get("/console/")
    token = CSRF.search(page.text)
    assert token is not None, page.text[:300]
    return token.group(1)


async def logged_in(web: Starlette, name: str) -> AsyncIterator[tuple[httpx.AsyncClient, str]]:
    async with client(web) as c:
        assert (await login(c, name)).status_code == 303
        yield c, await csrf_of(c)


def form(csrf: str, **values: str) -> Mapping[str, str]:
    return {"csrf": csrf, **values}


# -- accounts ---------------------------------------------------------------------------------------------

async def test_only_people_in_the_yaml_get_an_account_and_the_hash_is_argon2(store, queue, knowledge, settings) -> None:
    import pytest

    from bot.console.accounts import AccountRefused

    s = await build(store, queue, knowledge, settings)
    with pytest.raises(AccountRefused):
        await s.console.accounts.add("아무개", PASSWORD)
    with pytest.raises(AccountRefused):
        await s.console.accounts.add(DAYCARE, "short")
    rows = await store.fetch("SELECT name, password_hash FROM console_accounts ORDER BY name")
    assert sorted(r[0] for r in rows) == sorted([CONTROL, DAYCARE, HOMECARE])
    assert all(r[1].startswith("$argon2id$") and PASSWORD not in r[1] for r in rows)
    assert (await s.console.accounts.check(DAYCARE, PASSWORD)).ok
    assert not (await s.console.accounts.check(DAYCARE, PASSWORD + "x")).ok


def test_account_command_refuses_strangers_with_exit_2_and_never_prints_the_password(
        tmp_path, monkeypatch, capsys) -> None:
    import io

    from bot.shell.cli import main

    monkeypatch.setenv("DOLBOM_DB_PATH", str(tmp_path / "cli.sqlite3"))
    monkeypatch.setattr("sys.stdin", io.StringIO("secret-password-1\n"))
    assert main(["account", "add", "아무개", "--password-stdin"]) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO("secret-password-1\n"))
    assert main(["account", "add", DAYCARE, "--password-stdin"]) == 0
    assert main(["account", "disable", DAYCARE]) == 0
    assert main(["account", "list"]) == 0
    out = capsys.readouterr()
    assert "secret-password-1" not in out.out + out.err
    assert f"{DAYCARE}\tdaycare-365\t사용 중지" in out.out
    assert main(["audit", "--json"]) == 0
    import json

    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [e["action"] for e in lines] == [f"account_set:{DAYCARE}", f"account_disabled:{DAYCARE}"]
    assert set(lines[0]) == {"at", "who", "ip", "action", "case"}


def test_sessions_end_when_idle_and_abandoned_ones_are_dropped_at_the_next_login(clock) -> None:
    from bot.console.sessions import Sessions, csrf_ok

    sessions = Sessions(clock)
    first = sessions.start(DAYCARE)
    session, idled = sessions.get(first)
    assert session is not None and idled is None and csrf_ok(session, session.csrf) and not csrf_ok(session, None)
    clock.advance(minutes=31)
    sessions.start(HOMECARE)
    assert sessions.get(first) == (None, None)  # dropped without a trace: nobody to tell
    assert len(sessions._by_token) == 1
