"""A throwaway PostgreSQL server for the tests: initdb in a temporary directory, a free port.

One server per test session (starting one takes a few seconds); every test gets a database
of its own, cloned from an empty template, which takes milliseconds. The server is stopped
at exit, also when the tests fail. Where no server can be started (no binaries, no
unprivileged user to run it as), the tests that need one skip and say why, unless
``NEWSFUSE_REQUIRE_POSTGRES=1`` (set by ``.ci/run``) turns the skip into a failure.
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

#: The unprivileged system user that runs the server when the tests run as root.
_SERVER_USER = "postgres"
_counter = itertools.count()


class PgServer:
    """A running server: its base URL and how to make a fresh database on it."""

    def __init__(self, root: Path, bindir: Path, port: int, user: str) -> None:
        self.root = root
        self.bindir = bindir
        self.port = port
        self.user = user
        self.base = f"postgresql://{user}@127.0.0.1:{port}"
        self._template = ""

    def url(self, db: str = "postgres") -> str:
        """The URL of database ``db`` on this server."""
        return f"{self.base}/{db}"

    def new_database(self, migrated: bool = True) -> str:
        """Create a database and return its URL: a copy of a migrated template (cheap: a
        file copy, no migrations to run), or empty."""
        import psycopg

        from newsfuse.store import open_store

        if migrated and not self._template:
            empty = self.new_database(migrated=False)
            open_store(empty).close()
            self._template = empty.rsplit("/", 1)[1]
        name = f"t{os.getpid()}_{next(_counter)}"
        template = self._template if migrated else "template0"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        """Drop the database of ``url``, closing its connections."""
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        """Stop the server at once and remove its directory (once; later calls do nothing)."""
        if not self.root.exists():
            return
        pg_ctl = [str(self.bindir / "pg_ctl"), "stop", "-D", str(self.root / "data")]
        _run_as(self.user, [*pg_ctl, "-m", "immediate", "-w"], check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def find_bindir() -> Path | None:
    """The directory of ``initdb`` and ``pg_ctl``: on PATH, else the newest Debian install."""
    found = shutil.which("initdb")
    if found and (Path(found).resolve().parent / "pg_ctl").exists():
        return Path(found).resolve().parent
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[-2]))
    return Path(dirs[-1]) if dirs else None


def start_server() -> PgServer:
    """Start a server as an unprivileged user in a new temporary directory.

    Raises:
        RuntimeError: saying why no server could be started.
    """
    bindir = find_bindir()
    if bindir is None:
        raise RuntimeError("no PostgreSQL binaries (initdb) on PATH or in /usr/lib/postgresql")
    user = pwd.getpwuid(os.getuid()).pw_name
    if os.getuid() == 0:
        try:
            pwd.getpwnam(_SERVER_USER)
        except KeyError as exc:
            raise RuntimeError(f"running as root and no {_SERVER_USER!r} user") from exc
        user = _SERVER_USER
    root = Path(tempfile.mkdtemp(prefix="newsfuse-pg-"))
    if os.getuid() == 0:
        shutil.chown(root, user)
    port = _free_port()
    data = root / "data"
    init = [str(bindir / "initdb"), "-D", str(data), "-U", user, "-A", "trust", "-E", "UTF8"]
    _run_as(user, [*init, "--locale=C", "--no-sync"])
    opts = (
        f"-h 127.0.0.1 -p {port} -k {root} -c fsync=off -c synchronous_commit=off "
        "-c full_page_writes=off -c max_connections=200"
    )
    log = root / "server.log"
    server = PgServer(root, bindir, port, user)
    try:
        _run_as(
            user,
            [
                str(bindir / "pg_ctl"),
                "start",
                "-D",
                str(data),
                "-w",
                "-t",
                "60",
                "-l",
                str(log),
                "-o",
                opts,
            ],
        )
    except RuntimeError:
        text = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        server.stop()
        raise RuntimeError(f"the server did not start: {text}") from None
    atexit.register(server.stop)
    return server


def _run_as(user: str, argv: list[str], check: bool = True) -> None:
    if os.getuid() == 0:
        argv = ["runuser", "-u", user, "--", *argv]
    done = subprocess.run(argv, capture_output=True, text=True, check=False, cwd="/")
    if check and done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {(done.stderr or done.stdout)[-1500:]}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def unavailable(reason: str) -> None:
    """Skip the test (or fail it, when CI requires PostgreSQL) because no server runs."""
    message = f"no PostgreSQL server for the tests: {reason}"
    if os.environ.get("NEWSFUSE_REQUIRE_POSTGRES") == "1":
        pytest.fail(message + " (NEWSFUSE_REQUIRE_POSTGRES=1 requires one)")
    pytest.skip(message)
