"""`dolbom understand`: one message per stdin line in, one JSON object per stdout line out."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from knowledge.schema import Knowledge
from routing.need import Understanding

KEYS = (
    "age_months", "school_grade", "children", "date", "date_assumed", "start", "end", "night", "holiday", "urgent",
    "danger", "place", "services",
)
"""``age_months`` and ``school_grade`` are the first child's; ``children`` lists every child mentioned;
``date_assumed`` says the date is today taken for hours said with no day, not a day said."""


def _minute(value: str) -> datetime:
    for layout in ("%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(value, layout)
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"'{value}' is not a time like 2026-11-24T14:00")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--now",
        type=_minute,
        metavar="YYYY-MM-DDTHH:MM",
        help="기준 시각, 서울 시간 (reference time in Asia/Seoul; default: now)",
    )


def _clock(minutes: int | None) -> str | None:
    if minutes is None:
        return None
    minutes %= 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def says_enough(u: Understanding) -> bool:
    """Whether the message alone can be ranked: a topic, a situation or the child's age or grade."""
    need = u.need
    child = need.child
    known = child.age_months is not None or child.school_grade is not None or child.school is not None
    return bool(need.topics or need.situations or known)


def describe(u: Understanding, knowledge: Knowledge) -> dict[str, Any]:
    """The command's JSON object for one understanding; every key in ``KEYS`` is present."""
    from routing.match import rank

    need = u.need
    services = [v.service.id for v in rank(need, knowledge).ranked] if says_enough(u) else []
    kids = u.children or u.unnamed
    first = kids[0] if kids else need.child  # the need's child is the one care here can take
    return {
        "age_months": first.age_months,
        "school_grade": first.school_grade,
        "children": [{"age_months": c.age_months, "school_grade": c.school_grade} for c in kids],
        "date": need.day.isoformat() if need.day else None,
        "date_assumed": u.day_assumed,
        "start": _clock(need.start),
        "end": _clock(need.end),
        "night": need.night,
        "holiday": need.holiday,
        "urgent": need.urgent,
        "danger": u.danger,
        "place": need.area,
        "services": services,
    }


def run(args: argparse.Namespace, settings: Any) -> int:
    from knowledge.loader import load
    from routing.understand import Understander

    zone = ZoneInfo(settings.timezone)
    now = args.now.replace(tzinfo=zone) if args.now else datetime.now(zone)
    knowledge = load(settings.knowledge_dir)
    understander = Understander(knowledge)
    out = sys.stdout.buffer
    for raw in sys.stdin.buffer:
        text = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        line = json.dumps(describe(understander.read(text, now), knowledge), ensure_ascii=False)
        out.write(line.encode("utf-8") + b"\n")
        out.flush()
    return 0
