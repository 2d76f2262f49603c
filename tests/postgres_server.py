"""A throwaway PostgreSQL server for the tests: DOLBOM_TEST_DATABASE_URL, or a cluster of Debian's initdb in tmp."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
NO_SERVER = ("no PostgreSQL server: set DOLBOM_TEST_DATABASE_URL or install Debian's postgresql "
             "(apt-get install postgresql); under CI=true this is a failure")


def _tool(name: str) -> str | None:
    for directory in BIN_DIRS:
        if (directory / name).exists():
            return str(directory / name)
    return shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_owner(args: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: as root they run as the postgres user."""
    if os.geteuid() != 0:
        return args
    return ["runuser", "-u", "postgres", "--", *args]


@contextlib.contextmanager
def cluster(*, durable: bool = False) -> Iterator[str]:
    """Start a cluster in a temporary folder on a free port (trust on 127.0.0.1); yields its admin URL.
    Tests run it with fsync off; ``durable`` (the benchmark) keeps PostgreSQL's own defaults."""
    initdb, pg_ctl = _tool("initdb"), _tool("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise FileNotFoundError("initdb")
    base = Path(tempfile.mkdtemp(prefix="dolbom-pg-"))
    data = base / "data"
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    port = _free_port()
    subprocess.run(_as_owner([initdb, "-D", str(data), "-U", "dolbom", "--auth=trust", "-E", "UTF8",
                              "--locale=C.UTF-8", "--no-sync"]), check=True, capture_output=True)
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c max_connections=200"
    if not durable:
        options += " -c fsync=off"
    subprocess.run(_as_owner([pg_ctl, "-D", str(data), "-o", options, "-l", str(base / "log"), "-w", "start"]),
                   check=True, capture_output=True)
    try:
        yield f"postgresql://dolbom@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_owner([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]), capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


@contextlib.contextmanager
def server_url() -> Iterator[str]:
    """The admin URL of a server for the tests, or pytest.skip (pytest.fail under CI) when none can be had."""
    given = os.environ.get("DOLBOM_TEST_DATABASE_URL", "")
    if given:
        yield given
        return
    try:
        with cluster() as url:
            yield url
    except (FileNotFoundError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        message = f"{NO_SERVER} ({exc}; {detail.decode(errors='replace')[-300:]})"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)


async def fresh_database(admin_url: str) -> str:
    """A new, empty database on the server; returns its URL (each test gets its own)."""
    import asyncpg

    name = f"t_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return admin_url.rsplit("/", 1)[0] + "/" + name
