"""Coordinators' replies to parents: pushed to Telegram, shown once at a Kakao parent's next message, refused
for another service's coordinator and for purged cases, and `dolbom reply`."""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.channels.telegram.chat import TelegramChannel, build_application
from bot.coordination import command as coordcli
from bot.coordination.delivery import ParentDelivery
from bot.coordination.queue import Queue, Refused
from bot.dialog.core import Address, Channel, Inbound, Reply
from bot.dialog.engine import Engine, FixedKnowledge
from bot.settings import Settings
from db import NewCase, Store
from db.cases import Change
from knowledge.coordinators import Coordinators
from tests.conftest import FakeClock
from tests.fake_bot_api import TOKEN, FakeBotApi

KST = ZoneInfo("Asia/Seoul")
TUE_10 = datetime(2026, 11, 24, 10, 0, tzinfo=KST)
STAFF = Coordinators.model_validate({
    "coordinators": [{"name": "가족여성팀", "control": True}, {"name": "이담당", "services": ["daycare-365"]},
                     {"name": "박담당", "services": ["home-care"]}],
})
YAML = """
coordinators:
  - {name: 가족여성팀, control: true}
  - {name: 이담당, services: [daycare-365]}
  - {name: 박담당, services: [home-care]}
"""


def a_case(user_key: str, care_date: date | None = None) -> NewCase:
    return NewCase(
        user_key=user_key, channel=user_key.split(":")[0], service_id="daycare-365", site_id=None, urgent=False,
        danger=False, area="율곡동", children=({"age_months": 48},), summary={}, summary_text="만 4세",
        contact={"route": "chat"}, consent_at=TUE_10, created_at=TUE_10, care_date=care_date,
    )


def rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture
async def desk(tmp_path: Path) -> AsyncIterator[tuple[Store, Queue, FakeClock]]:
    store = await Store.open(tmp_path / "r.sqlite3")
    clock = FakeClock(TUE_10)
    yield store, Queue(store, STAFF, tz=KST, clock=clock), clock
    await store.close()


async def test_a_reply_is_pushed_to_a_telegram_parent(desk: tuple[Store, Queue, FakeClock]) -> None:
    store, queue, _ = desk
    case_id = await store.create_case(a_case("telegram:5551"), "{}")
    async with FakeBotApi() as api:
        app = build_application(TOKEN, base_url=api.base_url)
        async with TelegramChannel(app, None, poll_timeout=1, retry_delays=(0.05,)) as telegram:  # type: ignore[arg-type]
            delivery = ParentDelivery(queue, pushers={"telegram": telegram})
            message = await queue.reply(case_id, "이담당", "  내일 오전에 전화드릴게요.  ")
            assert (message.kind, message.by, message.state) == ("reply", "이담당", "waiting")
            assert await delivery.run_once() == 1
            assert await delivery.run_once() == 0, "one push per message"
        texts = api.texts(5551)
    assert texts == [f"[접수 #{case_id}] 담당 코디네이터 이담당 님의 메시지예요.\n\n내일 오전에 전화드릴게요."]
    [shown] = await queue.parent_messages(case_id)
    assert shown.state == "pushed" and shown.text == texts[0]
    assert await queue.pending_for_parent("telegram:5551") == [], "a pushed chat message is not shown again"
    assert rows(store.path, "SELECT actor, kind, note FROM events WHERE kind = 'reply'") == [
        ("이담당", "reply", "내일 오전에 전화드릴게요.")]


