"""The process's logging: one handler on the root logger whose filter keeps secrets, phone numbers and forged lines
out of every record, whichever library wrote it."""

from __future__ import annotations

import logging
import re
import sys
import time
from collections.abc import Callable, Iterable
from typing import TextIO

from bot.coordination.dispatch import mask_phones
from bot.settings import Settings

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
REDACTED = "[redacted]"
QUIET = ("httpx", "httpcore", "apscheduler")
"""Libraries that log every request or job run at INFO (httpx: each Bot API URL, which holds the token)."""

# C0 and C1 control characters, DEL and the Unicode line separators: each could end a log line or drive a terminal.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def escape_controls(text: str) -> str:
    return CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


class Scrub(logging.Filter):
    """Rewrites each record it passes: the message formatted once, its control characters escaped (a request
    cannot forge a line), phone numbers masked and secrets replaced; the traceback gets the same but its lines."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if s}, key=len, reverse=True)
        self._formatter = logging.Formatter()

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return mask_phones(text)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string in some library: keep what there is, never drop the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = self.redact(escape_controls(message)), None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


class Repeats(logging.Filter):
    """A warning or error identical to one logged less than ``window`` seconds ago (same logger, message
    template and exception) is counted, not logged; the first after the window says how many there were, without
    a traceback. A full disk fails every turn: one line a minute says so, not a traceback per parent."""

    def __init__(self, window: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.window = window
        self.clock = clock
        self._seen: dict[tuple[object, ...], list[float]] = {}
        """key -> [time logged, count suppressed since]"""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        exc = record.exc_info[1] if record.exc_info else None
        key = (record.name, record.levelno, str(record.msg), type(exc).__name__, str(exc)[:200])
        now = self.clock()
        seen = self._seen.get(key)
        if seen is None:
            if len(self._seen) > 1000:  # many different errors: forget those whose minute is over
                self._seen = {k: v for k, v in self._seen.items() if now - v[0] < self.window}
            self._seen[key] = [now, 0]
            return True
        if now - seen[0] < self.window:
            seen[1] += 1
            return False
        record.msg = f"{record.msg} [{int(seen[1]) + 1}x in {now - seen[0]:.0f}s; traceback as first logged]"
        record.exc_info, record.exc_text = None, None
        self._seen[key] = [now, 0]
        return True


def secrets_of(settings: Settings) -> list[str]:
    return [settings.telegram_bot_token, settings.telegram_webhook_secret, settings.kakao_secret]


def setup(settings: Settings, stream: TextIO | None = None, level: str | None = None) -> logging.Handler:
    """Install the scrubbing handler on the root logger (once per process; returns it so tests can remove it)."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "dolbom", False)]:  # main() run again in one process
        root.removeHandler(old)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(Repeats())
    handler.addFilter(Scrub(secrets_of(settings)))
    handler.dolbom = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel((level or settings.log_level).upper())
    for name in QUIET:
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
    return handler


class AbovePrompt:
    """The log's stream while a parent types at a prompt in the same terminal (`make run`): each record clears
    the prompt line, prints above it and draws the prompt again, so an alert never lands inside the parent's line."""

    def __init__(self, stream: TextIO, prompt: str) -> None:
        self.stream = stream
        self.prompt = prompt

    def write(self, text: str) -> int:
        if text:
            self.stream.write("\r\x1b[K" + text + (self.prompt if text.endswith("\n") else ""))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()


def above_prompt(prompt: str) -> None:
    """Route the scrubbing handler's lines above ``prompt`` (only when it writes to a terminal)."""
    for handler in logging.getLogger().handlers:
        if getattr(handler, "dolbom", False) and isinstance(handler, logging.StreamHandler):
            stream = handler.stream
            if hasattr(stream, "isatty") and stream.isatty():
                handler.setStream(AbovePrompt(stream, prompt))  # type: ignore[arg-type]
