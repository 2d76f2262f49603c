"""Whole scripted conversations through the real engine, understanding, rules and SQLite store."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.coordination.queue import Queue
from bot.dialog.core import Address, Channel, Inbound
from bot.dialog.engine import Engine, FixedKnowledge
from bot.dialog.intake import Intake, Kid, Step
from db.sqlite.pipe import Settle, WriterLost, WriterProcess
from db.sqlite.store import SQLiteStore
from db.store import Store
from routing.need import Child, Need
from tests.conftest import Chat

ALL_IN_ONE = "4살 아이 오늘 밤 10시까지 맡길 곳 있을까요? 율곡동이에요"


async def finish(chat: Chat, phone: str = "010-1234-5678") -> None:
    await chat.tap("동의하고 접수")
    assert "전화번호" in chat.text
    await chat.say(phone)
    assert "이대로 접수할까요" in chat.text
    await chat.tap("네, 접수할게요")
    assert "접수번호" in chat.text


async def test_everything_in_one_message_ends_in_a_case(chat: Chat, store: Store) -> None:
    replies = await chat.say(ALL_IN_ONE)
    card = next(r for r in replies if r.card_title)
    assert card.card_title.startswith("365어린이집")
    assert "365어린이집 율곡" in card.text and "22:00" in card.text
    assert "042-234-5678" in card.text
    assert any(link.phone == "042-234-5678" for link in card.links)
    assert "개인정보 수집·이용에 동의" in chat.text
    await finish(chat)
    cases = await store.cases_for_user(chat.address.key)
    assert len(cases) == 1
    case = cases[0]
    assert (case.status, case.service_id, case.site_id) == ("new", "daycare-365", "daycare-365-yulgok")
    assert case.contact == {"route": "phone", "phone": "01012345678"}
    assert "4살" in case.summary_text and "율곡동" in case.summary_text and "22:00" in case.summary_text
    assert case.urgent  # care needed today


async def test_a_case_committed_but_never_answered_is_not_opened_twice(chat: Chat, store: Store,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer process dies after committing the confirming turn, before its answer comes back: the parent
    gets an error, and tapping "네" again finds the case already open instead of opening a second one."""
    if not isinstance(store, SQLiteStore):
        pytest.skip("the SQLite writer process (DOLBOM_TEST_STORE=postgres)")
    await chat.say(ALL_IN_ONE)
    await chat.tap("동의하고 접수")
    await chat.say("010-1234-5678")
    confirm = next(c for r in chat.last for c in r.choices if c.label == "네, 접수할게요")
    original = WriterProcess.send

    def committed_then_lost(self: WriterProcess, ops: list, settle: Settle) -> None:
        monkeypatch.setattr(WriterProcess, "send", original)
        original(self, ops, lambda outcomes: settle([(False, WriterLost("the writer process ended (-9)"))] * len(ops)))

    monkeypatch.setattr(WriterProcess, "send", committed_then_lost)
    with pytest.raises(WriterLost):
        await chat.say(confirm.label, choice=confirm.value)
    await chat.say(confirm.label, choice=confirm.value)
    cases = await store.cases_for_user(chat.address.key)
    assert len(cases) == 1
    assert "접수번호" not in chat.text or f"접수번호 {cases[0].id}" in chat.text
    saved = Intake.from_json(await store.load_state(chat.address.key))
    assert saved.case_id == cases[0].id


async def test_the_saved_conversation_names_its_case_exactly_as_the_engine_holds_it(chat: Chat, store: Store,
                                                                                    engine: Engine) -> None:
    await chat.say(ALL_IN_ONE)
    await finish(chat)
    (case,) = await store.cases_for_user(chat.address.key)
    held = await engine._load(chat.address.key)
    assert held.case_id == case.id
    assert await store.load_state(chat.address.key) == held.to_json()  # the writer's JSON is the dialog's own


