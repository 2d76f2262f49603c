"""Children corrected and added in one message, and children taken out then brought back: the children the
intake holds are the ones the parent means."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.dialog.intake import Intake
from db.store import Store
from tests.conftest import KST, Chat, FakeClock

MONDAY = datetime(2026, 12, 7, 14, 0, tzinfo=KST)
FULL = "내일 오후 2시부터 6시까지 김천 부곡동"


async def ages(store: Store, chat: Chat) -> list[int | None]:
    saved = Intake.from_json(await store.load_state(chat.address.key))
    return sorted((k.age_months for k in saved.kids), key=lambda a: -1 if a is None else a)


class TestACorrectionAndASiblingInOneMessage:
    """'아니 다섯살이요 그리고 둘째도 있어요 2살': the age before the sibling's word corrects, the one after joins."""

    @pytest.mark.parametrize("fix", [
        "아니 다섯살이요 그리고 둘째도 있어요 2살",
        "아뇨 5살이에요 동생도 있어요 2살이요",
        "아니요 5살이고 작은애도 있는데 2살이에요",
    ])
    async def test_at_the_card_the_age_is_corrected_and_the_sibling_added(self, chat: Chat, store: Store,
                                                                          clock: FakeClock, fix: str) -> None:
        clock.now = MONDAY
        await chat.say(f"3살 아이 {FULL}")
        await chat.say(fix)
        assert await ages(store, chat) == [24, 60]
        assert "세 아이" not in chat.text and "3살" not in chat.text

    async def test_while_collecting_the_same(self, chat: Chat, store: Store, clock: FakeClock) -> None:
        clock.now = MONDAY
        await chat.say("3살 아이요")
        await chat.say("아니 다섯살이요 그리고 둘째도 있어요 2살")
        assert await ages(store, chat) == [24, 60]

    async def test_a_child_named_by_rank_is_the_one_corrected(self, chat: Chat, store: Store,
                                                              clock: FakeClock) -> None:
        clock.now = MONDAY
        await chat.say(f"5살 3살 아이 {FULL}")
        await chat.say("아니 큰애는 6살이요 그리고 막내도 있어요 1살")
        assert await ages(store, chat) == [12, 36, 72]

    async def test_a_sibling_alone_still_joins(self, chat: Chat, store: Store, clock: FakeClock) -> None:
        clock.now = MONDAY
        await chat.say(f"3살 아이 {FULL}")
        await chat.say("동생도 있어요 2살")
        assert await ages(store, chat) == [24, 36]

    async def test_a_correction_alone_still_corrects(self, chat: Chat, store: Store, clock: FakeClock) -> None:
        clock.now = MONDAY
        await chat.say(f"3살 아이 {FULL}")
        await chat.say("아니 다섯살이요")
        assert await ages(store, chat) == [60]


class TestChildrenTakenOutComeBack:
    """'큰애만요' then '다 맡길게요': the children taken out are kept aside and come back when every child is meant."""

    @pytest.mark.parametrize("again", ["다 맡길게요", "둘 다 맡길게요", "둘 다요", "애들 모두 부탁해요"])
    async def test_every_child_again_brings_back_the_one_taken_out(self, chat: Chat, store: Store,
                                                                   clock: FakeClock, again: str) -> None:
        clock.now = MONDAY
        await chat.say(f"5살 3살 아이 {FULL}")
        await chat.say("큰애만요")
        assert await ages(store, chat) == [60]
        await chat.say(again)
        assert await ages(store, chat) == [36, 60]
        assert "두 아이" in chat.text and "다른 아이는 몇 살" not in chat.text

    async def test_at_the_confirm_step_too(self, chat: Chat, store: Store, clock: FakeClock) -> None:
        clock.now = MONDAY
        await chat.say(f"5살 3살 아이 {FULL}")
        await chat.tap("동의하고 접수")
        await chat.tap("채팅으로 받기")
        await chat.say("작은애는 안 맡겨도 돼요")
        assert await ages(store, chat) == [60]
        await chat.say("아 그냥 둘 다 같이 맡길게요")
        assert await ages(store, chat) == [36, 60]

    async def test_with_no_child_taken_out_it_changes_nothing(self, chat: Chat, store: Store,
                                                              clock: FakeClock) -> None:
        clock.now = MONDAY
        await chat.say(f"5살 3살 아이 {FULL}")
        await chat.say("다 맡길게요")
        assert await ages(store, chat) == [36, 60]

    async def test_children_said_anew_forget_the_one_taken_out(self, chat: Chat, store: Store,
                                                               clock: FakeClock) -> None:
        clock.now = MONDAY
        await chat.say(f"5살 3살 아이 {FULL}")
        await chat.say("큰애만요")
        await chat.say("아니 4살 한 명이에요")
        await chat.say("다 맡길게요")
        assert await ages(store, chat) == [48]
