"""Knowledge versions in the database: the console's apply records one, and every worker brings its own knowledge
folder up to the newest (workers on several machines share only the database); the folder watcher then reloads."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from db.models import ts
from db.store import Store
from knowledge.loader import FILES, paths_in, read
from knowledge.versions import Version, fold, write_whole

log = logging.getLogger(__name__)

_COLUMNS = "SELECT id, name, body, who, at FROM knowledge_versions"
NEWER = f"{_COLUMNS} WHERE id > ? ORDER BY id"
NEWEST = f"{_COLUMNS} WHERE id IN (SELECT max(id) FROM knowledge_versions GROUP BY name) ORDER BY id"


def _version(row: Any) -> Version:
    return Version(int(row["id"]), str(row["name"]), str(row["body"]).encode("utf-8"), str(row["who"]), str(row["at"]))


class KnowledgeVersions:
    """This worker's view of the versions: the newest id it has dealt with (taken or refused), the version of each
    file in force, and why the newest was refused, if it was."""

    def __init__(self, store: Store, directory: Path, knowledge: object | None = None) -> None:
        self.store = store
        self.directory = directory
        self.paths = paths_in(directory)
        self.knowledge = knowledge
        """Its ``reload()`` runs after a write, so this worker need not wait for the folder watcher's next poll."""
        self.seen = 0
        self.in_force: dict[str, Version] = {}
        self.refused: dict[str, Version] = {}
        """The newest version of a file that was refused, while no later one of that file was taken."""
        self._lock = asyncio.Lock()  # the poll and the console's apply never write the folder at the same time
        self._failing: str | None = None

    @property
    def problem(self) -> str | None:
        """For /healthz: a version in the database this worker refused (it serves the last good one)."""
        if not self.refused:
            return None
        return "; ".join(f"version {v.id} of {v.name} refused, last good kept" for v in self.refused.values())

    async def apply(self, name: str, raw: bytes, who: str, at: datetime) -> Version:
        """The console's apply of a checked upload: the version row first (then every worker takes it, this one
        too if writing its folder fails now), then this worker's folder. ``seen`` stays: a version another
        worker wrote meanwhile is still taken by the next ``catch_up``, in order."""
        body, when = raw.decode("utf-8"), ts(at)

        def insert(conn: Any) -> int:
            # Store.write is serialised across workers (PostgreSQL: one advisory write lock), so ids are committed
            # in the order they are given and a poll for ``id > seen`` never skips one committed later.
            cur = conn.execute("INSERT INTO knowledge_versions (name, body, who, at) VALUES (?, ?, ?, ?)",
                               (name, body, who, when))
            return int(cur.lastrowid)

        async with self._lock:
            version = Version(await self.store.write(insert), name, raw, who, when)
            write_whole(self.paths[name], raw)
            self.in_force[name] = version
            self.refused.pop(name, None)
        self._reload()
        return version

    async def catch_up(self) -> bool:
        """Take the versions newer than ``seen`` (the first time: the newest of each file), each checked by the
        loader with the files as they stand; write whatever changed into the folder. True when a file changed."""
        async with self._lock:
            rows = await self.store.fetch(NEWER if self.seen else NEWEST, (self.seen,) if self.seen else ())
            if not rows:
                return False
            versions = [_version(r) for r in rows]
            before = read(self.paths)
            folded = fold(before, versions, self.paths)
            for version, error in folded.refused:
                log.error("지식 버전 %d (%s, %s) 거부, 이전 내용을 계속 씁니다 (knowledge version refused, last good "
                          "kept): %s", version.id, version.name, version.who, error)
            changed = [name for name in FILES if folded.contents[name] != before[name]]
            for name in changed:
                content = folded.contents[name]
                assert content is not None  # a taken version always has a body
                write_whole(self.paths[name], content)
            self.seen = versions[-1].id
            refused = {v.id for v, _ in folded.refused}
            for version in versions:  # each was either taken or refused; the later of a file's decides
                if version.id in refused:
                    self.refused[version.name] = version
                else:
                    self.in_force[version.name] = version
                    self.refused.pop(version.name, None)
        if changed:
            log.info("지식 버전 %d 적용 (knowledge version %d applied: %s)", self.seen, self.seen, ", ".join(changed))
            self._reload()
        return bool(changed)

    async def watch(self, poll_seconds: float) -> None:
        """Poll until cancelled, next to the folder watchers; an error is logged once until it changes."""
        while True:
            await asyncio.sleep(poll_seconds)
            try:
                await self.catch_up()
            except Exception as exc:
                if str(exc) != self._failing:
                    log.exception("지식 버전 확인 중 오류 (checking knowledge versions failed; next poll retries)")
                self._failing = str(exc)
            else:
                self._failing = None

    def _reload(self) -> None:
        reload = getattr(self.knowledge, "reload", None)
        if reload is not None:
            reload()
