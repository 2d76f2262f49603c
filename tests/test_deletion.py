"""Deletion leaves no readable copy: after "내 정보 삭제" the database files hold neither the number nor the words."""

from __future__ import annotations

from pathlib import Path

from bot.settings import Settings
from bot.shell.app import running
from tests.conftest import Chat, FakeClock
from tests.test_engine import finish

WORDS = "쿼카네 4살 아이 오늘 밤 10시까지 맡길 곳 있을까요? 율곡동이에요"
PHONE = "010-9876-8765"


def raw_bytes(db: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists())


async def test_deletion_leaves_no_copy_in_the_database_files(settings: Settings) -> None:
    db = settings.db_path
    async with running(settings, FakeClock(), telegram=False) as app:
        chat = Chat(app.engine, user="quokka")
        await chat.say(WORDS)
        await finish(chat, PHONE)
        for _ in range(3):  # other parents keep writing around the deletion
            await Chat(app.engine, user="other").say("4살")
        assert PHONE.encode() in raw_bytes(db) and "쿼카네".encode() in raw_bytes(db)  # the test can fail
        await chat.say("내 정보 삭제")
        await chat.tap("네, 지워 주세요")
        assert "삭제했어요" in chat.text
        # The confirmation turn itself wrote nothing back for this parent.
        assert not await app.store.fetch("SELECT 1 FROM messages WHERE user_key = 'console:quokka'")
        assert not await app.store.fetch("SELECT 1 FROM conversations WHERE user_key = 'console:quokka'")
        data = raw_bytes(db)
        for secret in (PHONE, PHONE.replace("-", ""), "9876-8765", "쿼카네"):
            assert secret.encode() not in data, secret
        await Chat(app.engine, user="other").say("내일")  # the bot goes on as before
    assert PHONE.encode() not in raw_bytes(db)


async def test_the_retention_purge_truncates_the_wal(settings: Settings) -> None:
    clock = FakeClock()
    async with running(settings, clock, telegram=False) as app:
        chat = Chat(app.engine, user="old")
        await chat.say(WORDS)
        clock.advance(days=settings.retention_days + 1)
        await app.queue.purge_expired()
        assert Path(f"{settings.db_path}-wal").stat().st_size == 0
        assert "쿼카네".encode() not in raw_bytes(settings.db_path)
