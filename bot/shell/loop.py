"""The event loop every command runs on: uvloop where it is installed (Linux, macOS), else asyncio's own."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def run(main: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run`` on uvloop: its loop costs less per callback and per socket read, which is most of what
    the engine's commit round trip and the Kakao HTTP path do besides Python work (issue 7's bench)."""
    try:
        import uvloop
    except ImportError:  # no uvloop on Windows: the standard loop runs the same code, a little slower
        return asyncio.run(main)
    return uvloop.run(main)
