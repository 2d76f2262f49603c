"""Children taken out or kept by how a parent names them, whatever other words come with it."""

from __future__ import annotations

from bot.dialog import texts
from tests.conftest import Chat, FakeClock


async def test_twins_taken_out_by_name_leave_the_eldest(chat: Chat, clock: FakeClock) -> None:
    await chat.say("5살 쌍둥이랑 초3 내일 오후 1시부터 7시까지 율곡동")
    await chat.say("아 쌍둥이는 빼고 큰애만요")
    assert "초등 3학년 아이만 맡기시는 것으로 바꿨어요" in chat.text
    assert texts.NOTHING_CHANGED not in chat.text
