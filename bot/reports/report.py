"""The report for the city's regular meeting: anonymous case figures from the store, as Markdown, CSV and PNG."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.reports import texts as t
from bot.reports.figures import Figures, Group, Spread, day_start, outcome_key, read_figures
from bot.reports.figures import percentile as percentile  # the spreads' quantile, imported from here by callers
from db.models import OPEN_STATUSES, Outcome, Status

if TYPE_CHECKING:
    from db.store import Store
    from knowledge.schema import Knowledge

MAP_MODULE = Path(__file__).parent.parent / "caremap" / "page.py"
"""The care map (돌봄지도 KPI) counts as built when its module ships with the bot."""
CSV_FIELDS = ("case_id", "created_day", "service_id", "area", "urgent", "status", "outcome", "minutes_to_claim",
              "minutes_to_close")
"""Anonymous per-case columns only: never a user key, contact, summary or note."""


@dataclass(frozen=True, slots=True)
class CaseLine:
    """One case as the report sees it."""

    id: int
    created: datetime
    """In the city's time zone."""
    channel: str
    service_id: str | None
    area: str | None
    urgent: bool
    danger: bool
    status: Status
    outcome: Outcome | None
    minutes_to_claim: float | None
    minutes_to_close: float | None
    """Until the first resolution after the last reopening; None while the case is open."""
    escalated: bool
    followup: str | None
    """The parent's follow-up answer: 'yes', 'no', 'none' (asked, not answered) or None (not asked)."""

    @property
    def outcome_key(self) -> str:
        return outcome_key(self.outcome, self.status)


@dataclass(frozen=True, slots=True)
class Pushes:
    """Kakao Event API messages in the period: accepted pushes (each charged) and messages given up."""

    sent: int = 0
    failed: int = 0
    cost_each: int = 15

    @property
    def cost(self) -> int:
        return self.sent * self.cost_each


@dataclass(frozen=True, slots=True)
class Report:
    start: date
    end: date
    """Inclusive, days in ``tz``."""
    tz: tzinfo
    made: datetime
    figures: Figures
    service_names: Mapping[str, str]
    """Every service in the knowledge YAML, id -> name, in the file's order (empty if it could not be read)."""
    map_present: bool
    pushes: Pushes = Pushes()
    cases: tuple[CaseLine, ...] | None = None
    """One line per case, for the CSV: read only when asked for (``build_report(lines=True)``)."""

    def _sum(self, keep: Callable[[Group], bool]) -> int:
        return sum(g.n for g in self.figures.groups if keep(g))

    @property
    def total(self) -> int:
        return self._sum(lambda g: True)

    def count(self, flag: str) -> int:
        return self._sum(lambda g: bool(getattr(g, flag)))

    @property
    def open(self) -> int:
        return self._sum(lambda g: g.status in OPEN_STATUSES)

    @property
    def unclaimed(self) -> int:
        return self._sum(lambda g: g.status is Status.NEW)

    @property
    def escalated_unclaimed(self) -> int:
        return self._sum(lambda g: g.escalated and g.status is Status.NEW)

    @property
    def claim(self) -> Spread:
        return self.figures.claim

    @property
    def close(self) -> Spread:
        """Time to resolution: cases the parent withdrew were not resolved by anyone, so they are left out."""
        return self.figures.close

    @property
    def followups(self) -> dict[str, int]:
        return dict(self.figures.followups)

    def by(self, field: str) -> list[tuple[Any, int]]:
        """Cases per value of ``field`` ('service_id', 'area', 'outcome_key', 'channel'), most first."""
        return self.figures.by(field)

    def by_week(self) -> list[tuple[date, date, int]]:
        """(first day, last day, cases) for each Monday-to-Sunday week, clipped to the period; empty weeks too."""
        return list(self.figures.weeks)

    @property
    def linked_services(self) -> int:
        """Services of the knowledge YAML that received at least one case (the 돌봄클러스터 KPI)."""
        return len({g.service_id for g in self.figures.groups} & set(self.service_names))


