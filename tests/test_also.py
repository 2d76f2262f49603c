"""Days added to a need ('내일도 같은 시간에') and care said to repeat ('매주 월요일마다'): kept beside the window
before filing, noted on the filed case (its coordinators told) after it, never a new intake or a changed day."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.coordination.queue import Queue
from bot.dialog.intake import Intake
from db.store import Store
from tests.conftest import KST, Chat, FakeClock

SUNDAY_0830 = datetime(2026, 12, 6, 8, 30, tzinfo=KST)
MONDAY_1000 = datetime(2026, 12, 7, 10, 0, tzinfo=KST)
FIRST = "5살 아이 오늘 아침 9시부터 12시까지 봐줄 곳 있나요 율곡동"


async def state(store: Store, chat: Chat) -> Intake:
    return Intake.from_json(await store.load_state(chat.address.key) or "{}")


@pytest.mark.parametrize("more, day", [("내일도 같은 시간에", date(2026, 12, 7)), ("모레도요", date(2026, 12, 8)),
                                       ("토요일에도 필요해요", date(2026, 12, 12)),
                                       ("하루 더 필요해요 내일이요", date(2026, 12, 7))])
async def test_an_added_day_before_filing_keeps_the_first_and_is_filed_with_it(chat: Chat, clock: FakeClock,
                                                                               store: Store, more: str,
                                                                               day: date) -> None:
    clock.now = SUNDAY_0830
    await chat.say(FIRST)
    await chat.say(more)
    assert "도 함께 적어 둘게요" in chat.text and "바꿨어요" not in chat.text
    saved = await state(store, chat)
    assert saved.day == date(2026, 12, 6) and saved.also == ((day, None, None),)  # the same hours
    await chat.tap("동의하고 접수")
    await chat.tap("채팅으로 받기")
    assert "· 필요한 때: 12월 6일(일) 09:00~12:00" in chat.text and "· 더 필요한 때: " in chat.text
    await chat.tap("네, 접수할게요")
    (case,) = await store.cases_for_user(chat.address.key)
    assert "· 더 필요한 때: " in case.summary_text and "09:00~12:00" in case.summary_text.split("더 필요한 때")[1]


@pytest.mark.parametrize("more, said", [("내일 같은 시간에 또 부탁해요", "12월 7일(월) 09:00~12:00"),
                                        ("내일도 같은 시간에", "12월 7일(월) 09:00~12:00"),
                                        ("모레도 오후 2시부터 5시까지요", "12월 8일(화) 14:00~17:00"),
                                        ("매주 월요일마다 필요해요", "매주 월요일마다")])
async def test_an_added_day_after_filing_is_a_note_on_that_case(chat: Chat, clock: FakeClock, store: Store,
                                                                queue: Queue, more: str, said: str) -> None:
    clock.now = SUNDAY_0830
    await chat.file(FIRST)
    await chat.say(more)
    assert "접수 #1에 더 필요한 때(" in chat.text and ")를 적어 담당자에게 전했어요" in chat.text
    assert said in chat.text
    assert "12월 7일(월) 09:00부터 확인" in chat.text  # Sunday: nobody reads the note before Monday
    assert "몇 살" not in chat.text and "곧" not in chat.text  # not a new intake, no promise
    _, events = await queue.show(1, "가족여성팀")
    assert any(e.kind == "note" and said in (e.note or "") for e in events)
    kinds = [r["kind"] for r in await store.fetch("SELECT kind FROM outbox WHERE case_id = 1")]
    assert kinds.count("status") == 1  # its coordinators are told
    assert len(await store.cases_for_user(chat.address.key)) == 1
    await chat.say(more)  # said again: already there, nothing noted twice
    assert "말씀하신 날은 이미 적혀 있어요" in chat.text


async def test_an_added_day_another_service_fits_better_is_said(chat: Chat, clock: FakeClock, queue: Queue) -> None:
    clock.now = MONDAY_1000
    await chat.file("5살 아이 내일 저녁 6시부터 10시까지 율곡동")  # 365어린이집: weekdays to 24:00
    await chat.say("토요일에도요")  # Saturday evening: 365어린이집 closes at 18:00
    assert "12월 12일(토)에는 아이돌봄서비스가 더 맞을 수 있어요" in chat.text
    _, events = await queue.show(1, "가족여성팀")
    assert any("아이돌봄서비스" in (e.note or "") for e in events if e.kind == "note")


async def test_a_correction_after_filing_is_still_a_correction(chat: Chat, clock: FakeClock) -> None:
    clock.now = MONDAY_1000
    await chat.file("5살 아이 내일 오후 1시부터 5시까지 율곡동")
    await chat.say("아 아니다 목요일이요")
    assert "날짜를 12월 8일(화)에서 12월 10일(목)로 바꿈" in chat.text and "더 필요한 때" not in chat.text


async def test_a_day_said_first_is_the_day_not_an_added_one(chat: Chat, clock: FakeClock, store: Store) -> None:
    clock.now = MONDAY_1000
    await chat.say("5살 아이 율곡동")
    await chat.say("내일도 괜찮아요 오후 2시부터 6시까지")
    saved = await state(store, chat)
    assert saved.day == date(2026, 12, 8) and saved.also == ()


@pytest.mark.parametrize("when, first, more", [
    ("다음주 월요일부터 금요일까지 아침 9시부터 저녁 6시까지요", date(2027, 1, 4),
     (date(2027, 1, 5), date(2027, 1, 6), date(2027, 1, 7), date(2027, 1, 8))),
    ("월요일이랑 수요일 오후 2시부터 5시까지", date(2027, 1, 4), (date(2027, 1, 6),)),
    ("1월 4일부터 6일까지 오후 2시부터 5시까지", date(2027, 1, 4), (date(2027, 1, 5), date(2027, 1, 6))),
])
async def test_several_days_in_one_message_are_all_kept(chat: Chat, clock: FakeClock, store: Store, when: str,
                                                        first: date, more: tuple[date, ...]) -> None:
    clock.now = datetime(2026, 12, 31, 9, 0, tzinfo=KST)
    await chat.say("초1 아이 율곡동")
    await chat.say(when)
    assert "도 함께 적어 둘게요" in chat.text
    saved = await state(store, chat)
    assert saved.day == first and tuple(d for d, _, _ in saved.also) == more


@pytest.mark.parametrize("when", ["월요일이나 수요일 오후 2시부터 5시까지",   # either day: the coordinator asks
                                  "오늘 밤 9시부터 내일 아침 8시까지"])       # one window across midnight
async def test_a_choice_of_days_or_a_night_is_one_window(chat: Chat, clock: FakeClock, store: Store,
                                                         when: str) -> None:
    clock.now = datetime(2026, 12, 7, 10, 0, tzinfo=KST)
    await chat.say("4살 아이 율곡동")
    await chat.say(when)
    assert "함께 적어 둘게요" not in chat.text
    assert (await state(store, chat)).also == ()


async def test_days_named_are_written_short_in_the_summary(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 28, 9, 0, tzinfo=KST)
    await chat.say("초1 초4 방학인데 다음주 월요일부터 금요일까지 아침 9시부터 저녁 6시까지요 율곡동")
    await chat.tap("동의하고 접수")
    await chat.tap("채팅으로 받기")
    assert "· 더 필요한 때: 2027년 1월 5일(화), 6일(수), 7일(목), 8일(금) 09:00~18:00" in chat.text


@pytest.mark.parametrize("question, day, hours", [("주말에도 하나요?", "12월 12일(토)", "09:00-18:00"),
                                                  ("일요일에도 운영해요?", "12월 13일(일)", "09:00-18:00")])
async def test_a_question_whether_another_day_works_keeps_the_day(chat: Chat, clock: FakeClock, store: Store,
                                                                  question: str, day: str, hours: str) -> None:
    clock.now = datetime(2026, 12, 6, 10, 0, tzinfo=KST)
    await chat.say("4살 내일 오후 2시부터 6시까지 율곡동")
    await chat.say(question)
    assert f"365어린이집 율곡은 {day} {hours}에 열어요" in chat.text
    assert "바꿨어요" not in chat.text and "함께 적어 둘게요" not in chat.text
    saved = await state(store, chat)
    assert saved.day == date(2026, 12, 7) and saved.also == ()
    await chat.tap("그날도 맡기기")
    assert f"{day} 14:00~18:00도 함께 적어 둘게요" in chat.text
    assert (await state(store, chat)).day == date(2026, 12, 7)


async def test_a_question_whether_another_day_works_can_move_to_it(chat: Chat, clock: FakeClock,
                                                                   store: Store) -> None:
    clock.now = datetime(2026, 12, 6, 10, 0, tzinfo=KST)
    await chat.say("4살 내일 오후 2시부터 6시까지 율곡동")
    await chat.say("토요일에도 되나요?")
    await chat.tap("그날로 바꾸기")
    assert "날짜를 12월 7일(월)에서 12월 12일(토)로 바꿨어요" in chat.text
    assert (await state(store, chat)).day == date(2026, 12, 12)


async def test_a_correction_after_filing_off_duty_says_when_it_is_read(chat: Chat, clock: FakeClock) -> None:
    clock.now = SUNDAY_0830
    await chat.file("5살 아이 수요일 오후 1시부터 5시까지 율곡동")
    await chat.say("아 아니다 목요일이요")
    assert "담당자에게 전했어요" in chat.text and "12월 7일(월) 09:00부터 확인" in chat.text


@pytest.mark.parametrize("first, then", [("4살 매일 아침 8시부터 9시까지 봐줄 분 율곡동", "내일부터요"),
                                         ("4살 내일 아침 8시부터 9시까지 율곡동", "매일 같은 시간에 필요해요")])
async def test_care_said_to_repeat_is_kept_for_the_coordinator(chat: Chat, clock: FakeClock, store: Store,
                                                               first: str, then: str) -> None:
    clock.now = datetime(2026, 12, 6, 20, 30, tzinfo=KST)
    await chat.say(first)
    await chat.say(then)
    assert (await state(store, chat)).repeat == "매일"
    await chat.tap("동의하고 접수")
    await chat.tap("채팅으로 받기")
    assert "· 필요한 때: 12월 7일(월) 08:00~09:00" in chat.text and "· 더 필요한 때: 매일" in chat.text


async def test_a_range_of_holiday_days_starts_on_its_first_day(chat: Chat, clock: FakeClock, store: Store) -> None:
    clock.now = datetime(2027, 2, 1, 10, 0, tzinfo=KST)
    await chat.say("4살 설 전날부터 설 다음날까지 오전 9시부터 오후 6시까지 율곡동")
    saved = await state(store, chat)
    assert saved.day == date(2027, 2, 6)  # 설 전날, not the last day the reader may pick
    assert [d for d, _, _ in saved.also] == [date(2027, 2, 7), date(2027, 2, 8)]
    assert "2월 7일(일), 8일(월) 09:00~18:00도 함께 적어 둘게요" in chat.text


async def test_care_throughout_a_time_keeps_what_it_is_throughout(chat: Chat, clock: FakeClock, store: Store) -> None:
    clock.now = datetime(2027, 2, 1, 10, 0, tzinfo=KST)
    await chat.say("4살 설 연휴 내내 오전 9시부터 오후 6시까지 봐줄 곳 율곡동")
    assert (await state(store, chat)).repeat == "설 연휴 내내"


async def test_a_day_taken_out_before_filing_is_never_the_new_day(chat: Chat, clock: FakeClock,
                                                                  store: Store) -> None:
    clock.now = datetime(2026, 12, 6, 10, 0, tzinfo=KST)
    await chat.say("4살 내일 오후 2시부터 6시까지 율곡동")
    await chat.say("모레도요")
    await chat.say("아 모레는 안 맡겨도 돼요")
    assert "12월 8일(화)은 뺐어요" in chat.text and "바꿨어요" not in chat.text
    saved = await state(store, chat)
    assert saved.day == date(2026, 12, 7) and saved.also == ()
    await chat.say("모레는 필요 없어요")  # not there any more: nothing moves
    assert "12월 8일(화)은 적혀 있지 않아요" in chat.text
    assert (await state(store, chat)).day == date(2026, 12, 7)


async def test_the_first_day_taken_out_gives_way_to_the_next(chat: Chat, clock: FakeClock, store: Store) -> None:
    clock.now = datetime(2026, 12, 6, 10, 0, tzinfo=KST)
    await chat.say("4살 다음주 월요일부터 수요일까지 오후 2시부터 6시까지 율곡동")
    await chat.say("월요일은 빼 주세요")
    saved = await state(store, chat)
    assert saved.day == date(2026, 12, 8) and [d for d, _, _ in saved.also] == [date(2026, 12, 9)]
    assert (saved.start, saved.end) == (14 * 60, 18 * 60)


async def test_a_day_taken_out_after_filing_is_a_note_on_the_case(chat: Chat, clock: FakeClock, queue: Queue,
                                                                  store: Store) -> None:
    clock.now = datetime(2026, 12, 6, 10, 0, tzinfo=KST)
    await chat.file("4살 다음주 월요일부터 수요일까지 오후 2시부터 6시까지 율곡동")
    await chat.say("수요일은 빼 주세요")
    assert "접수 #1에서 12월 9일(수)을 빼 달라고 담당자에게 전했어요" in chat.text and "몇 살" not in chat.text
    _, events = await queue.show(1, "가족여성팀")
    assert any(e.kind == "note" and "12월 9일(수)" in (e.note or "") for e in events)
    assert len(await store.cases_for_user(chat.address.key)) == 1


async def test_the_coordinators_card_carries_what_the_parent_added(chat: Chat, clock: FakeClock, store: Store,
                                                                   coordinators) -> None:
    from bot.coordination.dispatch import Dispatcher, Note

    cards: list[Note] = []

    class Recorder:
        name = "rec"

        async def notify(self, note: Note) -> str | None:
            cards.append(note)
            return None

    clock.now = SUNDAY_0830
    await chat.file(FIRST)
    await chat.say("내일도 같은 시간에")
    await Dispatcher(store, coordinators, [Recorder()], tz=KST, clock=clock).run_once()
    (changed,) = [c for c in cards if c.kind == "status"]
    assert "부모님이 접수 뒤 더 필요한 때를 알림: 12월 7일(월) 09:00~12:00" in changed.text


async def test_an_added_day_after_declining_keeps_consent_a_tap_away(chat: Chat, clock: FakeClock,
                                                                     store: Store) -> None:
    clock.now = datetime(2026, 12, 6, 10, 0, tzinfo=KST)
    await chat.say("4살 내일 오후 2시부터 6시까지 율곡동")
    await chat.tap("동의하지 않음")
    await chat.say("모레도요")
    assert "12월 8일(화) 14:00~18:00도 함께 적어 둘게요" in chat.text
    assert (await state(store, chat)).day == date(2026, 12, 7)
    await chat.tap("동의하고 접수")
    await chat.tap("채팅으로 받기")
    assert "· 더 필요한 때: 12월 8일(화) 14:00~18:00" in chat.text
