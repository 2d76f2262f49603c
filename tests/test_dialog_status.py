"""'접수 확인' for a case whose children go to different services: each child's service, whose desk acts for that
child and when (every service's desk is told: bot/coordination/desks.py), and, before then, whose line is which."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from bot.coordination import texts as queue_texts
from bot.coordination.queue import Queue
from db.store import Store
from tests.conftest import KST, Chat, FakeClock

MONDAY_1000 = datetime(2026, 12, 7, 10, 0, tzinfo=KST)
SUNDAY_0830 = datetime(2026, 12, 6, 8, 30, tzinfo=KST)
TWO = "7살이랑 4살 애 둘이요 오늘 오후 2시부터 6시까지 율곡동"


async def test_each_child_s_desk_is_said_with_when_it_acts(chat: Chat, clock: FakeClock) -> None:
    clock.now = MONDAY_1000
    await chat.file(TWO)
    assert "다함께돌봄센터와 365어린이집 담당자에게 모두 알렸어요." in chat.text  # the filing says both were told
    await chat.say("접수 확인")
    assert "· 7살 아이: 다함께돌봄센터 담당자가 곧 연락드릴 거예요." in chat.text
    assert "· 4살 아이: 365어린이집 담당자가 곧 연락드릴 거예요." in chat.text
    assert "모두 맡아" not in chat.text and "서비스: " not in chat.text
    assert len(chat.text) < 400  # a phone's screen


async def test_a_claimed_case_names_who_arranges_both(chat: Chat, clock: FakeClock, store: Store,
                                                      queue: Queue) -> None:
    clock.now = MONDAY_1000
    await chat.file(TWO)
    (case,) = await store.cases_for_user(chat.address.key)
    await queue.claim(case.id, "이담당")  # the second child's desk may claim it too
    await chat.say("접수 확인")
    assert "이담당 님이 맡았어요. 두 아이 모두 곧 연락드릴게요." in chat.text
    assert "· 7살 아이: 다함께돌봄센터" in chat.text and "· 4살 아이: 365어린이집" in chat.text


async def test_off_duty_says_when_and_whose_line_works_now(chat: Chat, clock: FakeClock) -> None:
    clock.now = SUNDAY_0830
    await chat.file(TWO)
    await chat.say("접수 확인")
    text = chat.text
    assert "곧" not in text
    assert "· 7살 아이: 아이돌봄서비스 담당자가 12월 7일(월) 09:00부터 확인하고 연락드려요." in text
    assert "· 4살 아이: 365어린이집 담당자가 12월 7일(월) 09:00부터 확인하고 연락드려요." in text
    assert "· 4살 아이: 365어린이집 율곡 042-234-5678 (오늘 09:00-18:00)" in text
    assert "119돌봄센터 042-567-8901 (24시간)" in text


async def test_children_at_one_service_keep_the_one_line(chat: Chat, clock: FakeClock) -> None:
    clock.now = MONDAY_1000
    await chat.file("5살이랑 3살 애 둘이요 오늘 오후 2시부터 6시까지 율곡동")
    await chat.say("접수 확인")
    assert "서비스: 365어린이집" in chat.text and "\n· " not in chat.text
    assert "곧 접수를 맡아" in chat.text



async def test_a_child_without_a_service_is_said_plainly(chat: Chat, clock: FakeClock, store: Store) -> None:
    clock.now = MONDAY_1000
    await chat.file(TWO)
    (case,) = await store.cases_for_user(chat.address.key)
    first, second = case.children
    case = replace(case, children=(first, {**second, "service_id": None}))
    text = queue_texts.case_status(case, KST, "다함께돌봄센터", names={"after-school": "다함께돌봄센터"})
    assert "· 7살 아이: 다함께돌봄센터 담당자가 곧 연락드릴 거예요." in text
    assert "· 4살 아이: 맞는 서비스가 없어 관제탑(가족여성팀)이 확인해요." in text


async def test_a_desk_off_duty_and_one_on_duty_each_say_their_own(chat: Chat, clock: FakeClock, store: Store) -> None:
    clock.now = MONDAY_1000
    await chat.file(TWO)
    (case,) = await store.cases_for_user(chat.address.key)
    first, second = case.children
    case = replace(case, children=(first, {**second, "service_id": "emergency-119"}))
    names = {"after-school": "다함께돌봄센터", "emergency-119": "119돌봄센터 (경북 119아이행복 돌봄터)"}
    later = SUNDAY_0830.replace(day=8, hour=9, minute=0)
    text = queue_texts.case_status(case, KST, "다함께돌봄센터", later=later, names=names,
                                   later_of={"after-school": later, "emergency-119": None})
    assert "· 7살 아이: 다함께돌봄센터 담당자가 12월 8일(화) 09:00부터 확인하고 연락드려요." in text
    assert "· 4살 아이: 119돌봄센터 담당자가 곧 연락드릴 거예요." in text  # its name without the brackets


async def test_a_claimed_case_before_hours_promises_no_soon(chat: Chat, clock: FakeClock, store: Store,
                                                            queue: Queue) -> None:
    clock.now = MONDAY_1000
    await chat.file("초2 딸이랑 다섯 살 아들이요 내일 오후 3시부터 7시까지 율곡동")
    (case,) = await store.cases_for_user(chat.address.key)
    await queue.claim(case.id, "최담당")
    clock.now = MONDAY_1000.replace(day=8, hour=7, minute=50)  # the next morning, before the desks open
    await chat.say("접수 확인")
    assert "곧" not in chat.text
    assert "최담당 님이 맡았어요. 12월 8일(화) 09:00부터 두 아이 모두 확인하고 연락드려요." in chat.text


async def test_a_danger_report_says_what_it_is_beside_the_care_intake(chat: Chat, clock: FakeClock) -> None:
    clock.now = SUNDAY_0830
    await chat.say("일곱 살 딸이 집에 혼자 있는데 전화를 안 받아요")
    await chat.file("일곱 살 딸 내일 오후 3시부터 7시까지 율곡동")
    await chat.say("접수 확인")
    danger, care = chat.text.split("접수 #1 ")[1], chat.text.split("접수 #1 ")[0]
    assert "위험 신고: 가족여성팀(관제탑)" in danger and "위험 신고" not in care


@pytest.mark.parametrize(("fix", "said"), [("아 아니다 목요일이요", "날짜를 12월 9일(수)에서 12월 10일(목)로"),
                                           ("아뇨 대곡동이에요 잘못 눌렀어요", "동네를 율곡동에서 대곡동으로")])
async def test_a_correction_just_after_filing_goes_to_the_case(chat: Chat, clock: FakeClock, store: Store,
                                                              queue: Queue, fix: str, said: str) -> None:
    clock.now = MONDAY_1000
    await chat.file("다섯 살 딸 수요일 오후 1시부터 5시까지 율곡동")
    await chat.say(fix)
    assert f"바뀐 내용({said} 바꿈)을 담당자에게 전했어요." in chat.text
    assert "몇 살" not in chat.text  # not a new intake
    (case,) = await store.cases_for_user(chat.address.key)
    _, events = await queue.show(case.id, "가족여성팀")
    assert any(e.kind == "note" and said in (e.note or "") for e in events)
    kinds = [r["kind"] for r in await store.fetch("SELECT kind FROM outbox WHERE case_id = ?", (case.id,))]
    assert kinds.count("status") == 1  # its coordinators are told


async def test_a_place_open_on_the_care_day_before_the_desks_is_given_with_that_day(chat: Chat,
                                                                                   clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 12, 23, 30, tzinfo=KST)  # Saturday night, Sunday care, desks on Monday
    await chat.file("세 살 아들 내일 오전 10시부터 오후 3시까지 율곡동")
    assert "12월 14일(월) 09:00부터" in chat.text
    assert "365어린이집 율곡 042-234-5678 (12월 13일(일) 09:00-18:00)" in chat.text
    assert "119돌봄센터 042-567-8901 (24시간)" in chat.text


@pytest.mark.parametrize(("now", "soon"), [(datetime(2026, 12, 11, 17, 40, tzinfo=KST), False),
                                           (datetime(2026, 12, 11, 17, 20, tzinfo=KST), True)])
async def test_filing_as_the_desks_close_promises_no_soon(chat: Chat, clock: FakeClock, now: datetime,
                                                          soon: bool) -> None:
    clock.now = now  # Friday; the desks close at 18:00 and open on Monday
    await chat.file("네 살 딸 월요일 오후 2시부터 6시까지 율곡동")
    assert ("담당 코디네이터가 확인하고 연락드릴게요." in chat.text) is soon
    assert ("담당자 근무가 곧 끝나요. 오늘 연락드리지 못하면 12월 14일(월) 09:00부터" in chat.text) is not soon


async def test_status_as_the_desks_close_promises_no_soon(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 11, 17, 10, tzinfo=KST)
    await chat.file("네 살 딸 월요일 오후 2시부터 6시까지 율곡동")
    await chat.file(TWO.replace("오늘", "월요일"))
    clock.now = datetime(2026, 12, 11, 17, 45, tzinfo=KST)
    await chat.say("접수 확인")
    assert "곧" not in chat.text.replace("근무가 곧 끝나요", "")
    assert "담당자 근무가 곧 끝나요. 오늘 연락드리지 못하면 12월 14일(월) 09:00부터" in chat.text
    assert "· 4살 아이: 365어린이집 담당자가 오늘 연락드리지 못하면 12월 14일(월) 09:00부터" in chat.text
