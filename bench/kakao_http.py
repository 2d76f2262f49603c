"""Figure 4: the Kakao skill over loopback HTTP, the whole app in a server process, intakes from a client."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from bench.engine import SCRIPTS, percentile, schedule
from bot.shell.loop import run as run_loop

READY = "ready"


# -- the server: `python -m bench.kakao_http serve PORT DB` ---------------------------------------
async def serve(port: int, db: Path) -> None:
    """The assembled app (store, queue, engine, dispatcher, follow-ups) behind uvicorn, as `dolbom serve` runs it."""
    import uvicorn

    from bot.settings import Settings
    from bot.shell.app import running
    from bot.shell.gcpace import paced_gc
    from bot.shell.web import build_web

    settings = Settings(db_path=db)
    async with running(settings, telegram=False) as app:
        config = uvicorn.Config(build_web(app.routes), host="127.0.0.1", port=port, log_level="warning",
                                access_log=False, lifespan="off")
        server = uvicorn.Server(config)
        task = asyncio.create_task(server.serve())
        while not server.started:
            await asyncio.sleep(0.01)
        async with paced_gc():  # as `dolbom serve` does
            print(READY, flush=True)
            await task


# -- the client: plain keep-alive HTTP/1.1 on asyncio streams, so the load generator costs little ----------
class Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    async def post(self, body: bytes) -> dict[str, object]:
        self.writer.write(b"POST /kakao/skill HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
                          b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                      if line.lower().startswith(b"content-length:"))
        payload = json.loads(await self.reader.readexactly(length))
        if status != 200:
            raise RuntimeError(f"HTTP {status}: {payload}")
        return payload


def payload(user: str, text: str, choice: str | None) -> bytes:
    extra = {"choice": choice} if choice else {}
    action: dict[str, object] = {"name": "dolbom_skill", "params": {}, "clientExtra": extra}
    return json.dumps({"userRequest": {"utterance": text, "user": {"id": user, "type": "botUserKey"}},
                       "action": action}, ensure_ascii=False).encode()


async def _client(port: int, worker: int, intakes: int, latencies: list[float], receipts: list[int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    conn = Connection(reader, writer)
    try:
        for k in range(intakes):
            n = worker * intakes + k
            user = f"kakao-bench-{n}"
            for text, choice in SCRIPTS[n % len(SCRIPTS)]:
                began = time.perf_counter()
                answer = await conn.post(payload(user, text, choice))
                latencies.append(time.perf_counter() - began)
            receipts.append(int("접수번호" in json.dumps(answer, ensure_ascii=False)))
    finally:
        writer.close()


async def _paced_parent(port: int, n: int, due: list[float], latencies: list[float], receipts: list[int]) -> None:
    """One parent on its own connection, sending each turn at its scheduled moment (or as soon as the previous
    answer arrives, if later); latency counts from the scheduled moment, so a slow server cannot hide its queue."""
    loop = asyncio.get_running_loop()
    if (delay := due[0] - loop.time() - 0.02) > 0:
        await asyncio.sleep(delay)  # open the connection just before the first turn, as a parent would
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    conn = Connection(reader, writer)
    try:
        for i, (text, choice) in enumerate(SCRIPTS[n % len(SCRIPTS)]):
            if (delay := due[i] - loop.time()) > 0:
                await asyncio.sleep(delay)
            answer = await conn.post(payload(f"kakao-paced-{n}", text, choice))
            latencies.append(loop.time() - due[i])
        receipts.append(int("접수번호" in json.dumps(answer, ensure_ascii=False)))
    finally:
        writer.close()


async def paced(port: int, parents: int, rate: float) -> tuple[float, list[float], int]:
    """Open loop: ``rate`` requests/s offered in total by ``parents`` parents, each on its own connection."""
    latencies: list[float] = []
    receipts: list[int] = []
    due = schedule(parents, rate, asyncio.get_running_loop().time() + 0.2)
    began = time.perf_counter()
    await asyncio.gather(*(_paced_parent(port, n, due[n], latencies, receipts) for n in range(parents)))
    return len(latencies) / (time.perf_counter() - began - 0.2), latencies, sum(receipts)


async def load(port: int, connections: int, intakes: int) -> tuple[float, list[float], int]:
    latencies: list[float] = []
    receipts: list[int] = []
    began = time.perf_counter()
    await asyncio.gather(*(_client(port, w, intakes, latencies, receipts) for w in range(connections)))
    return len(latencies) / (time.perf_counter() - began), latencies, sum(receipts)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_once(connections: int = 32, intakes: int = 20, rate: float = 1000.0, parents: int = 400) -> dict[str, float]:
    """Closed loop: ``connections`` parents at a time (Kakao's servers keep connections open), each doing
    ``intakes`` whole intakes one after another: the requests/s ceiling, p50/p99 ms, receipts. Then open loop
    on a fresh server: ``parents`` parents offering ``rate`` requests/s in total: achieved rate, p50/p99 ms."""
    ceiling, latencies, receipts = with_server(lambda port: load(port, connections, intakes))
    achieved, paced_latencies, paced_receipts = with_server(lambda port: paced(port, parents, rate))
    return {"requests_per_s": ceiling, "p50_ms": percentile(latencies, 0.5) * 1000,
            "p99_ms": percentile(latencies, 0.99) * 1000, "intakes": connections * intakes, "receipts": receipts,
            "paced_per_s": achieved, "paced_p50_ms": percentile(paced_latencies, 0.5) * 1000,
            "paced_p99_ms": percentile(paced_latencies, 0.99) * 1000, "paced_intakes": parents,
            "paced_receipts": paced_receipts}


def with_server(client: Callable[[int], Awaitable[tuple[float, list[float], int]]]) -> tuple[float, list[float], int]:
    """Run ``client(port)`` against a fresh server process with an empty database."""
    with tempfile.TemporaryDirectory(prefix="dolbom-kakao-") as tmp:
        port = free_port()
        root = Path(__file__).resolve().parent.parent
        server = subprocess.Popen(
            [sys.executable, "-m", "bench.kakao_http", "serve", str(port), str(Path(tmp) / "kakao.sqlite3")],
            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
            env={**os.environ, "PYTHONPATH": str(root)})
        try:
            assert server.stdout is not None
            if server.stdout.readline().strip() != READY:
                raise RuntimeError("the Kakao bench server did not start")
            return run_loop(client(port))
        finally:
            server.terminate()
            server.wait(timeout=30)


def measure(runs: int = 3) -> dict[str, list[float]]:
    results = [run_once() for _ in range(runs)]
    return {k: [r[k] for r in results] for k in results[0]}


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        run_loop(serve(int(sys.argv[2]), Path(sys.argv[3])))
    else:
        print(run_once())
