"""A parent who asks for a person gets the intake window's phone and hours at any step, honestly said open or
closed, and the question they were answering again; never 'not understood'."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.dialog import texts
from tests.conftest import KST, Chat, FakeClock

WEEKDAY = datetime(2026, 12, 7, 10, 0, tzinfo=KST)
SUNDAY = datetime(2026, 12, 6, 8, 30, tzinfo=KST)


@pytest.mark.parametrize("again", ["사람이랑 얘기하고 싶다고요", "아니 상담사 바꿔 달라니까요", "직원분 없어요?"])
async def test_asking_for_a_person_twice_gets_the_person(chat: Chat, clock: FakeClock, again: str) -> None:
    clock.now = WEEKDAY
    await chat.say("상담원이랑 직접 통화하고 싶어요")
    assert "042-123-4567" in chat.text
    await chat.say(again)
    assert texts.NOT_UNDERSTOOD not in chat.text
    assert "042-123-4567" in chat.text and texts.PERSON_OPEN in chat.text
    assert any(link.phone == "042-123-4567" for r in chat.last for link in r.links)


async def test_a_person_asked_mid_intake_keeps_the_question(chat: Chat, clock: FakeClock) -> None:
    clock.now = WEEKDAY
    await chat.say("다섯 살 내일 맡길 곳")
    await chat.say("사람 바꿔 주세요")
    assert "042-123-4567" in chat.text
    assert chat.last[-1].text == texts.ASK_TIME  # the pending question, with its buttons
    assert chat.last[-1].choices


async def test_out_of_hours_the_person_is_not_promised_now(chat: Chat, clock: FakeClock) -> None:
    clock.now = SUNDAY
    await chat.say("사람이랑 통화하고 싶어요")
    assert texts.PERSON_OPEN not in chat.text and texts.PERSON_CLOSED in chat.text
    assert "042-567-8901" in chat.text and "112" in chat.text  # what works now


@pytest.mark.parametrize("said", ["애기 봐줄 사람이 없어요", "급하게 좀 맡겨야 되는데요"])
async def test_a_care_request_without_facts_is_heard(chat: Chat, clock: FakeClock, said: str) -> None:
    clock.now = WEEKDAY
    await chat.say("ㅠㅠ")
    await chat.say(said)
    assert texts.NOT_UNDERSTOOD not in chat.text
    assert chat.last[-1].text == texts.ASK_AGE


@pytest.mark.parametrize("word", ["처음으로", "처음으로 돌아가기", "다시 할게요"])
async def test_the_ways_parents_say_start_over_start_over(chat: Chat, clock: FakeClock, word: str) -> None:
    clock.now = WEEKDAY
    await chat.say("4살 내일 대곡동")
    await chat.say(word)
    assert texts.RESTARTED in chat.text and chat.last[-1].text == texts.ASK_AGE


async def test_asking_whether_it_was_filed_is_the_status(chat: Chat, clock: FakeClock) -> None:
    clock.now = WEEKDAY
    await chat.say("접수 됐나요?")
    assert texts.NOT_UNDERSTOOD not in chat.text and texts.STATUS_START in chat.text


async def test_asking_for_the_coordinator_at_consent_is_about_the_consent(chat: Chat, clock: FakeClock) -> None:
    clock.now = WEEKDAY
    await chat.say("4살 내일 오후 2시부터 6시 율곡동")
    await chat.say("담당자 연결해 주세요")
    assert texts.PERSON_OPEN not in chat.text and chat.last[-1].text == texts.CONSENT_UNCLEAR
    await chat.say("상담원이랑 통화하고 싶어요")  # a person instead of the bot: the desk, then the same question
    assert "042-123-4567" in chat.text and chat.last[-1].text == texts.CONSENT_AGAIN


async def test_a_correction_after_declining_keeps_the_other_facts(chat: Chat, clock: FakeClock) -> None:
    clock.now = WEEKDAY
    await chat.say("4살 내일 오후 2시부터 5시 율곡동")
    await chat.tap("동의하지 않음")
    await chat.say("아 5살이에요")
    assert "나이를 4살에서 5살로 바꿨어요" in chat.text and texts.ASK_DAY not in chat.text
    assert chat.last[-1].choices and chat.last[-1].choices[0].label == "동의하고 접수"


async def test_an_emergency_without_a_day_gets_the_line_that_works_now(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 9, 2, 0, tzinfo=KST)
    await chat.say("남편이 쓰러져서 응급실 왔어요 5살 3살 율곡동")
    assert "042-567-8901" in chat.text and "24시간" in chat.text
    # told as happening now, the emergency is today's: the hours are asked, not the day
    assert chat.last[-1].text == texts.ASK_TIME and chat.last[-1].choices
