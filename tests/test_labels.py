"""How facts are written back: a tapped bracket label keeps its meaning without nesting brackets."""

from __future__ import annotations

from bot.dialog.intake import Kid
from bot.dialog.labels import kid_label
from tests.conftest import Chat, FakeClock


def test_a_tapped_label_with_a_note_drops_the_note() -> None:
    assert kid_label(Kid(72, label="6살 (취학 전)")) == "6살"
    assert kid_label(Kid(48, label="3~5살")) == "3~5살"


async def test_children_with_a_tapped_label_read_without_nested_brackets(chat: Chat, clock: FakeClock) -> None:
    await chat.say("아이 맡길 곳 찾아요")
    await chat.tap("6살 (취학 전)")
    await chat.say("동생도 있어요 2살이요 내일 오후 2시부터 6시까지 율곡동")
    assert "(취학 전)" not in chat.text and "((" not in chat.text.replace(" ", "")

