"""Kakao Event API pushes against a fake server: the request, retries, FAIL, give-up, the daily cap, the event
block's answer, the next message after a push Kakao never delivered, and nothing personal leaving."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.channels.kakao.format import event_ref
from bot.channels.kakao.push import KakaoPush, PushRefused, accepted, event_request
from bot.channels.kakao.skill import kakao_routes
from bot.coordination import texts as queue_texts
from bot.coordination.delivery import ParentDelivery
from bot.coordination.followup import FollowUps
from bot.coordination.queue import FOLLOWUP_NO, FOLLOWUP_YES, Queue
from bot.dialog.core import Address, Channel, Inbound
from bot.dialog.engine import Engine, FixedKnowledge
from bot.reports.report import build_report
from bot.settings import Settings
from bot.shell.web import build_web
from db import NewCase, Store
from knowledge.coordinators import Coordinators
from tests.conftest import FakeClock
from tests.fake_event_api import BOT_ID, KEY, FakeEventApi

KST = ZoneInfo("Asia/Seoul")
TUE_10 = datetime(2026, 11, 24, 10, 0, tzinfo=KST)
FIXTURES = Path(__file__).parent / "fixtures" / "kakao"
USER = json.loads((FIXTURES / "text.json").read_text(encoding="utf-8"))["userRequest"]["user"]["id"]
PHONE = "010-9876-5432"
STAFF = Coordinators.model_validate({
    "coordinators": [{"name": "가족여성팀", "control": True}, {"name": "이담당", "services": ["daycare-365"]}],
    "timings": {"parent_followup_days": 1, "parent_followup_hour": 10},
})


def a_case(care_date: date | None = None) -> NewCase:
    return NewCase(
        user_key=f"kakao:{USER}", channel="kakao", service_id="daycare-365", site_id=None, urgent=False,
        danger=False, area="율곡동", children=({"age_months": 48},), summary={"need": "내일 오후"},
        summary_text="만 4세 김하늘, 내일 오후 돌봄", contact={"route": "phone", "phone": PHONE},
        consent_at=TUE_10, created_at=TUE_10, care_date=care_date,
    )


@dataclass
class Rig:
    api: FakeEventApi
    store: Store
    queue: Queue
    clock: FakeClock
    delivery: ParentDelivery
    engine: Engine
    http: httpx.AsyncClient

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        with sqlite3.connect(self.store.path) as conn:
            return conn.execute(sql, params).fetchall()

    async def event_block(self, ref: str) -> list[str]:
        body = json.loads((FIXTURES / "event_block.json").read_text(encoding="utf-8").replace("REF", ref))
        response = await self.http.post("/kakao/skill", json=body)
        assert response.status_code == 200
        return [o["simpleText"]["text"] for o in response.json()["template"]["outputs"]]

    async def say(self, text: str) -> list[str]:
        return [r.text for r in await self.engine.handle(Inbound(Address(Channel.KAKAO, USER), text=text))]

    def ref(self, message_id: int) -> str:
        return self.rows("SELECT ref FROM parent_messages WHERE id = ?", (message_id,))[0][0]


@pytest.fixture
async def rig(tmp_path: Path, knowledge: object) -> AsyncIterator[Rig]:
    async with FakeEventApi() as api:
        settings = Settings(db_path=tmp_path / "k.sqlite3", kakao_rest_api_key=KEY, kakao_bot_id=BOT_ID,
                            kakao_event_api_url=api.base_url, kakao_event_name="dolbom_message")
        store = await Store.open(settings.db_path)
        clock = FakeClock(TUE_10)
        queue = Queue(store, STAFF, tz=KST, clock=clock)
        push = KakaoPush(settings)
        delivery = ParentDelivery(queue, events={"kakao": push}, backoff_seconds=60, give_up_seconds=3600,
                                  daily_cap=2)
        engine = Engine(store=store, queue=queue, knowledge=FixedKnowledge(knowledge),  # type: ignore[arg-type]
                        settings=settings, clock=clock)
        web = build_web(kakao_routes(engine, settings, queue, queue_texts.EVENT_NOTHING_NEW))
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=web), base_url="http://testserver") as http:
            yield Rig(api, store, queue, clock, delivery, engine, http)
        await push.close()
        await store.close()


async def test_the_push_request_names_the_event_and_the_parent_and_nothing_personal(rig: Rig) -> None:
    case_id = await rig.store.create_case(a_case(), "{}")
    message = await rig.queue.reply(case_id, "이담당", "김하늘 어머님, 내일 10시에 010-1111-2222로 전화드릴게요.")
    assert await rig.delivery.run_once() == 1
    [call] = rig.api.calls
    assert call.path == f"/v2/bots/{BOT_ID}/talk"
    assert call.headers["authorization"] == f"KakaoAK {KEY}"
    assert call.body == {"event": {"name": "dolbom_message", "data": {"ref": rig.ref(message.id)}},
                         "user": [{"type": "botUserKey", "id": USER}]}
    raw = call.raw.decode()
    for personal in ("김하늘", "010", "율곡", "전화", "내일", "daycare", "case"):
        assert personal not in raw, personal
    assert raw.isascii(), "no Korean words at all: the text stays with us"
    assert rig.rows("SELECT state, task_id FROM parent_messages JOIN pushes ON message_id = parent_messages.id") == [
        ("pushed", "task-1")]
    assert await rig.delivery.run_once() == 0 and len(rig.api.calls) == 1, "one push per message"


async def test_a_500_then_success_pushes_once_and_the_event_block_shows_it_once(rig: Rig) -> None:
    rig.api.script.append((500, {"message": "internal error"}))
    case_id = await rig.store.create_case(a_case(), "{}")
    message = await rig.queue.reply(case_id, "이담당", "서류는 주민센터에서 받으시면 돼요.")
    assert await rig.delivery.run_once() == 0
    assert await rig.delivery.run_once() == 0, "not before its backoff"
    rig.clock.advance(seconds=61)
    assert await rig.delivery.run_once() == 1
    assert len(rig.api.calls) == 2
    assert rig.rows("SELECT ok, error IS NOT NULL FROM pushes ORDER BY id") == [(0, 1), (1, 0)]

    shown = await rig.event_block(rig.ref(message.id))
    assert shown == [f"[접수 #{case_id}] 담당 코디네이터 이담당 님의 메시지예요.\n\n서류는 주민센터에서 받으시면 돼요."]
    assert await rig.event_block(rig.ref(message.id)) == [queue_texts.EVENT_NOTHING_NEW], "shown once"
    assert all("주민센터" not in t for t in await rig.say("안녕하세요"))
    assert [m.state for m in await rig.queue.parent_messages(case_id)] == ["shown"]


async def test_a_fail_status_is_retried(rig: Rig) -> None:
    rig.api.script.append((200, {"taskId": "t-x", "status": "FAIL", "message": "user not found"}))
    case_id = await rig.store.create_case(a_case(), "{}")
    await rig.queue.reply(case_id, "이담당", "확인 부탁드려요.")
    assert await rig.delivery.run_once() == 0
    [message] = await rig.queue.parent_messages(case_id)
    assert message.state == "waiting"
    assert "FAIL" in rig.rows("SELECT last_error FROM parent_messages")[0][0]
    rig.clock.advance(minutes=2)
    assert await rig.delivery.run_once() == 1
    assert len(rig.api.calls) == 2


async def test_a_wrong_key_is_given_up_at_once(rig: Rig) -> None:
    rig.api.script.append((401, {"message": "invalid appkey"}))
    case_id = await rig.store.create_case(a_case(), "{}")
    await rig.queue.reply(case_id, "이담당", "확인 부탁드려요.")
    assert await rig.delivery.run_once() == 0
    rig.clock.advance(minutes=30)
    assert await rig.delivery.run_once() == 0
    assert len(rig.api.calls) == 1
    assert [m.state for m in await rig.queue.parent_messages(case_id)] == ["failed"]


async def test_the_server_down_past_the_give_up_time_fails_and_the_next_message_shows_it(
        rig: Rig, caplog: pytest.LogCaptureFixture) -> None:
    case_id = await rig.store.create_case(a_case(), "{}")
    await rig.queue.reply(case_id, "이담당", "오늘 중으로 연락드릴게요.")
    await rig.api.stop()
    caplog.set_level(logging.WARNING)
    for _ in range(30):
        await rig.delivery.run_once()
        rig.clock.advance(minutes=5)
    [message] = await rig.queue.parent_messages(case_id)
    assert message.state == "failed"
    assert "could not be pushed" in caplog.text and f"case {case_id}" in caplog.text
    attempts = rig.rows("SELECT attempts FROM parent_messages")[0][0]
    assert 3 <= attempts <= 7, attempts  # backoff 1, 2, 4, 8, 16 minutes within the hour
    assert rig.rows("SELECT count(*), sum(ok) FROM pushes") == [(attempts, 0)]
    replies = await rig.say("안녕하세요")
    assert replies[0].endswith("오늘 중으로 연락드릴게요.")
    assert [m.state for m in await rig.queue.parent_messages(case_id)] == ["shown"]
    report = await build_report(rig.store, None, date(2026, 11, 24), date(2026, 11, 24), KST, push_cost_won=15)
    assert (report.pushes.sent, report.pushes.failed, report.pushes.cost) == (0, 1, 0)


async def test_the_daily_cap_holds_back_pushes_and_the_next_message_shows_them(rig: Rig) -> None:
    case_id = await rig.store.create_case(a_case(), "{}")
    for text in ("첫째 안내", "둘째 안내", "셋째 안내"):
        await rig.queue.reply(case_id, "이담당", text)
    assert await rig.delivery.run_once() == 2
    rig.clock.advance(hours=3)
    assert await rig.delivery.run_once() == 0
    assert len(rig.api.calls) == 2
    assert [m.state for m in await rig.queue.parent_messages(case_id)] == ["pushed", "pushed", "waiting"]
    replies = await rig.say("접수 확인")
    assert [t.split("\n\n")[-1] for t in replies[:3]] == ["첫째 안내", "둘째 안내", "셋째 안내"]
    rig.clock.advance(days=1)  # a new day, a new message: pushed again
    await rig.queue.reply(case_id, "이담당", "넷째 안내")
    assert await rig.delivery.run_once() == 1
    report = await build_report(rig.store, None, date(2026, 11, 24), date(2026, 11, 25), KST, push_cost_won=15)
    assert (report.pushes.sent, report.pushes.failed, report.pushes.cost) == (3, 0, 45)


async def test_a_push_kakao_never_delivered_is_shown_at_the_next_message(rig: Rig) -> None:
    case_id = await rig.store.create_case(a_case(), "{}")
    message = await rig.queue.reply(case_id, "이담당", "내일 뵐게요.")
    assert await rig.delivery.run_once() == 1  # accepted, but Kakao never runs the event block
    rig.clock.advance(hours=5)
    replies = await rig.say("안녕하세요")
    assert replies[0].endswith("내일 뵐게요.")
    assert all("내일 뵐게요." not in t for t in await rig.say("안녕하세요"))
    assert await rig.event_block(rig.ref(message.id)) == [queue_texts.EVENT_NOTHING_NEW]  # a late event: nothing twice


async def test_the_care_date_follow_up_is_pushed_and_answered_from_the_event_block(rig: Rig) -> None:
    scheduler = AsyncIOScheduler(timezone=KST)
    scheduler.start(paused=True)
    followups = FollowUps(rig.queue, scheduler=scheduler, delivery=rig.delivery)
    await followups.start()
    try:
        case_id = await rig.store.create_case(a_case(care_date=date(2026, 11, 24)), "{}")
        rig.clock.now = datetime(2026, 11, 25, 10, 0, tzinfo=KST)
        await followups.sync()
        [call] = rig.api.calls
        [message] = await rig.queue.parent_messages(case_id)
        assert message.kind == "followup" and call.body["event"]["data"] == {"ref": rig.ref(message.id)}
        body = json.loads((FIXTURES / "event_block.json").read_text(encoding="utf-8").replace("REF", "x"))
        response = (await rig.http.post("/kakao/skill", json=body)).json()
        assert "돌봄 연결이 잘 되셨나요?" in response["template"]["outputs"][0]["simpleText"]["text"]
        assert [q["extra"]["choice"] for q in response["template"]["quickReplies"]] == [FOLLOWUP_YES, FOLLOWUP_NO]
        assert await rig.queue.awaiting_answer(f"kakao:{USER}")
    finally:
        await followups.stop()


def test_the_pure_parts() -> None:
    assert event_request("ev", "u1", "r1") == {"event": {"name": "ev", "data": {"ref": "r1"}},
                                               "user": [{"type": "botUserKey", "id": "u1"}]}
    assert accepted(200, {"taskId": "t1", "status": "SUCCESS"}) == "t1"
    for status, body, permanent in ((502, {}, False), (429, {}, False), (401, {"message": "bad key"}, True),
                                    (200, {"status": "FAIL"}, False)):
        with pytest.raises(PushRefused) as refused:
            accepted(status, body)
        assert refused.value.permanent is permanent
    plain = json.loads((FIXTURES / "text.json").read_text(encoding="utf-8"))
    assert event_ref(plain) is None
    assert event_ref(json.loads((FIXTURES / "block_params.json").read_text(encoding="utf-8"))) is None
    event = json.loads((FIXTURES / "event_block.json").read_text(encoding="utf-8").replace("REF", "abc"))
    assert event_ref(event) == "abc"
    event["action"] = {"params": {}, "detailParams": {}}
    event["userRequest"]["event"] = {"name": "dolbom_message", "data": {"ref": "abc"}}
    assert event_ref(event) == "abc"


async def test_the_whole_app_pushes_a_reply_through_the_event_api_and_answers_the_event_block(tmp_path: Path) -> None:
    from bot.shell.app import running

    async with FakeEventApi() as api:
        settings = Settings.from_env({
            "DOLBOM_DB_PATH": str(tmp_path / "app.sqlite3"), "KAKAO_REST_API_KEY": KEY, "KAKAO_BOT_ID": BOT_ID,
            "KAKAO_EVENT_API_URL": api.base_url, "KAKAO_EVENT_NAME": "dolbom_message"}, dotenv=None)
        async with running(settings, FakeClock(TUE_10), telegram=False) as app:
            case_id = await app.store.create_case(a_case(), "{}")
            message = await app.queue.reply(case_id, "이담당", "내일 뵐게요.")
            for _ in range(200):  # the delivery runner is kicked by the write (bounded wait, no timing asserted)
                if api.calls:
                    break
                await asyncio.sleep(0.025)
            [call] = api.calls
            [ref] = [r["ref"] for r in await app.store.fetch("SELECT ref FROM parent_messages")]
            assert call.body["event"]["data"] == {"ref": ref}
            web = build_web(app.routes)
            body = json.loads((FIXTURES / "event_block.json").read_text(encoding="utf-8").replace("REF", ref))
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=web), base_url="http://t") as http:
                answer = (await http.post("/kakao/skill", json=body)).json()
            assert answer["template"]["outputs"][0]["simpleText"]["text"].endswith("내일 뵐게요.")
            assert [m.state for m in await app.queue.parent_messages(case_id)] == ["shown"]
            assert message.state == "waiting"


async def test_an_event_block_without_the_ref_parameter_still_shows_the_waiting_messages(rig: Rig) -> None:
    case_id = await rig.store.create_case(a_case(), "{}")
    await rig.queue.reply(case_id, "이담당", "내일 뵐게요.")
    await rig.delivery.run_once()
    body = json.loads((FIXTURES / "event_block.json").read_text(encoding="utf-8"))
    body["action"]["params"], body["action"]["detailParams"] = {}, {}
    answer = (await rig.http.post("/kakao/skill", json=body)).json()
    texts = [o["simpleText"]["text"] for o in answer["template"]["outputs"] if "simpleText" in o]
    assert texts[0].startswith(f"[접수 #{case_id}] 담당 코디네이터 이담당 님의 메시지예요.\n\n내일 뵐게요.")
    assert [m.state for m in await rig.queue.parent_messages(case_id)] == ["shown"]
