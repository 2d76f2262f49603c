"""Knowledge versions in the database: an upload applied on one worker's console reaches every worker's knowledge."""

from __future__ import annotations

import asyncio
import logging
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from starlette.applications import Starlette
from test_console_setup import CONTROL, CSRF, PASSWORD, client, form, login

from bot.console.versions import KnowledgeVersions
from bot.dialog.core import Address, Channel, Inbound
from bot.settings import Settings
from bot.shell.app import App, running
from db.sqlite.store import SQLiteStore
from knowledge.loader import DEFAULT_DIR, FILES, paths_in, read
from knowledge.schema import Knowledge
from knowledge.versions import Version, fold, write_whole
from tests.conftest import FakeClock
from tests.postgres_server import fresh_database

OLD_PHONE, NEW_PHONE = b"042-234-5678", b"042-234-9999"


def folder(tmp_path: Path, name: str) -> Path:
    """A worker's own knowledge folder: a copy of the shipped services.yaml and places.yaml."""
    target = tmp_path / name
    target.mkdir()
    for file in FILES:
        shutil.copy(DEFAULT_DIR / file, target / file)
    return target


def settings_for(tmp_path: Path, directory: Path, url: str = "") -> Settings:
    return Settings.from_env({"DOLBOM_DATABASE_URL": url, "DOLBOM_DB_PATH": str(tmp_path / "dolbom.sqlite3"),
                              "DOLBOM_KNOWLEDGE_DIR": str(directory), "DOLBOM_KNOWLEDGE_POLL_SECONDS": "0.05"},
                             dotenv=None)


def phones(k: Knowledge) -> set[str]:
    return {c.phone or "" for s in k.services for c in s.contacts}


async def until(condition: Callable[[], bool], what: str) -> None:
    """Wait for the workers' poll tasks; the bound only keeps a broken build from hanging the suite."""
    async with asyncio.timeout(20):
        while not condition():
            await asyncio.sleep(0.01)
    assert condition(), what


async def upload_and_apply(app: App, name: str, raw: bytes) -> str:
    """Through A's console over HTTP as the control tower: upload, see the difference, apply."""
    await app.console.accounts.add(CONTROL, PASSWORD)
    async with client(Starlette(routes=app.routes)) as c:
        assert (await login(c, CONTROL)).status_code == 303
        token = CSRF.search((await c.get("/console/knowledge")).text)
        assert token is not None
        csrf = token.group(1)
        r = await c.post("/console/knowledge/upload", data=form(csrf, name=name),
                         files={"file": (name, raw, "application/yaml")})
        digest = re.search(r'name="digest" value="([0-9a-f]+)"', r.text)
        assert r.status_code == 200 and digest is not None, r.text[:500]
        r = await c.post("/console/knowledge/apply", data=form(csrf, digest=digest.group(1)))
        assert r.status_code == 200 and "적용했습니다" in r.text
        return (await c.get("/console/knowledge")).text


# -- the pure part: which versions to take ----------------------------------------------------------------

def test_fold_takes_good_versions_in_order_and_refuses_a_broken_one_keeping_the_last_good(tmp_path: Path) -> None:
    paths = paths_in(DEFAULT_DIR)
    disk = read(paths)
    good = disk["services.yaml"].replace(OLD_PHONE, NEW_PHONE)  # type: ignore[union-attr]
    broken = good.replace(b"min_months:", b"min_monthz:", 1)
    versions = [Version(1, "services.yaml", good, CONTROL, "t1"), Version(2, "services.yaml", broken, CONTROL, "t2"),
                Version(3, "notes.yaml", b"a: 1", CONTROL, "t3")]
    folded = fold(disk, versions, paths)
    assert folded.contents["services.yaml"] == good and folded.contents["places.yaml"] == disk["places.yaml"]
    assert [v.id for v in folded.taken] == [1]
    assert [(v.id, "min_monthz" in str(e) or "notes.yaml" in str(e)) for v, e in folded.refused] == [(2, True),
                                                                                                      (3, True)]


def test_a_file_written_whole_replaces_the_old_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "services.yaml"
    target.write_bytes(b"old")
    write_whole(target, b"new")
    assert target.read_bytes() == b"new" and [p.name for p in tmp_path.iterdir()] == ["services.yaml"]


# -- SQLite: one worker, harmless ------------------------------------------------------------------------

async def test_on_sqlite_an_applied_upload_is_a_version_row_and_the_page_shows_it(tmp_path: Path) -> None:
    directory = folder(tmp_path, "knowledge")
    changed = (directory / "services.yaml").read_bytes().replace(OLD_PHONE, NEW_PHONE)
    async with running(settings_for(tmp_path, directory), FakeClock(), telegram=False) as app:
        page = await upload_and_apply(app, "services.yaml", changed)
        assert NEW_PHONE.decode() in phones(app.knowledge.current)
        rows = await app.store.fetch("SELECT id, name, who, at, body FROM knowledge_versions")
        assert [(r["id"], r["name"], r["who"], r["at"][:16]) for r in rows] == [
            (1, "services.yaml", CONTROL, "2026-11-24T05:00")]
        assert rows[0]["body"].encode() == changed and (directory / "services.yaml").read_bytes() == changed
        versions = re.search(r'<table id="versions">.*?</table>', page, re.S)
        assert versions is not None and re.search(rf"services.yaml</td><td>1</td><td>{CONTROL}</td>"
                                                  r"<td>2026-11-24 14:00</td>", versions.group(0))
        assert not await app.console.versions.catch_up()  # its own version: nothing to write
        assert app.warnings() == []


