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
    assert texts.PAST in chat.text and texts.ASK_DAY in chat.text
    assert not any(r.card_title for r in chat.last)
    saved = await state(store, chat)
    assert saved.day is None and saved.end is None and saved.area == "율곡동"