def case_lines(cases: Iterable[Mapping[str, Any]], events: Iterable[Mapping[str, Any]],
               followups: Iterable[Mapping[str, Any]], tz: tzinfo) -> tuple[CaseLine, ...]:
    """Pure: rows of cases, of their claimed/resolved/closed/reopened events and of their parent follow-ups
    (in id order within each case) become report lines."""
    claimed: dict[int, str] = {}  # timestamps parsed only for the lines that use them: a year has millions
    done: dict[int, str] = {}
    for e in events:
        case_id, at, kind = e["case_id"], e["at"], e["kind"]
        if kind == "claimed":
            claimed.setdefault(case_id, at)
        elif kind == "reopened":
            done.pop(case_id, None)
        elif kind in ("resolved", "closed"):
            done.setdefault(case_id, at)
    answers = {f["case_id"]: f["answer"] or ("none" if f["asked_at"] else None) for f in followups}
    lines = []
    for r in cases:
        created, status = datetime.fromisoformat(r["created_at"]), Status(r["status"])
        closed = None if status in OPEN_STATUSES else _parsed(done.get(r["id"]))
        lines.append(CaseLine(
            id=r["id"], created=created.astimezone(tz), channel=r["channel"], service_id=r["service_id"],
            area=r["area"], urgent=bool(r["urgent"]), danger=bool(r["danger"]), status=status,
            outcome=None if r["outcome"] is None else Outcome(r["outcome"]),
            minutes_to_claim=_minutes(created, _parsed(claimed.get(r["id"]))),
            minutes_to_close=_minutes(created, closed),
            escalated=bool(r["escalated"]), followup=answers.get(r["id"]),
        ))
    return tuple(lines)


def _parsed(at: str | None) -> datetime | None:
    return None if at is None else datetime.fromisoformat(at)


def _minutes(since: datetime, until: datetime | None) -> float | None:
    return None if until is None else (until - since).total_seconds() / 60


async def build_report(store: Store, knowledge: Knowledge | None, start: date, end: date, tz: tzinfo, *,
                       now: datetime | None = None, push_cost_won: int = 15, lines: bool = False) -> Report:
    """Figures for cases created from ``start`` to ``end`` (inclusive, days in ``tz``). Reads anonymous columns
    only, so purged cases still count. ``knowledge`` None: services are shown by id. ``lines``: also a line per
    case, for ``render_csv``."""
    window = (day_start(start, tz), day_start(end + timedelta(days=1), tz))
    figures = await read_figures(store, start, end, tz)
    names = {s.id: s.name for s in knowledge.services} if knowledge is not None else {}
    # pushes by when they happened (the bill's period), not by when their case came in
    [(sent, failed)] = await store.fetch(
        "SELECT (SELECT count(*) FROM pushes WHERE channel = 'kakao' AND ok = 1 AND at >= ? AND at < ?),"
        " (SELECT count(*) FROM parent_messages WHERE channel = 'kakao' AND failed_at >= ? AND failed_at < ?)",
        window * 2)
    return Report(start, end, tz, (now or datetime.now(tz)).astimezone(tz), figures, names, MAP_MODULE.exists(),
                  Pushes(sent, failed, push_cost_won), await read_lines(store, window, tz) if lines else None)


async def read_lines(store: Store, window: tuple[str, str], tz: tzinfo) -> tuple[CaseLine, ...]:
    cases = await store.fetch(
        "SELECT id, created_at, channel, service_id, area, urgent, danger, status, outcome, escalated FROM cases"
        " WHERE created_at >= ? AND created_at < ? ORDER BY id", window)
    # Events and follow-ups of the cases' id range, read along their case_id indexes in index order (joined to the
    # cases, a year was a million lookups and a sort); case_lines looks up only the window's cases.
    ids = (cases[0]["id"], max(r["id"] for r in cases)) if cases else (0, -1)
    events = await store.fetch(
        "SELECT case_id, at, kind FROM events WHERE case_id >= ? AND case_id <= ?"
        " AND kind IN ('claimed', 'resolved', 'closed', 'reopened') ORDER BY case_id, id", ids)
    followups = await store.fetch(
        "SELECT case_id, asked_at, answer FROM followups WHERE case_id >= ? AND case_id <= ? AND kind = 'parent'"
        " ORDER BY case_id, id", ids)
    return case_lines(cases, events, followups, tz)


# -- rendering -------------------------------------------------------------------------------------------

def label(report: Report, field: str, value: Any) -> str:
    """The Korean label of a value of ``field`` as tables show it."""
    if field == "service_id":
        return report.service_names.get(value, value) if value else t.UNKNOWN_SERVICE
    if field == "outcome_key":
        return {"open": t.OPEN_OUTCOME, "closed": t.CLOSED_NO_OUTCOME}.get(value) or t.OUTCOME[Outcome(value)]
    if field == "channel":
        return t.CHANNELS.get(value, value)
    return value or t.UNKNOWN_AREA


def week(first: date, last: date) -> str:
    """'11/09~11/15', or '11/30' for a week the period cuts to one day."""
    return f"{first:%m/%d}" + (f"~{last:%m/%d}" if last != first else "")