async def test_a_kakao_parent_sees_the_reply_at_the_next_message_once(
        desk: tuple[Store, Queue, FakeClock], knowledge: object) -> None:
    store, queue, clock = desk
    engine = Engine(store=store, queue=queue, knowledge=FixedKnowledge(knowledge),  # type: ignore[arg-type]
                    settings=Settings(), clock=clock)
    case_id = await store.create_case(a_case("kakao:abc"), "{}")
    delivery = ParentDelivery(queue, pushers={})  # Kakao without the Event API: nothing can push
    await queue.reply(case_id, "가족여성팀", "서류를 챙겨 오세요.")
    assert await delivery.run_once() == 0
    parent = Address(Channel.KAKAO, "abc")
    first = await engine.handle(Inbound(parent, text="안녕하세요"))
    assert first[0].text.endswith("서류를 챙겨 오세요.") and f"#{case_id}" in first[0].text
    second = await engine.handle(Inbound(parent, text="접수 확인"))
    assert all("서류를 챙겨 오세요." not in r.text for r in second)
    [message] = await queue.parent_messages(case_id)
    assert message.state == "shown"


async def test_another_services_coordinator_and_a_purged_case_are_refused(
        desk: tuple[Store, Queue, FakeClock]) -> None:
    store, queue, _ = desk
    case_id = await store.create_case(a_case("kakao:abc"), "{}")
    with pytest.raises(Refused):
        await queue.reply(case_id, "박담당", "제가 맡을게요")
    with pytest.raises(Refused):
        await queue.reply(case_id, "모르는사람", "안녕하세요")
    with pytest.raises(ValueError):
        await queue.reply(case_id, "이담당", "   ")
    await queue.forget("kakao:abc")
    with pytest.raises(Refused):
        await queue.reply(case_id, "이담당", "연락드릴게요")
    assert await queue.parent_messages(case_id) == []


async def test_a_reopened_case_tells_the_parent_and_a_purge_scrubs_unseen_messages(
        desk: tuple[Store, Queue, FakeClock]) -> None:
    store, queue, clock = desk
    case_id = await store.create_case(a_case("kakao:abc"), "{}")
    await queue.claim(case_id, "이담당")
    await queue.update(case_id, "이담당", Change.CLOSED)
    clock.advance(hours=1)
    await queue.update(case_id, "이담당", Change.REOPENED)
    await queue.reply(case_id, "이담당", "다시 확인해 볼게요")
    assert [m.kind for m in await queue.parent_messages(case_id)] == ["reopened", "reply"]
    await queue.forget("kakao:abc")
    assert rows(store.path, "SELECT user_key, text FROM parent_messages") == [(None, None), (None, None)]
    assert await queue.pending_for_parent("kakao:abc") == []


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="dolbom")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("reply", "case"):
        coordcli.add_arguments(sub.add_parser(name))
    return parser.parse_args(argv)


async def test_dolbom_reply_writes_the_message_for_the_running_bot(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "coordinators.yaml").write_text(YAML, encoding="utf-8")
    settings = Settings(db_path=tmp_path / "c.sqlite3", coordinators_path=tmp_path / "coordinators.yaml")
    store = await Store.open(settings.db_path)
    clock = FakeClock(TUE_10)
    queue = Queue(store, STAFF, tz=KST, clock=clock)
    case_id = await store.create_case(a_case("kakao:abc"), "{}")
    assert await queue.pending_for_parent("kakao:abc") == []  # the bot process has looked once: nothing
    delivery = ParentDelivery(queue)
    await delivery.run_once()

    assert await coordcli.run(parse("reply", str(case_id), "--as", "이담당", "내일", "10시에", "뵐게요"), settings) == 0
    assert f"접수 #{case_id}에 답장을 남겼습니다" in capsys.readouterr().out
    assert await coordcli.run(parse("reply", str(case_id), "--as", "박담당", "안녕하세요"), settings) == 3
    assert "박담당" in capsys.readouterr().err
    assert await coordcli.run(parse("reply", "99", "--as", "이담당", "안녕하세요"), settings) == 1
    capsys.readouterr()
    assert await coordcli.run(parse("case", str(case_id), "--as", "이담당"), settings) == 0
    shown = capsys.readouterr().out
    assert "이담당  reply  (내일 10시에 뵐게요)" in shown  # the history
    assert "부모님께 보낸 메시지:" in shown and "이담당  reply  [다음 메시지 때 보여 줌 (대기)]" in shown

    # The bot process learns of the other process's row at its next delivery pass, then shows it once.
    await delivery.run_once()
    [reply] = await queue.pending_for_parent("kakao:abc")
    assert reply.text.endswith("내일 10시에 뵐게요") and isinstance(reply, Reply)
    assert await queue.pending_for_parent("kakao:abc") == []
    clock.advance(days=1)
    assert rows(settings.db_path, "SELECT state, by FROM parent_messages") == [("shown", "이담당")]
    await store.close()


