"""A window already over is never filed, and the parent is told which window was read, so a misreading shows."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.dialog import texts
from tests.conftest import KST, Chat, FakeClock


@pytest.mark.parametrize("now, message, window", [
    (datetime(2026, 12, 6, 14, 0, tzinfo=KST), "4살 오늘 오전 10시부터 12시까지 대곡동", "오늘 10:00~12:00"),
    (datetime(2026, 12, 6, 23, 0, tzinfo=KST), "4살 오늘 밤 10시까지 율곡동", "오늘 22:00까지"),
    (datetime(2026, 12, 6, 23, 50, tzinfo=KST), "4살 오늘 1시부터 3시까지 율곡동", "오늘 13:00~15:00"),
    (datetime(2026, 12, 4, 19, 0, tzinfo=KST), "초2 아침 7시부터 8시 반까지 오늘 자산동", "오늘 07:00~08:30"),
])
async def test_a_window_over_says_which_window_was_read(chat: Chat, clock: FakeClock, now: datetime, message: str,
                                                        window: str) -> None:
    clock.now = now
    await chat.say(message)
    assert f"말씀하신 시간({window})은 이미 지났어요" in chat.text
    assert texts.ASK_DAY in chat.text and not any(r.card_title for r in chat.last)


async def test_hours_over_on_the_day_held_say_that_day(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 4, 16, 0, tzinfo=KST)
    await chat.say("오늘 5살 딸 맡길 데 있나요 대곡동")
    await chat.say("오전 9시부터 11시까지요")
    assert "(오늘 09:00~11:00)은 이미 지났어요" in chat.text


@pytest.mark.parametrize("now, message, gone", [
    (datetime(2026, 12, 7, 10, 0, tzinfo=KST), "12월 6일 오후 2시부터 5시까지", "12월 6일(일) 14:00~17:00"),
    (datetime(2027, 1, 3, 10, 0, tzinfo=KST), "12월 30일 오후 2시부터 5시까지", "2026년 12월 30일(수) 14:00~17:00"),
])
async def test_a_date_just_gone_is_over_not_next_year(chat: Chat, clock: FakeClock, now: datetime, message: str,
                                                      gone: str) -> None:
    clock.now = now
    await chat.say("4살 아이 율곡동")
    await chat.say(message)
    assert f"({gone})은 이미 지났어요" in chat.text and texts.ASK_DAY in chat.text
    assert not any(r.card_title for r in chat.last)


async def test_a_date_next_year_said_so_or_weeks_ahead_stands(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 28, 10, 0, tzinfo=KST)
    await chat.say("4살 1월 5일 오전 10시부터 오후 3시까지 율곡동")
    assert "이미 지났어요" not in chat.text and "2027년 1월 5일(화)" in chat.text


@pytest.mark.parametrize("message", ["지난주 토요일 오후 2시부터 5시까지요", "저번 금요일 오후 2시부터 5시까지"])
async def test_a_weekday_said_gone_is_over_not_next_week(chat: Chat, clock: FakeClock, message: str) -> None:
    # the reader names no care day for a day gone (routing/pastdays.py) and flags the hours asked for it as past
    clock.now = datetime(2026, 12, 9, 10, 0, tzinfo=KST)  # Wednesday
    await chat.say("4살 아이 율곡동")
    await chat.say(message)
    assert texts.PAST in chat.text and texts.ASK_DAY in chat.text
    assert not any(r.card_title for r in chat.last)


async def test_next_weeks_day_beside_last_week_stands(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 9, 10, 0, tzinfo=KST)
    await chat.say("4살 다음 주 화요일 오후 2시부터 5시까지 율곡동 지난주에 갔던 곳이요")
    assert "이미 지났어요" not in chat.text and "12월 15일(화)" in chat.text
