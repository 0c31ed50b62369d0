"""The server's connections switch Nagle's algorithm off even for a listening socket made with protocol
number 0, as Streamlit 1.67 makes it (regie/ui/sockets.py)."""

from __future__ import annotations

import asyncio
import asyncio.base_events
import socket
import sys
from collections.abc import Iterator

import pytest

from regie.ui import sockets


@pytest.fixture
def patched() -> Iterator[None]:
    current = asyncio.base_events._set_nodelay  # type: ignore[attr-defined]
    try:
        assert sockets.send_without_delay()
        yield
    finally:
        asyncio.base_events._set_nodelay = current  # type: ignore[attr-defined]


@pytest.fixture
def unpatched() -> Iterator[None]:
    """asyncio's own rule, also when an AppTest of app.py in this process already switched it."""
    current = asyncio.base_events._set_nodelay  # type: ignore[attr-defined]
    try:
        asyncio.base_events._set_nodelay = sockets.ASYNCIO_RULE  # type: ignore[attr-defined]
        yield
    finally:
        asyncio.base_events._set_nodelay = current  # type: ignore[attr-defined]


def _accepted_nodelay() -> int:
    """Serve once on a listening socket bound the way Streamlit binds it; the TCP_NODELAY of the
    connection asyncio accepted."""
    listener = socket.socket(family=socket.AF_INET)  # protocol number 0, like Streamlit's _bind_socket
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    assert listener.proto == 0
    seen: list[int] = []

    async def main() -> None:
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            seen.append(writer.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(handle, sock=listener)
        async with server:
            _, writer = await asyncio.open_connection(*listener.getsockname())
            while not seen:
                await asyncio.sleep(0.01)
            writer.close()

    asyncio.run(main())
    return seen[0]


def test_asyncio_alone_leaves_nagle_on_for_such_a_socket(unpatched: None) -> None:
    """The defect this module works around (if asyncio ever fixes it, the workaround can go)."""
    assert _accepted_nodelay() == 0


def test_connections_send_without_delay_once_switched(patched: None) -> None:
    assert _accepted_nodelay() == 1


def test_other_sockets_are_left_alone(patched: None) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        asyncio.base_events._set_nodelay(udp)  # type: ignore[attr-defined]  # no error, nothing to set
    if hasattr(socket, "AF_UNIX"):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as unix:
            asyncio.base_events._set_nodelay(unix)  # type: ignore[attr-defined]


def test_the_router_switches_it_on() -> None:
    from pathlib import Path

    app = (Path(__file__).resolve().parents[1] / "app.py").read_text(encoding="utf-8")
    assert "send_without_delay()" in app.split("st.set_page_config", 1)[0], "before the first page is drawn"


def test_the_launcher_switches_it_on_before_streamlit_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    """``python -m regie.ui.serve --server.port 8600`` = ``streamlit run app.py --server.port 8600``, with
    the switch made before Streamlit's server binds (so from the first connection on)."""
    from streamlit.web import cli

    from regie.ui import serve

    seen: list[tuple[list[str], object]] = []

    def fake_main(prog_name: str) -> None:
        seen.append((list(sys.argv), asyncio.base_events._set_nodelay))  # type: ignore[attr-defined]

    current = asyncio.base_events._set_nodelay  # type: ignore[attr-defined]
    monkeypatch.setattr(cli, "main", fake_main)
    monkeypatch.setattr(sys, "argv", ["serve.py", "--server.port", "8600"])
    try:
        asyncio.base_events._set_nodelay = sockets.ASYNCIO_RULE  # type: ignore[attr-defined]
        serve.main()
    finally:
        asyncio.base_events._set_nodelay = current  # type: ignore[attr-defined]
    argv, rule = seen[0]
    assert argv == ["streamlit", "run", str(serve.APP), "--server.port", "8600"]
    assert serve.APP.name == "app.py" and serve.APP.exists()
    assert rule is sockets._set_nodelay