async def test_a_conversation_purged_for_retention_is_not_resumed_from_memory(chat: Chat, store: Store, queue: Queue,
                                                                               clock) -> None:
    """The engine holds the parsed state of a conversation in memory; the retention purge deletes the idle
    conversation from the file, and the cache with it: the parent who comes back starts over."""
    await chat.say("4살 아이 내일 돌봄 필요해요")
    assert (await store.load_state(chat.address.key)) is not None
    clock.now += timedelta(days=queue.retention_days + 1)
    await queue.purge_expired()
    assert await store.load_state(chat.address.key) is None
    await chat.say("율곡동이에요")
    assert "몇 살" in chat.text, "the age told before the purge is gone"


async def test_one_answer_per_question_with_buttons(chat: Chat, store: Store) -> None:
    await chat.say("안녕하세요")
    assert "돌봄이음" in chat.text and "몇 살" in chat.text
    await chat.tap("3~5살")
    assert "언제" in chat.text
    await chat.tap("내일")
    assert "몇 시부터" in chat.text
    await chat.tap("저녁 (18시~22시)")
    assert "동네" in chat.text
    assert any(r.ask_location for r in chat.last)
    await chat.tap("대곡동")
    card = next(r for r in chat.last if r.card_title)
    assert "365어린이집 센트럴자이" in card.text
    await chat.tap("동의하고 접수")
    await chat.tap("채팅으로 받기")
    assert "3~5살" in chat.text  # the bracket the parent chose, not a made-up exact age
    await chat.tap("네, 접수할게요")
    (case,) = await store.cases_for_user(chat.address.key)
    assert case.contact == {"route": "chat", "phone": None}
    assert case.care_date is not None and case.care_date.isoformat() == "2026-11-25"


async def test_asks_only_for_what_is_missing(chat: Chat) -> None:
    await chat.say("18개월 아기 내일 오전 9시부터 오후 6시까지요")
    assert "동네" in chat.text and "몇 살" not in chat.text and "언제" not in chat.text


async def test_correction_changes_the_recommendation(chat: Chat, store: Store) -> None:
    await chat.say("4살 내일 오후 3시부터 7시까지 율곡동")
    assert "365어린이집" in chat.last[0].card_title
    await chat.say("아니요, 초2예요")
    card = next(r for r in chat.last if r.card_title)
    assert card.card_title.startswith("다함께돌봄센터")
    await finish(chat)
    (case,) = await store.cases_for_user(chat.address.key)
    assert case.service_id == "after-school"


async def test_declined_consent_keeps_the_recommendation_and_stores_no_case(chat: Chat, store: Store) -> None:
    await chat.say(ALL_IN_ONE)
    await chat.tap("동의하지 않음")
    assert "접수하지 않고" in chat.text
    assert await store.cases_for_user(chat.address.key) == []


async def test_topic_request_is_answered_without_questions(chat: Chat) -> None:
    replies = await chat.say("장난감 대여 문의드려요")
    assert replies[0].card_title == "장난감도서관"
    assert "화 10:00-17:00" in replies[0].text or "10:00-17:00" in replies[0].text
    assert "몇 살" not in chat.text


async def test_danger_gets_emergency_numbers_and_an_urgent_case_first(chat: Chat, store: Store) -> None:
    replies = await chat.say("아이가 집에 혼자 있어요 어떡해요")
    assert "112" in replies[0].text and "119" in replies[0].text
    (case,) = await store.cases_for_user(chat.address.key)
    assert case.urgent and case.danger
    assert "혼자" in case.summary_text


async def test_two_children_are_one_case_with_each_recommendation(chat: Chat, store: Store) -> None:
    await chat.say("7살, 4살 두 아이 내일 저녁 5시부터 8시까지 율곡동이에요")
    cards = [r for r in chat.last if r.card_title]
    assert len(cards) == 2
    assert cards[0].card_title.startswith("다함께돌봄센터") and cards[1].card_title.startswith("365어린이집")
    await finish(chat)
    (case,) = await store.cases_for_user(chat.address.key)
    assert [c["service_id"] for c in case.children] == ["after-school", "daycare-365"]


