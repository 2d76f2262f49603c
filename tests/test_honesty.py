"""Honesty about people: '곧 연락드려요' only while a coordinator of that service is on duty; otherwise when someone
will act, and the lines that work now when the care starts before then. '접수 확인' says the same."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.conftest import KST, Chat, FakeClock

SUNDAY_0830 = datetime(2026, 12, 6, 8, 30, tzinfo=KST)
TUESDAY_2300 = datetime(2026, 11, 24, 23, 0, tzinfo=KST)
MONDAY_1000 = datetime(2026, 12, 7, 10, 0, tzinfo=KST)
PROMISES = ("곧 연락", "곧 접수를 맡아")


async def test_sunday_morning_care_today_gets_monday_and_the_lines_that_work_now(chat: Chat,
                                                                                 clock: FakeClock) -> None:
    clock.now = SUNDAY_0830
    done = await chat.file("5살 딸 오늘 오전 11시부터 오후 4시까지 급하게 맡겨야 해요 율곡동")
    assert not any(p in done for p in PROMISES)
    assert "12월 7일(월) 09:00" in done
    assert "365어린이집 율곡 042-234-5678 (오늘 09:00-18:00)" in done  # opens before the care starts
    assert "119돌봄센터 042-567-8901 (24시간)" in done
    await chat.say("접수 확인")
    assert not any(p in chat.text for p in PROMISES)
    assert "12월 7일(월) 09:00" in chat.text and "119돌봄센터 042-567-8901" in chat.text


async def test_weekday_night_care_tomorrow_morning_before_opening_hours_gets_the_lines(chat: Chat,
                                                                                       clock: FakeClock) -> None:
    clock.now = TUESDAY_2300
    done = await chat.file("3살 아들 내일 아침 8시부터 오후 5시까지 대곡동")
    assert not any(p in done for p in PROMISES)
    assert "11월 25일(수) 09:00" in done
    assert "042-234-5678" in done and "(24시간)" in done  # 365어린이집 is open now, at 23:00


async def test_weekday_night_care_after_the_coordinator_starts_needs_no_other_line(chat: Chat,
                                                                                   clock: FakeClock) -> None:
    clock.now = TUESDAY_2300
    done = await chat.file("3살 아들 내일 오후 2시부터 6시까지 대곡동")
    assert "11월 25일(수) 09:00" in done and "지금 바로 연락" not in done
    assert not any(p in done for p in PROMISES)


async def test_in_working_hours_the_coordinator_is_promised(chat: Chat, clock: FakeClock) -> None:
    clock.now = MONDAY_1000
    done = await chat.file("4살 오늘 오후 3시부터 7시까지 율곡동")
    assert "곧 연락드려요" in done and "근무시간이 아니" not in done
    await chat.say("접수 확인")
    assert "곧 접수를 맡아" in chat.text and "근무시간이 아니" not in chat.text


async def test_a_reopened_case_at_night_says_when_not_soon(chat: Chat, clock: FakeClock, store, queue) -> None:
    from bot.dialog.desk import FOLLOWUP_NO
    from db.models import ts

    clock.now = MONDAY_1000
    await chat.file("4살 오늘 오후 3시부터 7시까지 율곡동")
    (case,) = await store.cases_for_user(chat.address.key)
    clock.now = datetime(2026, 12, 12, 22, 0, tzinfo=KST)  # Saturday night
    await store.write(lambda c: c.execute(  # the care-date question, fired and asked
        "INSERT INTO followups (case_id, kind, due_at, fired_at, asked_at) VALUES (?, 'parent', ?, ?, ?)",
        (case.id, ts(clock.now), ts(clock.now), ts(clock.now))))
    queue.asked(chat.address.key)
    await chat.say("아니오", choice=FOLLOWUP_NO)
    assert f"접수번호 {case.id}번을 다시 열어" in chat.text
    assert "12월 14일(월) 09:00" in chat.text and not any(p in chat.text for p in PROMISES)


@pytest.mark.parametrize("message", [
    "열이 나는 3살 아이 오늘 낮 12시부터 5시까지 봐주실 분 율곡동",   # home care for a sick child
    "초4 아들 내일 오후 2시부터 6시까지 맡길 곳 대곡동",               # a school child, Monday
    "두 돌 아기 다음 주 화요일 오전 9시부터 오후 3시까지 자산동",      # a weekday next week
])
async def test_no_service_is_promised_soon_on_a_sunday_morning(chat: Chat, clock: FakeClock, message: str) -> None:
    clock.now = SUNDAY_0830
    done = await chat.file(message)
    assert not any(p in done for p in PROMISES) and "12월 7일(월) 09:00" in done


async def test_another_language_on_a_holiday_gets_the_desk_hours_and_the_line_open_now(chat: Chat,
                                                                                       clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 25, 9, 0, tzinfo=KST)  # Christmas: the intake desk is closed
    await chat.say("Hello, I need someone to look after my son today")
    assert "042-123-4567 (평일 09:00-18:00" in chat.text and "(Mon-Fri 09:00-18:00)" in chat.text
    assert "119돌봄센터 042-567-8901" in chat.text and "24 h" in chat.text
    assert "112" in chat.text


async def test_a_date_next_year_is_shown_with_its_year_before_it_is_filed(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 28, 10, 0, tzinfo=KST)
    await chat.say("4살 1월 5일 오전 10시부터 오후 3시까지 율곡동")
    assert "2027년 1월 5일(화)" in chat.text
    await chat.tap("동의하고 접수")
    await chat.tap("채팅으로 받기")
    assert "· 필요한 때: 2027년 1월 5일(화) 10:00~15:00" in chat.text


async def test_a_day_before_today_is_never_a_care_window_whatever_the_reading(chat: Chat, clock: FakeClock,
                                                                              engine) -> None:
    from dataclasses import replace
    from datetime import date

    from routing.understand import Understander

    clock.now = datetime(2027, 2, 8, 10, 0, tzinfo=KST)
    reader = engine.understander(engine.knowledge.current)

    class Misreading(Understander):  # a reading that lands on a day already gone
        def read(self, text, now, period=None):
            u = reader.read(text, now, period)
            return replace(u, need=replace(u.need, day=date(2027, 1, 27))) if u.need.day else u

    engine._understander = (engine.knowledge.current, Misreading(engine.knowledge.current))
    await chat.say("5살 내일 오전 10시부터 오후 4시까지 양금동")
    assert "이미 지났어요" in chat.text and "언제 돌봄이 필요하세요" in chat.text
    assert not any(r.card_title for r in chat.last)


async def test_care_starting_when_the_coordinator_does_gets_the_lines_that_work_now(chat: Chat,
                                                                                   clock: FakeClock) -> None:
    clock.now = TUESDAY_2300
    done = await chat.file("초1 아들 내일 아침 9시부터 12시까지 율곡동")  # home visits, booked two hours ahead
    assert "11월 25일(수) 09:00" in done and "지금 바로 연락" in done and "042-345-6789" in done
    await chat.say("접수 확인")
    assert "042-345-6789" in chat.text


async def test_deleting_with_no_open_case_does_not_count_zero_cases(chat: Chat) -> None:
    await chat.say("5살 내일 오후 2시부터 6시까지 율곡동")
    await chat.say("내 정보 삭제")
    await chat.tap("네, 지워 주세요")
    assert "0건" not in chat.text and "삭제했어요" in chat.text


FRIDAY_1750 = datetime(2026, 12, 11, 17, 50, tzinfo=KST)


async def _asked(chat: Chat, store, queue, case_id: int, at: datetime) -> None:
    from db.models import ts

    await store.write(lambda c: c.execute(  # the care-date question, fired and asked
        "INSERT INTO followups (case_id, kind, due_at, fired_at, asked_at) VALUES (?, 'parent', ?, ?, ?)",
        (case_id, ts(at), ts(at), ts(at))))
    queue.asked(chat.address.key)


@pytest.mark.parametrize("at, soon", [(FRIDAY_1750, False), (datetime(2026, 12, 11, 15, 0, tzinfo=KST), True)])
async def test_a_reopened_case_near_the_desks_closing_is_not_promised_soon(chat: Chat, clock: FakeClock, store,
                                                                          queue, at: datetime, soon: bool) -> None:
    from bot.dialog.desk import FOLLOWUP_NO

    clock.now = MONDAY_1000
    await chat.file("4살 오늘 오후 3시부터 7시까지 율곡동")
    (case,) = await store.cases_for_user(chat.address.key)
    clock.now = at
    await _asked(chat, store, queue, case.id, at)
    await chat.say("아니오", choice=FOLLOWUP_NO)
    assert f"접수번호 {case.id}번을 다시 열어" in chat.text
    assert any(p in chat.text for p in PROMISES) is soon
    assert ("12월 14일(월) 09:00" in chat.text) is not soon  # the Monday after, said when the desk is closing


async def test_a_claimed_case_of_two_services_near_closing_is_not_promised_soon(chat: Chat, clock: FakeClock,
                                                                               queue) -> None:
    clock.now = datetime(2026, 12, 11, 10, 0, tzinfo=KST)
    await chat.file("초3 아들이랑 5살 딸 오늘 저녁 6시부터 9시까지요 자산동")
    await queue.claim(1, "가족여성팀")
    clock.now = FRIDAY_1750
    await chat.say("접수 확인")
    assert "가족여성팀 님이 맡았어요" in chat.text and "12월 14일(월) 09:00" in chat.text
    assert not any(p in chat.text for p in PROMISES), chat.text


async def test_a_line_closing_in_minutes_is_given_with_the_care_days_hours(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 11, 23, 50, tzinfo=KST)  # Friday: 365어린이집 answers until 24:00
    done = await chat.file("4살 내일 오전 9시부터 오후 5시까지 율곡동")
    assert "365어린이집 율곡 042-234-5678 (12월 12일(토) 09:00-18:00)" in done, done
    assert "119돌봄센터 042-567-8901 (24시간)" in done


async def test_desks_on_duty_at_different_times_each_say_when_at_filing(chat: Chat, clock: FakeClock) -> None:
    clock.now = SUNDAY_0830  # 119돌봄센터's desk answers at all hours, 365어린이집's on Monday
    done = await chat.file("쌍둥이 4살이랑 초2 큰애 오늘 오전 10시부터 오후 5시까지 급해요 대곡동")
    assert "· 초등 2학년 아이: 119돌봄센터 담당자가 곧 연락드려요." in done
    assert "· 두 아이(4살): 365어린이집 담당자가 12월 7일(월) 09:00부터 확인하고 연락드려요." in done
    assert "지금은 담당자 근무시간이 아니에요" not in done  # not one time for every child
    assert "365어린이집 센트럴자이 042-234-5678 (오늘 09:00-18:00)" in done
    await chat.say("접수 확인")
    assert "119돌봄센터 담당자가 곧" in chat.text and "365어린이집 담당자가 12월 7일(월) 09:00부터" in chat.text


async def test_twins_in_the_lines_that_work_now_are_named_as_on_their_card(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 5, 8, 30, tzinfo=KST)  # Saturday: two places open before anyone is on duty
    done = await chat.file("쌍둥이 4살이랑 초2 큰애 오늘 오전 10시부터 오후 5시까지 율곡동")
    assert "· 두 아이(4살): 365어린이집" in done, done
    assert "둘째 아이(4살)" not in done and "셋째 아이(4살)" not in done
