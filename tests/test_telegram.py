"""The Telegram parent channel: pure translation on JSON fixtures, then the real PTB client on a fake Bot API."""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.applications import Starlette
from telegram import InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update
from telegram.error import InvalidToken

from bot.channels.telegram import texts as telegram_texts
from bot.channels.telegram.chat import DeliveryError, TelegramChannel, build_application, build_telegram
from bot.channels.telegram.format import (
    CALLBACK_LIMIT,
    TEXT_LIMIT,
    ChoiceCodec,
    domestic_phone,
    inbound_from_update,
    send_calls,
    split_text,
    utf16_units,
)
from bot.coordination import texts as queue_texts
from bot.coordination.queue import FOLLOWUP_NO, question
from bot.dialog.core import Address, Channel, Choice, Inbound, Link, Reply, Venue
from bot.settings import Settings
from tests.fake_bot_api import TOKEN, FakeBotApi, private_chat

FIXTURES = Path(__file__).parent / "fixtures" / "telegram"
PARENT = Address(Channel.TELEGRAM, "5551")


def fixture_update(name: str) -> Update:
    return Update.de_json(json.loads((FIXTURES / f"{name}.json").read_text()), None)


# --- pure translation ------------------------------------------------------------------------------
def test_text_message_becomes_inbound_text() -> None:
    inbound = inbound_from_update(fixture_update("text_message"), ChoiceCodec(), {})
    assert inbound == Inbound(PARENT, text="4살 아이 오늘 밤 10시까지 맡길 곳 있을까요? 율곡동이에요")


def test_command_becomes_the_dialog_word() -> None:
    assert inbound_from_update(fixture_update("command_status"), ChoiceCodec(), {}) == Inbound(PARENT, text="접수 확인")


def test_tapped_button_gives_value_and_label() -> None:
    inbound = inbound_from_update(fixture_update("callback_query"), ChoiceCodec(), {})
    assert inbound == Inbound(PARENT, text="3~5살", choice="4살")


def test_shared_location_and_contact() -> None:
    codec = ChoiceCodec()
    assert inbound_from_update(fixture_update("location"), codec, {}) == Inbound(PARENT, location=(36.1227, 128.1848))
    assert inbound_from_update(fixture_update("contact"), codec, {}) == Inbound(PARENT, phone="01012345678")
    assert domestic_phone("+82 10-9876-5432") == "01098765432"


def test_reply_keyboard_label_maps_back_to_its_choice() -> None:
    inbound = inbound_from_update(fixture_update("text_message"), ChoiceCodec(), {"율곡동": "x"})
    assert inbound is not None and inbound.choice is None
    offered = {"4살 아이 오늘 밤 10시까지 맡길 곳 있을까요? 율곡동이에요": "value"}
    assert inbound_from_update(fixture_update("text_message"), ChoiceCodec(), offered).choice == "value"  # type: ignore[union-attr]


def test_long_choice_values_go_through_a_short_token() -> None:
    codec = ChoiceCodec()
    value = "오후 6시부터 밤 10시까지 아이를 집에서 돌봐 주실 분이 필요해요 " * 2
    [call] = send_calls(7, Reply("골라 주세요", choices=(Choice("긴 선택", value), Choice("짧은", "짧은"))), codec)
    markup = call.kwargs["reply_markup"]
    assert isinstance(markup, InlineKeyboardMarkup)
    data = [b.callback_data for row in markup.inline_keyboard for b in row]
    assert all(len(d.encode()) <= CALLBACK_LIMIT for d in data)
    assert [codec.decode(d) for d in data] == [value, "짧은"]
    assert ChoiceCodec().decode(data[0]) is None  # a token from before a restart is unknown, not wrong


def test_ask_location_and_contact_use_a_reply_keyboard_with_the_choices() -> None:
    reply = Reply("어느 동네에 사세요?", choices=(Choice("율곡동", "율곡동"),), ask_location=True, ask_contact=True)
    [call] = send_calls(7, reply, ChoiceCodec())
    markup = call.kwargs["reply_markup"]
    assert isinstance(markup, ReplyKeyboardMarkup)
    buttons = [b for row in markup.keyboard for b in row]
    assert buttons[0].request_location and buttons[0].text == telegram_texts.SHARE_LOCATION
    assert buttons[1].request_contact
    assert buttons[2].text == "율곡동"


