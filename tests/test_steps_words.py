"""Answers typed in a parent's own words at a question: 'don't know' for the hours is the 'no time' button."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.conftest import KST, Chat, FakeClock


@pytest.mark.parametrize("answer", ["몰라요", "아직 몰라요", "시간은 아직 안 정해졌어요", "잘 모름"])
async def test_not_knowing_the_hours_is_the_no_time_button(chat: Chat, clock: FakeClock, answer: str) -> None:
    clock.now = datetime(2026, 12, 6, 8, 30, tzinfo=KST)
    await chat.say("5살 내일 율곡동")
    assert "몇 시부터 몇 시까지" in chat.text
    await chat.say(answer)
    assert "이해하지 못했어요" not in chat.text and "몇 시부터 몇 시까지" not in chat.text
    assert any(r.card_title for r in chat.last)  # the recommendation, hours to be agreed with the coordinator
