"""Privacy: deletion on request and the retention purge leave only anonymous statistics."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.coordination.queue import Queue
from db import NewCase, Outcome, Status
from db.cases import Change, TransitionRefused
from db.sqlite.store import SQLiteStore
from knowledge.coordinators import Coordinators
from tests.conftest import FakeClock

KST = ZoneInfo("Asia/Seoul")
T0 = datetime(2026, 11, 24, 10, 0, tzinfo=KST)
STAFF = Coordinators.model_validate(
    {"coordinators": [{"name": "가족여성팀", "control": True}, {"name": "이담당", "services": ["daycare-365"]}]}
)
PHONE = "010-9876-5432"



def a_case(user_key: str) -> NewCase:
    return NewCase(
        user_key=user_key, channel="telegram", service_id="daycare-365", site_id="daycare-365-yulgok", urgent=False,
        danger=False, area="율곡동", children=({"age_months": 48, "school_grade": None},), summary={"phone": PHONE},
        summary_text=f"만 4세, 연락 {PHONE}", contact={"route": "phone", "phone": PHONE}, consent_at=T0,
        created_at=T0, care_date=date(2026, 11, 26),
    )


def dump(path: Path) -> str:
    """Every value in the database as one text, to search for personal data."""
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(str(row) for t in tables for row in conn.execute(f"SELECT * FROM {t}"))


async def test_forget_deletes_personal_data_and_keeps_anonymous_statistics(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    clock = FakeClock(T0)
    store = await SQLiteStore.open(path)
    queue = Queue(store, STAFF, tz=KST, clock=clock)
    try:
        await store.commit_turn("telegram:42", f"4살, 제 번호는 {PHONE}", ["감사합니다"], '{"phone": "x"}', T0)
        open_id = await store.create_case(a_case("telegram:42"), '{"done": true}')
        other = await store.create_case(a_case("telegram:7"), "{}")
        await queue.claim(open_id, "이담당")
        await queue.update(open_id, "이담당", Change.NOTE, note=f"{PHONE}로 통화 시도")
        clock.now += timedelta(minutes=5)
        text = await queue.forget("telegram:42")
        assert "접수 1건은 취소" in text
        assert await store.load_state("telegram:42") is None
        assert await store.cases_for_user("telegram:42") == []
        assert "아직 접수된 내용이 없어요" in await queue.status("telegram:42")
        assert await queue.forget("telegram:42") == "삭제할 개인정보가 없어요."
        kept = await store.case(open_id)
        with pytest.raises(TransitionRefused):
            await queue.update(open_id, "이담당", Change.REOPENED)
        assert (await store.case(other)).contact is not None  # type: ignore[union-attr]  # another parent's case
    finally:
        await store.close()
    assert kept is not None
    assert (kept.status, kept.outcome, kept.user_key, kept.contact, kept.summary_text) == (
        Status.CLOSED, Outcome.WITHDRAWN, None, None, None
    )
    assert (kept.service_id, kept.area, kept.children[0]["age_months"]) == ("daycare-365", "율곡동", 48)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM messages WHERE user_key = 'telegram:42'").fetchone() == (0,)
        notes = conn.execute("SELECT note FROM events WHERE case_id = ? AND note IS NOT NULL", (open_id,)).fetchall()
        assert notes == []
        assert conn.execute("SELECT kind FROM outbox WHERE case_id = ? ORDER BY id DESC LIMIT 1",
                            (open_id,)).fetchone() == ("withdrawn",)
    assert dump(path).count(PHONE) == 3  # only the other parent's case: summary, summary_text, contact


async def test_retention_purges_closed_cases_after_the_configured_days(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    clock = FakeClock(T0)
    store = await SQLiteStore.open(path)
    queue = Queue(store, STAFF, tz=KST, clock=clock, retention_days=90)
    try:
        await store.commit_turn("telegram:1", f"번호 {PHONE}", ["네"], "{}", T0)
        closed = await store.create_case(a_case("telegram:1"), "{}")
        still_open = await store.create_case(a_case("telegram:2"), "{}")
        await queue.claim(closed, "이담당")
        await queue.update(closed, "이담당", Change.RESOLVED, outcome=Outcome.PLACED, note=f"{PHONE} 통화")
        await queue.update(closed, "이담당", Change.CLOSED)

        clock.now = T0 + timedelta(days=89)
        assert await queue.purge_expired() == 0
        assert (await store.case(closed)).contact is not None  # type: ignore[union-attr]

        clock.now = T0 + timedelta(days=91)
        assert await queue.purge_expired() == 1
        assert await queue.purge_expired() == 0
        purged, kept = await store.case(closed), await store.case(still_open)
    finally:
        await store.close()
    assert purged is not None and purged.purged_at == T0 + timedelta(days=91)
    assert (purged.user_key, purged.contact, purged.summary, purged.outcome_note) == (None, None, None, None)
    assert purged.outcome is Outcome.PLACED and purged.service_id == "daycare-365"
    assert kept is not None and kept.contact == {"route": "phone", "phone": PHONE}, "open cases are never purged"
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM messages").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM conversations").fetchone() == (0,)
        # notifiers are told to scrub the card they posted for the purged case, and only for it
        assert conn.execute("SELECT case_id FROM outbox WHERE kind = 'purged'").fetchall() == [(closed,)]
