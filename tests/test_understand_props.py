"""Whatever a parent types, understanding never raises and `dolbom understand` answers one full JSON line per line."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.shell.cli import main
from routing.command import KEYS, describe
from tests.shipped import READER, SHIPPED

ROOT = Path(__file__).resolve().parent.parent
KST = ZoneInfo("Asia/Seoul")
NOW = datetime(2026, 11, 24, 14, 0, tzinfo=KST)
KNOWLEDGE = SHIPPED
UNDERSTANDER = READER

_WORDS = (
    "4살 세 살 반 18개월 초2 내일 모레 글피 오늘 밤 10시 저녁 6시부터 9시까지 ~ - : 19:30 자정 정오 지금부터 "
    "2시간 율곡동 아포 혁신도시 평화동 남편 대신 구성 자산 아니요 네 응 동의 안 함 급해요 주말 12월 25일 "
    "다음 주 화요일 장난감 대여 입원 열이 혼자 있어요 ㅋㅋ ㅠㅠ 😭 🙏 \x00 \x1b \u200b \ufeff \r 一 ٣ ① １８"
)
WORDS = st.sampled_from(_WORDS.split(" "))
MESSAGES = st.one_of(
    st.text(max_size=200),
    st.lists(WORDS, max_size=30).map(" ".join),
    st.lists(WORDS, max_size=30).map("".join),
    st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), max_size=60),
)
SEOUL_TIMES = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)).map(
    lambda d: d.replace(tzinfo=KST)
)


def _check(line: dict) -> None:
    assert tuple(line) == KEYS
    assert line["age_months"] is None or isinstance(line["age_months"], int)
    assert line["school_grade"] is None or 1 <= line["school_grade"] <= 6
    assert line["date"] is None or datetime.strptime(line["date"], "%Y-%m-%d")
    for key in ("start", "end"):
        assert line[key] is None or datetime.strptime(line[key], "%H:%M")
    assert isinstance(line["urgent"], bool) and isinstance(line["danger"], bool)
    assert isinstance(line["date_assumed"], bool) and (line["date"] is not None or not line["date_assumed"])
    kids = line["children"]
    assert isinstance(kids, list) and all(set(k) == {"age_months", "school_grade"} for k in kids)
    first = kids[0] if kids else {"age_months": None, "school_grade": None}
    assert (first["age_months"], first["school_grade"]) == (line["age_months"], line["school_grade"])
    assert line["place"] is None or KNOWLEDGE.place(line["place"]) is not None
    assert all(isinstance(s, str) for s in line["services"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MESSAGES, SEOUL_TIMES)
def test_any_text_gives_a_full_json_line(text: str, now: datetime) -> None:
    line = json.loads(json.dumps(describe(UNDERSTANDER.read(text, now), KNOWLEDGE), ensure_ascii=False))
    _check(line)


@settings(max_examples=30, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=20).map(" ".join))
def test_ten_thousand_characters(chunk: str) -> None:
    text = (chunk * (10_000 // len(chunk) + 1))[:10_000]
    _check(describe(UNDERSTANDER.read(text, NOW), KNOWLEDGE))


@pytest.mark.parametrize(
    "text",
    ["", " ", "\x00\x01\x02", "\u202e율곡동\u202c", "🙏" * 500, "4살" * 3000, "9" * 10_000, "시" * 10_000, "동" * 5000],
)
def test_odd_inputs(text: str) -> None:
    _check(describe(UNDERSTANDER.read(text, NOW), KNOWLEDGE))


def _run_main(stdin: bytes, argv: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, bytes]:
    out = io.BytesIO()
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(stdin)))
    monkeypatch.setattr(sys, "stdout", SimpleNamespace(buffer=out))
    code = main(argv)
    return code, out.getvalue()


def test_command_through_cli_main(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOLBOM_KNOWLEDGE_DIR", str(ROOT / "knowledge"))
    stdin = "두 살 딸, 내일 저녁 6시부터 9시까지요\n장난감 대여 문의\n\n남편이 야근이라서요\r\n".encode()
    code, out = _run_main(stdin, ["understand", "--now", "2026-11-24T14:00"], monkeypatch)
    assert code == 0
    lines = [json.loads(x) for x in out.decode("utf-8").splitlines()]
    assert len(lines) == 4
    for line in lines:
        _check(line)
    assert lines[0] == {
        "age_months": 24,
        "school_grade": None,
        "children": [{"age_months": 24, "school_grade": None}],
        "date": "2026-11-25",
        "date_assumed": False,
        "start": "18:00",
        "end": "21:00",
        "night": True,
        "holiday": False,
        "urgent": False,
        "danger": False,
        "place": None,
        "services": lines[0]["services"],
    }
    assert lines[0]["services"] and lines[0]["services"][0] == "daycare-365"
    assert lines[1]["services"][0] == "toy-library"
    assert lines[2]["services"] == [] and lines[3]["place"] is None


def test_command_survives_bytes_that_are_not_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = b"\xff\xfe 4\xec\x82\xb4 \xed\n\xc0\n"
    code, out = _run_main(stdin, ["understand", "--now", "2026-11-24T14:00"], monkeypatch)
    lines = [json.loads(x) for x in out.decode("utf-8").splitlines()]
    assert code == 0 and len(lines) == 2
    assert lines[0]["age_months"] == 48


def test_command_as_a_process() -> None:
    """The real entry point: UTF-8 in and out, nothing else on stdout, same order as the input."""
    messages = ["혁신도시 살아요, 30개월 아기", "초5 아들이에요", "이번 주 일요일 낮에 맡길 곳", "아포읍에서 연락"]
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "DOLBOM_LOG_LEVEL": "DEBUG"}
    proc = subprocess.run(
        [sys.executable, "-m", "bot.shell.cli", "understand", "--now", "2026-11-24T14:00"],
        input="\n".join(messages).encode("utf-8"),
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=True,
    )
    lines = [json.loads(x) for x in proc.stdout.decode("utf-8").splitlines()]
    assert [(x["place"], x["age_months"]) for x in lines[:1]] == [("율곡동", 30)]
    assert lines[1]["school_grade"] == 5 and lines[1]["age_months"] is None
    assert (lines[2]["date"], lines[2]["holiday"], lines[2]["night"]) == ("2026-11-29", True, False)
    assert lines[3]["place"] == "아포읍"
    assert len(lines) == 4


def test_command_rejects_a_bad_now() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bot.shell.cli", "understand", "--now", "tomorrow"],
        input=b"4\xec\x82\xb4\n",
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 2 and proc.stdout == b""
    assert b"2026-11-24T14:00" in proc.stderr


def test_command_default_now_is_the_current_seoul_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import time_machine

    monkeypatch.setenv("DOLBOM_KNOWLEDGE_DIR", str(ROOT / "knowledge"))
    # 15:30 UTC is already the next day in Seoul: the default reads the wall clock in Seoul time, not UTC's.
    with time_machine.travel(datetime(2026, 11, 24, 15, 30, tzinfo=ZoneInfo("UTC")), tick=False):
        code, out = _run_main("오늘\n".encode(), ["understand"], monkeypatch)
    assert code == 0 and json.loads(out)["date"] == "2026-11-25"
