"""A danger report beside an intake: the care window held stays, and what to do now fits whoever wrote it."""

from __future__ import annotations

from datetime import datetime

from db.store import Store
from tests.conftest import KST, Chat, FakeClock


async def test_danger_while_the_intake_is_gathered_keeps_the_care_window(chat: Chat, clock: FakeClock,
                                                                         store: Store) -> None:
    clock.now = datetime(2026, 12, 6, 23, 50, tzinfo=KST)
    await chat.say("4살 아이 내일 오후 2시부터 6시까지")
    replies = await chat.say("잠깐만요 지금 애가 계단에서 굴러서 안 움직여요")
    assert "119" in replies[0].text
    assert "바꿨어요" not in chat.text and "23:50" not in chat.text  # the danger's '지금' is no care window
    await chat.say("율곡동이요")
    await chat.tap("동의하고 접수")
    await chat.tap("채팅으로 받기")
    assert "· 필요한 때: 12월 7일(월) 14:00~18:00" in chat.text


async def test_danger_seen_at_a_neighbours_is_not_told_to_stay_beside_the_child(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 6, 23, 50, tzinfo=KST)
    replies = await chat.say("옆집 애가 맨날 맞는 소리가 나요")
    assert "112" in replies[0].text and "곁을 지켜" not in replies[0].text
    assert "곁에 있으면 옮기지 말고" in replies[0].text  # the parent's own injured child: still not moved


async def test_danger_at_the_control_towers_closing_says_when_it_is_read(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 11, 17, 55, tzinfo=KST)  # Friday
    replies = await chat.say("애가 집에 혼자 있는데 전화를 안 받아요 일곱 살이에요")
    assert "112" in replies[0].text and "12월 14일(월) 09:00부터 확인해요" in replies[0].text
