"""What a parent reads, found by driving fresh messages through the dialog: a question about guidance, loans or
benefits that names a day or a child is answered, not turned into an intake; a correction never says a fact
changed into the same words."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.dialog import labels, texts
from bot.dialog.intake import Intake, Kid
from tests.conftest import KST, Chat, FakeClock

WEDNESDAY = datetime(2027, 5, 26, 12, 40, tzinfo=KST)


@pytest.mark.parametrize("question, place", [
    ("장난감 빌리러 갈라카는데 토요일도 하나요", "장난감도서관"),
    ("토욜 장난감도서관 몇시까지예", "장난감도서관"),
    ("장난감 반납 기한 연장되나요 14일 넘을것같아서", "장난감도서관"),
    ("21년생 아들 예방접종 어디서 맞아요", "타부서돌봄"),
    ("지금 잠이 안와서 물어봐요 양육수당이랑 부모급여 같이 받을수있나요", "타부서돌봄"),
    ("초4 아이 심리상담 받을 수 있는곳 있을까요", "맘지원센터"),
])
async def test_a_guidance_question_with_a_day_or_a_child_is_answered(chat: Chat, clock: FakeClock, question: str,
                                                                     place: str) -> None:
    clock.now = WEDNESDAY
    await chat.say(question)
    assert chat.last[0].text.startswith(place)
    assert texts.TOPIC_MORE in chat.text
    assert "몇 살" not in chat.text and "언제 돌봄" not in chat.text and "적어 둘게요" not in chat.text


@pytest.mark.parametrize("request_", [
    "3일 뒤에 제 건강검진이 있어서 2시부터 6시까지 20개월 아이 봐주세요",  # a benefit word, but care asked for
    "초3 혼자 있는 시간 줄이려고 다함께돌봄 보내려는데 자리 있나요",  # a care service named: its intake
])
async def test_care_asked_for_beside_a_topic_word_is_an_intake(chat: Chat, clock: FakeClock, request_: str) -> None:
    clock.now = WEDNESDAY
    await chat.say(request_)
    assert texts.TOPIC_MORE not in chat.text and "?" in chat.last[-1].text


def test_a_time_read_again_into_the_same_words_is_not_said_changed() -> None:
    """'시간을 23:30부터에서 23:30부터로 바꿨어요' was said when only the night mark of the same hours changed."""
    before = Intake(day=date(2027, 8, 4), start=23 * 60 + 30, night=None)
    assert labels.changed_fields(before, before.evolve(night=True), date(2027, 8, 4)) == []
    moved = labels.changed_fields(before, before.evolve(start=22 * 60), date(2027, 8, 4))
    assert moved == [(True, "시간을 23:30부터에서 22:00부터로")]
    kid = Intake(kids=(Kid(48),))
    assert labels.changed_fields(kid, kid.evolve(kids=(Kid(48, twin=True),))) == []  # still '4살'
    assert labels.changed_fields(kid, kid.evolve(kids=(Kid(60),))) == [(True, "나이를 4살에서 5살로")]


@pytest.mark.parametrize("question, place", [
    ("광복절 대체휴일에도 365어린이집 하나요 16일요", "365어린이집"),
    ("토요일에 다함께돌봄 몇시까지 해요?", "다함께돌봄센터"),
])
async def test_whether_a_care_service_is_open_on_a_day_is_answered_with_its_hours(chat: Chat, clock: FakeClock,
                                                                                  question: str, place: str) -> None:
    clock.now = datetime(2027, 8, 14, 9, 30, tzinfo=KST)
    await chat.say(question)
    assert chat.last[0].text.startswith(place) and "운영:" in chat.last[0].text
    assert "몇 살" not in chat.text and "적어 둘게요" not in chat.text


async def test_a_care_service_asked_for_a_child_on_a_day_is_an_intake(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2027, 8, 14, 9, 30, tzinfo=KST)
    await chat.say("4살 토요일에 365어린이집 맡길 수 있나요")
    assert texts.TOPIC_MORE not in chat.text and "몇 시부터" in chat.text
