"""Flood: 100 messages from one parent within a second are answered in order, with one polite slow-down."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from bot.coordination.queue import Queue
from bot.dialog import texts
from bot.dialog.core import Address, Channel, Inbound, Reply
from bot.dialog.engine import Engine, FixedKnowledge
from bot.dialog.flood import FloodGate
from bot.settings import Settings
from db.store import Store
from tests.conftest import FakeClock

INTAKE = ["4살", "내일", "오후 6시부터 밤 10시까지", "율곡동"]
FLOOD = INTAKE + ["도움말" if i % 2 else "접수 확인" for i in range(96)]


def flooding_engine(store: Store, queue: Queue, settings: Settings, clock: FakeClock, knowledge) -> Engine:
    return Engine(store=store, queue=queue, knowledge=FixedKnowledge(knowledge), settings=settings, clock=clock,
                  flood=FloodGate())


def said(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies)


async def test_a_flood_is_answered_in_order_with_one_notice_and_others_wait_for_nobody(
        store: Store, queue: Queue, settings: Settings, clock: FakeClock, knowledge) -> None:
    engine = flooding_engine(store, queue, settings, clock, knowledge)
    flooder, calm = Address(Channel.KAKAO, "flooder"), Address(Channel.KAKAO, "calm")
    finished: list[str] = []

    async def send(address: Address, text: str, tag: str) -> list[Reply]:
        replies = await engine.handle(Inbound(address, text=text))
        finished.append(tag)
        return replies

    # All 100 arrive before the first is answered (the clock does not move: well within one second).
    flood = [asyncio.create_task(send(flooder, text, f"flood-{i}")) for i, text in enumerate(FLOOD)]
    other = asyncio.create_task(send(calm, "4살 내일 오후 2시부터 6시까지 율곡동", "calm"))
    answers = await asyncio.gather(*flood)
    calm_replies = await other

    # Coherent, in order: each answer belongs to its own message.
    assert any(r.card_title for r in answers[3]) and "동의" in said(answers[3])
    assert "언제" in said(answers[0]) and "몇 시부터" in said(answers[1]) and "동네" in said(answers[2])
    for text, replies in zip(FLOOD[4:], answers[4:], strict=True):
        assert ("사용법" if text == "도움말" else "없어요") in said(replies), (text, said(replies))
    rows = await store.fetch("SELECT text FROM messages WHERE user_key = ? AND direction = 'in' ORDER BY id",
                             (flooder.key,))
    assert [r["text"] for r in rows] == FLOOD

    # One polite slow-down, on the first message past the burst, before that message's own answer.
    noticed = [i for i, replies in enumerate(answers) if any(r.text == texts.SLOW_DOWN for r in replies)]
    assert noticed == [10]
    assert answers[10][0].text == texts.SLOW_DOWN and len(answers[10]) > 1

    # The other parent is not queued behind the flood and is not told to slow down.
    assert finished.index("calm") < 5
    assert any(r.card_title for r in calm_replies)
    assert texts.SLOW_DOWN not in said(calm_replies)


async def test_a_parent_who_slows_down_hears_nothing_more_and_a_later_flood_is_told_again(
        store: Store, queue: Queue, settings: Settings, clock: FakeClock, knowledge) -> None:
    engine = flooding_engine(store, queue, settings, clock, knowledge)
    chat = Address(Channel.TELEGRAM, "77")

    async def burst(n: int) -> list[list[Reply]]:
        return list(await asyncio.gather(*(engine.handle(Inbound(chat, text="도움말")) for _ in range(n))))

    def notices(answers: list[list[Reply]]) -> int:
        return sum(r.text == texts.SLOW_DOWN for replies in answers for r in replies)

    assert notices(await burst(20)) == 1
    clock.advance(seconds=10)  # 20 tokens' worth of time, but the bucket holds at most 10
    assert notices(await burst(10)) == 0
    assert notices(await burst(5)) == 0  # still within the notice window: told once is enough
    clock.advance(seconds=60)
    assert notices(await burst(12)) == 1


def test_the_bucket_refills_at_its_rate_and_forgets_the_oldest_users() -> None:
    gate = FloodGate(burst=2, per_second=1.0, notice_every=5.0, max_users=3)
    t0 = datetime(2026, 11, 24, 14, 0)

    def at(seconds: float) -> datetime:
        return t0 + timedelta(seconds=seconds)

    assert [gate.over("a", at(0)) for _ in range(3)] == [False, False, True]
    assert gate.over("a", at(0.5)) is False  # half a token is not a token, but the notice was given
    assert gate.over("a", at(1.6)) is False  # one token back after a second
    assert gate.over("a", at(1.7)) is False  # empty again; still inside the 5-second notice window
    assert gate.over("a", at(5.1)) is False  # 3.5 s refilled 2 tokens (capped at the burst)
    for user in ("b", "c", "d"):
        gate.over(user, at(6))
    assert len(gate) == 3  # "a" was the least recently seen
    assert gate.over("a", at(6)) is False  # back with a full bucket
    assert gate.over("a", at(6)) is False
    assert gate.over("a", at(6)) is True
    assert gate.over("b", at(0)) is False  # a clock going backwards drains nothing
