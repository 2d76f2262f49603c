"""The report's figures counted in SQL equal those counted case by case, as the report was made before."""

from __future__ import annotations

import asyncio
import statistics
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from bench.growth_data import fill_sqlite
from bot.reports.figures import Spread, weeks
from bot.reports.report import Report, build_report, render_markdown, render_summary
from db.models import OPEN_STATUSES, Outcome, Status
from db.sqlite.store import SQLiteStore
from tests.test_report import KNOWLEDGE, KST, NOV, kst, seed

NOW = datetime(2026, 11, 24, 14, 0, tzinfo=KST)


def quantile(values: list[float], q: float) -> float | None:
    if len(values) < 2:
        return values[0] if values else None
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


def counted_by_case(report: Report) -> dict[str, object]:
    """Every figure the renderers read, counted over the lines as the report used to."""
    assert report.cases is not None
    cases = report.cases
    claims = [c.minutes_to_claim for c in cases if c.minutes_to_claim is not None]
    closes = [c.minutes_to_close for c in cases
              if c.minutes_to_close is not None and c.outcome is not Outcome.WITHDRAWN]
    days = Counter(c.created.date() for c in cases)
    answers = Counter(c.followup for c in cases)
    return {
        "total": len(cases),
        **{flag: sum(bool(getattr(c, flag)) for c in cases) for flag in ("urgent", "danger", "escalated")},
        "open": sum(c.status in OPEN_STATUSES for c in cases),
        "unclaimed": sum(c.status is Status.NEW for c in cases),
        "escalated_unclaimed": sum(c.escalated and c.status is Status.NEW for c in cases),
        "claim": Spread(quantile(claims, 0.5), quantile(claims, 0.9), len(claims)),
        "close": Spread(quantile(closes, 0.5), quantile(closes, 0.9), len(closes)),
        "followups": {k: answers[k] for k in ("yes", "no", "none")},
        **{f"by {field}": Counter(getattr(c, field) for c in cases).most_common()
           for field in ("service_id", "area", "outcome_key", "channel")},
        "weeks": [(a, b, sum(n for d, n in days.items() if a <= d <= b)) for a, b in weeks(report.start, report.end)],
        "linked": len({c.service_id for c in cases} & set(report.service_names)),
    }


def counted_in_sql(report: Report) -> dict[str, object]:
    return {
        "total": report.total,
        **{flag: report.count(flag) for flag in ("urgent", "danger", "escalated")},
        "open": report.open, "unclaimed": report.unclaimed, "escalated_unclaimed": report.escalated_unclaimed,
        "claim": report.claim, "close": report.close, "followups": report.followups,
        **{f"by {field}": report.by(field) for field in ("service_id", "area", "outcome_key", "channel")},
        "weeks": report.by_week(), "linked": report.linked_services,
    }


async def both(path: Path, start: date, end: date, now: datetime) -> tuple[Report, Report]:
    store = await SQLiteStore.open(path)
    try:
        return (await build_report(store, KNOWLEDGE, start, end, KST, now=now),
                await build_report(store, KNOWLEDGE, start, end, KST, now=now, lines=True))
    finally:
        await store.close()


async def test_the_seeded_month_counts_the_same_both_ways(tmp_path: Path) -> None:
    await seed(tmp_path / "r.sqlite3")
    plain, lined = await both(tmp_path / "r.sqlite3", *NOV, kst(1, 9, month=12))
    assert plain.cases is None and lined.cases is not None and len(lined.cases) == 6
    assert counted_in_sql(plain) == counted_by_case(lined)
    assert render_markdown(plain) == render_markdown(lined) and render_summary(plain) == render_summary(lined)


@pytest.mark.parametrize("days", [365, 31, 1])
async def test_a_generated_year_counts_the_same_both_ways(tmp_path: Path, days: int) -> None:
    path = tmp_path / "g.sqlite3"
    await (await SQLiteStore.open(path)).close()
    await asyncio.to_thread(fill_sqlite, path, 6000, 6000, NOW)
    end = NOW.date() - timedelta(days=1)
    plain, lined = await both(path, end - timedelta(days=days - 1), end, NOW)
    assert plain.total > days  # the generator spreads 6,000 cases over two years
    assert plain.open and plain.claim.n and plain.close.n
    assert plain.followups["yes"] or days < 3  # asked two days after the care date
    assert counted_in_sql(plain) == counted_by_case(lined)
    assert render_markdown(plain) == render_markdown(lined)


async def test_postgres_counts_what_sqlite_counts_case_by_case(tmp_path: Path, pg_server: str) -> None:
    from bench.growth_data import fill_postgres
    from db.postgres.store import PostgresStore
    from tests.postgres_server import fresh_database

    path, url = tmp_path / "g.sqlite3", await fresh_database(pg_server)
    await (await SQLiteStore.open(path)).close()
    await (await PostgresStore.open(url)).close()
    await asyncio.to_thread(fill_sqlite, path, 3000, 3000, NOW)
    await fill_postgres(url, 3000, 3000, NOW)
    end = NOW.date() - timedelta(days=1)
    _, lined = await both(path, end - timedelta(days=364), end, NOW)
    store = await PostgresStore.open(url)
    try:
        plain = await build_report(store, KNOWLEDGE, end - timedelta(days=364), end, KST, now=NOW)
    finally:
        await store.close()
    assert plain.total > 1000 and counted_in_sql(plain) == counted_by_case(lined)
    assert render_markdown(plain) == render_markdown(lined)
