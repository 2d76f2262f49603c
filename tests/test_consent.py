"""'동의하지 않음' keeps nothing: no message log without consent, the open dialog's state deleted within the hours
the consent text states, and still one write per turn."""

from __future__ import annotations

from bot.coordination.queue import Queue
from bot.dialog.casefile import UNCONSENTED_HOURS
from bot.dialog.intake import Intake, Step
from db.store import Store
from tests.conftest import Chat, FakeClock


async def logged(store: Store, chat: Chat) -> list[str]:
    return [r["text"] for r in await store.fetch("SELECT text FROM messages WHERE user_key = ?", (chat.address.key,))]


async def test_a_parent_who_declines_leaves_no_words_and_no_facts(chat: Chat, store: Store) -> None:
    await chat.say("안녕하세요")
    await chat.say("둘째가 네 살인데 모레 오후 1시부터 5시까지 봐줄 곳 있나요 자산동 살아요")
    assert f"{UNCONSENTED_HOURS}시간" in chat.text  # the consent text states the time
    await chat.tap("동의하지 않음")
    assert "저장하지 않을게요" in chat.text
    assert await logged(store, chat) == []
    saved = Intake.from_json(await store.load_state(chat.address.key))
    assert saved.step == Step.DONE and saved.kids == () and saved.area is None and saved.day is None


async def test_an_unconsented_conversation_is_deleted_after_the_stated_hours(chat: Chat, store: Store, queue: Queue,
                                                                             clock: FakeClock) -> None:
    await chat.say("18개월 아기 내일 오전 10시부터 오후 2시까지")
    clock.advance(hours=UNCONSENTED_HOURS - 1)
    await queue.purge_expired()
    assert await store.load_state(chat.address.key) is not None  # the dialog is still open
    clock.advance(hours=2)
    await queue.purge_expired()
    assert await store.load_state(chat.address.key) is None


async def test_after_consent_the_turns_are_logged_and_the_conversation_kept(chat: Chat, store: Store, queue: Queue,
                                                                            clock: FakeClock) -> None:
    await chat.say("초3 아이 내일 오후 2시부터 6시까지 율곡동")
    assert await logged(store, chat) == []
    await chat.tap("동의하고 접수")
    await chat.say("010-5555-6666")
    await chat.tap("네, 접수할게요")
    texts = await logged(store, chat)
    assert "010-5555-6666" in texts and any("접수번호" in t for t in texts)
    assert not any("초3" in t for t in texts)  # the turn before consent stays unlogged
    clock.advance(hours=UNCONSENTED_HOURS + 1)
    await queue.purge_expired()
    assert await store.load_state(chat.address.key) is not None


async def test_an_unlogged_turn_is_still_one_write(chat: Chat, store: Store) -> None:
    await chat.say("안녕하세요")
    before = store.batches
    await chat.say("4살 아이 내일 오후 2시부터 6시까지 율곡동")
    assert store.batches == before + 1
