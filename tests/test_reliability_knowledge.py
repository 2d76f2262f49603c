"""Knowledge: a broken YAML saved while parents are mid-conversation is refused; the last good one keeps serving."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.coordination.queue import Queue
from bot.dialog.core import Address, Channel, Inbound, Reply
from bot.dialog.engine import Engine
from bot.settings import Settings
from db.store import Store
from knowledge.source import KnowledgeSource
from tests.conftest import FakeClock
from tests.yaml_edits import edit, shipped

HOURS = 'weekdays: "07:30-24:00"'
INTAKE = [("4살", None), ("내일", None), ("오후 6시부터 밤 10시까지", None), ("율곡동", None),
          ("동의하고 접수", "동의"), ("채팅으로 받기", None), ("네, 접수할게요", "네")]


BROKEN_SAVES: dict[str, Callable[[Path], None]] = {
    "yaml syntax": lambda d: (d / "services.yaml").write_text("services:\n  - id: [unclosed\n", encoding="utf-8"),
    "invalid hours": lambda d: edit(d / "services.yaml", HOURS, 'weekdays: "07:30-25:00"'),
    "half-written file": lambda d: (d / "places.yaml").write_bytes((d / "places.yaml").read_bytes()[:777]),
    "empty file": lambda d: (d / "services.yaml").write_text("", encoding="utf-8"),
    "deleted file": lambda d: (d / "places.yaml").unlink(),
    "not UTF-8": lambda d: (d / "services.yaml").write_bytes(b"services: \xff\xfe\x00"),
}


def texts_of(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies)


@pytest.mark.parametrize("broken", list(BROKEN_SAVES))
async def test_a_broken_save_mid_conversation_is_refused_and_every_intake_completes(
        broken: str, tmp_path: Path, store: Store, queue: Queue, settings: Settings, clock: FakeClock,
        caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "knowledge").mkdir()
    source = KnowledgeSource(shipped(tmp_path / "knowledge"))
    engine = Engine(store=store, queue=queue, knowledge=source, settings=settings, clock=clock)
    good = source.current
    parents = 30
    answered = asyncio.Event()
    count = 0
    saved = asyncio.Event()

    async def parent(n: int) -> list[list[Reply]]:
        nonlocal count
        address = Address(Channel.KAKAO, f"parent-{n}")
        answers = []
        for step, (text, choice) in enumerate(INTAKE):
            if step == 3:  # every parent is mid-intake when the staff member saves
                count += 1
                if count == parents:
                    answered.set()
                await saved.wait()
            answers.append(await engine.handle(Inbound(address, text=text, choice=choice)))
        return answers

    async def staff() -> None:
        await answered.wait()
        BROKEN_SAVES[broken](source.directory)
        with caplog.at_level(logging.ERROR, logger="knowledge.source"):
            assert source.reload() is False
        saved.set()

    results, _ = await asyncio.gather(asyncio.gather(*(parent(n) for n in range(parents))), staff())
    assert source.current is good
    # the refusal is logged, naming what was kept
    assert "지식 파일 (knowledge): 수정이 거부되어 이전 내용을 계속 씁니다" in caplog.text
    for answers in results:
        card = next(r for r in answers[3] if r.card_title)
        assert "365어린이집" in card.card_title and "07:30-24:00" in card.text
        assert "접수번호" in texts_of(answers[-1])
    rows = await store.fetch("SELECT count(DISTINCT user_key), count(*) FROM cases")
    assert tuple(rows[0]) == (parents, parents)

    # The next good save is installed, and new conversations see it.
    shipped(source.directory)
    edit(source.directory / "services.yaml", HOURS, 'weekdays: "07:00-23:00"')
    assert source.reload() is True and source.current is not good
    late = Address(Channel.KAKAO, "after-the-fix")
    for text, choice in INTAKE[:4]:
        answers = await engine.handle(Inbound(late, text=text, choice=choice))
    card = next(r for r in answers if r.card_title)
    assert "07:00-23:00" in card.text