async def test_a_failed_telegram_push_is_retried_then_given_up_and_shown_at_the_next_message(
        desk: tuple[Store, Queue, FakeClock], caplog: pytest.LogCaptureFixture) -> None:
    store, queue, clock = desk

    class Down:
        channel = Channel.TELEGRAM
        calls = 0

        async def send(self, address: object, replies: object) -> None:
            Down.calls += 1
            raise ConnectionError("no network")

    case_id = await store.create_case(a_case("telegram:7"), "{}")
    delivery = ParentDelivery(queue, pushers={"telegram": Down()}, backoff_seconds=60, give_up_seconds=600)
    await queue.reply(case_id, "이담당", "전화 부탁드려요")
    for _ in range(20):
        await delivery.run_once()
        clock.advance(minutes=1)
    assert Down.calls == 4  # at 0, +1, +3 and +7 minutes (backoff 60, 120, 240 s); the next would pass 10 minutes
    [message] = await queue.parent_messages(case_id)
    assert message.state == "failed"
    assert "could not be pushed" in caplog.text
    [shown] = await queue.pending_for_parent("telegram:7")
    assert shown.text.endswith("전화 부탁드려요")
    assert [m.state for m in await queue.parent_messages(case_id)] == ["shown"]
    assert clock.now - TUE_10 < timedelta(hours=1)


async def test_a_push_cut_off_by_a_crash_is_not_repeated_and_waits_for_the_next_message(
        desk: tuple[Store, Queue, FakeClock]) -> None:
    store, queue, _ = desk

    class Recorder:
        channel = Channel.TELEGRAM

        def __init__(self) -> None:
            self.sent: list[object] = []

        async def send(self, address: object, replies: object) -> None:
            self.sent.append(replies)

    case_id = await store.create_case(a_case("telegram:9"), "{}")
    message = await queue.reply(case_id, "이담당", "확인했어요")
    at = rows(store.path, "SELECT created_at FROM parent_messages")[0][0]
    await store.write(lambda c: c.execute(  # the state a push leaves while its call is under way
        "UPDATE parent_messages SET sending_at = ?, shown_at = ?, attempts = 1 WHERE id = ?", (at, at, message.id)))
    telegram = Recorder()
    delivery = ParentDelivery(queue, pushers={"telegram": telegram})
    assert await delivery.recover() == 1
    assert await delivery.run_once() == 0 and telegram.sent == []
    assert [m.state for m in await queue.parent_messages(case_id)] == ["failed"]
    [shown] = await queue.pending_for_parent("telegram:9")
    assert shown.text.endswith("확인했어요")


async def test_a_parent_who_blocked_the_telegram_bot_is_given_up_at_once(desk: tuple[Store, Queue, FakeClock]) -> None:
    store, queue, _ = desk
    case_id = await store.create_case(a_case("telegram:5552"), "{}")
    async with FakeBotApi() as api:
        app = build_application(TOKEN, base_url=api.base_url)
        async with TelegramChannel(app, None, poll_timeout=1, retry_delays=(0.05,)) as telegram:  # type: ignore[arg-type]
            delivery = ParentDelivery(queue, pushers={"telegram": telegram})
            await queue.reply(case_id, "이담당", "연락 주세요")
            api.fail_next("sendMessage", status=403)
            assert await delivery.run_once() == 0
    assert [m.state for m in await queue.parent_messages(case_id)] == ["failed"]
    [shown] = await queue.pending_for_parent("telegram:5552")  # if they write again, they see it then
    assert shown.text.endswith("연락 주세요")
