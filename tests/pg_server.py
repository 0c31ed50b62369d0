"""A throwaway PostgreSQL server on loopback, for the storage tests and for ``.ci/run``.

As a library: ``server = start()`` (raises :class:`Unavailable` with the reason when no server can be
started), ``server.url``, ``server.stop()``. As a script::

    python tests/pg_server.py start DIR   # prints: export REGIE_TEST_POSTGRES_URL='postgresql+psycopg://...'
    python tests/pg_server.py stop DIR

The cluster lives in ``DIR/data`` (password authentication, a random password, listening only on
127.0.0.1 at a free port, its socket in DIR). PostgreSQL refuses to run as root: when run as root,
the server runs as the ``postgres`` user (Debian's package creates it), else as ``nobody``.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

DATABASE = "regie_test"
USER = "regie"


class Unavailable(Exception):
    """No PostgreSQL server can be started here (the message says why)."""


@dataclass
class Server:
    """A running throwaway server."""

    base: Path
    bindir: Path
    port: int
    password: str
    owned: bool
    """True when ``base`` was created here (and is removed on stop)."""

    @property
    def url(self) -> str:
        """SQLAlchemy URL of the test database."""
        return f"postgresql+psycopg://{USER}:{self.password}@127.0.0.1:{self.port}/{DATABASE}"

    def stop(self) -> None:
        """Stop the server and remove its files."""
        _stop(self.base, self.bindir)
        if self.owned:
            shutil.rmtree(self.base, ignore_errors=True)


def find_bindir() -> Path | None:
    """The directory with initdb and pg_ctl (newest Debian version first), or None."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version, reverse=True)
    for candidate in candidates:
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _version(path: str) -> tuple[int, ...]:
    part = Path(path).parent.name
    return tuple(int(x) for x in part.split(".") if x.isdigit()) or (0,)


def _run_as() -> pwd.struct_passwd | None:
    """The user to run the server as when we are root (None when not root)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise Unavailable("als root gestart en er is geen gebruiker 'postgres' of 'nobody' om de server onder te draaien")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(command: list[str], user: pwd.struct_passwd | None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    kwargs: dict[str, object] = {}
    if user is not None:
        kwargs = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}
        env["HOME"] = "/tmp"
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env, check=False,
                          cwd="/", **kwargs)


def start(base: Path | None = None) -> Server:
    """Start a server in ``base`` (a new temporary directory when None)."""
    bindir = find_bindir()
    if bindir is None:
        raise Unavailable("geen PostgreSQL-programma's (initdb, pg_ctl) gevonden; installeer het Debian-pakket postgresql")
    user = _run_as()
    owned = base is None
    base = Path(tempfile.mkdtemp(prefix="regie-pg-")) if base is None else Path(base)
    base.mkdir(parents=True, exist_ok=True)
    password = secrets.token_hex(16)
    pwfile = base / "pwfile"
    pwfile.write_text(password + "\n")
    os.chmod(base, 0o700)
    os.chmod(pwfile, 0o600)
    if user is not None:
        for path in (base, pwfile):
            os.chown(path, user.pw_uid, user.pw_gid)
    data = base / "data"
    try:
        init = _run([str(bindir / "initdb"), "-D", str(data), "-U", USER, "--auth=scram-sha-256",
                     f"--pwfile={pwfile}", "-E", "UTF8", "--no-locale", "--no-sync"], user)
        pwfile.unlink(missing_ok=True)
        if init.returncode != 0:
            raise Unavailable(f"initdb mislukte: {(init.stderr or init.stdout).strip()[-500:]}")
        last_error = ""
        for _attempt in range(5):
            port = _free_port()
            options = f"-c listen_addresses=127.0.0.1 -p {port} -k {base} -c fsync=off -c max_connections=60"
            started = _run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(base / "server.log"), "-w",
                            "-t", "60", "-o", options, "start"], user)
            if started.returncode == 0:
                server = Server(base, bindir, port, password, owned)
                _create_database(server)
                return server
            log = (base / "server.log").read_text(errors="replace") if (base / "server.log").exists() else ""
            last_error = (started.stderr or started.stdout or log).strip()[-500:]
        raise Unavailable(f"pg_ctl start mislukte: {last_error}")
    except Unavailable:
        if owned:
            shutil.rmtree(base, ignore_errors=True)
        raise
    except (OSError, subprocess.SubprocessError) as exc:
        if owned:
            shutil.rmtree(base, ignore_errors=True)
        raise Unavailable(f"de server kon niet worden gestart: {exc}") from exc


def _create_database(server: Server) -> None:
    import psycopg

    deadline = time.monotonic() + 30
    while True:
        try:
            with psycopg.connect(host="127.0.0.1", port=server.port, user=USER, password=server.password,
                                 dbname="postgres", autocommit=True, connect_timeout=5) as conn:
                conn.execute(f"CREATE DATABASE {DATABASE}")
                return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _stop(base: Path, bindir: Path | None = None) -> None:
    bindir = bindir or find_bindir()
    data = base / "data"
    if bindir is None or not (data / "postmaster.pid").exists():
        return
    try:
        user = _run_as()
    except Unavailable:
        user = None
    _run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], user, timeout=60)


def main(argv: list[str]) -> int:
    """``start DIR`` prints the export line; ``stop DIR`` stops the server and empties DIR."""
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print("gebruik: pg_server.py start|stop DIR", file=sys.stderr)
        return 2
    base = Path(argv[1])
    if argv[0] == "stop":
        _stop(base)
        shutil.rmtree(base, ignore_errors=True)
        return 0
    try:
        server = start(base)
    except Unavailable as exc:
        print(f"PostgreSQL niet gestart: {exc}", file=sys.stderr)
        return 1
    print(f"export REGIE_TEST_POSTGRES_URL='{server.url}'")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