def test_venue_links_and_plain_text() -> None:
    venue = Venue("율곡 365어린이집", "김천시 율곡동 1", 36.12, 128.18, phone="054-000-0000")
    reply = Reply(
        "여기가 가까워요", card_title="365어린이집", venue=venue, links=(Link("담당자", phone="042-234-5678"),)
    )
    message, venue_call = send_calls(7, reply, ChoiceCodec())
    assert message.kwargs["text"].startswith("365어린이집\n\n여기가 가까워요")
    assert "042-234-5678" in message.kwargs["text"]
    assert isinstance(message.kwargs["reply_markup"], ReplyKeyboardRemove)
    shown = Reply("문의: 이담당 042-234-5678", links=(Link("담당자", phone="042-234-5678"),))
    assert send_calls(7, shown, ChoiceCodec())[0].kwargs["text"].count("042-234-5678") == 1
    assert venue_call.method == "send_venue"
    assert venue_call.kwargs["title"] == "율곡 365어린이집" and "054-000-0000" in venue_call.kwargs["address"]


def test_long_text_is_split_and_the_keyboard_rides_on_the_last_part() -> None:
    text = "\n".join(f"{i}번째 줄: 돌봄 서비스 안내 문장입니다." for i in range(400))
    calls = send_calls(7, Reply(text, choices=(Choice("네", "네"),)), ChoiceCodec())
    assert len(calls) > 1
    assert all(utf16_units(c.kwargs["text"]) <= TEXT_LIMIT for c in calls)
    assert [("reply_markup" in c.kwargs) for c in calls] == [False] * (len(calls) - 1) + [True]


def test_buttons_without_text_still_get_a_message() -> None:
    [call] = send_calls(7, Reply("", choices=(Choice("네", "네"),)), ChoiceCodec())
    assert call.kwargs["text"] == telegram_texts.BUTTONS_ONLY
    assert send_calls(7, Reply(" "), ChoiceCodec()) == []


@given(st.text(alphabet=st.sampled_from("가나다 \n😀ab"), max_size=300), st.integers(min_value=4, max_value=50))
def test_split_text_keeps_every_word_within_the_limit(text: str, limit: int) -> None:
    parts = split_text(text, limit)
    assert all(utf16_units(p) <= limit for p in parts)
    assert "".join("".join(parts).split()) == "".join(text.split())


# --- the real PTB client against the fake Bot API server ---------------------------------------------
class ScriptedDialog:
    """Answers with ``script(inbound)``; records what it was told."""

    def __init__(self, script: Callable[[Inbound], list[Reply]]) -> None:
        self.script = script
        self.inbounds: list[Inbound] = []

    async def handle(self, inbound: Inbound) -> list[Reply]:
        self.inbounds.append(inbound)
        return self.script(inbound)


def intake(inbound: Inbound) -> list[Reply]:
    if inbound.text in ("처음부터", "") and inbound.location is None:  # "" is /start
        return [Reply("아이가 몇 살인가요?", choices=(Choice("6개월~2살", "18개월"), Choice("3~5살", "4살")))]
    if inbound.choice == "4살":
        return [Reply("어느 동네에 사세요?", choices=(Choice("율곡동", "율곡동"),), ask_location=True)]
    if inbound.location is not None:
        venue = Venue("율곡 365어린이집", "김천시 율곡동", 36.1227, 128.1848, phone="042-234-5678")
        return [Reply("가장 가까운 곳이에요", card_title="365어린이집", venue=venue)]
    return [Reply(f"들었어요: {inbound.text}")]


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi() as api:
        yield api


@contextlib.asynccontextmanager
async def polling(fake: FakeBotApi, dialog: Any) -> AsyncIterator[TelegramChannel]:
    app = build_application(TOKEN, base_url=fake.base_url)
    async with TelegramChannel(app, dialog, poll_timeout=1, retry_delays=(0.05,)) as channel:
        yield channel


def sent(method: str, count: int) -> Callable[[FakeBotApi], bool]:
    return lambda api: len(api.calls_of(method)) >= count


