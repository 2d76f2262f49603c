"""`dolbom report`: figures checked against a seeded SQLite store; Markdown, anonymous CSV and PNG charts written."""

from __future__ import annotations

import asyncio
import csv
import io
import struct
import warnings
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.coordination.queue import Queue
from bot.reports import command as report_cmd
from bot.reports import report as report_module
from bot.reports.charts import chart_data, draw_charts
from bot.reports.report import CSV_FIELDS, Report, build_report, percentile, render_csv, render_markdown, render_summary
from bot.shell import cli
from db import NewCase, Outcome
from db.cases import Change
from db.sqlite.store import SQLiteStore
from knowledge.coordinators import Coordinators
from tests.conftest import FakeClock
from tests.shipped import SHIPPED

KST = ZoneInfo("Asia/Seoul")
NOV = (date(2026, 11, 1), date(2026, 11, 30))
STAFF = Coordinators.model_validate({"coordinators": [{"name": "관제", "control": True}]})
PHONE = "010-5555-6666"
SECRET = "우리 아이 이름은 김하늘"
KNOWLEDGE = SHIPPED


def kst(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=KST)



async def seed(path: Path) -> None:
    """Six cases in November 2026 (KST), numbered #2-#7, and #1 (10/31 23:30) and #8 (12/01 00:05) just outside:
    #2 daycare 율곡 11/10 10:00, claimed +30, placed +120, follow-up 예
    #3 home-care 자산 11/10 11:00, claimed +10, closed unreachable +240, follow-up asked, no answer
    #4 daycare 율곡 urgent 11/10 13:00, claimed +60, still open
    #5 after-school 대곡 danger 11/10 14:00, never claimed, escalated
    #6 no service, no area, 11/17 09:00, claimed +5, referred +35, 아니오 reopens it, placed 11/20 10:00 (+4380)
    #7 daycare 율곡 11/30 23:50 KST (14:50 UTC): in November although 12/01 00:05 KST is still 11/30 in UTC
    """
    store = await SQLiteStore.open(path)
    clock = FakeClock(kst(1, 0))
    queue = Queue(store, STAFF, tz=KST, clock=clock)

    async def case(user: str, service: str | None, area: str | None, at: datetime, *, urgent: bool = False,
                   danger: bool = False) -> int:
        clock.now = at
        return await store.create_case(NewCase(
            user_key=user, channel=user.split(":")[0], service_id=service, site_id=None, urgent=urgent,
            danger=danger, area=area, children=({"age_months": 40},), summary={"note": SECRET},
            summary_text=f"{SECRET} {PHONE}", contact={"route": "phone", "phone": PHONE}, consent_at=at,
            created_at=at, care_date=at.date()), "{}")

    async def asked(case_id: int) -> None:
        await store.write(lambda c: c.execute(
            "UPDATE followups SET fired_at = ?, asked_at = ? WHERE case_id = ? AND kind = 'parent'",
            (clock.now.isoformat(), clock.now.isoformat(), case_id)))

    try:
        await case("telegram:early", "daycare-365", "율곡동", kst(31, 23, 30, month=10))
        first = await case("telegram:1", "daycare-365", "율곡동", kst(10, 10))
        second = await case("kakao:2", "home-care", "자산동", kst(10, 11))
        third = await case("telegram:3", "daycare-365", "율곡동", kst(10, 13), urgent=True)
        fourth = await case("kakao:4", "after-school", "대곡동", kst(10, 14), danger=True)
        clock.now = kst(10, 10, 30)
        await queue.claim(first, "관제")
        clock.now = kst(10, 11, 10)
        await queue.claim(second, "관제")
        clock.now = kst(10, 12)
        await queue.update(first, "관제", Change.RESOLVED, outcome=Outcome.PLACED)
        clock.now = kst(10, 14)
        await queue.claim(third, "관제")
        clock.now = kst(10, 15)
        await queue.update(second, "관제", Change.CLOSED, outcome=Outcome.UNREACHABLE, note=SECRET)
        await store.write(lambda c: c.execute("UPDATE cases SET escalated = 1 WHERE id = ?", (fourth,)))
        clock.now = kst(11, 10)
        await asked(first)
        await asked(second)
        assert await queue.answer_followup("telegram:1", yes=True)

        fifth = await case("telegram:5", None, None, kst(17, 9))
        clock.now = kst(17, 9, 5)
        await queue.claim(fifth, "관제")
        clock.now = kst(17, 9, 35)
        await queue.update(fifth, "관제", Change.RESOLVED, outcome=Outcome.REFERRED)
        clock.now = kst(18, 10)
        await asked(fifth)
        assert await queue.answer_followup("telegram:5", yes=False)  # reopens the case
        clock.now = kst(20, 10)
        await queue.update(fifth, "관제", Change.RESOLVED, outcome=Outcome.PLACED)

        await case("kakao:6", "daycare-365", "율곡동", kst(30, 23, 50))
        await case("kakao:late", "daycare-365", "율곡동", kst(1, 0, 5, month=12))
    finally:
        await store.close()


