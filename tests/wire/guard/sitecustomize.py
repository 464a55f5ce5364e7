"""Loaded first by every program a wire test runs: no connection leaves this machine.

A library that tries the network (a price table, telemetry, a misrouted
request) fails at once instead of hanging or reaching a real host.
"""

import socket

_LOCAL = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_getaddrinfo = socket.getaddrinfo


def _allowed(address) -> bool:
    if isinstance(address, (str, bytes)):  # a unix socket
        return True
    host = address[0] if isinstance(address, tuple) and address else address
    return isinstance(host, str) and (host in _LOCAL or host.startswith("127."))


def _refuse(what) -> OSError:
    return ConnectionRefusedError(f"wire guard: {what} is not on this machine")


def connect(self, address):
    if not _allowed(address):
        raise _refuse(address)
    return _connect(self, address)


def connect_ex(self, address):
    if not _allowed(address):
        raise _refuse(address)
    return _connect_ex(self, address)


def getaddrinfo(host, *args, **kwargs):
    name = host.decode() if isinstance(host, bytes) else host
    if name is not None and not _allowed((name,)):
        raise socket.gaierror(socket.EAI_NONAME, f"wire guard: {name} is not on this machine")
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.getaddrinfo = getaddrinfo
