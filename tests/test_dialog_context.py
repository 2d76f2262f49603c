"""What was said in earlier messages frames a later one: the day under bare hours, the week under a bare weekday,
the month under a bare day of the month (as the half of the day already carries, tests/test_half_day.py)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.dialog import texts
from bot.dialog.intake import Intake
from db.store import Store
from tests.conftest import KST, Chat, FakeClock

FRIDAY = datetime(2026, 12, 4, 10, 0, tzinfo=KST)


async def state(store: Store, chat: Chat) -> Intake:
    return Intake.from_json(await store.load_state(chat.address.key))


@pytest.mark.parametrize(("first", "then", "day"), [
    ("다음 주말에 다섯 살 봐줄 데 찾아요 율곡동", "토요일 오후 2시부터 6시까지", date(2026, 12, 12)),
    ("다음 주말에 다섯 살 봐줄 데 찾아요 율곡동", "일요일 낮에 3시간이요", date(2026, 12, 13)),
    ("다다음 주 화요일에 4살 맡기려고요 대곡동", "아 목요일 오후 3시부터 7시요", date(2026, 12, 17)),
    ("12월 21일 월요일에 4살 맡기려고요 대곡동", "수요일 저녁 6시부터 9시", date(2026, 12, 23)),
])
async def test_a_bare_weekday_stays_in_the_week_said_before(chat: Chat, store: Store, clock: FakeClock,
                                                            first: str, then: str, day: date) -> None:
    clock.now = FRIDAY
    await chat.say(first)
    await chat.say(then)
    assert (await state(store, chat)).day == day
    card = next(r for r in chat.last if r.card_title).text
    assert f"{day.month}월 {day.day}일" in card


async def test_a_weekday_with_its_own_week_is_read_as_said(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = FRIDAY
    await chat.say("다음 주말에 다섯 살 봐줄 데 찾아요 율곡동")
    await chat.say("이번 주 토요일 오후 2시부터 6시까지요")
    assert (await state(store, chat)).day == date(2026, 12, 5)


async def test_a_weekday_already_gone_in_that_week_is_the_next_one(chat: Chat, store: Store,
                                                                    clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 3, 10, 0, tzinfo=KST)  # Thursday; the week said is this one
    await chat.say("내일 4살 맡길 곳 율곡동")
    await chat.say("아 월요일 오후 2시부터 5시요")  # this week's Monday is over: next Monday, as read alone
    assert (await state(store, chat)).day == date(2026, 12, 7)


async def test_hours_alone_are_on_the_day_said_before_and_can_be_over(chat: Chat, store: Store,
                                                                      clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 4, 15, 0, tzinfo=KST)
    await chat.say("오늘 여섯 살 딸 맡길 데 있나요 대곡동")
    await chat.say("1시부터 3시까지요")  # 13:00-15:00 today: already over, not a need
    assert "(오늘 13:00~15:00)은 이미 지났어요" in chat.text
    saved = await state(store, chat)
    assert saved.start is None and saved.end is None and saved.day == date(2026, 12, 4)
    await chat.say("5시부터 9시까지요")
    saved = await state(store, chat)
    assert (saved.start, saved.end) == (17 * 60, 21 * 60)


async def test_hours_alone_keep_a_date_said_before(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = FRIDAY
    await chat.say("12월 10일에 네 살 맡겨야 해요 율곡동")
    await chat.say("오후 1시부터 4시까지")
    saved = await state(store, chat)
    assert saved.day == date(2026, 12, 10) and (saved.start, saved.end) == (13 * 60, 16 * 60)
    assert "12월 10일" in next(r for r in chat.last if r.card_title).text


async def test_a_month_said_alone_is_asked_for_its_day_and_frames_it(chat: Chat, store: Store,
                                                                     clock: FakeClock) -> None:
    clock.now = datetime(2026, 11, 4, 15, 0, tzinfo=KST)
    await chat.say("4살 아이 맡길 곳 찾아요 자산동")
    await chat.say("12월이요")
    assert texts.NOT_UNDERSTOOD not in chat.text
    assert texts.ASK_MONTH_DAY.format(month=12) in chat.text
    await chat.say("24일")  # alone it would be 11월 24일
    assert (await state(store, chat)).day == date(2026, 12, 24)


async def test_a_new_day_of_the_month_keeps_the_month_of_the_date_before(chat: Chat, store: Store,
                                                                         clock: FakeClock) -> None:
    clock.now = datetime(2026, 11, 4, 15, 0, tzinfo=KST)
    await chat.say("12월 24일 오후 2시부터 6시까지 4살 맡길 곳 자산동")
    await chat.say("아 아니 23일이요")
    saved = await state(store, chat)
    assert saved.day == date(2026, 12, 23) and (saved.start, saved.end) == (14 * 60, 18 * 60)
    assert "12월 23일" in chat.text


async def test_a_birth_month_frames_nothing(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = datetime(2026, 11, 4, 15, 0, tzinfo=KST)
    await chat.say("내년 3월에 초등학교 들어가는 아이예요")
    assert (await state(store, chat)).month is None


LATE = datetime(2026, 12, 8, 23, 50, tzinfo=KST)


@pytest.mark.parametrize("first", ["지금 6살 아이 봐줄 사람 필요해요 율곡동",
                                   "6살 아이 오늘 밤 봐줄 사람 필요해요 율곡동"])
async def test_an_end_alone_after_tonight_is_in_the_small_hours(chat: Chat, store: Store, clock: FakeClock,
                                                                first: str) -> None:
    clock.now = LATE
    await chat.say(first)
    await chat.say("새벽 2시까지요")
    assert "이미 지났어요" not in chat.text
    saved = await state(store, chat)
    assert saved.day == date(2026, 12, 8) and saved.end == 26 * 60


async def test_a_window_over_at_the_consent_step_asks_for_the_window_again(chat: Chat, store: Store,
                                                                           clock: FakeClock) -> None:
    clock.now = LATE
    await chat.say("6살 아이 오늘 밤 봐줄 사람 필요해요 율곡동")
    await chat.say("9시부터 11시까지")  # 21:00-23:00 tonight: over at 23:50
    assert "(오늘 21:00~23:00)은 이미 지났어요" in chat.text and texts.PAST_AGAIN in chat.text
    assert texts.YES_NO_AGAIN not in chat.text
    await chat.say("내일 오후 2시부터 6시까지")
    saved = await state(store, chat)
    assert saved.day == date(2026, 12, 9) and (saved.start, saved.end) == (14 * 60, 18 * 60)


async def test_next_month_said_alone_frames_a_bare_day(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = datetime(2026, 11, 10, 10, 0, tzinfo=KST)
    await chat.say("4살 다음 달에 맡길 곳 대신동")
    assert texts.ASK_MONTH_DAY.format(month=12) in chat.text
    await chat.say("15일 오후 2시부터 5시")  # alone: 11월 15일
    assert (await state(store, chat)).day == date(2026, 12, 15)


async def test_care_through_midnight_shows_the_next_day(chat: Chat, clock: FakeClock) -> None:
    clock.now = LATE
    await chat.say("7살 아이 지금부터 내일 아침 8시까지 봐줄 곳 대곡동")
    await chat.tap("동의하고 접수")
    await chat.tap("채팅으로 받기")
    assert "23:50~다음 날 08:00" in chat.text


async def test_an_unclear_answer_to_consent_names_the_buttons(chat: Chat, clock: FakeClock) -> None:
    clock.now = FRIDAY
    await chat.say("4살 내일 오후 2시부터 6시 율곡동")
    await chat.say("뭐라고요?")
    assert chat.last[-1].text == texts.CONSENT_UNCLEAR and chat.last[-1].choices


async def test_a_day_corrected_while_moving_on_is_said_back(chat: Chat, clock: FakeClock) -> None:
    clock.now = FRIDAY
    await chat.say("4살 내일")
    await chat.say("아니 모레요 오후 2시부터")  # the day corrected, the hours given: the place is asked next
    assert "날짜를 12월 5일(토)에서 12월 6일(일)로 바꿨어요" in chat.text
    assert chat.last[-1].text == texts.ASK_PLACE


async def test_a_half_of_the_day_alone_asks_the_hours_in_it(chat: Chat, clock: FakeClock) -> None:
    clock.now = FRIDAY
    await chat.say("4살 내일")
    await chat.say("저녁")
    assert texts.NOT_UNDERSTOOD not in chat.text
    assert chat.last[-1].text == texts.ASK_TIME_HALF.format(half="오후") and chat.last[-1].choices


@pytest.mark.parametrize("said", ["개인정보 주기 싫은데요", "그냥 제가 직접 전화할게요"])
async def test_a_refusal_in_other_words_is_a_refusal(chat: Chat, store: Store, clock: FakeClock, said: str) -> None:
    clock.now = FRIDAY
    await chat.say("4살 내일 오후 2시부터 6시 율곡동")
    await chat.say(said)
    assert "접수하지 않고" in chat.text
    assert (await state(store, chat)).consent_at is None


async def test_hours_after_an_urgent_day_keep_it_urgent(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = FRIDAY
    await chat.say("엄마가 입원하셔서 급해요 모레 5살 맡길 데 율곡동")
    assert (await state(store, chat)).urgent
    await chat.say("오전 9시부터 오후 6시까지")
    saved = await state(store, chat)
    assert saved.urgent and saved.day == date(2026, 12, 6) and (saved.start, saved.end) == (9 * 60, 18 * 60)


async def test_a_vacation_day_card_shows_the_vacation_hours(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 7, 10, 0, tzinfo=KST)
    await chat.say("초5 딸 방학 때 맡길 곳 12월 28일 아침 9시부터 오후 5시 율곡동")
    card = next(r for r in chat.last if r.card_title).text
    assert "12월 28일(월) 09:00-18:00" in card and "14:00-24:00" not in card


async def test_hours_gone_this_morning_are_read_this_evening_on_the_day_held(chat: Chat, store: Store,
                                                                             clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 7, 15, 0, tzinfo=KST)
    await chat.say("오늘 네 살 맡길 곳 율곡동")
    await chat.say("9시부터 11시까지")  # 09:00-11:00 is over at 15:00: tonight's hours are meant
    saved = await state(store, chat)
    assert (saved.start, saved.end) == (21 * 60, 23 * 60)


async def test_the_day_asked_after_the_hours_offers_no_start_at_now(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 8, 17, 30, tzinfo=KST)  # begun: not today's as an assumed day, so asked
    await chat.say("초등 4학년 아들 학원 마치고 5시부터 8시까지 봐줄 데 있나요")
    labels = [c.label for r in chat.last for c in r.choices]
    assert texts.ASK_DAY in chat.text and "오늘" in labels and "지금 바로" not in labels
    await chat.tap("오늘")
    await chat.say("율곡동")
    assert "17:00-20:00" in chat.text  # the hours said, not 15:00 (now)


async def test_consent_given_after_the_window_ended_asks_the_day_again(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 7, 10, 0, tzinfo=KST)
    await chat.say("두 돌 지난 딸 내일 오전 10시부터 11시 반까지 대곡동이요")
    await chat.tap("동의하지 않음")
    clock.now = datetime(2026, 12, 8, 13, 0, tzinfo=KST)  # back the next day, after that morning
    await chat.say("그냥 동의할게요")
    assert "이미 지났어요" in chat.text and texts.ASK_DAY in chat.text
    assert "전화번호" not in chat.text
    await chat.say("목요일 오전 10시부터 11시 반까지요")
    assert "12월 10일(목)" in chat.text and "동의하고 접수" in [c.label for r in chat.last for c in r.choices]


async def test_a_window_that_ended_at_the_confirm_step_files_nothing(chat: Chat, clock: FakeClock,
                                                                    store: Store) -> None:
    clock.now = datetime(2026, 12, 7, 10, 0, tzinfo=KST)
    for step in ("네 살 아들 오늘 낮 12시부터 2시까지 자산동", "동의하고 접수", "채팅으로 받기"):
        await chat.say(step)
    clock.now = datetime(2026, 12, 7, 14, 20, tzinfo=KST)
    await chat.tap("네, 접수할게요")
    assert "이미 지났어요" in chat.text and "접수번호" not in chat.text
    assert await store.cases_for_user(chat.address.key) == []


async def test_a_window_through_the_night_has_not_ended_before_its_end(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 7, 21, 0, tzinfo=KST)
    await chat.say("5살 오늘 밤 10시부터 내일 새벽 2시까지 율곡동")
    clock.now = datetime(2026, 12, 7, 23, 30, tzinfo=KST)
    await chat.tap("동의하고 접수")
    assert "이미 지났어요" not in chat.text and "전화번호" in chat.text


def test_a_window_ends_when_its_end_has_gone_by() -> None:
    night = Intake(day=date(2026, 12, 7), start=22 * 60, end=26 * 60)
    assert not night.ended(datetime(2026, 12, 8, 1, 30, tzinfo=KST))  # still that night
    assert night.ended(datetime(2026, 12, 8, 2, 0, tzinfo=KST))
    assert not Intake(day=date(2026, 12, 7), start=7 * 60).ended(datetime(2026, 12, 7, 20, 0, tzinfo=KST))
    assert Intake(day=date(2026, 12, 6)).ended(datetime(2026, 12, 7, 0, 1, tzinfo=KST))
    assert not Intake(day=date(2026, 12, 7), start=13 * 60, end=15 * 60).ended(
        datetime(2026, 12, 7, 14, 59, tzinfo=KST))
