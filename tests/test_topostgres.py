"""`dolbom migrate-to-postgres`: an SQLite database moves to PostgreSQL whole, counts checked, numbering kept."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import asyncpg
import pytest

from bot.shell.cli import main
from db import cases as sql
from db.contract import CasePlan
from db.models import ts
from db.postgres.copy import CopyRefused, copy_sqlite
from db.sqlite.store import SQLiteStore
from db.store import open_store
from tests.postgres_server import fresh_database
from tests.test_store_contract import NOW, new_case


async def filled(path: Path) -> dict[str, int]:
    """An SQLite file with a bit of everything; returns its row counts."""
    store = await SQLiteStore.open(path, process=False)
    store.planner = lambda case: CasePlan(("new_case",), (("unclaimed", NOW + timedelta(minutes=10)),))
    try:
        for i in range(5):
            await store.commit_turn(f"kakao:p{i}", "안녕하세요", ["반가워요"], f'{{"n": {i}}}', NOW)
            case_id = await store.create_case(new_case(f"kakao:p{i}"), "{}", inbound="네", replies=["접수"])
            await store.write(lambda c, k=case_id: sql.claim(c, k, "김담당", ts(NOW), ts(NOW)))
            await store.write(lambda c, k=case_id: c.execute(
                "INSERT INTO deliveries (outbox_id, notifier, at) SELECT id, 'log', ? FROM outbox WHERE case_id = ?",
                (ts(NOW), k)))
        tables = [r[0] for r in await store.fetch(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: (await store.fetch(f"SELECT count(*) FROM {t}"))[0][0] for t in tables}
    finally:
        await store.close()


async def test_every_row_moves_and_new_cases_number_on(tmp_path: Path, pg_server: str) -> None:
    counts = await filled(tmp_path / "old.sqlite3")
    url = await fresh_database(pg_server)
    copied = await copy_sqlite(tmp_path / "old.sqlite3", url)
    assert {c.table: c.rows for c in copied} == counts
    assert counts["cases"] == 5 and counts["deliveries"] > 0 and counts["followups"] > 5
    store = await open_store(url, Path())
    try:
        assert await store.load_state("kakao:p3") == "{}"
        assert (await store.case(2)).claimed_by == "김담당"  # type: ignore[union-attr]
        assert await store.create_case(new_case("kakao:new"), "{}") == 6
        assert len(await store.fetch("SELECT id FROM events")) == counts["events"] + 1
    finally:
        await store.close()
    with pytest.raises(CopyRefused, match="already has rows"):  # a second run changes nothing
        await copy_sqlite(tmp_path / "old.sqlite3", url)


def test_the_command_copies_and_says_the_counts_match(tmp_path: Path, pg_server: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    asyncio.run(filled(tmp_path / "old.sqlite3"))
    url = asyncio.run(fresh_database(pg_server))
    assert main(["migrate-to-postgres", "--from", str(tmp_path / "old.sqlite3"), "--to", url]) == 0
    assert "counts match" in capsys.readouterr().out

    async def count() -> int:
        conn = await asyncpg.connect(url)
        try:
            return int(await conn.fetchval("SELECT count(*) FROM messages"))
        finally:
            await conn.close()

    assert asyncio.run(count()) == 20
