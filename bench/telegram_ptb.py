"""Figure 5: the Telegram path, python-telegram-bot's process_update with the network stubbed, full intakes."""

from __future__ import annotations

import asyncio
import itertools
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.engine import SCRIPTS, _open, percentile
from bot.shell.loop import run as run_loop

TOKEN = "123456:BENCH-TOKEN"
BOT_USER = {"id": 123456, "is_bot": True, "first_name": "돌봄이음", "username": "dolbom_bench_bot"}


def _stub_request() -> Any:
    from telegram.request import BaseRequest

    class StubRequest(BaseRequest):
        """Answers every Bot API call at once, as Telegram would shape the answer: no network at all."""

        def __init__(self) -> None:
            self.calls = 0
            self._ids = itertools.count(1)

        @property
        def read_timeout(self) -> float | None:
            return None

        async def initialize(self) -> None:
            return None

        async def shutdown(self) -> None:
            return None

        async def do_request(self, url: str, method: str, request_data: Any = None,
                             **timeouts: Any) -> tuple[int, bytes]:
            self.calls += 1
            name = url.rsplit("/", 1)[-1]
            params = request_data.parameters if request_data is not None else {}
            result: object = True
            if name == "getMe":
                result = BOT_USER
            elif name in ("sendMessage", "editMessageText", "sendVenue"):
                chat_id = int(params.get("chat_id", 0))
                result = {"message_id": next(self._ids), "date": 0, "text": params.get("text", ""),
                          "chat": {"id": chat_id, "type": "private"}, "from": BOT_USER}
            return 200, json.dumps({"ok": True, "result": result}).encode()

    return StubRequest()


def _update(update_id: int, chat_id: int, text: str, choice: str | None) -> dict[str, object]:
    user = {"id": chat_id, "is_bot": False, "first_name": "부모"}
    chat = {"id": chat_id, "type": "private", "first_name": "부모"}
    if choice is None:
        return {"update_id": update_id, "message": {"message_id": update_id, "date": 0, "chat": chat, "from": user,
                                                    "text": text}}
    data = f"c:{choice}"
    shown = {"message_id": update_id - 1, "date": 0, "chat": chat, "from": BOT_USER, "text": "질문",
             "reply_markup": {"inline_keyboard": [[{"text": text, "callback_data": data}]]}}
    return {"update_id": update_id, "callback_query": {"id": f"cq{update_id}", "from": user, "chat_instance": "ci",
                                                       "message": shown, "data": data}}


async def run_once(parents: int = 500) -> dict[str, float]:
    from telegram import Update
    from telegram.ext import ApplicationBuilder

    from bot.channels.telegram.chat import TelegramChannel

    with tempfile.TemporaryDirectory(prefix="dolbom-telegram-") as tmp:
        engine, store = await _open(Path(tmp) / "telegram.sqlite3")
        request = _stub_request()
        # No AIORateLimiter here: it paces sends to Telegram's own 30 messages/s, which is Telegram's limit,
        # not this code's; the figure is what our path costs per turn.
        application = (ApplicationBuilder().token(TOKEN).request(request).get_updates_request(_stub_request())
                       .concurrent_updates(True).job_queue(None).updater(None).build())
        TelegramChannel(application, engine)
        await application.initialize()
        latencies: list[float] = []
        ids = itertools.count(1)

        async def parent(n: int) -> None:
            chat_id = 10_000 + n
            for text, choice in SCRIPTS[n % len(SCRIPTS)]:
                began = time.perf_counter()
                await application.process_update(Update.de_json(_update(next(ids), chat_id, text, choice),
                                                                application.bot))
                latencies.append(time.perf_counter() - began)

        try:
            began = time.perf_counter()
            await asyncio.gather(*(parent(n) for n in range(parents)))
            seconds = time.perf_counter() - began
            rows = await store.fetch("SELECT count(*) FROM cases WHERE channel = 'telegram'")
        finally:
            await application.shutdown()
            await store.close()
    return {"turns_per_s": len(latencies) / seconds, "p99_ms": percentile(latencies, 0.99) * 1000,
            "cases": rows[0][0], "parents": parents, "api_calls": request.calls}


def measure(runs: int = 3) -> dict[str, list[float]]:
    results = [run_loop(run_once()) for _ in range(runs)]
    return {k: [r[k] for r in results] for k in results[0]}


if __name__ == "__main__":
    print(run_loop(run_once()))
