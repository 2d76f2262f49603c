"""A message mostly in another language gets the Korean/English notice (the desk's phone), even with a Korean place
name or word in it; a Korean message with an English word or two does not."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.dialog import outside
from tests.conftest import KST, Chat, FakeClock

MONDAY = datetime(2026, 12, 7, 14, 0, tzinfo=KST)
NOTICE = "Dolbom-ieum answers in Korean only"


class TestMostlyAnotherLanguage:
    @pytest.mark.parametrize("text", [
        "Hi, I need childcare for my 4 year old son tomorrow afternoon in 부곡동",
        "I need 돌봄 in 부곡동",
        "can my son go to 365어린이집 tomorrow",
        "I live in 김천 부곡동 and need help",
        "hello can you help me",
    ])
    def test_mostly_english_is_another_language(self, text: str) -> None:
        assert outside.not_korean(text)

    @pytest.mark.parametrize("text", [
        "4살 아이 babysitter 필요해요",
        "아이가 sick 해서 babysitter 필요해요",
        "3살 아이 내일 오후 2시 babysitter please",
        "내일 KTX 타고 가요 김천역 앞 daycare center",
        "ok",
        "/start",
    ])
    def test_korean_with_english_words_is_korean(self, text: str) -> None:
        assert not outside.not_korean(text)

    async def test_an_english_message_with_a_place_name_gets_the_notice(self, chat: Chat,
                                                                         clock: FakeClock) -> None:
        clock.now = MONDAY
        await chat.say("Hi, I need childcare for my son tomorrow afternoon in 부곡동")
        assert NOTICE in chat.text and "042-123-4567" in chat.text

    async def test_a_korean_message_with_an_english_word_gets_none(self, chat: Chat, clock: FakeClock) -> None:
        clock.now = MONDAY
        await chat.say("4살 아이 내일 오후 2시부터 6시까지 babysitter 필요해요")
        assert NOTICE not in chat.text
