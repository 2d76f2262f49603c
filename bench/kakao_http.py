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
from pathlib import Path

from bench.engine import SCRIPTS, percentile

READY = "ready"


# -- the server: `python -m bench.kakao_http serve PORT DB` ---------------------------------------
async def serve(port: int, db: Path) -> None:
    """The assembled app (store, queue, engine, dispatcher, follow-ups) behind uvicorn, as `dolbom serve` runs it."""
    import uvicorn

    from bot.app import running
    from bot.settings import Settings
    from bot.web import build_web

    settings = Settings(db_path=db)
    async with running(settings, telegram=False) as app:
        config = uvicorn.Config(build_web(app.routes), host="127.0.0.1", port=port, log_level="warning",
                                access_log=False, lifespan="off")
        server = uvicorn.Server(config)
        task = asyncio.create_task(server.serve())
        while not server.started:
            await asyncio.sleep(0.01)
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


def run_once(connections: int = 32, intakes: int = 20) -> dict[str, float]:
    """``connections`` parents at a time (Kakao's servers keep connections open), each doing ``intakes``
    whole intakes one after another. Requests/s, p50/p99 ms, and intakes that ended in a receipt."""
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
            rate, latencies, receipts = asyncio.run(load(port, connections, intakes))
        finally:
            server.terminate()
            server.wait(timeout=30)
    return {"requests_per_s": rate, "p50_ms": percentile(latencies, 0.5) * 1000,
            "p99_ms": percentile(latencies, 0.99) * 1000, "intakes": connections * intakes, "receipts": receipts}


def measure(runs: int = 3) -> dict[str, list[float]]:
    results = [run_once() for _ in range(runs)]
    return {k: [r[k] for r in results] for k in results[0]}


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        asyncio.run(serve(int(sys.argv[2]), Path(sys.argv[3])))
    else:
        print(run_once())