async def test_full_intake_with_buttons_and_a_shared_location(fake: FakeBotApi) -> None:
    chat, parent = private_chat(5551)
    dialog = ScriptedDialog(intake)
    async with polling(fake, dialog):
        await fake.send_text(chat, parent, "/start")
        await fake.wait_for(sent("sendMessage", 1))
        await fake.press(chat, parent, "3~5살")
        await fake.wait_for(sent("sendMessage", 2))
        keyboard = fake.calls_of("sendMessage")[1].params["reply_markup"]["keyboard"]
        assert keyboard[0][0] == {"text": telegram_texts.SHARE_LOCATION, "request_location": True}
        await fake.send_location(chat, parent, 36.12, 128.18)
        await fake.wait_for(sent("sendVenue", 1))
    assert dialog.inbounds == [
        Inbound(PARENT, text=""),
        Inbound(PARENT, text="3~5살", choice="4살"),
        Inbound(PARENT, location=(36.12, 128.18)),
    ]
    assert fake.texts(5551) == [
        "아이가 몇 살인가요?\n\n👉 3~5살",  # the tapped message now shows the choice, without buttons
        "어느 동네에 사세요?",
        "365어린이집\n\n가장 가까운 곳이에요",
        "율곡 365어린이집",
    ]
    assert fake.calls_of("answerCallbackQuery")
    assert fake.calls_of("sendVenue")[0].params["address"] == "김천시 율곡동 ☎ 042-234-5678"


async def test_a_429_is_waited_out_and_retried(fake: FakeBotApi) -> None:
    chat, parent = private_chat(5551)
    fake.fail_next("sendMessage", status=429, retry_after=1)
    async with polling(fake, ScriptedDialog(intake)):
        await fake.send_text(chat, parent, "안녕하세요")
        await fake.wait_for(lambda api: bool(api.texts(5551)))
    assert [c.params["text"] for c in fake.calls_of("sendMessage")] == ["들었어요: 안녕하세요"] * 2
    assert fake.texts(5551) == ["들었어요: 안녕하세요"]


async def test_a_network_error_is_retried(fake: FakeBotApi) -> None:
    chat, parent = private_chat(5551)
    fake.fail_next("sendMessage", status=502)
    async with polling(fake, ScriptedDialog(intake)):
        await fake.send_text(chat, parent, "안녕하세요")
        await fake.wait_for(lambda api: bool(api.texts(5551)))
    assert fake.texts(5551) == ["들었어요: 안녕하세요"]


async def test_a_failing_dialog_gets_a_polite_apology(fake: FakeBotApi) -> None:
    chat, parent = private_chat(5551)

    def broken(inbound: Inbound) -> list[Reply]:
        raise RuntimeError("database is locked")

    async with polling(fake, ScriptedDialog(broken)):
        await fake.send_text(chat, parent, "안녕하세요")
        await fake.wait_for(lambda api: bool(api.texts(5551)))
    assert fake.texts(5551) == [telegram_texts.APOLOGY]


async def test_push_delivers_follow_ups_and_reports_failures(fake: FakeBotApi) -> None:
    chat, parent = private_chat(5551)
    dialog = ScriptedDialog(intake)
    async with polling(fake, dialog) as channel:
        await channel.send(PARENT, [question(7)])
        assert fake.texts(5551) == [queue_texts.PARENT_QUESTION.format(id=7)]
        await fake.press(chat, parent, "아니오")
        await fake.wait_for(lambda api: len(api.texts(5551)) == 2)
        assert dialog.inbounds == [Inbound(PARENT, text="아니오", choice=FOLLOWUP_NO)]
        fake.messages.clear()
        await channel.send(PARENT, [Reply("코디네이터가 곧 연락드릴게요.")])
        assert fake.texts(5551) == ["코디네이터가 곧 연락드릴게요."]
        fake.fail_next("sendMessage", status=403)
        with pytest.raises(DeliveryError) as blocked:
            await channel.send(PARENT, [Reply("두 번째 안내")])
        assert blocked.value.permanent
        fake.fail_next("sendMessage", status=502)
        fake.fail_next("sendMessage", status=502)
        with pytest.raises(DeliveryError) as down:
            await channel.send(PARENT, [Reply("세 번째 안내")])
        assert not down.value.permanent
    assert fake.texts(5551) == ["코디네이터가 곧 연락드릴게요."]


