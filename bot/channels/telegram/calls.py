"""Bot API calls for the Telegram channels: one call with retries, one turn per chat at a time, the Application."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder

from bot.channels.telegram.format import SendCall

log = logging.getLogger(__name__)


class DeliveryError(Exception):
    """A message could not be delivered; ``permanent`` when retrying later cannot help (blocked, no chat)."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


async def call_with_retry(bot: Any, call: SendCall, delays: Sequence[float] = (1.0, 3.0)) -> Any:
    """Make one Bot API call, retrying network errors after each of ``delays`` (RetryAfter is retried by
    the AIORateLimiter); raises DeliveryError when it still fails."""
    for delay in (*delays, None):
        try:
            return await getattr(bot, call.method)(**call.kwargs)
        except (BadRequest, Forbidden) as exc:  # BadRequest is a NetworkError too, but retrying cannot fix it
            raise DeliveryError(f"{call.method}: {exc}", permanent=True) from exc
        except NetworkError as exc:
            if delay is None:
                raise DeliveryError(f"{call.method}: {exc}") from exc
            log.warning("Telegram %s failed (%s); retrying in %.1f s", call.method, exc, delay)
            await asyncio.sleep(delay)
        except TelegramError as exc:  # RetryAfter after the limiter's retries, or an unexpected answer
            raise DeliveryError(f"{call.method}: {exc}") from exc
    raise AssertionError("unreachable")


@dataclass
class Turns:
    """One lock per chat so a chat's replies and pushes never interleave; entries go when nobody waits."""

    locks: dict[int, tuple[asyncio.Lock, int]] = field(default_factory=dict)

    @contextlib.asynccontextmanager
    async def of(self, chat_id: int) -> AsyncIterator[None]:
        lock, users = self.locks.get(chat_id, (asyncio.Lock(), 0))
        self.locks[chat_id] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self.locks[chat_id]
            if users == 1:
                del self.locks[chat_id]
            else:
                self.locks[chat_id] = (lock, users - 1)


def build_application(token: str, *, base_url: str = "", webhook: bool = False, max_retries: int = 3) -> Application:
    """A PTB Application with flood-limit retries; ``base_url`` points it at another Bot API server."""
    builder = (
        ApplicationBuilder()
        .token(token)
        .rate_limiter(AIORateLimiter(max_retries=max_retries))
        .concurrent_updates(True)
        .job_queue(None)
    )
    if base_url:
        root = base_url.rstrip("/")
        if "{token}" not in root and not root.endswith("/bot"):
            root += "/bot"
        builder = builder.base_url(root)
        if root.endswith("/bot"):  # the Bot API's file downloads live next to it, at /file/bot<token>
            builder = builder.base_file_url(root.removesuffix("/bot") + "/file/bot")
    if webhook:
        builder = builder.updater(None)
    return builder.build()
