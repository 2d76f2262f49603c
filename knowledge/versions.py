"""Knowledge versions kept elsewhere (the database): which to take, each checked by the loader; files written whole."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.loader import FILES, KnowledgeError, parse
from knowledge.problems import Problem


@dataclass(frozen=True, slots=True)
class Version:
    """One applied services.yaml or places.yaml: its number, the file's bytes, who applied it and when (text)."""

    id: int
    name: str
    body: bytes
    who: str
    at: str


@dataclass(frozen=True, slots=True)
class Folded:
    contents: dict[str, bytes | None]
    """The files as they should be after the versions: the last good content of each."""
    taken: list[Version] = field(default_factory=list)
    refused: list[tuple[Version, KnowledgeError]] = field(default_factory=list)


def fold(contents: Mapping[str, bytes | None], versions: Sequence[Version], paths: Mapping[str, Path]) -> Folded:
    """Put ``versions`` (oldest first) over ``contents``, each checked together with the files as they stand after
    the ones before it, as the console checked it against the other file when it was applied. A version that does
    not validate is refused and the last good content stays."""
    now = dict(contents)
    out = Folded(now)
    for version in versions:
        if version.name not in FILES:
            detail = f"이 프로그램이 읽는 파일이 아닙니다 ({', '.join(FILES)} 만)"
            out.refused.append((version, KnowledgeError([Problem(version.name, None, detail=detail)])))
            continue
        trial = {**now, version.name: version.body}
        try:
            parse(trial, paths)
        except KnowledgeError as exc:
            out.refused.append((version, exc))
            continue
        now.update(trial)
        out.taken.append(version)
    return out


def write_whole(path: Path, raw: bytes) -> None:
    """Write ``raw`` to a temporary file beside ``path`` and move it over ``path`` in one step (os.replace): a
    watcher polling the folder reads the old file or the new one, never half of one."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.writing")
    try:
        with temporary.open("wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
