"""Telegram command menus by scope, and /start greets a new parent before asking anything."""

from __future__ import annotations

import json
from pathlib import Path

from bot.channels.telegram import texts as telegram_texts
from bot.shell.app import running
from tests.conftest import FakeClock
from tests.fake_bot_api import FakeBotApi, private_chat
from tests.test_logs import env
from tests.test_telegram_coord import GROUP_ID


def scope(**kind: object) -> str:
    return json.dumps(kind, sort_keys=True)


async def test_parents_and_the_coordinator_group_get_their_own_menus(tmp_path: Path) -> None:
    async with FakeBotApi() as fake:
        fake.menus[scope(type="default")] = ["start", "help"]  # what an older version left behind
        async with running(env(tmp_path, fake), FakeClock()):
            pass
    assert fake.menus == {
        scope(type="all_private_chats"): [name for name, _ in telegram_texts.COMMAND_MENU],
        scope(type="chat", chat_id=GROUP_ID): ["queue", "case", "report"],
    }


async def test_start_greets_a_new_parent_and_says_what_the_bot_does(tmp_path: Path) -> None:
    chat, parent = private_chat(5553)
    async with FakeBotApi() as fake, running(env(tmp_path, fake), FakeClock()):
        await fake.send_text(chat, parent, "/start")
        await fake.wait_for(lambda api: bool(api.texts(5553)), timeout=10)
    first = fake.texts(5553)[0]
    assert first.startswith("안녕하세요") and "돌봄이음" in first and "찾아 드려요" in first
    assert "처음부터 다시" not in "".join(fake.texts(5553))


async def test_the_card_names_the_nearest_area_and_the_contact_once(tmp_path: Path) -> None:
    chat, parent = private_chat(5554)

    async def tap(fake: FakeBotApi, label: str) -> None:
        await fake.wait_for(lambda api: api.has_button(5554, label), timeout=10)
        await fake.press(chat, parent, label)

    async with FakeBotApi() as fake, running(env(tmp_path, fake), FakeClock()):
        await fake.send_text(chat, parent, "4살 아이 내일 저녁 6시부터 9시까지 맡길 곳 있을까요?")
        await fake.wait_for(lambda api: any("동네" in t or "위치" in t for t in api.texts(5554)), timeout=10)
        await fake.send_location(chat, parent, 36.1227, 128.1848)  # in 율곡동
        await tap(fake, "동의하고 접수")
        await fake.wait_for(lambda api: any("전화번호" in t for t in api.texts(5554)), timeout=10)
        await fake.send_contact(chat, parent, "+82 10-2468-1357")
        await tap(fake, "네, 접수할게요")
        await fake.wait_for(lambda api: bool(api.texts(GROUP_ID)), timeout=10)
    card = fake.texts(GROUP_ID)[0]
    assert "율곡동 부근" in card and "· 동네: 공유한 위치" not in card, card
    assert card.count("1357") == 1, card
