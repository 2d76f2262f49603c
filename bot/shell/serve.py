"""`dolbom serve`: every configured channel, the web server and the scheduler in one loop and one lifespan."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys

from bot.settings import Settings

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", help="웹 서버 주소 (기본: DOLBOM_HTTP_HOST)")
    parser.add_argument("--port", type=int, help="웹 서버 포트 (기본: DOLBOM_HTTP_PORT)")
    parser.add_argument("--no-console", action="store_true", help="터미널 대화를 켜지 않음")


async def run(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from bot.channels.terminal import PROMPT, TerminalChat
    from bot.shell.app import running
    from bot.shell.gcpace import paced_gc
    from bot.shell.logs import above_prompt
    from bot.shell.web import build_web

    host = args.host or settings.http_host
    port = args.port or settings.http_port
    async with running(settings) as app, paced_gc():
        web = build_web(app.routes, problems=app.problems, warnings=app.warnings)
        # An open console's event stream never ends by itself: stopping waits at most this long for it.
        server = uvicorn.Server(uvicorn.Config(web, host=host, port=port, log_level="warning", lifespan="off",
                                               timeout_graceful_shutdown=5))
        # uvicorn would take SIGINT/SIGTERM itself and re-raise them once the web server stopped, killing the
        # process before this lifespan closes the store; the signals stop everything here instead.
        server.capture_signals = contextlib.nullcontext  # type: ignore[method-assign]
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        tasks = {asyncio.create_task(server.serve(), name="web"), asyncio.create_task(stop.wait(), name="signal")}
        log.info("web server on http://%s:%d (Kakao skill: /kakao/skill)", host, port)
        if sys.stdin.isatty() and not args.no_console:
            console = TerminalChat(app.engine)
            app.add_push(console)
            above_prompt(PROMPT)  # log lines (coordinator alerts too) print above the parent's prompt, not in it
            tasks.add(asyncio.create_task(console.run(), name="console"))
        try:
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                if task.exception():
                    log.error("%s stopped", task.get_name(), exc_info=task.exception())
        finally:
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(sig)
            server.should_exit = True
            for task in tasks:
                if task.get_name() != "web":
                    task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.gather(*tasks, return_exceptions=True)
        log.info("stopped cleanly")
    return 0

