"""The app server's TCP connections send without delay (TCP_NODELAY).

Streamlit 1.67 binds its listening socket itself with ``socket.socket(family=...)``, whose protocol
number is 0 rather than ``IPPROTO_TCP``; asyncio only switches Nagle's algorithm off for sockets that
say ``IPPROTO_TCP`` (``asyncio.base_events._set_nodelay``), so every connection the server accepts keeps
it on. A response written in more than one piece (headers, then body; a rerun's many websocket
messages) then waits for the browser's delayed acknowledgement: about 40 ms for every request on a
kept-alive connection. The first screen of a new session loads some 90 script chunks over six
connections, which took 0.7 s instead of 0.1 s.

:func:`send_without_delay` makes asyncio switch Nagle off for every TCP socket it wraps, whatever its
protocol number says. It changes nothing else and can be dropped once Streamlit binds its socket with
``IPPROTO_TCP``.
"""

from __future__ import annotations

import asyncio.base_events
import logging
import socket
from typing import Any

log = logging.getLogger(__name__)

_TCP_FAMILIES = {socket.AF_INET, socket.AF_INET6}
ASYNCIO_RULE = getattr(asyncio.base_events, "_set_nodelay", None)
"""asyncio's own function, as it was when this module was imported (for the tests)."""


def _set_nodelay(sock: Any) -> None:
    """asyncio's own rule without its ``sock.proto == IPPROTO_TCP`` condition."""
    if sock.family in _TCP_FAMILIES and sock.type == socket.SOCK_STREAM:
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:  # a socket closed in the meantime; asyncio's transport reports that itself
            log.debug("TCP_NODELAY could not be set on %r", sock, exc_info=True)


def send_without_delay() -> bool:
    """Switch Nagle's algorithm off for every TCP connection asyncio accepts from now on, for the whole
    process (calling it again changes nothing). Returns True when asyncio has the hook this relies on."""
    if not hasattr(socket, "TCP_NODELAY") or not hasattr(asyncio.base_events, "_set_nodelay"):
        log.warning("asyncio has no _set_nodelay: the server's connections keep Nagle's algorithm")
        return False
    asyncio.base_events._set_nodelay = _set_nodelay
    return True
