"""The server as it starts from this repository: it listens on this machine only, and asks nobody
outside for anything (no ``checkip.amazonaws.com``, no usage statistics)."""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import psutil
import pytest
from browser_support import StreamlitServer

pytestmark = pytest.mark.slow

RECORDER = textwrap.dedent('''
    """Records every outgoing connection and name lookup of this process (loaded via sitecustomize)."""
    import json, os, socket

    _log = os.environ["REGIE_NET_LOG"]
    _connect, _getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def _note(kind, target):
        with open(_log, "a") as out:
            out.write(json.dumps([kind, str(target)]) + "\\n")

    def connect(self, address):
        _note("connect", address)
        return _connect(self, address)

    def getaddrinfo(host, *args, **kwargs):
        _note("lookup", host)
        return _getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = connect
    socket.getaddrinfo = getaddrinfo
''')

LOOPBACK = ("127.0.0.1", "::1", "localhost")


def test_the_server_listens_on_loopback_and_contacts_no_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sitecustomize.py").write_text(RECORDER)
    log = tmp_path / "net.log"
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.setenv("REGIE_NET_LOG", str(log))
    with StreamlitServer(log_path=tmp_path / "server.log") as server:
        assert server.process is not None
        listening = {
            c.laddr.ip for p in [psutil.Process(server.process.pid), *psutil.Process(server.process.pid).children(True)]
            for c in p.net_connections(kind="inet") if c.status == psutil.CONN_LISTEN
        }
    assert listening == {"127.0.0.1"}, f"listens on {listening}"
    seen = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    outside = [(kind, target) for kind, target in seen if not any(host in target for host in LOOPBACK)]
    assert not outside, f"the server contacted {outside}"