async def test_a_worker_starting_with_an_older_folder_takes_the_newest_version_first(tmp_path: Path) -> None:
    directory = folder(tmp_path, "knowledge")
    changed = (directory / "places.yaml").read_bytes() + b"\n# 2026-11 edit\n"
    store = await SQLiteStore.open(tmp_path / "dolbom.sqlite3", process=False)
    try:
        await KnowledgeVersions(store, folder(tmp_path, "elsewhere")).apply("places.yaml", changed, CONTROL,
                                                                            FakeClock()())
    finally:
        await store.close()
    async with running(settings_for(tmp_path, directory), FakeClock(), telegram=False) as app:
        assert (directory / "places.yaml").read_bytes() == changed
        assert app.console.versions.in_force["places.yaml"].id == 1 and app.console.versions.seen == 1


# -- PostgreSQL: two workers, two machines' folders, one database ----------------------------------------

@pytest.fixture
async def pg_url(pg_server: str) -> str:
    return await fresh_database(pg_server)


async def test_an_upload_on_worker_a_reaches_worker_bs_knowledge(pg_url: str, tmp_path: Path) -> None:
    dir_a, dir_b = folder(tmp_path, "a"), folder(tmp_path, "b")
    changed = (dir_a / "services.yaml").read_bytes().replace(OLD_PHONE, NEW_PHONE)
    async with (running(settings_for(tmp_path, dir_a, pg_url), FakeClock(), telegram=False) as a,
                running(settings_for(tmp_path, dir_b, pg_url), FakeClock(), telegram=False) as b):
        assert NEW_PHONE.decode() not in phones(b.knowledge.current)
        await upload_and_apply(a, "services.yaml", changed)
        await until(lambda: NEW_PHONE.decode() in phones(b.knowledge.current), "B never took A's upload")
        assert (dir_b / "services.yaml").read_bytes() == changed
        assert b.console.versions.in_force["services.yaml"].who == CONTROL
        assert not list(dir_b.glob(".*"))  # written whole: no temporary left behind


async def test_a_broken_version_is_refused_by_b_which_keeps_serving_the_last_good(
        pg_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    dir_b = folder(tmp_path, "b")
    before = (dir_b / "services.yaml").read_bytes()
    broken = before.replace(OLD_PHONE, NEW_PHONE).replace(b"min_months:", b"min_monthz:", 1)
    async with running(settings_for(tmp_path, dir_b, pg_url), FakeClock(), telegram=False) as b:
        served = b.knowledge.current
        caplog.set_level(logging.ERROR, logger="bot.console.versions")
        await b.store.write(lambda c: c.execute(  # as a worker with another places.yaml might have written it
            "INSERT INTO knowledge_versions (name, body, who, at) VALUES (?, ?, ?, ?)",
            ("services.yaml", broken.decode(), CONTROL, "2026-11-24T05:00:00.000000+00:00")))
        await until(lambda: b.console.versions.seen == 1, "B never looked at the version")
        assert b.knowledge.current is served and (dir_b / "services.yaml").read_bytes() == before
        assert "knowledge version refused" in caplog.text and "min_monthz" in caplog.text
        assert b.warnings() == ["knowledge: version 1 of services.yaml refused, last good kept"]
        await b.console.accounts.add(CONTROL, PASSWORD)
        async with client(Starlette(routes=b.routes)) as c:
            assert (await login(c, CONTROL)).status_code == 303
            page = (await c.get("/console/knowledge")).text
        assert f"버전 1 ({CONTROL}, services.yaml)" in page and "이전 버전을 계속 씁니다" in page
        replies = await b.engine.handle(Inbound(Address(Channel.KAKAO, "pg-after-refusal"), text="안녕하세요"))
        assert replies  # still serving
        assert len([r for r in caplog.records if "refused" in r.getMessage()]) == 1  # logged once, not every poll
        # the next good version is taken and clears the warning
        fixed = before.replace(OLD_PHONE, NEW_PHONE)
        await b.store.write(lambda c: c.execute(
            "INSERT INTO knowledge_versions (name, body, who, at) VALUES (?, ?, ?, ?)",
            ("services.yaml", fixed.decode(), CONTROL, "2026-11-24T05:01:00.000000+00:00")))
        await until(lambda: NEW_PHONE.decode() in phones(b.knowledge.current), "B never took the fixed version")
        assert b.warnings() == []


async def test_a_folder_that_cannot_be_written_at_start_still_serves_and_the_poll_retries(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    directory = folder(tmp_path, "knowledge")
    before = (directory / "services.yaml").read_bytes()
    changed = before.replace(OLD_PHONE, NEW_PHONE)
    store = await SQLiteStore.open(tmp_path / "dolbom.sqlite3", process=False)
    try:
        await KnowledgeVersions(store, folder(tmp_path, "elsewhere")).apply("services.yaml", changed, CONTROL,
                                                                            FakeClock()())
    finally:
        await store.close()

    def read_only(path: Path, raw: bytes) -> None:
        raise PermissionError(13, "Read-only file system", str(path))

    monkeypatch.setattr("bot.console.versions.write_whole", read_only)
    async with running(settings_for(tmp_path, directory), FakeClock(), telegram=False) as app:
        assert (directory / "services.yaml").read_bytes() == before and app.console.versions.seen == 0
        assert await app.engine.handle(Inbound(Address(Channel.KAKAO, "ro"), text="안녕하세요"))
        monkeypatch.setattr("bot.console.versions.write_whole", write_whole)  # the folder is writable again
        await until(lambda: NEW_PHONE.decode() in phones(app.knowledge.current), "the poll never retried")
        assert (directory / "services.yaml").read_bytes() == changed
