"""One bad character hurts nobody else: lone UTF-16 surrogates are cleaned at every channel's edge, a write that
cannot be encoded fails alone, and the writer process is never orphaned."""

from __future__ import annotations

import asyncio
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import httpx

from bot.channels.edge import clean
from bot.channels.kakao.format import parse_payload
from bot.channels.telegram.format import ChoiceCodec, inbound_from_update
from bot.channels.terminal import TerminalChat, to_inbound
from bot.dialog import texts as ko
from bot.settings import Settings
from bot.shell.app import running
from bot.shell.web import build_web
from db.sqlite.store import SQLiteStore
from tests.conftest import KST, FakeClock
from tests.test_kakao_http import payload

BAD = "a\ud800"


def children() -> list[int]:
    """Live (not zombie) processes whose parent is this test process."""
    me, found = os.getpid(), []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == me and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def test_clean_replaces_lone_surrogates_only() -> None:
    assert clean(BAD) == "a\ufffd" and clean("아이 😀") == "아이 😀"


def test_every_kakao_text_field_is_cleaned() -> None:
    data = payload(utterance=BAD, user={"id": "u\udfff", "type": "botUserKey"})
    data["action"]["clientExtra"] = {"choice": "c\udc80"}
    inbound = parse_payload(data)
    assert (inbound.address.user, inbound.text, inbound.choice) == ("u\ufffd", "a\ufffd", "c\ufffd")


def test_telegram_text_and_callback_data_are_cleaned() -> None:
    chat = SimpleNamespace(id=7)
    message = SimpleNamespace(chat=chat, location=None, contact=None, text=BAD)
    inbound = inbound_from_update(SimpleNamespace(callback_query=None, message=message), ChoiceCodec(), {})  # type: ignore[arg-type]
    assert inbound is not None and inbound.text == "a\ufffd"
    query = SimpleNamespace(message=SimpleNamespace(chat=chat, reply_markup=None), data="c:x\ud800")
    inbound = inbound_from_update(SimpleNamespace(callback_query=query, message=None), ChoiceCodec(), {})  # type: ignore[arg-type]
    assert inbound is not None and inbound.choice == "x\ufffd" and "\ud800" not in inbound.text


def test_terminal_text_and_user_are_cleaned() -> None:
    assert to_inbound(BAD, (), TerminalChat(None, user="p\ud800").address).text == "a\ufffd"  # type: ignore[arg-type]
    assert TerminalChat(None, user="p\ud800").address.user == "p\ufffd"  # type: ignore[arg-type]


async def test_surrogate_requests_among_normal_ones_hurt_nobody(settings: Settings) -> None:
    clock = FakeClock(datetime(2026, 11, 24, 14, 0, tzinfo=KST))
    async with running(settings, clock, telegram=False) as app:
        writers_before = children()
        transport = httpx.ASGITransport(app=build_web(app.routes))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:

            async def say(i: int) -> dict:
                if i % 4:
                    body = payload(utterance="내일 저녁에 4살 아이 맡길 곳이 있을까요?", user={"id": f"ok-{i}"})
                else:
                    fields = [{"utterance": f"{BAD}{i}", "user": {"id": f"bad-{i}"}},
                              {"user": {"id": f"bad-{i}\udc00"}}]
                    body = payload(**fields[i // 4 % 2])
                    body["action"]["clientExtra"] = {"choice": "\ud800"}
                # json.dumps escapes the surrogate (\\ud800): valid JSON, as a hostile client would send it.
                answer = await client.post("/kakao/skill", content=json.dumps(body),
                                           headers={"content-type": "application/json"})
                assert answer.status_code == 200
                return answer.json()

            answers = await asyncio.gather(*(say(i) for i in range(200)))
        texts = [o["simpleText"]["text"] for a in answers for o in a["template"]["outputs"] if "simpleText" in o]
        assert not any(ko.KAKAO_ERROR_TEXT in t for t in texts)
        assert children() == writers_before and len(writers_before) == 2  # the writer and the checkpointer
        assert app.store.writer_pid in writers_before


async def test_a_write_that_cannot_be_encoded_fails_alone(tmp_path: Path) -> None:
    store = await SQLiteStore.open(tmp_path / "w.sqlite3")
    try:
        pid = store.writer_pid
        at = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)
        results = await asyncio.gather(*(store.commit_turn(f"u{i}", BAD if i % 5 == 0 else "hello", ["hi"], "{}", at)
                                         for i in range(100)), return_exceptions=True)
        failed = [i for i, r in enumerate(results) if isinstance(r, Exception)]
        assert failed == list(range(0, 100, 5))
        assert store.writer_pid == pid and pid in children()
        rows = await store.fetch("SELECT count(*) AS n FROM messages WHERE user_key LIKE 'u%'")
        assert rows[0]["n"] == 80 * 2
    finally:
        await store.close()


async def test_a_writer_process_that_cannot_start_is_reaped(tmp_path: Path) -> None:
    import pytest

    from db.sqlite.pipe import WriterLost, WriterProcess

    before = children()
    with pytest.raises(WriterLost):
        await WriterProcess.start(tmp_path)  # a directory: the process fails before it is ready
    assert children() == before
