"""`dolbom migrate-to-postgres --from FILE`: moves a city's SQLite database to PostgreSQL without losing a case."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.settings import Settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="source", type=Path, help="SQLite 파일 (기본: DOLBOM_DB_PATH)")
    parser.add_argument("--to", dest="url", help="PostgreSQL 주소 (기본: DOLBOM_DATABASE_URL)")


async def run(args: argparse.Namespace, settings: Settings) -> int:
    from db.postgres.copy import CopyRefused, copy_sqlite

    source: Path = args.source or settings.db_path
    url: str = args.url or settings.database_url
    if not url:
        print("DOLBOM_DATABASE_URL (or --to postgresql://...) is required", file=sys.stderr)
        return 2
    if not source.exists():
        print(f"no such SQLite file: {source}", file=sys.stderr)
        return 2
    try:
        copied = await copy_sqlite(source, url, say=print)
    except CopyRefused as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return 1
    print(f"copied {sum(c.rows for c in copied)} rows in {len(copied)} tables; counts match")
    return 0
