"""`python -m bench.heldout FILE.jsonl [--show]`: accuracy of `dolbom understand` on labelled parent messages."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

SEOUL = ZoneInfo("Asia/Seoul")
KEYS = ("age_months", "school_grade", "children", "date", "start", "end", "place", "danger", "first")
"""The keys of bench/heldout_data/FORMAT.md, in the order the report prints them."""
FIELDS = tuple(k for k in KEYS if k not in ("danger", "first"))
"""Counted in the overall field accuracy; danger and the first recommendation are reported on their own."""


@dataclass(frozen=True, slots=True)
class Line:
    id: str
    text: str
    now: datetime
    expect: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Miss:
    id: str
    text: str
    key: str
    expected: Any
    got: Any


@dataclass(slots=True)
class Score:
    right: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    danger_caught: int = 0
    danger_lines: int = 0
    false_alarms: int = 0
    safe_lines: int = 0

    def rate(self, keys: Iterable[str]) -> tuple[int, int]:
        keys = list(keys)
        return sum(self.right.get(k, 0) for k in keys), sum(self.total.get(k, 0) for k in keys)


def parse(raw: str, number: int) -> Line:
    row = json.loads(raw)
    try:
        now = datetime.strptime(row["now"], "%Y-%m-%dT%H:%M").replace(tzinfo=SEOUL)
        return Line(str(row.get("id", number)), row["text"], now, dict(row["expect"]))
    except (KeyError, ValueError, TypeError) as e:
        raise ValueError(f"line {number}: {e!r}") from e


def read_lines(path: Path) -> list[Line]:
    lines = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.strip():
            lines.append(parse(raw, number))
    return lines


def got(described: dict[str, Any], key: str) -> Any:
    """The value of ``key`` as the labels state it, from `dolbom understand`'s JSON object."""
    if key == "children":
        return len(described["children"])
    if key == "first":
        return described["services"][0] if described["services"] else None
    return described.get(key)


def same(key: str, expected: Any, value: Any) -> bool:
    if key in ("start", "end") and isinstance(expected, str) and isinstance(value, str):
        return expected.zfill(5) == value.zfill(5)  # "8:00" and "08:00" are one clock time
    return expected == value


def score(lines: Sequence[Line], describe_line: Any) -> Score:
    """``describe_line(text, now)`` returns `dolbom understand`'s JSON object for one message."""
    s = Score()
    for line in lines:
        described = describe_line(line.text, line.now)
        for key in KEYS:
            if key not in line.expect:
                continue
            expected, value = line.expect[key], got(described, key)
            ok = same(key, expected, value)
            s.total[key] = s.total.get(key, 0) + 1
            s.right[key] = s.right.get(key, 0) + ok
            if not ok:
                s.misses.append(Miss(line.id, line.text, key, expected, value))
            if key == "danger":
                if expected:
                    s.danger_lines += 1
                    s.danger_caught += bool(value)
                else:
                    s.safe_lines += 1
                    s.false_alarms += bool(value)
    return s


def _percent(right: int, total: int) -> str:
    return f"{right}/{total} ({100 * right / total:.1f}%)" if total else "n/a"


def report(s: Score, show: bool = False) -> str:
    out = []
    for key in KEYS:
        if s.total.get(key):
            out.append(f"{key:<13} {_percent(s.right[key], s.total[key])}")
    out.append(f"{'fields':<13} {_percent(*s.rate(FIELDS))}")
    out.append(f"{'first rec.':<13} {_percent(*s.rate(['first']))}")
    if s.danger_lines or s.safe_lines:
        out.append(f"{'danger recall':<13} {_percent(s.danger_caught, s.danger_lines)}")
        out.append(f"{'false alarms':<13} {_percent(s.false_alarms, s.safe_lines)}")
    if show:
        for m in s.misses:
            out.append(f"- {m.id} [{m.key}] expected {m.expected!r}, got {m.got!r}: {m.text}")
    return "\n".join(out)


def describer() -> Any:
    """The same reading as `dolbom understand`: the default knowledge, one Understander."""
    from knowledge.loader import load
    from routing.command import describe
    from routing.understand import Understander

    knowledge = load()
    understander = Understander(knowledge)
    return lambda text, now: describe(understander.read(text, now), knowledge)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.heldout", description=__doc__)
    parser.add_argument("file", type=Path, help="JSONL of labelled messages (see bench/heldout_data/FORMAT.md)")
    parser.add_argument("--show", action="store_true", help="print every mismatch")
    args = parser.parse_args(argv)
    print(report(score(read_lines(args.file), describer()), args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
