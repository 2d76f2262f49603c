"""`dolbom report`: figures checked against a seeded database; Markdown, CSV and charts written."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot import report
from bot.queue import Queue
from db import NewCase, Outcome, Store
from db.cases import Change
from db.stats import figures, percentile
from knowledge.coordinators import Coordinators

KST = ZoneInfo("Asia/Seoul")
DAY = datetime(2026, 11, 10, 0, 0, tzinfo=KST)
NAMES = {"daycare-365": "365어린이집", "home-care": "아이돌봄서비스", "after-school": "다함께돌봄센터"}
STAFF = Coordinators.model_validate({"coordinators": [{"name": "관제", "control": True}]})
PHONE = "010-5555-6666"


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


async def seed(path: Path) -> None:
    """Four cases on 10 November (minutes to claim 30, 10, 60, -; to close 120, 240, -, -) and one in October."""
    store = await Store.open(path)
    clock = Clock(DAY)
    queue = Queue(store, STAFF, tz=KST, clock=clock)

    async def case(user: str, service: str, area: str, hour: int, *, urgent: bool = False, kids: int = 1,
                   day: datetime = DAY) -> int:
        at = day + timedelta(hours=hour)
        return await store.create_case(NewCase(
            user_key=user, channel=user.split(":")[0], service_id=service, site_id=None, urgent=urgent, danger=False,
            area=area, children=tuple({"age_months": 40} for _ in range(kids)), summary={}, summary_text=PHONE,
            contact={"route": "phone", "phone": PHONE}, consent_at=at, created_at=at, care_date=at.date()), "{}")

    async def at(hour: float) -> None:
        clock.at = DAY + timedelta(hours=hour)

    try:
        first = await case("telegram:1", "daycare-365", "율곡동", 10, kids=2)
        second = await case("kakao:2", "home-care", "자산동", 11)
        third = await case("telegram:3", "daycare-365", "율곡동", 13, urgent=True)
        fourth = await case("kakao:4", "after-school", "대곡동", 14)
        await case("telegram:5", "daycare-365", "율곡동", 9, day=datetime(2026, 10, 31, 0, 0, tzinfo=KST))
        await at(10.5)
        await queue.claim(first, "관제")
        await at(11 + 1 / 6)
        await queue.claim(second, "관제")
        await at(12)
        await queue.update(first, "관제", Change.RESOLVED, outcome=Outcome.PLACED)
        await at(14)
        await queue.claim(third, "관제")
        await at(15)
        await queue.update(second, "관제", Change.CLOSED, outcome=Outcome.UNREACHABLE)
        await store.write(lambda c: c.execute("UPDATE cases SET escalated = 1 WHERE id = ?", (fourth,)))
        await store.write(lambda c: c.execute(
            "UPDATE followups SET fired_at = 'x', asked_at = 'x', answered_at = 'x', answer = 'yes'"
            " WHERE case_id = ? AND kind = 'parent'", (first,)))
    finally:
        await store.close()


def test_percentile_interpolates_like_a_spreadsheet() -> None:
    assert percentile([10.0, 30.0, 60.0], 0.9) == pytest.approx(54.0)
    assert percentile([5.0], 0.9) == 5.0
    assert percentile([], 0.9) is None


async def test_figures_match_the_seeded_cases(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    await seed(path)
    store = await Store.open(path)
    try:
        figs = await figures(store, date(2026, 11, 1), date(2026, 11, 30), KST)
    finally:
        await store.close()
    assert figs.total == 4
    assert figs.count("service_id") == [("daycare-365", 2), ("home-care", 1), ("after-school", 1)]
    assert figs.count("area")[0] == ("율곡동", 2)
    median, p90, n = figs.minutes("minutes_to_claim")
    assert (median, n) == (30, 3) and p90 == pytest.approx(54)
    assert figs.minutes("minutes_to_close") == (180, pytest.approx(228), 2)
    assert sorted(figs.count("outcome"), key=str) == sorted([(None, 2), ("placed", 1), ("unreachable", 1)], key=str)
    assert figs.followups == {"yes": 1, "no": 0, "asked": 0}
    assert sum(c.escalated for c in figs.cases) == 1 and sum(c.children for c in figs.cases) == 5


async def test_report_files_hold_the_figures_and_no_personal_data(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    await seed(path)
    store = await Store.open(path)
    try:
        files = await report.write(store, date(2026, 11, 1), date(2026, 11, 30), KST, tmp_path / "out",
                                   service_names=NAMES, now=datetime(2026, 12, 1, 9, 0, tzinfo=KST))
        text = await report.summary(store, KST, NAMES, days=30, now=datetime(2026, 11, 30, 9, 0, tzinfo=KST))
    finally:
        await store.close()
    md, table, *charts = files
    body = md.read_text(encoding="utf-8")
    assert "# 돌봄이음 성과 보고 (2026-11-01 ~ 2026-11-30)" in body
    assert "- 접수 4건 (긴급 1건, 아동 위험 0건), 아이 5명" in body
    assert "- 담당자 배정까지: 중앙값 30분, 90% 54분 (배정된 3건)" in body
    assert "- 처리 완료까지: 중앙값 3시간, 90% 3시간 48분 (완료된 2건)" in body
    assert "| 365어린이집 | 2 | 50% |" in body and "| 돌봄 연결됨 | 1 | 25% |" in body
    assert "- 오래 대기해 관제탑으로 올라간 접수: 1건" in body
    assert "| 통합 접수 창구 개설 | 개 | 1 | 1 (돌봄이음: " in body and "연계되는 서비스 3개" in body
    assert [p.name for p in charts] == [f"report-20261101-20261130-{f}.png" for f in ("service", "area", "outcome")]
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in charts)
    assert f"]({charts[0].name})" in body
    with open(table, encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["case"] for r in rows] == ["1", "2", "3", "4"]
    assert rows[0]["minutes_to_claim"] == "30.0" and rows[1]["outcome"] == "unreachable"
    assert PHONE not in body and PHONE not in table.read_text(encoding="utf-8-sig")
    assert "접수 4건" in text and "#" not in text.splitlines()[0]


async def test_report_survives_the_retention_purge(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    await seed(path)
    store = await Store.open(path)
    try:
        queue = Queue(store, STAFF, tz=KST, clock=Clock(DAY + timedelta(days=200)))
        assert await queue.purge_expired() == 2
        figs = await figures(store, date(2026, 11, 1), date(2026, 11, 30), KST)
    finally:
        await store.close()
    assert figs.total == 4 and figs.minutes("minutes_to_close")[2] == 2
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM cases WHERE purged_at IS NOT NULL").fetchone() == (2,)