async def november(path: Path) -> Report:
    store = await SQLiteStore.open(path)
    try:
        return await build_report(store, KNOWLEDGE, *NOV, KST, now=kst(1, 9, month=12), lines=True)
    finally:
        await store.close()


def test_percentile_interpolates_like_a_spreadsheet() -> None:
    assert percentile([60.0, 10.0, 30.0, 5.0], 0.9) == pytest.approx(51.0)
    assert percentile([10.0, 30.0], 0.5) == 20.0
    assert percentile([5.0], 0.9) == 5.0
    assert percentile([], 0.9) is None


async def test_figures_match_the_seeded_cases(tmp_path: Path) -> None:
    await seed(tmp_path / "r.sqlite3")
    report = await november(tmp_path / "r.sqlite3")
    assert [c.id for c in report.cases] == [2, 3, 4, 5, 6, 7]
    assert report.by("service_id") == [("daycare-365", 3), ("home-care", 1), ("after-school", 1), (None, 1)]
    assert report.by("area") == [("율곡동", 3), ("자산동", 1), ("대곡동", 1), (None, 1)]
    assert (report.count("urgent"), report.count("danger"), report.count("escalated")) == (1, 1, 1)
    assert (report.open, report.unclaimed, report.escalated_unclaimed) == (3, 2, 1)
    assert report.claim.median == 20 and report.claim.p90 == pytest.approx(51) and report.claim.n == 4
    assert report.close.median == 240 and report.close.p90 == pytest.approx(3552) and report.close.n == 3
    assert [c.minutes_to_close for c in report.cases] == [pytest.approx(120), pytest.approx(240), None, None,
                                                          pytest.approx(4380), None]
    assert report.followups == {"yes": 1, "no": 1, "none": 1}
    assert sorted(report.by("outcome_key")) == [("open", 3), ("placed", 2), ("unreachable", 1)]
    assert report.linked_services == 3 and len(report.service_names) == len(KNOWLEDGE.services)
    assert report.map_present
    weeks = report.by_week()
    assert weeks[0] == (date(2026, 11, 1), date(2026, 11, 1), 0)  # 1 November 2026 is a Sunday
    assert [n for _, _, n in weeks] == [0, 0, 4, 1, 0, 1] and weeks[-1][:2] == (date(2026, 11, 30),) * 2


