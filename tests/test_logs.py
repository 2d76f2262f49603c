"""Secrets and personal data stay out of the log at every level; a request cannot forge a log line."""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.settings import Settings
from bot.shell.app import running
from bot.shell.logs import Scrub, escape_controls, setup
from bot.shell.web import build_web
from tests.conftest import FakeClock
from tests.fake_bot_api import TOKEN, FakeBotApi, private_chat
from tests.test_telegram_coord import GROUP_ID

HOOK_SECRET = "hook-s3cret-for-logs"


@pytest.fixture
def log_text() -> Iterator[io.StringIO]:
    """Everything the process logs at DEBUG, through the handler `dolbom` installs at startup."""
    root = logging.getLogger()
    level = root.level
    quiet = {name: logging.getLogger(name).level for name in ("httpx", "httpcore", "apscheduler")}
    stream = io.StringIO()
    settings = Settings(telegram_bot_token=TOKEN, telegram_webhook_secret=HOOK_SECRET)
    handler = setup(settings, stream, level="DEBUG")
    # The httpx line with the token is logged at INFO: keep it in play here, the filter must hold regardless.
    logging.getLogger("httpx").setLevel(logging.DEBUG)
    logging.getLogger("httpcore").setLevel(logging.DEBUG)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
        for name, old in quiet.items():
            logging.getLogger(name).setLevel(old)


def env(tmp_path: Path, fake: FakeBotApi, **more: str) -> Settings:
    (tmp_path / "coordinators.yaml").write_text(
        "coordinators:\n  - {name: 가족여성팀, control: true, telegram_user_id: 7000}\n"
        "  - {name: 이담당, services: [daycare-365], telegram_user_id: 7001}\n", encoding="utf-8")
    return Settings.from_env({
        "DOLBOM_DB_PATH": str(tmp_path / "dolbom.sqlite3"), "DOLBOM_COORDINATORS": str(tmp_path / "coordinators.yaml"),
        "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": fake.base_url, "COORDINATOR_CHAT_ID": str(GROUP_ID),
        **more}, dotenv=None)


async def test_a_telegram_intake_logs_no_token_and_no_phone(tmp_path: Path, log_text: io.StringIO) -> None:
    chat, parent = private_chat(5551)
    async with FakeBotApi() as fake, running(env(tmp_path, fake), FakeClock()) as app:
        await fake.send_text(chat, parent, "4살 아이 오늘 밤 10시까지 맡길 곳 있을까요? 율곡동이에요")
        await fake.wait_for(lambda api: api.has_button(5551, "동의하고 접수"), timeout=10)
        await fake.press(chat, parent, "동의하고 접수")
        await fake.wait_for(lambda api: any("전화번호" in t for t in api.texts(5551)), timeout=10)
        await fake.send_contact(chat, parent, "+82 10-9876-8765")
        await fake.wait_for(lambda api: api.has_button(5551, "네, 접수할게요"), timeout=10)
        await fake.press(chat, parent, "네, 접수할게요")
        await fake.wait_for(lambda api: bool(api.texts(GROUP_ID)), timeout=10)
        for _ in range(200):  # the log notifier has written the card
            if "코디네이터 알림" in log_text.getvalue():
                break
            await asyncio.sleep(0.025)
        assert await app.store.cases_for_user("telegram:5551")
    logged = log_text.getvalue()
    assert "getUpdates" in logged or "HTTP Request" in logged  # the Bot API calls were logged, scrubbed
    assert TOKEN not in logged and TOKEN.split(":")[1] not in logged
    assert "9876" not in logged and "010-****-8765" in logged


async def test_webhook_mode_logs_no_secret(tmp_path: Path, log_text: io.StringIO) -> None:
    chat, parent = private_chat(5552)
    update = {"update_id": 9, "message": {"message_id": 1, "date": 0, "chat": chat, "from": parent, "text": "안녕"}}
    async with FakeBotApi() as fake:
        settings = env(tmp_path, fake, TELEGRAM_WEBHOOK_URL="https://dolbom.example/telegram/hook",
                       TELEGRAM_WEBHOOK_SECRET=HOOK_SECRET)
        async with running(settings, FakeClock()) as app:
            web = httpx.ASGITransport(app=build_web(app.routes))
            async with httpx.AsyncClient(transport=web, base_url="http://t") as client:
                answer = await client.post("/telegram/hook", json=update,
                                           headers={"X-Telegram-Bot-Api-Secret-Token": HOOK_SECRET})
                await fake.wait_for(lambda api: bool(api.texts(5552)), timeout=10)
        assert answer.status_code == 200 and fake.webhook["secret_token"] == HOOK_SECRET
    logged = log_text.getvalue()
    assert "setWebhook" in logged and HOOK_SECRET not in logged and TOKEN not in logged


async def test_a_request_cannot_forge_a_log_line(tmp_path: Path, log_text: io.StringIO) -> None:
    settings = Settings.from_env({"DOLBOM_DB_PATH": str(tmp_path / "d.sqlite3")}, dotenv=None)
    async with running(settings, FakeClock(), telegram=False) as app:
        web = httpx.ASGITransport(app=build_web(app.routes))
        async with httpx.AsyncClient(transport=web, base_url="http://t") as client:
            page = await client.get("/map?service=x%0A2026-11-24 09:00:00,000 ERROR bot: forged%1b[2J")
    assert page.status_code == 200
    lines = log_text.getvalue().splitlines()
    assert not any(line.startswith("2026-11-24 09:00:00,000 ERROR") for line in lines)
    assert any("x\\n2026-11-24 09:00:00,000 ERROR bot: forged\\x1b[2J" in line for line in lines)


def test_the_filter_scrubs_tracebacks_and_escapes_controls() -> None:
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "call %s failed", ("a\r\nb",), None)
    try:
        raise ConnectionError(f"https://api.telegram.org/bot{TOKEN}/getMe 010-1234-5678")
    except ConnectionError:
        import sys

        record.exc_info = sys.exc_info()
    assert Scrub([TOKEN]).filter(record)
    assert record.getMessage() == "call a\\r\\nb failed"
    assert TOKEN not in record.exc_text and "010-****-5678" in record.exc_text  # type: ignore[operator]
    assert escape_controls("\u2028\x85") == "\\u2028\\x85"


def test_log_lines_go_above_the_parents_prompt() -> None:
    from bot.shell.logs import AbovePrompt

    out = io.StringIO()
    handler = logging.StreamHandler(AbovePrompt(out, "나> "))  # type: ignore[arg-type]
    handler.emit(logging.LogRecord("bot.coordination.notes", logging.INFO, __file__, 1, "[코디네이터 알림]", (), None))
    assert out.getvalue() == "\r\x1b[K[코디네이터 알림]\n나> "