def fresh_engine(store: Store, settings, clock, knowledge, coordinators) -> Engine:
    queue = Queue(store, coordinators, tz=settings.tz, clock=clock)
    return Engine(store=store, queue=queue, knowledge=FixedKnowledge(knowledge), settings=settings, clock=clock)


async def test_restart_resumes_where_it_stopped(settings, clock, knowledge, coordinators) -> None:
    store = await SQLiteStore.open(settings.db_path)
    chat = Chat(fresh_engine(store, settings, clock, knowledge, coordinators))
    await chat.say("4살이고 내일 낮에 필요해요")
    await store.close()

    store = await SQLiteStore.open(settings.db_path)
    chat = Chat(fresh_engine(store, settings, clock, knowledge, coordinators))
    await chat.say("율곡동")
    assert any(r.card_title for r in chat.last), chat.text
    await store.close()


async def test_words_that_work_at_any_point(chat: Chat, engine: Engine) -> None:
    await chat.say("4살이요")
    await chat.say("도움말")
    assert "사용법" in chat.text and "언제" in chat.text
    await chat.say("취소")
    assert "취소했어요" in chat.text
    await chat.say("4살")
    await chat.say("처음부터")
    assert "몇 살" in chat.text
    state = await engine.store.load_state(chat.address.key)
    assert Intake.from_json(state).kids == ()


async def test_status_and_forget(chat: Chat, store: Store) -> None:
    await chat.say("접수 확인")
    assert "없어요" in chat.text
    await chat.say(ALL_IN_ONE)
    await finish(chat)
    await chat.say("접수 확인")
    assert "#1" in chat.text and "접수됨" in chat.text and "서비스: 365어린이집" in chat.text
    await chat.say("내 정보 삭제")
    assert "되돌릴 수 없어요" in chat.text
    await chat.tap("네, 지워 주세요")
    assert "삭제했어요" in chat.text
    (case,) = await store.cases_for_user(chat.address.key) or [None]
    assert case is None or case.contact is None


async def test_forget_can_be_declined(chat: Chat) -> None:
    await chat.say("4살")
    await chat.say("내 정보 삭제")
    await chat.tap("아니요")
    assert "지우지 않았어요" in chat.text
    await chat.say("내일")
    assert "몇 시부터" in chat.text


async def test_quick_messages_of_one_user_never_interleave(engine: Engine) -> None:
    address = Address(Channel.CONSOLE, "fast")
    texts = ["4살", "내일", "오후 2시부터 6시까지", "율곡동"]
    results = await asyncio.gather(*(engine.handle(Inbound(address, text=t)) for t in texts))
    assert any(r.card_title for r in results[-1])
    state = Intake.from_json(await engine.store.load_state(address.key))
    assert state.step == Step.CONSENT


async def test_bad_input_is_re_asked_never_raised(chat: Chat) -> None:
    await chat.say("\x00\x01 ☃☃☃ " * 5000)
    assert chat.last and "메시지가 너무 길어요" in chat.text
    await chat.say("'; DROP TABLE cases; --")
    assert chat.last
    await chat.say("4살 내일 낮")
    await chat.say("화성시")
    assert "찾지 못했어요" in chat.text and "동네" in chat.text


async def test_a_button_label_sent_back_as_text_picks_its_button(chat: Chat, store: Store) -> None:
    """Kakao may send only the label of a quick reply; a parent may type it."""
    await chat.say(ALL_IN_ONE)
    await chat.say("동의하고 접수")
    assert "전화번호" in chat.text
    await chat.say("채팅으로 받기")
    await chat.say("네, 접수할게요")
    assert "접수번호" in chat.text
    await chat.say("안녕")
    await chat.say("처음부터")
    await chat.say("3~5살")
    assert "언제" in chat.text