async def test_markdown_reads_the_figures_in_korean(tmp_path: Path) -> None:
    await seed(tmp_path / "r.sqlite3")
    body = render_markdown(await november(tmp_path / "r.sqlite3"))
    assert body.startswith("# 돌봄이음 성과 보고 (2026-11-01 ~ 2026-11-30)")
    assert "작성 2026-12-01 09:00" in body
    assert "- 접수 6건: 긴급 1건, 아동 위험 신호 1건" in body
    assert "- 담당자 배정까지: 중앙값 20분, 90% 51분 (배정된 4건 기준)" in body
    assert "- 처리 완료까지: 중앙값 4시간, 90% 2일 11시간 (완료된 3건 기준)" in body
    assert "- 아직 진행 중: 3건 (그중 담당자 배정 전 2건)" in body
    assert "- 아무도 맡지 않아 관제탑으로 올라간 접수: 1건 (지금도 배정 전 1건)" in body
    assert "예 1, 아니오 1, 답 없음 1" in body
    assert "| 365어린이집 | 3 | 50% |" in body and "| 미정 (관제탑 판단) | 1 | 17% |" in body
    assert "| 미상 | 1 | 17% |" in body and "| 돌봄 연결됨 | 2 | 33% |" in body and "| 진행 중 | 3 | 50% |" in body
    assert "| 11/09~11/15 | 4 | 67% |" in body and "| 11/30 | 1 | 17% |" in body
    registered = len(KNOWLEDGE.services)
    assert f"| 사업별 돌봄클러스터 구축 | 개 | 10 | 3 | 지식 파일에 등록된 서비스 {registered}개 중" in body
    assert "| 통합 접수 창구 개설 | 개 | 1 | 1 | 돌봄이음으로 이 기간에 접수 6건: 텔레그램 3건, 카카오톡 3건 |" in body
    assert "| 돌봄지도 구축 | 개 | 1 | 1 |" in body
    assert PHONE not in body and SECRET not in body and "telegram:" not in body
    assert "![" not in body  # no charts were passed in


async def test_the_chat_summary_is_plain_text_with_the_indicators(tmp_path: Path) -> None:
    await seed(tmp_path / "r.sqlite3")
    text = render_summary(await november(tmp_path / "r.sqlite3"))
    assert text.splitlines()[0] == "돌봄이음 성과 보고 (2026-11-01 ~ 2026-11-30)"
    assert "- 담당자 배정까지: 중앙값 20분, 90% 51분 (배정된 4건 기준)" in text
    assert "- 사업별 돌봄클러스터 구축: 현황 3개 / 목표 10개 (" in text
    assert "- 돌봄지도 구축: 현황 1개 / 목표 1개" in text
    assert "|" not in text and "#" not in text and len(text) < 4096  # one Telegram message


