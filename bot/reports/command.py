"""`dolbom report --from DATE --to DATE [-o DIR]`: write the meeting report as Markdown, CSV and PNG charts."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from bot.reports import texts as t
from bot.settings import parse_now

if TYPE_CHECKING:
    from bot.reports.report import Report
    from bot.settings import Settings
    from knowledge.schema import Knowledge

EXIT_BAD_INPUT = 2
EXIT_NO_DB = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # Dates stay text here so a typo gets a Korean answer from run(), not argparse's English one.
    parser.add_argument("--from", dest="start", metavar="DATE", help="시작일 YYYY-MM-DD, 이날 포함 (기본: 이번 달 1일)")
    parser.add_argument("--to", dest="end", metavar="DATE", help="종료일 YYYY-MM-DD, 이날 포함 (기본: 오늘)")
    parser.add_argument("-o", "--out", type=Path, metavar="DIR",
                        help="저장할 폴더 (기본: 데이터베이스 옆 reports/, 보통 var/reports/)")
    parser.add_argument("--now", type=parse_now, metavar="YYYY-MM-DDTHH:MM", help="기준 시각 (기본: 지금)")


async def run(args: argparse.Namespace, settings: Settings) -> int:
    now = settings.clock(getattr(args, "now", None))()
    today = now.date()
    try:
        start = _day(args.start, "--from", today.replace(day=1))
        end = _day(args.end, "--to", today)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    if start > end:
        print(t.BAD_RANGE.format(start=start, end=end), file=sys.stderr)
        return EXIT_BAD_INPUT
    if not settings.database_url and not settings.db_path.exists():  # opening would create an empty file
        print(t.NO_DB.format(path=settings.db_path), file=sys.stderr)
        return EXIT_NO_DB

    from bot.reports.report import build_report
    from db.store import open_store

    knowledge = _knowledge(settings)
    store = await open_store(settings.database_url, settings.db_path)
    try:
        report = await build_report(store, knowledge, start, end, settings.tz, now=now,
                                    push_cost_won=settings.kakao_push_cost_won, lines=True)
    finally:
        await store.close()
    paths = write_report(report, args.out or settings.db_path.parent / "reports")
    print(t.WRITTEN)
    for path in paths:
        print(path)
    return 0


def _day(text: str | None, option: str, default: date) -> date:
    if text is None:
        return default
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(t.BAD_DATE.format(option=option, value=text)) from None


def _knowledge(settings: Settings) -> Knowledge | None:
    from knowledge.loader import KnowledgeError, load

    try:
        return load(settings.knowledge_dir)
    except KnowledgeError as exc:  # a half-edited YAML must not cost the meeting its report: ids still read
        print(t.NO_KNOWLEDGE.format(error=str(exc).splitlines()[0]), file=sys.stderr)
        return None


def write_report(report: Report, out: Path) -> list[Path]:
    """Write report-FROM-TO.md, .csv and -service/-outcome/-week.png into ``out``; returns the paths, Markdown first."""
    from bot.reports.charts import draw_charts
    from bot.reports.report import render_csv, render_markdown

    out.mkdir(parents=True, exist_ok=True)
    stem = f"report-{report.start.isoformat()}-{report.end.isoformat()}"
    charts = draw_charts(report, out, stem)
    md, table = out / f"{stem}.md", out / f"{stem}.csv"
    md.write_text(render_markdown(report, {k: p.name for k, p in charts.items()}), encoding="utf-8")
    table.write_text(render_csv(report), encoding="utf-8-sig")  # the BOM makes Excel read Korean areas right
    return [md, table, *charts.values()]
