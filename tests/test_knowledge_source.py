"""KnowledgeSource: a bad save is refused and logged, a good one is installed and announced, watch() notices."""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from knowledge.loader import DEFAULT_DIR, KnowledgeError
from knowledge.schema import Knowledge
from knowledge.source import KnowledgeSource
from tests.yaml_edits import edit, shipped

OLD_SPAN = 'weekdays: "07:30-24:00"'


def weekday_hours(knowledge: Knowledge) -> str:
    return knowledge.service("daycare-365").hours.on("mon").label()


def test_an_invalid_directory_at_startup_raises(tmp_path: Path) -> None:
    shipped(tmp_path)
    edit(tmp_path / "services.yaml", OLD_SPAN, 'weekdays: "07:30-25:00"')
    with pytest.raises(KnowledgeError, match="서비스 'daycare-365' 의 hours"):
        KnowledgeSource(tmp_path)


def test_nothing_changed_means_no_reload(tmp_path: Path) -> None:
    source = KnowledgeSource(shipped(tmp_path))
    seen: list[Knowledge] = []
    source.subscribe(seen.append)
    (tmp_path / "services.yaml").touch()
    assert source.reload() is False and seen == []


def test_a_good_edit_is_installed_and_announced_once(tmp_path: Path) -> None:
    source = KnowledgeSource(shipped(tmp_path))
    before = source.current
    seen: list[Knowledge] = []
    source.subscribe(seen.append)
    edit(tmp_path / "services.yaml", OLD_SPAN, 'weekdays: "07:00-23:00"')
    assert source.reload() is True
    assert weekday_hours(source.current) == "07:00-23:00"
    assert seen == [source.current]
    assert source.reload() is False and len(seen) == 1
    assert weekday_hours(before) == "07:30-24:00"  # a reader holding the old object is unaffected


def test_a_broken_edit_keeps_the_last_good_and_logs_one_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = KnowledgeSource(shipped(tmp_path))
    good = source.current
    seen: list[Knowledge] = []
    source.subscribe(seen.append)
    edit(tmp_path / "services.yaml", "area: 개령면", "area: 개령")
    with caplog.at_level(logging.ERROR, logger="knowledge.source"):
        assert source.reload() is False
        assert source.reload() is False  # the same broken content is not reported again
    assert source.current is good and seen == []
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1
    assert "services.yaml" in errors[0].getMessage() and "'개령'" in errors[0].getMessage()
    edit(tmp_path / "services.yaml", "area: 개령", "area: 개령면")
    edit(tmp_path / "services.yaml", OLD_SPAN, 'weekdays: "08:00-24:00"')
    assert source.reload() is True and weekday_hours(source.current) == "08:00-24:00" and len(seen) == 1


def test_a_file_missing_mid_save_keeps_the_last_good(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    source = KnowledgeSource(shipped(tmp_path))
    good = source.current
    moved = (tmp_path / "places.yaml").rename(tmp_path / "places.yaml.tmp")
    with caplog.at_level(logging.ERROR, logger="knowledge.source"):
        assert source.reload() is False
    assert source.current is good and "파일이 없습니다" in caplog.text
    moved.rename(tmp_path / "places.yaml")
    assert source.reload() is True  # the file came back: installed again, as the content differs from "missing"


def test_a_failing_listener_does_not_stop_the_others(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    source = KnowledgeSource(shipped(tmp_path))
    seen: list[Knowledge] = []

    def broken(knowledge: Knowledge) -> None:
        raise RuntimeError("cache exploded")

    source.subscribe(broken)
    source.subscribe(seen.append)
    edit(tmp_path / "services.yaml", OLD_SPAN, 'weekdays: "07:00-23:00"')
    with caplog.at_level(logging.ERROR, logger="knowledge.source"):
        assert source.reload() is True
    assert seen == [source.current] and "cache exploded" in caplog.text


def test_unsubscribe_stops_notifications(tmp_path: Path) -> None:
    source = KnowledgeSource(shipped(tmp_path))
    seen: list[Knowledge] = []
    unsubscribe = source.subscribe(seen.append)
    unsubscribe()
    edit(tmp_path / "services.yaml", OLD_SPAN, 'weekdays: "07:00-23:00"')
    assert source.reload() is True and seen == []


async def until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Yield to the watch task until ``condition`` holds; fail instead of hanging."""
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.001)


async def test_watch_picks_up_a_change_and_survives_a_bad_one(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = KnowledgeSource(shipped(tmp_path))
    changed = asyncio.Event()
    source.subscribe(lambda knowledge: changed.set())
    caplog.set_level(logging.ERROR, logger="knowledge.source")
    task = asyncio.create_task(source.watch(poll_seconds=0.001))
    try:
        edit(tmp_path / "places.yaml", "{name: 감문면, lat: 36.2227, lon: 128.1755}", "{name: 감문면, lat: [")
        await until(lambda: "YAML 문법 오류" in caplog.text)
        assert not task.done() and not changed.is_set()
        shutil.copy(DEFAULT_DIR / "places.yaml", tmp_path / "places.yaml")
        edit(tmp_path / "services.yaml", OLD_SPAN, 'weekdays: "06:30-24:00"')
        await asyncio.wait_for(changed.wait(), timeout=5)
        assert weekday_hours(source.current) == "06:30-24:00"
    finally:
        task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_watch_keeps_polling_after_an_unexpected_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    source = KnowledgeSource(shipped(tmp_path))
    calls: list[int] = []
    real_reload = source.reload

    def flaky_reload() -> bool:
        calls.append(1)
        if len(calls) == 1:
            raise PermissionError("disk said no")
        return real_reload()

    monkeypatch.setattr(source, "reload", flaky_reload)
    caplog.set_level(logging.ERROR, logger="knowledge.source")
    task = asyncio.create_task(source.watch(poll_seconds=0.001))
    try:
        await until(lambda: len(calls) >= 3)
        assert not task.done() and "disk said no" in caplog.text
    finally:
        task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