async def test_more_danger_words_repeat_the_numbers_without_a_second_case(chat: Chat, store: Store) -> None:
    await chat.say("아이가 집에 혼자 있어요")
    await chat.say("애가 혼자 있다고요 빨리요")
    assert "112" in chat.text and "접수번호 1번" in chat.text
    assert len(await store.cases_for_user(chat.address.key)) == 1


async def test_an_unreadable_place_gets_lookalike_places_to_tap(chat: Chat) -> None:
    await chat.say("4살 내일 오후 2시부터 6시까지")
    await chat.say("율곡똥네요")
    assert "찾지 못했어요" in chat.text
    offered = [c.label for r in chat.last for c in r.choices]
    assert offered[0] == "율곡동", offered
    await chat.tap("율곡동")
    assert any(r.card_title for r in chat.last)


async def test_townships_are_one_tap_away(chat: Chat, knowledge) -> None:
    await chat.say("4살 내일 오후 2시부터 6시까지")
    await chat.tap("읍·면 지역")
    towns = [c.label for r in chat.last for c in r.choices]
    assert len(towns) == 15 and "아포읍" in towns and "증산면" in towns
    await chat.tap("개령면")
    assert "365어린이집 개령" in chat.text


def test_intake_evolve_matches_dataclasses_replace_and_refuses_unknown_fields() -> None:
    base = Intake(kids=(Kid(48),), day=date(2026, 11, 25), start=840, area="율곡동", offered=(("네", "네"),))
    changes = {"step": Step.CONFIRM, "phone": "01012345678", "offered": ()}
    assert base.evolve(**changes) == dataclasses.replace(base, **changes)
    assert base.evolve(case_id=7).kids == base.kids and base.evolve(case_id=7).case_id == 7
    assert base.case_id is None  # the original is untouched
    with pytest.raises(TypeError, match="no field"):
        base.evolve(stepp=Step.DONE)
    every = {f.name: getattr(Intake(), f.name) for f in dataclasses.fields(Intake)}
    assert base.evolve(**every) == Intake()  # each field is carried over, none is forgotten


def test_intake_needs_carry_every_field_to_routing() -> None:
    at = datetime(2026, 11, 24, 14, 0, tzinfo=ZoneInfo("Asia/Seoul"))
    intake = Intake(kids=(Kid(48), Kid(None, 2)), day=date(2026, 11, 25), start=840, end=1080, night=False,
                    holiday=False, urgent=True, situations=("sick",), area="율곡동", coords=(36.1, 128.1))
    common = {"day": date(2026, 11, 25), "start": 840, "end": 1080, "night": False, "holiday": False, "urgent": True,
              "situations": frozenset({"sick"}), "area": "율곡동", "coords": (36.1, 128.1), "now": at}
    assert intake.needs(at) == [Need(child=Child(48), **common), Need(child=Child(None, 2), **common)]
    assert Intake().needs(at) == [Need(now=at)]


async def test_a_worker_reads_the_state_another_worker_wrote_since_its_own(store: Store, queue: Queue, settings,
                                                                         clock, knowledge) -> None:
    """Where workers share states (PostgreSQL), a worker keeps the text it last wrote only to skip parsing the same
    text again: a state another worker wrote since is read, not the intake held."""
    store.caches_states = False  # the SQLite file standing in for a shared database
    one, two = (Engine(store=store, queue=queue, knowledge=FixedKnowledge(knowledge), settings=settings, clock=clock)
                for _ in range(2))
    first, second = Chat(one), Chat(two)
    await first.say("4살이요")
    await second.say("아니 6살이요")
    await first.say("내일이요")
    await first.say("오후 2시부터 5시까지요")  # its own last state, read back as written
    state = Intake.from_json(await store.load_state(first.address.key))
    assert [k.age_months for k in state.kids] == [72]
    assert state.day == clock().date() + timedelta(days=1) and (state.start, state.end) == (14 * 60, 17 * 60)
