"""SQLite side of bench/growth.py: the grown database (a kept copy for A/B runs) and the writer's timers."""

from __future__ import annotations

import argparse
import asyncio
import time
from pathlib import Path
from typing import Any

from bench.engine import NOW
from bench.growth import _drop_004, measure, step
from bench.growth_data import fill_sqlite


async def on_sqlite(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    from bench.growth_trace import summary, traced
    from db.sqlite.store import SQLiteStore

    path, trace = tmp / "growth.sqlite3", tmp / "writer.json"
    began = time.perf_counter()
    written = await _filled(args, path) if args.data else await _fill(args, path)
    fill_s = time.perf_counter() - began
    with traced(trace):  # the writer process times what held it (bench/growth_trace.py)
        store = await SQLiteStore.open(path)
        try:
            if args.without_004:
                await _drop_004(store, False)
            got = {"fill_s": fill_s, "written": written, **await measure(store, args, False)}
        finally:
            await store.close()
    return {**got, "writer": summary(trace)}


async def _fill(args: argparse.Namespace, path: Path) -> dict[str, int]:
    from db.sqlite.store import SQLiteStore

    await (await SQLiteStore.open(path)).close()  # the schema, migrations included
    return await asyncio.to_thread(fill_sqlite, path, args.cases, args.messages, NOW)


async def _filled(args: argparse.Namespace, path: Path) -> dict[str, int]:
    """A copy of ``--data`` (made there first if missing): the purge changes the copy, never the kept file, so
    runs of different code (A/B) start from the same rows without minutes of generating each time."""
    import json
    import shutil

    kept, counts = Path(args.data), Path(f"{args.data}.json")
    if not kept.exists() or not counts.exists():
        step(f"generating {kept} once")
        fresh = kept.with_name(kept.name + ".new")
        fresh.unlink(missing_ok=True)
        written = await _fill(args, fresh)
        fresh.rename(kept)
        counts.write_text(json.dumps(written))
    await asyncio.to_thread(shutil.copyfile, kept, path)
    await asyncio.to_thread(_synced, path)
    return dict(json.loads(counts.read_text()))


def _synced(path: Path) -> None:
    """The copy on disk before the bench starts: else the kernel writes its gigabytes back during the purge, and the
    first fsync of the file (SQLite's at a checkpoint that copies the whole WAL) waits for all of them, which a
    database that has been running for months never does."""
    import os

    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
