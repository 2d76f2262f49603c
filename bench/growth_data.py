"""Data for bench/growth.py: two years of cases and their messages, written straight into either backend."""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

YEARS_DAYS = 730
SERVICES = ["daycare-365", "home-care", "after-school", "emergency-119", "mom-center", "toy-library", "other-dept",
            None]
AREAS = ["율곡동", "자산동", "대신동", "개령면", "아포읍", "양금동", "대곡동", "지좌동", "평화남산동", "남면"]
OWNERS = {"daycare-365": "이담당", "home-care": "박담당", "after-school": "최담당", "emergency-119": "정담당",
          "mom-center": "김담당"}
TEXTS = ["안녕하세요 돌봄 문의드려요", "4살 아이 내일 저녁에 맡길 곳 있을까요?", "율곡동이에요", "동의하고 접수",
         "네, 접수할게요", "아이 나이를 알려 주세요.", "언제 돌봄이 필요하세요?", "어느 동네에 계세요?",
         "접수되었습니다. 담당자가 연락드릴게요.", "010-1234-5678"]
COLUMNS: dict[str, tuple[str, ...]] = {
    "cases": ("id", "user_key", "channel", "service_id", "site_id", "urgent", "danger", "area", "children", "summary",
              "summary_text", "contact", "consent_at", "care_date", "created_at", "status", "claimed_by",
              "claimed_at", "contacted_at", "resolved_at", "closed_at", "outcome", "updated_at"),
    "events": ("case_id", "at", "actor", "kind", "status_from", "status_to", "note"),
    "outbox": ("case_id", "kind", "payload", "created_at", "attempts", "next_at", "done_at"),
    "followups": ("case_id", "kind", "due_at", "fired_at", "cancelled_at", "asked_at", "answered_at", "answer"),
    "messages": ("user_key", "direction", "text", "at"),
    "conversations": ("user_key", "state", "updated_at"),
}
Batch = dict[str, list[tuple[object, ...]]]


def ts(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def purge_days(cases: int, purge: int) -> int:
    """A retention (days) under which about the ``purge`` oldest cases are due: cases come in evenly over two
    years and are closed within two days, so the oldest ``purge`` cases closed more than this many days ago."""
    return int(YEARS_DAYS * (1 - purge / cases)) - 2


def batches(cases: int, messages: int, now: datetime, size: int = 20_000) -> Iterator[Batch]:
    """Case n (1 .. cases) came in (cases - n) / cases of two years before ``now``. Parents come back: a user key
    has about three cases. Most cases are resolved or closed; those of the last three days are often still open
    (about a thousand at a million cases). Messages: ``messages`` / ``cases`` per case on average (half to one
    and a half times that), logged around the case's time; four events, two done notifications and a reminder
    (cancelled) per closed case, and a parent follow-up for the care date (a third answered)."""
    rng = random.Random(19)
    parents = max(cases // 3, 1)
    per_case = messages / cases
    last: dict[str, str] = {}
    batch: Batch = {t: [] for t in COLUMNS}
    for n in range(1, cases + 1):
        age = (cases - n) / cases * YEARS_DAYS
        created = now - timedelta(days=age)
        at = ts(created)
        key = f"{'kakao' if n % 10 < 7 else 'telegram'}:g{n * 7919 % parents}"
        service = SERVICES[n % len(SERVICES)]
        status = "resolved" if n % 5 < 3 else "closed"
        if age < 3 and rng.random() < 0.5 * (1 - age / 3):
            status = rng.choice(("new", "new", "claimed", "contacted"))
        owner = None if status == "new" else OWNERS.get(service or "", "가족여성팀")
        claimed, contacted = ts(created + timedelta(hours=1)), ts(created + timedelta(hours=3))
        ended = ts(created + timedelta(days=1 if status == "resolved" else 2))
        months = 6 + n * 13 % 140
        summary = json.dumps({"start": (9 + n % 12) * 60, "end": 22 * 60, "recommended": [service]})
        care = (created.date() + timedelta(days=1)).isoformat()
        batch["cases"].append((
            n, key, key.split(":")[0], service, None, int(n % 20 == 0), int(n % 100 == 0), AREAS[n % len(AREAS)],
            json.dumps([{"age_months": months}]), summary, "4살 아이, 내일 18:00-22:00, 율곡동",
            json.dumps({"route": "chat"}), at, care, at, status, owner,
            None if status == "new" else claimed, contacted if status in ("contacted", "resolved", "closed") else None,
            ended if status == "resolved" else None, ended if status == "closed" else None,
            ("placed", "referred", "not_placed")[n % 3] if status == "resolved" else None, ended))
        ev = batch["events"]
        ev.append((n, at, "parent", "created", None, "new", None))
        if owner is not None:
            ev.append((n, claimed, owner, "claimed", "new", "claimed", None))
        if status in ("resolved", "closed"):
            ev.append((n, contacted, owner, "contacted", "claimed", "contacted", None))
            ev.append((n, ended, owner, status, "contacted", status, "부모님과 통화함"))
            batch["outbox"].append((n, "status", "{}", ended, 1, ended, ended))
        batch["outbox"].append((n, "new_case", "{}", at, 1, at, at))
        batch["followups"].append((n, "unclaimed", ts(created + timedelta(minutes=30)), None,
                                   None if status == "new" else claimed, None, None, None))
        due = ts(created + timedelta(days=2, hours=1))
        answered = rng.random() < 0.34
        if age >= 3:
            batch["followups"].append((n, "parent", due, due, None, due, due if answered else None,
                                       "yes" if answered else None))
        count = round(per_case * rng.uniform(0.5, 1.5))
        for i in range(count):
            batch["messages"].append((key, "in" if i % 2 == 0 else "out", TEXTS[(n + i) % len(TEXTS)],
                                      ts(created - timedelta(seconds=20 * (count - i)))))
        last[key] = at
        if n % size == 0 or n == cases:
            if n == cases:
                batch["conversations"] = [(k, '{"step": "done"}', u) for k, u in last.items()]
            yield batch
            batch = {t: [] for t in COLUMNS}


def _insert(table: str) -> str:
    cols = COLUMNS[table]
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"


def fill_sqlite(path: Path, cases: int, messages: int, now: datetime) -> dict[str, int]:
    """Straight into the file with a connection of its own (synchronous OFF, one transaction per batch): the
    store has made the schema and is closed; reopen it afterwards. Returns the rows written per table."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -400000")
    written = dict.fromkeys(COLUMNS, 0)
    try:
        for batch in batches(cases, messages, now):
            conn.execute("BEGIN")
            for table, rows in batch.items():
                conn.executemany(_insert(table), rows)
                written[table] += len(rows)
            conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return written


async def fill_postgres(url: str, cases: int, messages: int, now: datetime) -> dict[str, int]:
    """COPY (asyncpg copy_records_to_table) per batch and table, then the id sequences set and ANALYZE (what
    autovacuum would have done by then)."""
    import asyncpg

    conn = await asyncpg.connect(url)
    written = dict.fromkeys(COLUMNS, 0)
    try:
        for batch in batches(cases, messages, now):
            async with conn.transaction():
                for table, rows in batch.items():
                    if rows:
                        await conn.copy_records_to_table(table, records=rows, columns=list(COLUMNS[table]))
                    written[table] += len(rows)
        await conn.execute("SELECT setval(pg_get_serial_sequence('cases', 'id'), (SELECT max(id) FROM cases))")
        await conn.execute("ANALYZE")
    finally:
        await conn.close()
    return written
