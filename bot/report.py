"""`dolbom report --from DATE --to DATE`: Markdown, CSV and PNG charts for the city's regular meeting."""

from __future__ import annotations

import argparse
import csv
from collections.abc import Mapping
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from bot import queue_texts as t
from db.models import Outcome

if TYPE_CHECKING:
    from bot.settings import Settings
    from db.stats import Figures
    from db.store import Store

CHART_FONTS = ["NanumGothic", "Noto Sans CJK KR", "Malgun Gothic", "AppleGothic", "DejaVu Sans"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", type=date.fromisoformat, help="시작일 YYYY-MM-DD (기본: 이번 달 1일)")
    parser.add_argument("--to", dest="end", type=date.fromisoformat, help="종료일 YYYY-MM-DD (기본: 오늘)")
    parser.add_argument("--out", type=Path, default=None, help="저장할 폴더 (기본: 데이터베이스 옆 reports/)")
    parser.add_argument("--no-charts", action="store_true", help="PNG 그림 없이")


async def run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.coordcli import service_names
    from db.store import Store

    today = datetime.now(settings.tz).date()
    args.start, args.end = args.start or today.replace(day=1), args.end or today
    if args.start > args.end:
        print(t.REPORT_BAD_RANGE.format(start=args.start, end=args.end))
        return 2
    store = await Store.open(settings.db_path)
    try:
        files = await write(store, args.start, args.end, settings.tz, args.out or settings.db_path.parent / "reports",
                            service_names=service_names(settings), charts=not args.no_charts)
    finally:
        await store.close()
    print(t.REPORT_WRITTEN.format(files=", ".join(str(f) for f in files)))
    return 0


async def write(store: Store, start: date, end: date, tz: tzinfo, out: Path, *,
                service_names: Mapping[str, str], charts: bool = True, now: datetime | None = None) -> list[Path]:
    """Write report-START-END.md, .csv and (with ``charts``) PNG charts into ``out``; returns the paths."""
    from db.stats import figures

    figs = await figures(store, start, end, tz)
    out.mkdir(parents=True, exist_ok=True)
    stem = f"report-{start:%Y%m%d}-{end:%Y%m%d}"
    images = draw(figs, out, stem, service_names) if charts and figs.total else {}
    md = out / f"{stem}.md"
    md.write_text(markdown(figs, tz, service_names, images, now or datetime.now(tz)), encoding="utf-8")
    table = out / f"{stem}.csv"
    write_csv(figs, table, tz, service_names)
    return [md, table, *images.values()]


def markdown(figs: Figures, tz: tzinfo, names: Mapping[str, str], images: Mapping[str, Path], now: datetime) -> str:
    c = figs.cases
    lines = [t.REPORT_TITLE.format(start=figs.start, end=figs.end), "", t.REPORT_FOR.format(now=t.when(now, tz)), "",
             t.REPORT_SUMMARY]
    if not c:
        lines += ["", t.REPORT_NONE]
    else:
        claim, close = figs.minutes("minutes_to_claim"), figs.minutes("minutes_to_close")
        lines += [
            t.REPORT_LINES["total"].format(total=figs.total, urgent=sum(x.urgent for x in c),
                                           danger=sum(x.danger for x in c), children=sum(x.children for x in c)),
            t.REPORT_LINES["claim"].format(median=t.duration(claim[0]), p90=t.duration(claim[1]), n=claim[2]),
            t.REPORT_LINES["close"].format(median=t.duration(close[0]), p90=t.duration(close[1]), n=close[2]),
            t.REPORT_LINES["open"].format(open=sum(x.status in ("new", "claimed", "contacted") for x in c),
                                          new=sum(x.status == "new" for x in c)),
            t.REPORT_LINES["escalated"].format(n=sum(x.escalated for x in c)),
            t.REPORT_LINES["reopened"].format(n=sum(x.reopened > 0 for x in c)),
            t.REPORT_LINES["followup"].format(**figs.followups),
        ]
        for field, heading in (("service", t.REPORT_BY_SERVICE), ("area", t.REPORT_BY_AREA),
                               ("outcome", t.REPORT_BY_OUTCOME), ("channel", t.REPORT_BY_CHANNEL)):
            lines += ["", heading, "", t.REPORT_COUNT_HEAD.format(what=t.REPORT_WHAT[field])]
            for label, n in counts(figs, field, names):
                lines.append(f"| {label} | {n} | {n / figs.total:.0%} |")
            if field in images:
                lines += ["", f"![{t.REPORT_CHART_TITLES[field]}]({images[field].name})"]
    channels = ", ".join(t.CHANNELS.get(ch, ch) for ch, _ in figs.count("channel")) or "-"
    lines += ["", t.REPORT_KPI, "", t.REPORT_KPI_HEAD,
              *(row.format(services=len(names) or "-", channels=channels) for row in t.REPORT_KPI_ROWS),
              "", t.REPORT_NOTES, ""]
    return "\n".join(lines)


def counts(figs: Figures, field: str, names: Mapping[str, str]) -> list[tuple[str, int]]:
    """Readable labels with counts, most first."""
    key = {"service": "service_id"}.get(field, field)
    out = []
    for value, n in figs.count(key):
        if field == "service":
            label = names.get(value or "", value or t.REPORT_UNKNOWN)
        elif field == "outcome":
            label = t.OUTCOME[Outcome(value)] if value else t.REPORT_OPEN_OUTCOME
        elif field == "channel":
            label = t.CHANNELS.get(str(value), str(value))
        else:
            label = value or t.REPORT_UNKNOWN
        out.append((label, n))
    return out


def write_csv(figs: Figures, path: Path, tz: tzinfo, names: Mapping[str, str]) -> None:
    """One anonymous row per case, for a spreadsheet."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:  # BOM: Excel then reads Korean correctly
        w = csv.writer(fh)
        w.writerow(["case", "created", "channel", "service_id", "service", "area", "urgent", "danger", "children",
                    "status", "outcome", "minutes_to_claim", "minutes_to_close", "escalated", "reopened",
                    "followup_answer"])
        for c in figs.cases:
            w.writerow([c.id, c.created_at.astimezone(tz).isoformat(timespec="minutes"), c.channel, c.service_id or "",
                        names.get(c.service_id or "", ""), c.area or "", int(c.urgent), int(c.danger), c.children,
                        c.status, c.outcome or "", _num(c.minutes_to_claim), _num(c.minutes_to_close),
                        int(c.escalated), c.reopened, c.followup_answer or ""])


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def draw(figs: Figures, out: Path, stem: str, names: Mapping[str, str]) -> dict[str, Path]:
    """Horizontal bar charts where a person would rather look than read."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    plt.rcParams["font.family"] = [f for f in CHART_FONTS if f in installed] or ["DejaVu Sans"]
    plt.rcParams["axes.unicode_minus"] = False
    images = {}
    for field in ("service", "area", "outcome"):
        data = counts(figs, field, names)[::-1]
        fig, ax = plt.subplots(figsize=(7, 0.45 * len(data) + 1.4), dpi=120)
        ax.barh([label for label, _ in data], [n for _, n in data], color="#4C8BF5")
        ax.set_title(t.REPORT_CHART_TITLES[field])
        ax.xaxis.get_major_locator().set_params(integer=True)
        for y, (_, n) in enumerate(data):
            ax.text(n, y, f" {n}", va="center")
        fig.tight_layout()
        path = out / f"{stem}-{field}.png"
        fig.savefig(path)
        plt.close(fig)
        images[field] = path
    return images


async def summary(store: Store, tz: tzinfo, names: Mapping[str, str], *, days: int = 30,
                  now: datetime | None = None) -> str:
    """The report's summary as text, e.g. for the coordinators' Telegram group (/report)."""
    from db.stats import figures

    end = (now or datetime.now(tz)).astimezone(tz).date()
    figs = await figures(store, end - timedelta(days=days - 1), end, tz)
    text = markdown(figs, tz, names, {}, now or datetime.now(tz))
    head = text.split("\n" + t.REPORT_BY_SERVICE)[0].split("\n" + t.REPORT_KPI)[0].strip()
    return "\n".join(line.lstrip("# ") for line in head.splitlines())  # plain text for a chat
