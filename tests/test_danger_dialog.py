"""A child in danger: the numbers and what to do now come first, the urgent case goes to the control tower, and an
intake the parent goes on with is linked to it both ways."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.coordination.dispatch import Dispatcher
from bot.dialog import texts
from db.store import Store
from knowledge.coordinators import Coordinators
from tests.conftest import KST, Chat, FakeClock


def reporting(coordinators: Coordinators, store: Store) -> Dispatcher:
    return Dispatcher(store, coordinators, [], tz=KST)


async def test_the_first_reply_is_112_119_and_what_to_do_now_before_any_question(chat: Chat) -> None:
    replies = await chat.say("동생이 집에 혼자 있는데 엄마가 전화를 안 받아요")
    first = replies[0].text
    assert "112" in first and "아동학대" in first and "119" in first
    assert "지금은" in first  # one sentence on what to do right now
    questions = [i for i, r in enumerate(replies) if r.choices]
    assert questions and min(questions) > 0


async def test_what_to_do_now_never_moves_an_injured_child(chat: Chat) -> None:
    replies = await chat.say("애가 놀이터 미끄럼틀에서 떨어졌는데 일어나질 못해요")
    first = replies[0].text
    assert "119" in first and "옮기지 말고" in first
    assert "데려가" not in first and "옮기세요" not in first  # a fall or a head injury: moving it can do harm


async def test_a_danger_case_notifies_the_control_tower_not_a_services_coordinator(
        chat: Chat, store: Store, coordinators: Coordinators) -> None:
    await chat.say("4살 아이가 지금 아빠한테 맞고 있어요 율곡동이에요")
    (case,) = await store.cases_for_user(chat.address.key)
    assert case.danger and case.urgent and case.service_id is None
    people = reporting(coordinators, store).recipients(case)
    assert people and all(p.control for p in people)
    assert [r["kind"] for r in await store.fetch("SELECT kind FROM outbox WHERE case_id = ?", (case.id,))] == [
        "new_case"]


async def test_an_ordinary_case_still_goes_to_its_services_coordinator(chat: Chat, store: Store,
                                                                        coordinators: Coordinators) -> None:
    await chat.say("4살 내일 오후 2시부터 6시까지 율곡동")
    await chat.tap("동의하고 접수")
    await chat.tap("채팅으로 받기")
    await chat.tap("네, 접수할게요")
    (case,) = await store.cases_for_user(chat.address.key)
    names = [p.name for p in reporting(coordinators, store).recipients(case)]
    assert "이담당" in names and any(p.control for p in coordinators.coordinators if p.name in names)


async def test_the_intake_after_a_danger_report_is_linked_to_it_both_ways(chat: Chat, store: Store) -> None:
    await chat.say("아이가 방치되어 있는 것 같아요")
    await chat.say("5살이고 내일 오전 9시부터 오후 5시까지 맡길 곳도 필요해요 대곡동")
    await chat.say("아이가 또 혼자 있어요")  # danger words again: numbers again, no second case
    assert "112" in chat.last[0].text
    await chat.tap("동의하고 접수")
    await chat.say("010-2222-3333")
    await chat.tap("네, 접수할게요")
    later, danger = await store.cases_for_user(chat.address.key)
    assert danger.danger and not later.danger
    assert later.summary["danger_case"] == danger.id
    assert f"위험 신고 #{danger.id}" in later.summary_text
    assert f"#{later.id}" in danger.summary_text and "대곡동" in danger.summary_text and "5살" in danger.summary_text
    kinds = [r["kind"] for r in await store.fetch("SELECT kind FROM outbox WHERE case_id = ? ORDER BY id",
                                                   (danger.id,))]
    assert kinds == ["new_case", "status"]  # the control tower hears of the later facts
    notes = await store.fetch("SELECT note FROM events WHERE case_id = ? AND kind = 'note'", (danger.id,))
    assert len(notes) == 1 and f"#{later.id}" in notes[0]["note"]


async def test_after_hours_the_danger_reply_says_when_the_control_tower_reads_it(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 6, 22, 0, tzinfo=KST)  # a Sunday night
    await chat.say("아이가 학대당하는 것 같아요")
    assert "12월 7일(월) 09:00" in chat.last[0].text and "112·119" in chat.last[0].text


async def test_in_working_hours_the_danger_reply_promises_no_later_time(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 7, 10, 0, tzinfo=KST)  # a Monday morning
    await chat.say("아이가 학대당하는 것 같아요")
    first = chat.last[0].text
    assert first == texts.DANGER.format(case_id=1)


async def test_on_kakao_the_numbers_are_the_first_bubble(chat: Chat) -> None:
    from bot.channels.kakao import format as kakao

    replies = await chat.say("아이가 계단에서 떨어져서 안 움직여요")
    first = kakao.build_response(replies)["template"]["outputs"][0]
    text = first.get("simpleText", {}).get("text", "")
    assert text.startswith("아이가 지금 위험하면") and "112" in text and "119" in text


@pytest.mark.parametrize("report", ["일곱 살 애가 혼자 집에 있는데 연락이 안 돼요",
                                    "애기가 배터리 삼킨거 같아예 우야노",
                                    "4살 딸이 계단에서 굴러서 머리 부딪혔는데 자꾸 토해요"])
async def test_a_report_of_danger_alone_gets_no_intake_question(chat: Chat, report: str) -> None:
    """Beside a child in danger, '아이가 몇 살인가요?' or '언제 돌봄이 필요하세요?' reads as if unheard: the offer to
    continue instead, with a button that begins the intake."""
    await chat.say(report)
    said = [r.text for r in chat.last]
    assert "112" in said[0] and said[-1] == texts.DANGER_THEN
    assert not any("?" in s for s in said[1:])
    assert [c.label for c in chat.last[-1].choices] == ["맡길 곳 찾기"]
    await chat.tap("맡길 곳 찾기")
    assert "112" not in chat.text and "?" in chat.last[-1].text  # the intake's first question now


async def test_danger_with_a_care_request_asks_the_care_question_and_says_why(chat: Chat) -> None:
    await chat.say("큰애가 다쳐서 응급실 가야돼요 5살 동생 봐줄 곳 있나요")
    said = [r.text for r in chat.last]
    assert "112" in said[0] and texts.DANGER_THEN_CARE in said and chat.last[-1].choices
    assert texts.DANGER_THEN not in said


async def test_danger_at_the_consent_step_is_no_correction_of_the_care(chat: Chat, clock: FakeClock,
                                                                       store: Store) -> None:
    clock.now = datetime(2026, 12, 8, 5, 0, tzinfo=KST)
    await chat.say("세 살 아들 오늘 오후 2시부터 6시까지 율곡동이요")
    replies = await chat.say("아 근데 지금 애가 경련을 해요")
    assert "119" in replies[0].text
    assert texts.NOTHING_CHANGED not in chat.text and "추천은 그대로" not in chat.text
    assert texts.DANGER_THEN in chat.text and [c.label for c in replies[-1].choices][:1] == ["동의하고 접수"]
    await chat.tap("동의하고 접수")
    await chat.tap("채팅으로 받기")
    assert "14:00~18:00" in chat.text  # the care window said, not '05:00~' from the danger's '지금'


@pytest.mark.parametrize("report", ["동생 봐주다가 큰애가 뜨건 다리미에 손 데었어요 지금 벌겋게 부풀어요",
                                    "옆집 아이가 한겨울에 반팔 입고 밖에 쫓겨나 있어요 밤 11시인데"])
async def test_care_words_that_ask_for_nothing_or_a_time_of_day_begin_no_intake(chat: Chat, report: str) -> None:
    """'봐주다가' is what the parent was doing, and '밤 11시' read as the half of the day is no intake begun."""
    await chat.say(report)
    assert "112" in chat.last[0].text and chat.last[-1].text == texts.DANGER_THEN
    assert texts.DANGER_THEN_CARE not in chat.text
