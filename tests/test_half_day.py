"""Hours without 오전/오후: a truly doubtful hour is asked with two buttons and the message read again in the half
chosen; a half of the day said once ("저녁에") carries to later messages; a window already over is asked again."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.dialog import texts
from bot.dialog.intake import Intake
from db.store import Store
from tests.conftest import KST, Chat, FakeClock

DAWN = datetime(2026, 11, 24, 5, 0, tzinfo=KST)


async def state(store: Store, chat: Chat) -> Intake:
    return Intake.from_json(await store.load_state(chat.address.key))


@pytest.mark.parametrize(("button", "window"), [("오후 7시", (19 * 60, 22 * 60)), ("오전 7시", (7 * 60, 10 * 60))])
async def test_a_doubtful_hour_is_asked_and_the_message_read_again(chat: Chat, store: Store, clock: FakeClock,
                                                                   button: str, window: tuple[int, int]) -> None:
    clock.now = DAWN
    await chat.say("다섯 살 딸 7시부터 10시까지 봐주실 분 구해요 대곡동")
    assert chat.text == texts.ASK_HALF.format(hour=7)
    assert [c.label for r in chat.last for c in r.choices] == ["오전 7시", "오후 7시"]
    await chat.tap(button)
    saved = await state(store, chat)
    assert (saved.start, saved.end) == window
    assert saved.kids[0].age_months == 60 and saved.area == "대곡동"  # the rest of that message too
    assert saved.ask_half is None


async def test_the_half_can_be_typed_as_the_buttons_label(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = DAWN
    await chat.say("초1 아들 7시부터 9시까지")
    await chat.say("오후 7시")
    assert ((await state(store, chat)).start, (await state(store, chat)).end) == (19 * 60, 21 * 60)


async def test_writing_something_else_lets_the_question_lapse(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = DAWN
    await chat.say("초1 아들 7시부터 9시까지")
    await chat.say("내일 오후 3시부터 6시까지요")
    saved = await state(store, chat)
    assert saved.ask_half is None and (saved.start, saved.end) == (15 * 60, 18 * 60)
    assert saved.kids[0].school_grade == 1  # the child of the message that asked stays


@pytest.mark.parametrize(("typed", "start"), [("오후요", 19 * 60), ("저녁이요", 19 * 60), ("아침 7시요", 7 * 60),
                                              ("오전이에요.", 7 * 60)])
async def test_the_half_typed_in_words_answers_the_question(chat: Chat, store: Store, clock: FakeClock,
                                                            typed: str, start: int) -> None:
    clock.now = DAWN
    await chat.say("네 살 아들 7시부터 맡아 주실 곳 있나요 율곡동")
    assert texts.ASK_HALF.format(hour=7) in chat.text
    await chat.say(typed)
    saved = await state(store, chat)
    assert saved.start == start and saved.kids[0].age_months == 48 and saved.area == "율곡동"
    assert texts.ASK_AGE not in chat.text


@pytest.mark.parametrize("other", ["대곡동이요", "내일이요", "급해요"])
async def test_another_answer_keeps_the_rest_of_the_asking_message(chat: Chat, store: Store, clock: FakeClock,
                                                                   other: str) -> None:
    clock.now = DAWN
    await chat.say("18개월 딸 6시부터 봐주실 분")
    await chat.say(other)
    saved = await state(store, chat)
    assert saved.kids and saved.kids[0].age_months == 18  # never '아이가 몇 살인가요?' again
    assert texts.ASK_AGE not in chat.text


async def test_a_half_of_the_day_said_once_colours_later_hours(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = datetime(2026, 11, 24, 10, 0, tzinfo=KST)
    await chat.say("세 살 아이 모레 저녁에 맡기고 싶어요")
    await chat.say("7시부터 10시까지요")
    saved = await state(store, chat)
    assert (saved.start, saved.end) == (19 * 60, 22 * 60) and saved.period == "pm"
    await chat.say("율곡동")
    assert "19:00-22:00" in next(r for r in chat.last if r.card_title).text


async def test_a_window_already_over_is_asked_again(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = datetime(2026, 11, 24, 23, 0, tzinfo=KST)
    await chat.say("4살 오늘 밤 10시까지 율곡동")
    assert "(오늘 22:00까지)은 이미 지났어요" in chat.text and texts.ASK_DAY in chat.text
    assert not any(r.card_title for r in chat.last)
    saved = await state(store, chat)
    assert saved.day is None and saved.end is None and saved.area == "율곡동"
