"""Throughput of understanding plus ranking: `python -m bench.understand` prints messages/s, median (min, max)."""

from __future__ import annotations

import itertools
import statistics
import time
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

NOW = datetime(2026, 11, 24, 14, 0, tzinfo=ZoneInfo("Asia/Seoul"))
AGES = (
    "4살", "18개월", "초2", "세 살 반", "두 돌", "생후 7개월", "초등학교 5학년", "7살, 4살 두 아이", "만 3세", "20년생",
    "",
)
WHEN = (
    "오늘 밤 10시까지",
    "내일 저녁 6시부터 9시까지",
    "이번 주 일요일 낮에",
    "다음 주 화요일 오전 9시 반부터 오후 3시까지",
    "12월 3일 18시~22시",
    "지금부터 2시간",
    "퇴근 후 7시부터 10시까지",
    "주말에",
    "",
)
WHERE = ("율곡동이에요", "아포 살아요", "혁신도시", "평화동", "양곰동에 살아요", "", "")
OTHER = (
    "남편이 야근이라서요",
    "장난감 대여 문의",
    "엄마가 갑자기 입원했어요",
    "아이가 열이 나요",
    "네",
    "아니요, 5살이에요",
    "제 대신 동생이 데리러 가요",
    "가족 구성이 어떻게 되냐면 아빠 엄마 아이 둘",
    "안녕하세요 돌봄 문의드립니다 ㅠㅠ 급해요",
    "감사합니다!",
    "아이가 침대에서 떨어졌는데 안 움직여요",
    "다음 주에 한 시간 혼자 있어요",
    "엄마랑 떨어지기 싫어해요",
    "애가 아파가 어린이집 못 가요",
)


def messages() -> list[str]:
    """A varied, fixed set: combinations of ages, times and places, plus everyday sentences."""
    combos = [" ".join(p for p in parts if p) for parts in itertools.product(AGES, WHEN, WHERE)]
    longer = [
        f"{a} 아이 엄마인데요 {w} 맡길 곳 있을까요? {p} 그리고 어린이집은 어떻게 신청하나요"
        for a, w, p in zip(AGES, WHEN * 2, WHERE * 2, strict=False)
    ]
    return combos[::3] + longer + list(OTHER) * 5


def _run(texts: list[str], understander: Any, knowledge: Any) -> float:
    from routing.command import says_enough
    from routing.match import rank

    read = understander.read
    began = time.perf_counter()
    for text in texts:
        u = read(text, NOW)
        if says_enough(u):
            rank(u.need, knowledge)
    return len(texts) / (time.perf_counter() - began)


def measure(runs: int = 7) -> dict[str, float]:
    """Messages per second for read() + rank over the message set, as the bot runs it: knowledge compiled
    once, the rules engine's memo filled by a first pass (its rate is ``cold``), then median, min and max
    of ``runs`` further passes."""
    from knowledge.loader import load
    from routing.understand import Understander

    texts = messages()
    knowledge = load()
    understander = Understander(knowledge)
    understander.read("내일 4살", NOW)  # the first holiday lookup builds the year's table
    cold = _run(texts, understander, knowledge)
    rates = [_run(texts, understander, knowledge) for _ in range(runs)]
    return {
        "messages_per_s": statistics.median(rates),
        "min": min(rates),
        "max": max(rates),
        "cold": cold,
        "messages": len(texts),
    }


def main() -> None:
    result = measure()
    print(
        f"understand: {result['messages_per_s']:,.0f} messages/s "
        f"(min {result['min']:,.0f}, max {result['max']:,.0f}; {result['messages']:.0f} messages, read() + rank; "
        f"first pass with an empty rules memo {result['cold']:,.0f}/s)"
    )


if __name__ == "__main__":
    main()
