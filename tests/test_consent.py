"""'동의하지 않음' keeps nothing for long: a conversation without consent (and without a case) keeps its log and
state only while the dialog is open, and the retention job deletes both after the hours the consent text states."""

from __future__ import annotations

from bot.coordination.queue import Queue
from bot.dialog.casefile import UNCONSENTED_HOURS
from bot.dialog.intake import Intake, Step
from db.store import Store
from tests.conftest import Chat, FakeClock


async def logged(store: Store, chat: Chat) -> list[str]:
    return [r["text"] for r in await store.fetch("SELECT text FROM messages WHERE user_key = ?", (chat.address.key,))]


async def left(store: Store, chat: Chat) -> tuple[int, str | None]:
    return len(await logged(store, chat)), await store.load_state(chat.address.key)


async def test_a_parent_who_declines_keeps_nothing_after_the_stated_hours(
        chat: Chat, store: Store, queue: Queue, clock: FakeClock) -> None:
    await chat.say("안녕하세요")
    await chat.say("둘째가 네 살인데 모레 오후 1시부터 5시까지 봐줄 곳 있나요 자산동 살아요")
    assert f"{UNCONSENTED_HOURS}시간" in chat.text  # the consent text states the time
    await chat.tap("동의하지 않음")
    assert f"{UNCONSENTED_HOURS}시간" in chat.text
    saved = Intake.from_json(await store.load_state(chat.address.key))
    assert saved.step == Step.DONE and saved.consent_at is None and saved.case_id is None
    clock.advance(hours=UNCONSENTED_HOURS - 1)
    await queue.purge_expired()
    assert (await left(store, chat))[0] > 0  # still within the stated time
    clock.advance(hours=2)
    await queue.purge_expired()
    assert await left(store, chat) == (0, None)


async def test_an_open_dialog_without_consent_is_kept_while_the_parent_goes_on(chat: Chat, store: Store,
                                                                               queue: Queue, clock: FakeClock) -> None:
    await chat.say("18개월 아기 내일 오전 10시부터 오후 2시까지")
    clock.advance(hours=UNCONSENTED_HOURS - 1)
    await chat.say("율곡동이요")  # the dialog goes on: its idle time starts again
    clock.advance(hours=UNCONSENTED_HOURS - 1)
    await queue.purge_expired()
    count, state = await left(store, chat)
    assert count > 0 and state is not None and Intake.from_json(state).area == "율곡동"


async def test_a_consented_case_and_a_danger_report_keep_their_conversations(engine, store: Store, queue: Queue,
                                                                            clock: FakeClock) -> None:
    consented, danger = Chat(engine, "consented"), Chat(engine, "danger")
    await consented.say("초3 아이 내일 오후 2시부터 6시까지 율곡동")
    await consented.tap("동의하고 접수")
    await consented.say("010-5555-6666")
    await consented.tap("네, 접수할게요")
    await consented.say("처음부터")  # a fresh intake: the earlier case still keeps the log
    await danger.say("아이가 혼자 있어요 무서워요")
    clock.advance(hours=UNCONSENTED_HOURS * 3)
    await queue.purge_expired()
    for chat in (consented, danger):
        count, state = await left(store, chat)
        assert count > 0 and state is not None, chat.address.key


async def test_each_turn_is_still_one_write(chat: Chat, store: Store) -> None:
    await chat.say("안녕하세요")
    before = store.batches
    await chat.say("4살 아이 내일 오후 2시부터 6시까지 율곡동")
    assert store.batches == before + 1


async def test_a_parent_who_declines_and_changes_their_mind_files_without_typing_it_all_again(
        chat: Chat, store: Store) -> None:
    await chat.say("여섯 살 아들 모레 오후 2시부터 5시까지 대곡동")
    await chat.tap("동의하지 않음")
    assert "동의하고 접수" in [c.label for r in chat.last for c in r.choices]
    await chat.say("아 그냥 동의할게요")
    assert "전화번호" in chat.text and "접수가 끝났어요" not in chat.text
    await chat.tap("채팅으로 받기")
    assert "대곡동" in chat.text and "6살" in chat.text
    await chat.tap("네, 접수할게요")
    assert "접수번호" in chat.text
    (case,) = await store.cases_for_user(chat.address.key)
    assert case.consent_at is not None


async def test_after_declining_nothing_is_said_to_be_filed(chat: Chat) -> None:
    await chat.say("여섯 살 아들 모레 오후 2시부터 5시까지 대곡동")
    await chat.tap("동의하지 않음")
    await chat.say("그럼 어떻게 해요")
    assert "접수가 끝났어요" not in chat.text and "접수하지 않았어요" in chat.text


async def test_idle_unconsented_conversations_go_a_page_at_a_time_until_all_are_gone(
        engine, store: Store, queue: Queue, clock: FakeClock) -> None:
    """The scan of idle conversations goes a page (ten times the purge chunk) a transaction from where the last
    stopped: the whole scan in every transaction held SQLite's one writer for seconds with a million cases."""
    declined = [Chat(engine, f"declined-{n:02d}") for n in range(23)]
    for chat in declined:
        await chat.say("4살 내일 오후 2시부터 5시까지 율곡동")
    consented = Chat(engine, "declined-11b")  # sorts among them: a page boundary must not skip past it
    await consented.say("초3 아이 내일 오후 2시부터 6시까지 율곡동")
    await consented.tap("동의하고 접수")
    await consented.say("010-5555-6666")
    await consented.tap("네, 접수할게요")
    queue.purge_chunk = 1  # pages of ten: three of them
    clock.advance(hours=UNCONSENTED_HOURS + 1)
    await queue.purge_expired()
    for chat in declined:
        assert await left(store, chat) == (0, None), chat.address.key
    count, state = await left(store, consented)
    assert count > 0 and state is not None
