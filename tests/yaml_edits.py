"""Test helpers: a copy of the shipped knowledge files to edit, and exact one-place edits of them."""

from __future__ import annotations

import shutil
from pathlib import Path

from knowledge.loader import DEFAULT_DIR, FILES


def shipped(directory: Path) -> Path:
    """Copy the shipped services.yaml and places.yaml into ``directory`` and return it."""
    for name in FILES:
        shutil.copy(DEFAULT_DIR / name, directory / name)
    return directory


def edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` (which must occur exactly once) and return the 1-based line the edit is on."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1
