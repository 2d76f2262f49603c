"""`dolbom serve` as a process: one loop serves the web routes, and SIGTERM/SIGINT stop it cleanly."""

from __future__ import annotations

import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_answers_kakao_and_stops_cleanly_on_a_signal(tmp_path: Path, sig: signal.Signals) -> None:
    db, port = tmp_path / "serve.sqlite3", free_port()
    env = {"DOLBOM_DB_PATH": str(db), "DOLBOM_HTTP_PORT": str(port), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "bot.shell.cli", "serve", "--no-console"], cwd=ROOT, env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60  # a loaded 2-core machine starts it in a few seconds
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() >= deadline or proc.poll() is not None:
                proc.kill()  # stderr is read only once the process is gone: reading it live would wait forever
                pytest.fail(f"serve did not answer /healthz in time: {proc.communicate()[1]}")
            time.sleep(0.1)
        body = {"userRequest": {"utterance": "4살 아이 내일 저녁 맡길 곳", "user": {"id": "serve-test"}}}
        answer = httpx.post(f"http://127.0.0.1:{port}/kakao/skill", json=body, timeout=10)
        assert answer.status_code == 200 and answer.json()["version"] == "2.0"
        assert httpx.get(f"http://127.0.0.1:{port}/map", timeout=10).status_code == 200
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "stopped cleanly" in err
    assert not Path(f"{db}-wal").exists()  # SQLite removes its WAL only when the store was closed
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM messages WHERE user_key = 'kakao:serve-test'").fetchone()[0] == 2
