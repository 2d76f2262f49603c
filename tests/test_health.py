"""Honest health: /healthz says 503 with the reason when writes cannot happen; security headers on every answer;
repeated failures log once a minute; a broken knowledge file stops the start with a short message."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from bot.settings import Settings
from bot.shell.app import running
from bot.shell.logs import Repeats
from bot.shell.web import CSP, build_web
from db.sqlite.pipe import WriterProcess
from tests.conftest import FakeClock
from tests.test_surrogates import children

ROOT = Path(__file__).resolve().parent.parent


def web_client(app) -> httpx.AsyncClient:  # type: ignore[no-untyped-def]
    transport = httpx.ASGITransport(app=build_web(app.routes, problems=app.problems, warnings=app.warnings))
    return httpx.AsyncClient(transport=transport, base_url="http://t")


async def test_healthz_is_503_when_the_database_cannot_be_written(settings: Settings) -> None:
    async with running(settings, FakeClock(), telegram=False) as app, web_client(app) as http:
        assert (await http.get("/healthz")).json() == {"status": "ok"}
        # A read-only database, as after a remount or a full disk: every write fails from here on.
        await app.store.write(lambda c: c.execute("PRAGMA query_only=ON"))
        sick = await http.get("/healthz")
        assert sick.status_code == 503 and sick.headers["content-type"] == "application/json"
        assert sick.json()["status"] == "unavailable" and "readonly" in " ".join(sick.json()["reasons"])
        assert "readonly" in (await http.get("/healthz")).text  # asked again: still honest


async def test_healthz_is_503_when_the_writer_process_is_gone_for_good(settings: Settings,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    async with running(settings, FakeClock(), telegram=False) as app, web_client(app) as http:
        first = app.store.writer_pid
        assert first is not None
        os.kill(first, signal.SIGKILL)
        # Killed once: once its end is noticed, the check starts it again (the old one reaped) and says ok.
        for _ in range(3000):  # a loaded machine can take seconds to start a process: wait for the event, up to 30 s
            assert (await http.get("/healthz")).status_code == 200
            if app.store.writer_pid not in (None, first):  # None between the end noticed and the new start
                break
            await asyncio.sleep(0.01)
        assert app.store.writer_pid not in (None, first) and len(children()) == 2

        async def cannot_start(*args: object) -> WriterProcess:
            raise OSError("no more processes")

        monkeypatch.setattr(WriterProcess, "start", cannot_start)
        os.kill(app.store.writer_pid, signal.SIGKILL)  # type: ignore[arg-type]
        for _ in range(3000):
            sick = await http.get("/healthz")
            if sick.status_code == 503:
                break
            await asyncio.sleep(0.01)
        assert sick.status_code == 503 and "writer" in sick.json()["reasons"][0]


async def test_every_answer_has_the_security_headers(settings: Settings) -> None:
    async with running(settings, FakeClock(), telegram=False) as app, web_client(app) as http:
        answers = [await http.get("/healthz"), await http.get("/map"), await http.get("/map/static/caremap.js"),
                   await http.get("/kakao/skill"), await http.get("/nowhere"),
                   await http.post("/kakao/skill", content=b"{")]
    assert [a.status_code for a in answers] == [200, 200, 200, 405, 404, 400]
    for answer in answers:
        assert answer.headers["content-security-policy"] == CSP
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "frame-ancestors 'none'" in CSP and "https://tile.openstreetmap.org" in CSP


def test_identical_failures_log_once_a_minute_with_a_count() -> None:
    now = [0.0]
    repeats = Repeats(clock=lambda: now[0])

    def record(user: str) -> logging.LogRecord:
        try:
            raise OSError(28, "No space left on device")
        except OSError:
            exc = sys.exc_info()
        return logging.LogRecord("bot.channels.kakao.skill", logging.ERROR, __file__, 1,
                                 "Kakao turn failed for %s", (user,), exc)

    passed = [r for i in range(500) if repeats.filter(r := record(f"kakao:{i}"))]
    assert len(passed) == 1 and passed[0].exc_info is not None
    now[0] = 61.0
    later = record("kakao:x")
    assert repeats.filter(later) and later.exc_info is None and "500x" in later.getMessage()
    other = logging.LogRecord("x", logging.INFO, __file__, 1, "fine", (), None)
    assert all(repeats.filter(other) for _ in range(3))


def test_a_broken_knowledge_file_stops_the_start_with_a_short_message(tmp_path: Path) -> None:
    for name in ("services.yaml", "places.yaml"):
        text = (ROOT / "knowledge" / name).read_text(encoding="utf-8")
        if name == "services.yaml":
            text = text.replace("name: 365어린이집\n", "name: 365어린이집\n    colour_of_door: 빨강\n", 1)
        (tmp_path / name).write_text(text, encoding="utf-8")
    env = {"DOLBOM_DB_PATH": str(tmp_path / "x.sqlite3"), "DOLBOM_KNOWLEDGE_DIR": str(tmp_path),
           "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "bot.shell.cli", "serve", "--no-console"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "services.yaml" in done.stderr and "colour_of_door" in done.stderr
    assert "daycare-365" in done.stderr and "행" in done.stderr  # the entry and the line
    assert len(done.stderr.splitlines()) <= 4


async def test_a_refused_knowledge_edit_is_a_warning_while_the_last_good_serves(tmp_path: Path) -> None:
    for name in ("services.yaml", "places.yaml"):
        (tmp_path / name).write_bytes((ROOT / "knowledge" / name).read_bytes())
    settings = Settings.from_env({"DOLBOM_DB_PATH": str(tmp_path / "k.sqlite3"),
                                  "DOLBOM_KNOWLEDGE_DIR": str(tmp_path)}, dotenv=None)
    good = (tmp_path / "services.yaml").read_text(encoding="utf-8")
    async with running(settings, FakeClock(), telegram=False) as app, web_client(app) as http:
        assert (await http.get("/healthz")).json() == {"status": "ok"}
        (tmp_path / "services.yaml").write_text(good.replace("services:", "services: [", 1), encoding="utf-8")
        assert not app.knowledge.reload()
        answer = await http.get("/healthz")
        assert answer.status_code == 200 and "edit refused" in answer.json()["warnings"][0]
        (tmp_path / "services.yaml").write_text(good + "\n", encoding="utf-8")
        assert app.knowledge.reload()
        assert (await http.get("/healthz")).json() == {"status": "ok"}


async def test_the_reader_is_compiled_at_start_and_after_an_edit_not_in_a_parents_turn(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Compiling the reader's patterns takes a second or more; done in the first turn, it stalled every turn queued
    behind it (the Kakao bench's p99 at 1,000 requests/s went from 12 to 60 ms). It happens at start, in a
    thread, and again in a thread when an edit installs new knowledge."""
    import routing.understand
    from bot.dialog.core import Address, Channel, Inbound

    built: list[object] = []
    real = routing.understand.Understander

    class Counting(real):  # type: ignore[misc, valid-type]
        def __init__(self, knowledge: object) -> None:
            built.append(knowledge)
            super().__init__(knowledge)  # type: ignore[arg-type]

    monkeypatch.setattr("routing.understand.Understander", Counting)  # what reader_for compiles with
    for name in ("services.yaml", "places.yaml"):
        (tmp_path / name).write_bytes((ROOT / "knowledge" / name).read_bytes())
    settings = Settings.from_env({"DOLBOM_DB_PATH": str(tmp_path / "r.sqlite3"),
                                  "DOLBOM_KNOWLEDGE_DIR": str(tmp_path)}, dotenv=None)
    async with running(settings, FakeClock(), telegram=False) as app:
        assert built == [app.knowledge.current]
        await app.engine.handle(Inbound(Address(Channel.KAKAO, "reader"), text="4살 내일 오후 2시부터 5시까지"))
        assert len(built) == 1
        (tmp_path / "places.yaml").write_text((tmp_path / "places.yaml").read_text(encoding="utf-8") + "\n",
                                              encoding="utf-8")
        assert app.knowledge.reload()
        for _ in range(1000):
            if app.engine.prepared(app.knowledge.current):
                break
            await asyncio.sleep(0.01)
        assert built[-1] is app.knowledge.current
        await app.engine.handle(Inbound(Address(Channel.KAKAO, "reader"), text="율곡동이요"))
        assert len(built) == 2
