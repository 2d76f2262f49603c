"""The coordinator group: cards from the outbox, claim and close by button, strangers refused, reminders threaded."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.channels.telegram import texts
from bot.channels.telegram.chat import TelegramChannel, build_application
from bot.channels.telegram.group import CoordinatorGroup, build_group, parse_press
from bot.coordination import texts as queue_texts
from bot.coordination.dispatch import Dispatcher
from bot.coordination.queue import Queue
from bot.dialog.core import Inbound, Reply
from bot.dialog.particles import ko
from bot.settings import Settings, SettingsError
from db import cases as sql
from db.models import NewCase, Outcome, Status, ts
from db.sqlite.store import SQLiteStore
from db.store import Store
from knowledge.coordinators import Coordinators
from knowledge.schema import Knowledge
from tests.conftest import FakeClock
from tests.fake_bot_api import TOKEN, FakeBotApi, group_chat, private_chat, user

KST = ZoneInfo("Asia/Seoul")
GROUP = group_chat(-1001234)
GROUP_ID = GROUP["id"]
CONTROL, LEE, PARK, STRANGER = user(7000, "가족여성팀"), user(7001, "이담당"), user(7002, "박담당"), user(9999, "손님")
COORDINATORS = Coordinators.model_validate(
    {
        "coordinators": [
            {"name": "가족여성팀", "control": True, "telegram_user_id": 7000},
            {"name": "이담당", "services": ["daycare-365"], "telegram_user_id": 7001},
            {"name": "박담당", "services": ["home-care"], "telegram_user_id": 7002},
        ]
    }
)


class SilentDialog:
    async def handle(self, inbound: Inbound) -> list[Reply]:
        return []


@dataclass
class Rig:
    fake: FakeBotApi
    store: Store
    queue: Queue
    dispatcher: Dispatcher
    clock: FakeClock
    group: CoordinatorGroup | None = None

    async def new_case(self) -> int:
        case = NewCase(
            user_key="telegram:5551",
            channel="telegram",
            service_id="daycare-365",
            site_id="daycare-365-yulgok",
            urgent=True,
            danger=False,
            area="율곡동",
            children=({"age_months": 48},),
            summary={},
            summary_text="만 4세, 오늘 18:00-22:00, 율곡동",
            contact={"route": "phone", "phone": "010-1234-5678"},
            consent_at=self.clock.now,
            created_at=self.clock.now,
            care_date=date(2026, 11, 24),
        )
        return await self.store.create_case(case, "{}")

    def card(self) -> str:
        return self.fake.texts(GROUP_ID)[0]

    def buttons(self, index: int = 0) -> list[str]:
        messages = sorted((mid, m) for (cid, mid), m in self.fake.messages.items() if cid == GROUP_ID)
        rows = messages[index][1].get("reply_markup", {}).get("inline_keyboard", [])
        return [b["text"] for row in rows for b in row]


@pytest.fixture
async def rig(tmp_path: Path, clock: FakeClock, knowledge: Knowledge) -> AsyncIterator[Rig]:
    async with FakeBotApi() as fake, opened(tmp_path / "dolbom.sqlite3") as store:
        queue = Queue(store, COORDINATORS, tz=KST, clock=clock)
        app = build_application(TOKEN, base_url=fake.base_url)
        group = CoordinatorGroup(
            app,
            queue,
            GROUP_ID,
            service_names={"daycare-365": "365어린이집"},
            knowledge=lambda: knowledge,
            retry_delays=(0.05,),
        )
        names = {"daycare-365": "365어린이집", "daycare-365-yulgok": "365어린이집 율곡"}  # as the app gives them
        dispatcher = Dispatcher(store, COORDINATORS, [group], tz=KST, clock=clock, service_names=names)
        async with TelegramChannel(app, SilentDialog(), poll_timeout=1, retry_delays=(0.05,)):
            yield Rig(fake, store, queue, dispatcher, clock, group)


@contextlib.asynccontextmanager
async def opened(path: Path) -> AsyncIterator[Store]:
    store = await SQLiteStore.open(path)
    try:
        yield store
    finally:
        await store.close()


def answers(fake: FakeBotApi) -> list[str]:
    return [c.params.get("text", "") for c in fake.calls_of("answerCallbackQuery")]


async def test_claim_contact_and_close_edit_the_same_card(rig: Rig) -> None:
    fake = rig.fake
    case_id = await rig.new_case()
    assert await rig.dispatcher.run_once() == 1
    assert rig.card().startswith(f"🆕 새 돌봄 접수 #{case_id} [긴급]\n서비스: 365어린이집")
    assert "알림: 이담당, 가족여성팀" in rig.card()
    assert rig.buttons() == ["🙋 담당하기", "🗂 종결"]

    async def press(label: str) -> None:  # a tap, then the outbox note its change wrote edits the card
        taps = len(fake.calls_of("answerCallbackQuery"))
        await fake.press(GROUP, LEE, label)
        await fake.wait_for(lambda api: len(api.calls_of("answerCallbackQuery")) > taps)
        assert rig.group is not None
        async with rig.group._taps:  # the tap's handler has finished (it holds this lock while it works)
            pass
        await rig.dispatcher.run_once()

    await press("🙋 담당하기")
    assert "담당: 이담당" in rig.card() and "서비스: 365어린이집 · 365어린이집 율곡" in rig.card()
    assert queue_texts.CLAIM_WON.format(id=case_id, who="이담당") in answers(fake)
    assert rig.buttons() == ["📞 연락 완료", "✅ 처리 완료", "🗂 종결"]
    # One edit per change, and never with the site's internal id.
    edits = [c.params["text"] for c in fake.calls_of("editMessageText")]
    assert len(edits) == 1 and not any("daycare-365-yulgok" in e for e in edits)
    assert len(fake.texts(GROUP_ID)) == 1

    await press("📞 연락 완료")
    assert "상태: 담당자가 연락함" in rig.card()
    await fake.press(GROUP, LEE, "🗂 종결")
    await fake.wait_for(lambda api: "돌봄 연결됨" in rig.buttons())
    await press("돌봄 연결됨")
    assert "결과: 돌봄 연결됨" in rig.card()
    case = await rig.store.case(case_id)
    assert case is not None and (case.status, case.outcome, case.claimed_by) == (
        Status.CLOSED,
        Outcome.PLACED,
        "이담당",
    )
    assert rig.buttons() == ["↩️ 다시 열기"]
    await rig.dispatcher.run_once()
    assert len(fake.texts(GROUP_ID)) == 1 and "상태: 종료" in rig.card()


async def test_a_stranger_and_another_service_are_refused_and_nothing_changes(rig: Rig) -> None:
    fake = rig.fake
    case_id = await rig.new_case()
    await rig.dispatcher.run_once()
    before = rig.card()

    await fake.press(GROUP, STRANGER, "🙋 담당하기")
    await fake.wait_for(lambda api: len(api.calls_of("answerCallbackQuery")) == 1)
    refusal = fake.calls_of("answerCallbackQuery")[0].params
    assert refusal["text"] == ko(texts.STRANGER, user_id=9999) and refusal["show_alert"] is True

    await fake.press(GROUP, PARK, "🙋 담당하기")
    await fake.wait_for(lambda api: len(api.calls_of("answerCallbackQuery")) == 2)
    assert "박담당 님의 담당 서비스가 아닙니다" in answers(fake)[1]

    await fake.send_text(GROUP, STRANGER, "/queue")
    await fake.wait_for(lambda api: len(api.texts(GROUP_ID)) == 2)
    assert fake.texts(GROUP_ID)[1] == ko(texts.STRANGER, user_id=9999)

    case = await rig.store.case(case_id)
    assert case is not None and case.status is Status.NEW and case.claimed_by is None
    assert rig.card() == before and not fake.calls_of("editMessageText")


async def test_queue_and_case_commands(rig: Rig) -> None:
    fake = rig.fake
    case_id = await rig.new_case()
    await fake.send_text(GROUP, LEE, "/queue")
    await fake.wait_for(lambda api: len(api.texts(GROUP_ID)) == 1)
    assert fake.texts(GROUP_ID)[0].splitlines()[1].startswith(f"#{case_id} [긴급] 365어린이집 · 접수됨")
    await fake.send_text(GROUP, CONTROL, f"/case {case_id}")
    await fake.wait_for(lambda api: len(api.texts(GROUP_ID)) == 2)
    shown = fake.texts(GROUP_ID)[1]
    assert "만 4세, 오늘 18:00-22:00, 율곡동" in shown and "처리 기록" in shown and "parent: 접수" in shown
    assert rig.buttons(1) == ["🙋 담당하기", "🗂 종결"]
    await fake.send_text(GROUP, CONTROL, "/case 999")
    await fake.wait_for(lambda api: len(api.texts(GROUP_ID)) == 3)
    assert fake.texts(GROUP_ID)[2] == queue_texts.NO_SUCH_CASE.format(id=999)
    await fake.send_text(GROUP, CONTROL, "/report@dolbom_test_bot")
    await fake.wait_for(lambda api: len(api.texts(GROUP_ID)) == 4)
    report = fake.texts(GROUP_ID)[3]
    assert report.startswith("돌봄이음 성과 보고 (2026-10-26 ~ 2026-11-24)") and "#" not in report
    assert "1건" in report


async def test_reminders_thread_under_the_card_and_failed_sends_stay_in_the_outbox(rig: Rig) -> None:
    fake = rig.fake
    case_id = await rig.new_case()
    await rig.dispatcher.run_once()
    first = min(mid for (cid, mid) in fake.messages if cid == GROUP_ID)
    await rig.store.write(lambda c: sql.add_outbox(c, case_id, "reminder", ts(rig.clock.now)))
    fake.fail_next("sendMessage", status=502)
    fake.fail_next("sendMessage", status=502)
    assert await rig.dispatcher.run_once() == 0  # Telegram down: the note stays queued with a backoff
    [pending] = await rig.store.fetch("SELECT attempts, done_at FROM outbox WHERE kind = 'reminder'")
    assert (pending["attempts"], pending["done_at"]) == (1, None)

    rig.clock.advance(minutes=1)
    assert await rig.dispatcher.run_once() == 1
    reminder = fake.texts(GROUP_ID)[1]
    assert reminder.startswith(f"⏰ 아직 아무도 맡지 않은 접수 #{case_id}")
    assert fake.calls_of("sendMessage")[-1].params["reply_parameters"]["message_id"] == first

    await rig.store.write(lambda c: sql.add_outbox(c, case_id, "escalation", ts(rig.clock.now)))
    assert await rig.dispatcher.run_once() == 1
    assert fake.texts(GROUP_ID)[2].startswith(f"🚨 관제탑 확인 필요: 오래 대기 중인 접수 #{case_id}")
    assert len(fake.calls_of("editMessageText")) == 0  # reminders never rewrite the card


def test_the_group_comes_from_the_settings() -> None:
    app = build_application(TOKEN, base_url="http://127.0.0.1:9/bot")
    queue = Queue.__new__(Queue)  # never touched: building only registers handlers
    assert build_group(Settings(), app, queue) is None
    group = build_group(Settings(coordinator_chat_id="-1001234"), app, queue)
    assert group is not None and group.chat_id == -1001234
    with pytest.raises(SettingsError, match="COORDINATOR_CHAT_ID"):
        build_group(Settings(coordinator_chat_id="coordinators"), app, queue)


def test_button_data_round_trips_and_fits() -> None:
    press = parse_press("q:close:123456:not_placed")
    assert press is not None and press.case_id == 123456 and press.outcome is Outcome.NOT_PLACED
    assert parse_press("q:back:3") is not None and parse_press("q:back:3").action is None  # type: ignore[union-attr]
    assert parse_press("q:fly:3") is None and parse_press("c:4살") is None


async def test_the_serve_lifespan_runs_parents_and_the_group_together(tmp_path: Path) -> None:
    """bot.shell.app.running with Telegram configured: a parent's intake reaches the group, a claim edits its card."""
    from bot.shell.app import running

    (tmp_path / "coordinators.yaml").write_text(
        "coordinators:\n"
        "  - {name: 가족여성팀, control: true, telegram_user_id: 7000}\n"
        "  - {name: 이담당, services: [daycare-365], telegram_user_id: 7001}\n",
        encoding="utf-8",
    )
    chat, parent = private_chat(5551)

    async def settled(store: Store) -> None:  # every notification delivered (bounded)
        for _ in range(200):
            if not await store.fetch("SELECT id FROM outbox WHERE done_at IS NULL"):
                return
            await asyncio.sleep(0.025)
        raise AssertionError("outbox not delivered")

    async def scenario(fake: FakeBotApi) -> None:
        settings = Settings.from_env(
            {
                "DOLBOM_DB_PATH": str(tmp_path / "dolbom.sqlite3"),
                "DOLBOM_COORDINATORS": str(tmp_path / "coordinators.yaml"),
                "TELEGRAM_BOT_TOKEN": TOKEN,
                "TELEGRAM_API_BASE_URL": fake.base_url,
                "COORDINATOR_CHAT_ID": str(GROUP_ID),
            },
            dotenv=None,
        )
        # A weekday afternoon, pinned: on the real clock a weekend night sends the case to another service.
        async with running(settings, FakeClock()) as app:
            await fake.send_text(chat, parent, "4살 아이 오늘 밤 10시까지 맡길 곳 있을까요? 율곡동이에요")
            await fake.wait_for(lambda api: api.has_button(5551, "동의하고 접수"), timeout=10)
            await fake.press(chat, parent, "동의하고 접수")
            await fake.wait_for(lambda api: any("전화번호" in t for t in api.texts(5551)), timeout=10)
            await fake.send_contact(chat, parent, "+82 10-1234-5678")
            await fake.wait_for(lambda api: api.has_button(5551, "네, 접수할게요"), timeout=10)
            await fake.press(chat, parent, "네, 접수할게요")
            await fake.wait_for(lambda api: bool(api.texts(GROUP_ID)), timeout=10)
            await settled(app.store)
            await fake.press(GROUP, LEE, "🙋 담당하기")
            await fake.wait_for(lambda api: "담당: 이담당" in api.texts(GROUP_ID)[0], timeout=10)
            await settled(app.store)
            (case,) = await app.store.cases_for_user("telegram:5551")
            assert (case.status, case.claimed_by) == (Status.CLAIMED, "이담당")

    async with FakeBotApi() as fake:
        await asyncio.wait_for(scenario(fake), 30)  # includes a clean stop of the whole lifespan
        assert len(fake.texts(GROUP_ID)) == 1 and "010" in fake.texts(GROUP_ID)[0]
