"""The held-out scorer (bench/heldout.py): per-key accuracy, children as a count, first recommendation, danger."""

from __future__ import annotations

import json
from pathlib import Path

from bench.heldout import describer, main, read_lines, report, score


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


ROWS = [
    {"id": "a", "text": "4살 아이 내일 저녁 7시부터 10시까지 율곡동", "now": "2026-12-07T15:00",
     "expect": {"age_months": 48, "children": 1, "date": "2026-12-08", "start": "19:00", "end": "22:00",
                "place": "율곡동", "first": "daycare-365"}},
    {"id": "b", "text": "7살, 4살 두 아이", "now": "2026-12-07T15:00",
     "expect": {"children": 2, "place": "아포읍"}},  # wrong on purpose: no place is said
    {"id": "c", "text": "아이가 침대에서 떨어졌는데 안 움직여요", "now": "2026-12-07T15:00",
     "expect": {"danger": True}},
    {"id": "d", "text": "다음 주에 한 시간 혼자 있어요", "now": "2026-12-07T15:00", "expect": {"danger": False}},
]


def test_heldout_scores_each_key_and_counts_children(tmp_path: Path) -> None:
    lines = read_lines(_write(tmp_path / "dev.jsonl", ROWS))
    s = score(lines, describer())
    assert s.total["children"] == 2 and s.right["children"] == 2
    assert s.right["place"] == 1 and s.total["place"] == 2
    assert [(m.id, m.key, m.got) for m in s.misses] == [("b", "place", None)]
    assert s.rate(["start", "end", "date"]) == (3, 3)
    assert s.right["first"] == 1
    assert (s.danger_caught, s.danger_lines, s.false_alarms, s.safe_lines) == (1, 1, 0, 1)


def test_heldout_report_shows_mismatches(tmp_path: Path, capsys) -> None:
    path = _write(tmp_path / "dev.jsonl", ROWS)
    assert main([str(path), "--show"]) == 0
    out = capsys.readouterr().out
    assert "place         1/2 (50.0%)" in out
    assert "fields        7/8 (87.5%)" in out  # age, children x2, date, start, end, place x2
    assert "- b [place] expected '아포읍', got None: 7살, 4살 두 아이" in out
    assert "danger recall 1/1 (100.0%)" in out


def test_heldout_start_compares_clock_times(tmp_path: Path) -> None:
    rows = [{"id": "x", "text": "내일 오전 8시부터 오후 3시까지", "now": "2026-12-07T15:00",
             "expect": {"start": "8:00", "end": "15:00"}}]
    s = score(read_lines(_write(tmp_path / "t.jsonl", rows)), describer())
    assert s.rate(["start", "end"]) == (2, 2)
    assert "fields" in report(s)
