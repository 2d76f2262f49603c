"""Figure 3: the raw ceiling the engine is compared with, one aiosqlite INSERT + COMMIT per turn."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bot.shell.loop import run as run_loop

# Sizes measured on the engine benchmark's intakes: per turn about 17 bytes inbound, 380 bytes of replies
# and a 430-byte conversation state (Korean is 3 bytes a character in UTF-8).
INBOUND = "3~5살 내일"
REPLIES = ("언제 돌봄이 필요하세요? (예: 오늘 밤 10시까지, 내일 오후 2시부터 6시까지, 토요일 낮)" * 3
           + "담당 코디네이터가 확인하고 연락드릴게요.")
STATE = '{"step":"collect","kids":[{"age_months":48,"school_grade":null,"label":"3~5살"}],' + "x" * 350 + "}"


async def run_once(turns: int = 5000) -> float:
    """Turns per second, one client committing each turn before the next, with the store's own settings
    (WAL, synchronous=NORMAL): the durability the engine promises, without its batching."""
    import aiosqlite

    with tempfile.TemporaryDirectory(prefix="dolbom-raw-") as tmp:
        async with aiosqlite.connect(Path(tmp) / "raw.sqlite3", isolation_level=None) as db:
            await db.execute("PRAGMA journal_mode=WAL")
            await db.execute("PRAGMA synchronous=NORMAL")
            await db.execute("CREATE TABLE turns (id INTEGER PRIMARY KEY, user_key TEXT, inbound TEXT, replies TEXT,"
                             " state TEXT, at TEXT)")
            began = time.perf_counter()
            for n in range(turns):
                await db.execute("BEGIN")
                await db.execute("INSERT INTO turns (user_key, inbound, replies, state, at) VALUES (?, ?, ?, ?, ?)",
                                 (f"kakao:raw-{n % 2000}", INBOUND, REPLIES, STATE, "2026-11-24T05:00:00+00:00"))
                await db.execute("COMMIT")
            return turns / (time.perf_counter() - began)


def measure(runs: int = 3, turns: int = 5000) -> list[float]:
    return [run_loop(run_once(turns)) for _ in range(runs)]


if __name__ == "__main__":
    print(f"raw aiosqlite INSERT + COMMIT: {measure(1)[0]:,.0f} turns/s")
