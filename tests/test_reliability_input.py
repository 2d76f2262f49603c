"""Bad input through every channel adapter: nothing raises, replies fit the channel, the state stays valid."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from telegram import InlineKeyboardMarkup, Update

from bot.channels.kakao.skill import kakao_routes
from bot.channels.telegram.format import ChoiceCodec, inbound_from_update, send_calls
from bot.channels.terminal import render, to_inbound
from bot.coordination.queue import Queue
from bot.dialog import texts
from bot.dialog.core import Address, Channel, Choice, Inbound, Reply
from bot.dialog.engine import Engine, FixedKnowledge
from bot.dialog.flood import FloodGate
from bot.dialog.intake import Intake
from bot.settings import Settings
from bot.shell.web import build_web
from db.sqlite.store import SQLiteStore
from db.store import Store
from knowledge.coordinators import load as load_coordinators
from knowledge.loader import load
from tests.conftest import FakeClock

# Channel limits, written out here rather than imported, so the adapters are checked against the platforms.
KAKAO_TEXT, KAKAO_OUTPUTS, KAKAO_QUICK_REPLIES, KAKAO_LABEL = 1000, 3, 10, 14
KAKAO_CARD_DESCRIPTION, KAKAO_CARD_TITLE, KAKAO_BUTTONS = 400, 50, 3
TELEGRAM_TEXT, TELEGRAM_CALLBACK_BYTES = 4096, 64

INTAKE_WORDS = st.sampled_from([
    "4살", "내일", "오후 6시부터 밤 10시까지", "율곡동", "동의하고 접수", "010-1234-5678", "채팅으로 받기",
    "네, 접수할게요", "처음부터", "취소", "도움말", "접수 확인", "내 정보 삭제", "네", "아니요", "/start", "1", "2",
    "아이가 집에 혼자 있어요", "장난감 대여",
])
SQL = st.sampled_from([
    "'; DROP TABLE cases; --", "1 OR 1=1", '"); DELETE FROM messages; --', "Robert'); DROP TABLE conversations;--",
    "%' OR '1'='1", "NULL", "' UNION SELECT state FROM conversations --", "?", "?1 ?2 :name @x $y",
])
CONTROL = st.text(alphabet=st.characters(categories=("Cc", "Cf", "Zl", "Zp")), max_size=40)
EMOJI = st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF)
HUGE = st.builds(lambda piece, n: piece * n, st.text(min_size=1, max_size=6) | st.text(EMOJI, min_size=1, max_size=3),
                 st.integers(min_value=300, max_value=14_000))
MESSAGE = st.one_of(
    st.text(max_size=300), INTAKE_WORDS, SQL, CONTROL, HUGE,
    st.lists(st.one_of(INTAKE_WORDS, SQL, CONTROL, st.text(max_size=12)), max_size=6).map(" ".join),
)
USER = st.sampled_from(["parent-a", "parent-b", "parent-c"]) | st.text(min_size=1, max_size=30).filter(str.strip)
FIFTY_KB_OF_EMOJI = "👶🏻🍼" * 7000
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@dataclass
class Rig:
    """The real engine on a temp SQLite file, on one event loop kept across hypothesis examples."""

    runner: asyncio.Runner
    engine: Engine
    store: Store
    http: httpx.AsyncClient
    codec: ChoiceCodec

    def run(self, coro: Any) -> Any:
        return self.runner.run(coro)

    def assert_state_valid(self, key: str) -> None:
        rows = self.run(self.store.fetch("SELECT state FROM conversations WHERE user_key = ?", (key,)))
        if not rows:  # only after '내 정보 삭제', which deletes the message log with it
            logged = self.run(self.store.fetch("SELECT count(*) FROM messages WHERE user_key = ?", (key,)))
            assert logged[0][0] == 0, f"messages logged for {key!r} but no conversation state"
        for row in rows:  # read from the file, not the cache
            json.loads(row["state"])
            Intake.from_json(row["state"])


@pytest.fixture(scope="module")
def rig(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    path = Path(tmp_path_factory.mktemp("input")) / "input.sqlite3"
    runner = asyncio.Runner()

    async def build() -> Rig:
        config = Settings(db_path=path)
        clock = FakeClock()
        store = await SQLiteStore.open(path)
        queue = Queue(store, load_coordinators(), tz=config.tz, clock=clock)
        engine = Engine(store=store, queue=queue, knowledge=FixedKnowledge(load()), settings=config, clock=clock,
                        flood=FloodGate())
        web = build_web(kakao_routes(engine, config))
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=web), base_url="http://testserver")
        return Rig(runner, engine, store, http, ChoiceCodec())

    built = runner.run(build())
    yield built

    async def close() -> None:
        await built.http.aclose()
        await built.store.close()

    runner.run(close())
    runner.close()


def assert_no_engine_failure(replies: list[Reply]) -> None:
    assert all(r.text != texts.KAKAO_ERROR_TEXT for r in replies)


# -- console -------------------------------------------------------------------------------------------
@SETTINGS
@given(lines=st.lists(MESSAGE, min_size=1, max_size=4), user=USER)
@example(lines=[FIFTY_KB_OF_EMOJI, "4살"], user="parent-a")
@example(lines=["\x00\x1b[2J\r\n\t", "'; DROP TABLE cases; --", "99"], user="parent-b")
def test_console_adapter(rig: Rig, lines: list[str], user: str) -> None:
    address = Address(Channel.CONSOLE, user)
    choices: tuple[Choice, ...] = ()
    for line in lines:
        inbound = to_inbound(line, choices, address)
        replies = rig.run(rig.engine.handle(inbound))
        assert replies, f"no answer to {line[:40]!r}"
        text, shown = render(replies)
        assert isinstance(text, str) and text
        choices = shown or choices
    rig.assert_state_valid(address.key)


# -- Kakao over HTTP -----------------------------------------------------------------------------------
def kakao_payload(user: str, utterance: str, choice: str | None) -> dict[str, Any]:
    action: dict[str, Any] = {"name": "dolbom_skill", "params": {}, "clientExtra": {"choice": choice} if choice else {}}
    return {"userRequest": {"utterance": utterance, "user": {"id": user, "type": "botUserKey"}}, "action": action}


def assert_within_kakao_limits(body: dict[str, Any]) -> None:
    assert body["version"] == "2.0"
    template = body["template"]
    outputs = template["outputs"]
    assert 1 <= len(outputs) <= KAKAO_OUTPUTS
    for output in outputs:
        if "simpleText" in output:
            assert 0 < len(output["simpleText"]["text"]) <= KAKAO_TEXT
        cards = [output["textCard"]] if "textCard" in output else output.get("carousel", {}).get("items", [])
        assert len(cards) <= 10
        for card in cards:
            assert len(card.get("title", "")) <= KAKAO_CARD_TITLE
            assert len(card.get("description", "")) <= KAKAO_CARD_DESCRIPTION
            assert len(card.get("buttons", [])) <= KAKAO_BUTTONS
            assert all(len(b["label"]) <= KAKAO_LABEL for b in card.get("buttons", []))
    quick = template.get("quickReplies", [])
    assert len(quick) <= KAKAO_QUICK_REPLIES
    assert all(0 < len(q["label"]) <= KAKAO_LABEL for q in quick)


@SETTINGS
@given(user=USER, turns=st.lists(st.tuples(MESSAGE, st.none() | MESSAGE | INTAKE_WORDS), min_size=1, max_size=4))
@example(user="parent-c", turns=[(FIFTY_KB_OF_EMOJI, None), ("4살 내일 저녁 율곡동", None), ("x", "'; DROP TABLE x")])
def test_kakao_adapter_over_http(rig: Rig, user: str, turns: list[tuple[str, str | None]]) -> None:
    async def converse() -> list[dict[str, Any]]:
        bodies = []
        for utterance, choice in turns:
            response = await rig.http.post("/kakao/skill", json=kakao_payload(user, utterance, choice))
            assert response.status_code == 200, response.text
            bodies.append(response.json())
        return bodies

    for body in rig.run(converse()):
        assert_within_kakao_limits(body)
        said = [o["simpleText"]["text"] for o in body["template"]["outputs"] if "simpleText" in o]
        assert texts.KAKAO_ERROR_TEXT not in said  # the engine itself did not fail behind the boundary
    rig.assert_state_valid(f"kakao:{user.strip()}")


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=12), inner, max_size=3),
                    max_leaves=12)


@SETTINGS
@given(body=JSON | st.builds(lambda u: {"userRequest": u}, JSON) | st.binary(max_size=200))
def test_kakao_adapter_refuses_malformed_payloads_politely(rig: Rig, body: object) -> None:
    async def post() -> httpx.Response:
        if isinstance(body, bytes):
            return await rig.http.post("/kakao/skill", content=body, headers={"content-type": "application/json"})
        return await rig.http.post("/kakao/skill", json=body)

    response = rig.run(post())
    assert response.status_code in (200, 400)
    assert isinstance(response.json(), dict)


# -- Telegram, pure translation ------------------------------------------------------------------------
def telegram_update(chat_id: int, text: str | None, data: str | None) -> Update:
    user = {"id": chat_id, "is_bot": False, "first_name": "부모"}
    chat = {"id": chat_id, "type": "private", "first_name": "부모"}
    if data is None:
        message = {"message_id": 1, "date": 0, "chat": chat, "from": user, "text": text}
        return Update.de_json({"update_id": 1, "message": message}, None)
    shown = {"message_id": 2, "date": 0, "chat": chat, "text": "질문",
             "reply_markup": {"inline_keyboard": [[{"text": text or "버튼", "callback_data": data}]]}}
    query = {"id": "q1", "from": user, "chat_instance": "c", "message": shown, "data": data}
    return Update.de_json({"update_id": 1, "callback_query": query}, None)


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@SETTINGS
@given(chat_id=st.integers(min_value=1, max_value=2**40), text=MESSAGE,
       data=st.none() | st.text(max_size=30).map(lambda s: "c:" + s) | st.text(max_size=64))
@example(chat_id=5551, text=FIFTY_KB_OF_EMOJI, data=None)
def test_telegram_translation(rig: Rig, chat_id: int, text: str, data: str | None) -> None:
    inbound = inbound_from_update(telegram_update(chat_id, text, data), rig.codec, {})
    if inbound is None:  # an empty or whitespace-only message: nothing for the dialog
        assert data is None and not text.strip()
        return
    assert isinstance(inbound, Inbound)
    replies = rig.run(rig.engine.handle(inbound))
    assert replies
    assert_no_engine_failure(replies)
    for reply in replies:
        for call in send_calls(chat_id, reply, rig.codec):
            if call.method == "send_message":
                assert 0 < utf16(call.kwargs["text"]) <= TELEGRAM_TEXT
                markup = call.kwargs.get("reply_markup")
                if isinstance(markup, InlineKeyboardMarkup):
                    for row in markup.inline_keyboard:
                        for button in row:
                            if button.callback_data is not None:
                                assert len(str(button.callback_data).encode()) <= TELEGRAM_CALLBACK_BYTES
    rig.assert_state_valid(inbound.address.key)


def test_a_long_choice_value_from_the_engine_still_fits_a_callback(rig: Rig) -> None:
    value = "오후 6시부터 밤 10시까지 아이를 집에서 돌봐 주실 분이 필요해요 " * 3
    [call] = send_calls(1, Reply("골라 주세요", choices=(Choice("긴 선택", value),)), rig.codec)
    [[button]] = call.kwargs["reply_markup"].inline_keyboard
    assert len(button.callback_data.encode()) <= TELEGRAM_CALLBACK_BYTES
    assert rig.codec.decode(button.callback_data) == value