def summary_lines(report: Report) -> list[str]:
    """The summary bullets (how many, how fast, what is still open, what parents answered)."""
    r, claim, close = report, report.claim, report.close
    pushes = [t.PUSHES.format(sent=r.pushes.sent, failed=r.pushes.failed, cost=r.pushes.cost,
                              each=r.pushes.cost_each)] if r.pushes.sent or r.pushes.failed else []
    if not r.total:
        return [t.NO_CASES, *pushes]
    return [
        t.TOTAL.format(total=r.total, urgent=r.count("urgent"), danger=r.count("danger")),
        t.CLAIM.format(median=t.duration(claim.median), p90=t.duration(claim.p90), n=claim.n),
        t.CLOSE.format(median=t.duration(close.median), p90=t.duration(close.p90), n=close.n),
        t.OPEN.format(open=r.open, new=r.unclaimed),
        t.ESCALATED.format(n=r.count("escalated"), still=r.escalated_unclaimed),
        t.FOLLOWUP.format(**r.followups),
        *pushes,
    ]


def kpi_rows(report: Report) -> list[tuple[str, int, int, str]]:
    """The seed's indicator table as (name, target, value, basis): only what this system can see."""
    r = report
    channels = ", ".join(f"{label(r, 'channel', ch)} {n}건" for ch, n in r.by("channel")) or t.NONE
    return [
        (t.KPI_CLUSTER, 10, r.linked_services, t.KPI_CLUSTER_BASIS.format(registered=len(r.service_names))),
        (t.KPI_WINDOW, 1, 1, t.KPI_WINDOW_BASIS.format(total=r.total, channels=channels)),
        (t.KPI_MAP, 1, int(r.map_present), t.MAP_PRESENT if r.map_present else t.MAP_MISSING),
    ]


def render_markdown(report: Report, charts: Mapping[str, str] | None = None) -> str:
    """The whole report as Markdown; ``charts`` maps 'service'/'outcome'/'week' to image file names to embed."""
    charts = charts or {}
    r = report
    lines = [t.TITLE.format(start=r.start, end=r.end), "", t.MADE.format(made=f"{r.made:%Y-%m-%d %H:%M}"), "",
             t.PERIOD_NOTE.format(start=r.start, end=r.end), "", t.SUMMARY, "", *summary_lines(r),
             "", t.KPI, "", t.KPI_HEAD]
    lines += [f"| {name} | {t.KPI_UNIT} | {target} | {value} | {basis} |" for name, target, value, basis in kpi_rows(r)]
    lines += ["", t.KPI_NOTE]
    if r.total:
        for field, key, heading in (("service_id", "service", t.BY_SERVICE), ("area", "area", t.BY_AREA),
                                    ("outcome_key", "outcome", t.BY_OUTCOME)):
            lines += ["", heading, "", t.COUNT_HEAD.format(what=t.WHAT[key])]
            lines += [f"| {label(r, field, v)} | {n} | {n / r.total:.0%} |" for v, n in r.by(field)]
            lines += [f"\n![{t.CHART_TITLES[key]}]({charts[key]})"] if key in charts else []
        lines += ["", t.BY_WEEK, "", t.COUNT_HEAD.format(what=t.WHAT["week"])]
        lines += [f"| {week(a, b)} | {n} | {n / r.total:.0%} |" for a, b, n in r.by_week()]
        lines += [f"\n![{t.CHART_TITLES['week']}]({charts['week']})"] if "week" in charts else []
    lines += ["", t.NOTES, ""]
    return "\n".join(lines)


def render_summary(report: Report) -> str:
    """Title, summary and indicators as plain text for a chat message (Telegram shows Markdown tables raw)."""
    r = report
    kpis = [t.KPI_LINE.format(name=name, value=value, target=target, unit=t.KPI_UNIT, basis=basis)
            for name, target, value, basis in kpi_rows(r)]
    return "\n".join([t.TITLE.format(start=r.start, end=r.end).lstrip("# "), "", *summary_lines(r), "",
                      t.KPI.lstrip("# "), *kpis])


def render_csv(report: Report) -> str:
    """One anonymous row per case, for a spreadsheet (the report built with ``lines=True``)."""
    if report.cases is None:
        raise ValueError("render_csv needs the report's case lines: build_report(..., lines=True)")
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_FIELDS)
    for c in report.cases:
        w.writerow([c.id, c.created.date().isoformat(), c.service_id or "", c.area or "", int(c.urgent), c.status,
                    c.outcome or "", _num(c.minutes_to_claim), _num(c.minutes_to_close)])
    return out.getvalue()


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"
