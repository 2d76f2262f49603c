"""The live knowledge: the last good Knowledge, replaced whole when staff save a valid edit."""

from __future__ import annotations

from pathlib import Path

from knowledge.loader import DEFAULT_DIR, KnowledgeError, parse, paths_in, read
from knowledge.reloading import Reloading
from knowledge.schema import Knowledge


class KnowledgeSource(Reloading[Knowledge]):
    """services.yaml and places.yaml, reloaded together when either changes."""

    what = "지식 파일 (knowledge)"
    refused = (KnowledgeError,)

    def __init__(self, directory: Path = DEFAULT_DIR) -> None:
        self.directory = directory
        self._paths = paths_in(directory)
        super().__init__()

    def _read(self) -> dict[str, bytes | None]:
        return read(self._paths)

    def _parse(self, raw: dict[str, bytes | None]) -> Knowledge:
        return parse(raw, self._paths)