async def test_webhook_mode_checks_the_secret(fake: FakeBotApi) -> None:
    settings = Settings(
        telegram_bot_token=TOKEN,
        telegram_api_base_url=fake.base_url,
        telegram_webhook_url="https://dolbom.example/telegram/hook",
        telegram_webhook_secret="s3cret",
    )
    dialog = ScriptedDialog(intake)
    channel = build_telegram(settings, dialog)
    web = Starlette(routes=channel.routes())
    chat, parent = private_chat(5551)
    update = {"update_id": 9, "message": {"message_id": 1, "date": 0, "chat": chat, "from": parent, "text": "안녕"}}
    async with channel, httpx.AsyncClient(transport=httpx.ASGITransport(app=web), base_url="http://t") as client:
        assert fake.webhook == {"url": "https://dolbom.example/telegram/hook", "secret_token": "s3cret"}
        wrong = await client.post("/telegram/hook", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"})
        missing = await client.post("/telegram/hook", json=update)
        right = await client.post("/telegram/hook", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret"})
        await fake.wait_for(lambda api: bool(api.texts(5551)))
    assert (wrong.status_code, missing.status_code, right.status_code) == (403, 403, 200)
    assert dialog.inbounds == [Inbound(PARENT, text="안녕")]
    assert fake.texts(5551) == ["들었어요: 안녕"]
    assert fake.polls == 0 and not channel.application.running


async def test_a_wrong_token_fails_loudly_at_start(fake: FakeBotApi) -> None:
    channel = TelegramChannel(build_application("999:WRONG", base_url=fake.base_url), ScriptedDialog(intake))
    with pytest.raises(InvalidToken):
        await channel.start()
    assert not channel.application.running and fake.polls == 0


async def test_polling_mode_has_no_routes_and_any_api_server_can_be_named() -> None:
    channel = build_telegram(Settings(telegram_bot_token=TOKEN), ScriptedDialog(intake))
    assert channel.routes() == [] and not channel.webhook_mode
    assert channel.application.bot.base_url == f"https://api.telegram.org/bot{TOKEN}"
    for url in ("http://127.0.0.1:8081", "http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/bot/"):
        bot = build_application(TOKEN, base_url=url).bot
        assert (bot.base_url, bot.base_file_url) == (
            f"http://127.0.0.1:8081/bot{TOKEN}",
            f"http://127.0.0.1:8081/file/bot{TOKEN}",
        )


async def test_full_intake_with_the_real_engine(fake: FakeBotApi, engine: Any, store: Any) -> None:
    # Waits are bounds, not speed targets: a loaded 2-core machine running the suite on two workers took over 10 s.
    chat, parent = private_chat(5551)

    async def tap(label: str) -> None:
        await fake.wait_for(lambda api: api.has_button(5551, label), timeout=30)
        await fake.press(chat, parent, label)

    def asked_for(share: str) -> Callable[[FakeBotApi], bool]:
        def check(api: FakeBotApi) -> bool:
            markups = [c.params.get("reply_markup") or {} for c in api.calls_of("sendMessage")]
            return any(b.get("text") == share for m in markups for row in m.get("keyboard", []) for b in row)

        return check

    async with polling(fake, engine):
        await fake.send_text(chat, parent, "/start")
        for label in ("3~5살", "내일", "저녁 (18시~22시)"):
            await tap(label)
        await fake.wait_for(asked_for(telegram_texts.SHARE_LOCATION), timeout=30)
        await fake.send_location(chat, parent, 36.1227, 128.1848)  # 율곡동
        await fake.wait_for(sent("sendVenue", 1), timeout=30)
        await tap("동의하고 접수")
        await fake.wait_for(asked_for(telegram_texts.SHARE_CONTACT), timeout=30)
        await fake.send_contact(chat, parent, "+82 10-1234-5678")
        await tap("네, 접수할게요")
        await fake.wait_for(lambda api: "접수번호" in "\n".join(api.texts(5551)), timeout=30)
    (case,) = await store.cases_for_user("telegram:5551")
    assert case.contact == {"route": "phone", "phone": "01012345678"}
    assert case.site_id is not None and "yulgok" in case.site_id
    assert "율곡" in fake.calls_of("sendVenue")[0].params["title"]
