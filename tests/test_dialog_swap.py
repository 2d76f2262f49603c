"""A day corrected in words names what it replaces ('수요일 말고 목요일로', '화요일을 금요일로 바꿔 주세요'): that day
gives way at any step, first day or added one, and the reply says what it was and what it is now; hours and ages
corrected the same way say both too."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.dialog.intake import Intake
from db.store import Store
from tests.conftest import KST, Chat, FakeClock

MONDAY_1000 = datetime(2026, 12, 7, 10, 0, tzinfo=KST)
TUE, WED, THU, FRI = (date(2026, 12, d) for d in (8, 9, 10, 11))
FIRST = "5살 아이 화요일 오후 2시부터 5시까지 율곡동"


async def held(store: Store, chat: Chat) -> Intake:
    return Intake.from_json(await store.load_state(chat.address.key) or "{}")


@pytest.mark.parametrize("fix, new", [
    ("아 화요일 말고 목요일로 바꿔주세요", THU),
    ("화요일 대신 금요일에 맡길게요", FRI),
    ("화요일을 수요일로 바꿔 주세요", WED),
    ("날짜를 금요일로", FRI),  # no day named as replaced: the day of care
])
@pytest.mark.parametrize("step", ["collect", "consent", "phone", "confirm"])
async def test_a_day_corrected_in_words_replaces_the_day_at_every_step(chat: Chat, clock: FakeClock, store: Store,
                                                                       fix: str, new: date, step: str) -> None:
    clock.now = MONDAY_1000
    await chat.say(FIRST if step != "collect" else FIRST.removesuffix(" 율곡동"))
    if step in ("phone", "confirm"):
        await chat.tap("동의하고 접수")
    if step == "confirm":
        await chat.tap("채팅으로 받기")
    await chat.say(fix)
    said = f"{new.month}월 {new.day}일"
    assert f"날짜를 12월 8일(화)에서 {said}(" in chat.text and "바꿨어요" in chat.text
    saved = await held(store, chat)
    assert saved.day == new and saved.also == () and (saved.start, saved.end) == (14 * 60, 17 * 60)
    if step == "confirm":
        assert f"· 필요한 때: {said}(" in chat.text  # the summary asked again shows the new day


@pytest.mark.parametrize("fix, said, first, other", [
    # the added day named as replaced gives way, not the first
    ("수요일 말고 목요일로요", "날짜를 12월 9일(수)에서 12월 10일(목)로 바꿨어요.", TUE, THU),
    # the first day moved past the added one: the days stay in order
    ("날짜를 금요일로", "날짜를 12월 8일(화)에서 12월 11일(금)로 바꿨어요.", WED, FRI),
])
async def test_a_day_changed_beside_an_added_one_keeps_both_in_order(chat: Chat, clock: FakeClock, store: Store,
                                                                     fix: str, said: str, first: date,
                                                                     other: date) -> None:
    clock.now = MONDAY_1000
    await chat.say(FIRST)
    await chat.say("수요일도 같은 시간에")
    await chat.say(fix)
    assert said in chat.text
    saved = await held(store, chat)
    assert saved.day == first and saved.also == ((other, None, None),)


async def test_a_replaced_first_day_after_the_others_puts_the_earliest_first(chat: Chat, clock: FakeClock,
                                                                             store: Store) -> None:
    clock.now = MONDAY_1000
    await chat.say("5살 아이 화요일이랑 수요일 오후 2시부터 5시까지 율곡동")
    await chat.say("화요일 말고 목요일로 바꿔주세요")
    assert "날짜를 12월 8일(화)에서 12월 10일(목)로 바꿨어요." in chat.text
    saved = await held(store, chat)
    assert saved.day == WED and saved.also == ((THU, None, None),) and saved.start == 14 * 60


async def test_hours_said_with_the_replacing_day_go_with_that_day(chat: Chat, clock: FakeClock, store: Store) -> None:
    clock.now = MONDAY_1000
    await chat.say(FIRST)
    await chat.say("수요일도요")
    await chat.say("수요일 말고 목요일 오후 3시부터 6시까지요")
    saved = await held(store, chat)
    assert saved.day == TUE and (saved.start, saved.end) == (14 * 60, 17 * 60)
    assert saved.also == ((THU, 15 * 60, 18 * 60),)


async def test_days_listed_without_a_replacing_word_are_not_a_swap(chat: Chat, clock: FakeClock, store: Store) -> None:
    clock.now = MONDAY_1000
    await chat.say("5살 아이 화요일이랑 목요일 오후 2시부터 5시까지 율곡동")
    saved = await held(store, chat)
    assert saved.day == TUE and [d for d, _, _ in saved.also] == [THU]
    assert "에서" not in chat.text.split("\n")[0]


async def test_a_day_replaced_after_filing_is_told_with_both_days(chat: Chat, clock: FakeClock, store: Store) -> None:
    clock.now = MONDAY_1000
    await chat.file(FIRST)
    await chat.say("수요일도 같은 시간에 부탁해요")
    await chat.say("아 수요일 말고 목요일이요")
    assert "바뀐 내용(날짜를 12월 9일(수)에서 12월 10일(목)로 바꿈)" in chat.text
    rows = await store.fetch("SELECT due_at FROM followups WHERE kind = 'parent' AND cancelled_at IS NULL")
    assert [datetime.fromisoformat(r["due_at"]).astimezone(KST).date() for r in rows] == [date(2026, 12, 11)]


@pytest.mark.parametrize("fix, said", [
    ("2시 말고 3시부터요", "시간을 14:00~17:00에서 15:00~17:00로 바꿨어요."),
    ("아니 5시 말고 6시까지요", "시간을 14:00~17:00에서 14:00~18:00로 바꿨어요."),
    ("5살 말고 6살이에요", "나이를 5살에서 6살로 바꿨어요."),
    ("아니 4살로 고쳐 주세요", "나이를 5살에서 4살로 바꿨어요."),
    ("동네는 대곡동으로 바꿔 주세요", "동네를 율곡동에서 대곡동으로 바꿨어요."),
])
async def test_hours_ages_and_places_corrected_say_what_they_were(chat: Chat, clock: FakeClock, fix: str,
                                                                  said: str) -> None:
    clock.now = MONDAY_1000
    await chat.say(FIRST)
    await chat.say(fix)
    assert chat.last[0].text == said
