"""A fake Kakao Event API server on 127.0.0.1: records every push request and answers as scripted."""

from __future__ import annotations

import asyncio
import json
import socket
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

KEY = "test-rest-api-key"
BOT_ID = "65a1ef5be5d4b7a3c9d81d77"


@dataclass
class Call:
    path: str
    headers: dict[str, str]
    raw: bytes

    @property
    def body(self) -> Any:
        return json.loads(self.raw)


@dataclass
class FakeEventApi:
    """Answers ``{"taskId": ..., "status": "SUCCESS"}`` unless ``script`` holds (HTTP status, body) answers to
    give first, in order. ``stop()`` takes it down (connections are refused) and ``start()`` brings it back on
    the same port."""

    calls: list[Call] = field(default_factory=list)
    script: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    port: int = 0
    _server: uvicorn.Server | None = None
    _task: asyncio.Task[None] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> FakeEventApi:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        self.port = sock.getsockname()[1]
        app = Starlette(routes=[Route("/{path:path}", self._endpoint, methods=["POST", "GET"])])
        self._server = uvicorn.Server(uvicorn.Config(app, lifespan="off", log_level="warning",
                                                     timeout_graceful_shutdown=1))
        self._task = asyncio.create_task(self._server.serve(sockets=[sock]))
        for _ in range(200):
            if self._server.started:
                return self
            await asyncio.sleep(0.01)
        raise RuntimeError("fake Event API server did not start")

    async def stop(self) -> None:
        if self._server is not None and self._task is not None:
            self._server.should_exit = True
            await asyncio.wait_for(self._task, timeout=5)
            self._server = self._task = None

    async def __aenter__(self) -> FakeEventApi:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def _endpoint(self, request: Request) -> JSONResponse:
        self.calls.append(Call(request.url.path, {k.lower(): v for k, v in request.headers.items()},
                               await request.body()))
        if self.script:
            status, body = self.script.pop(0)
            return JSONResponse(body, status_code=status)
        return JSONResponse({"taskId": f"task-{len(self.calls)}", "status": "SUCCESS", "message": "",
                             "timestamp": 1764900000000})