async def test_an_empty_period_says_so_and_still_shows_the_indicators(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    await seed(tmp_path / "r.sqlite3")
    monkeypatch.setattr(report_module, "MAP_MODULE", tmp_path / "caremap.py")  # a build without the care map
    store = await SQLiteStore.open(tmp_path / "r.sqlite3")
    try:
        report = await build_report(store, None, date(2026, 9, 1), date(2026, 9, 30), KST, now=kst(1, 9, month=10),
                                    lines=True)
    finally:
        await store.close()
    body = render_markdown(report)
    assert report.total == 0 and "이 기간에는 접수가 없습니다." in body
    assert "| 사업별 돌봄클러스터 구축 | 개 | 10 | 0 | 지식 파일에 등록된 서비스 0개 중" in body
    assert "| 돌봄지도 구축 | 개 | 1 | 0 | 돌봄 지도 기능이 아직 없음 |" in body
    assert draw_charts(report, tmp_path, "empty") == {} and render_csv(report) == ",".join(CSV_FIELDS) + "\n"


async def test_csv_has_one_anonymous_row_per_case(tmp_path: Path) -> None:
    await seed(tmp_path / "r.sqlite3")
    text = render_csv(await november(tmp_path / "r.sqlite3"))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_FIELDS
    assert rows[0] == {"case_id": "2", "created_day": "2026-11-10", "service_id": "daycare-365", "area": "율곡동",
                       "urgent": "0", "status": "resolved", "outcome": "placed", "minutes_to_claim": "30.0",
                       "minutes_to_close": "120.0"}
    assert rows[-1]["created_day"] == "2026-11-30" and rows[-1]["minutes_to_claim"] == ""
    assert [r["service_id"] for r in rows][4] == ""
    for needle in (PHONE, SECRET, "telegram", "kakao", "관제"):
        assert needle not in text


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


async def test_charts_without_a_korean_font_use_ascii_labels_and_draw_no_tofu(tmp_path: Path) -> None:
    await seed(tmp_path / "r.sqlite3")
    report = await november(tmp_path / "r.sqlite3")
    data = chart_data(report, korean=False)
    assert data["service"] == [("daycare-365", 3), ("home-care", 1), ("after-school", 1), ("unassigned", 1)]
    assert sorted(data["outcome"]) == [("open", 3), ("placed", 2), ("unreachable", 1)]
    assert all(label.isascii() for bars in data.values() for label, _ in bars)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns 'Glyph ... missing from font' for every tofu box
        charts = draw_charts(report, tmp_path, "ascii", font=None)
    assert sorted(charts) == ["outcome", "service", "week"]
    assert all(min(png_size(p)) > 100 for p in charts.values())
    assert chart_data(report, korean=True)["service"][0] == ("365어린이집", 3)


def run_cli(argv: list[str], db: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("DOLBOM_DB_PATH", str(db))
    monkeypatch.setenv("DOLBOM_TIMEZONE", "Asia/Seoul")
    return cli.main(["report", *argv])


def test_command_writes_markdown_csv_and_charts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    db, out = tmp_path / "var" / "dolbom.sqlite3", tmp_path / "out"
    asyncio.run(seed(db))
    assert run_cli(["--from", "2026-11-01", "--to", "2026-11-30", "-o", str(out)], db, monkeypatch) == 0
    stem = "report-2026-11-01-2026-11-30"
    expected = [out / f"{stem}.md", out / f"{stem}.csv", *(out / f"{stem}-{c}.png" for c in ("service", "outcome",
                                                                                               "week"))]
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "보고서를 만들었습니다:" and printed[1:] == [str(p) for p in expected]
    body = expected[0].read_text(encoding="utf-8")
    assert f"![서비스별 접수 (건)]({stem}-service.png)" in body and f"]({stem}-week.png)" in body
    assert "- 접수 6건" in body
    assert expected[1].read_bytes().startswith(b"\xef\xbb\xbfcase_id,")  # BOM: Excel reads Korean right
    assert all(min(png_size(p)) > 100 for p in expected[2:])


def test_command_defaults_to_reports_next_to_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "var" / "dolbom.sqlite3"
    asyncio.run(seed(db))
    assert run_cli(["--from", "2026-11-10", "--to", "2026-11-10"], db, monkeypatch) == 0
    written = sorted(p.name for p in (tmp_path / "var" / "reports").iterdir())
    assert written == ["report-2026-11-10-2026-11-10-outcome.png", "report-2026-11-10-2026-11-10-service.png",
                       "report-2026-11-10-2026-11-10.csv", "report-2026-11-10-2026-11-10.md"]  # one week: no week chart


@pytest.mark.parametrize(("argv", "message"), [
    (["--from", "2026-13-01", "--to", "2026-11-30"], "날짜를 알아볼 수 없습니다: --from 2026-13-01"),
    (["--from", "2026-11-01", "--to", "11월 30일"], "날짜를 알아볼 수 없습니다: --to 11월 30일"),
    (["--from", "2026-11-30", "--to", "2026-11-01"], "기간이 거꾸로입니다"),
])
def test_command_refuses_bad_dates_in_korean(argv: list[str], message: str, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "dolbom.sqlite3"
    assert run_cli([*argv, "-o", str(tmp_path / "out")], db, monkeypatch) == report_cmd.EXIT_BAD_INPUT == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists() and not db.exists()


def test_command_without_a_database_creates_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "nowhere.sqlite3"
    assert run_cli(["--from", "2026-11-01", "--to", "2026-11-30"], db, monkeypatch) == 1
    assert "데이터베이스가 없습니다" in capsys.readouterr().err and not db.exists()


async def test_report_survives_the_retention_purge(tmp_path: Path) -> None:
    await seed(tmp_path / "r.sqlite3")
    before = render_markdown(await november(tmp_path / "r.sqlite3"))
    store = await SQLiteStore.open(tmp_path / "r.sqlite3")
    try:
        queue = Queue(store, STAFF, tz=KST, clock=lambda: kst(1, 0, month=12) + timedelta(days=200))
        assert await queue.purge_expired() == 3
    finally:
        await store.close()
    assert render_markdown(await november(tmp_path / "r.sqlite3")) == before
