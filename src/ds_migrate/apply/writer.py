"""Write a file so that it is always either the old or the new version."""

from __future__ import annotations

import os
import stat
import tempfile


class FileChangedError(Exception):
    """The file on disk is no longer what was read."""


def write_atomically(path: str, data: bytes, expected: bytes) -> None:
    """Replace ``path`` with ``data`` if it still holds ``expected``.

    The new content goes to a temporary file in the same folder, is flushed
    to disk, and then renamed over the original, which keeps its mode. A
    lock on the file makes the check and the rename one step for other
    ds-migrate runs, so two runs at once cannot lose each other's edits.
    """
    with open(path, "rb") as locked:
        _lock(locked)
        # read again by name: a run that held the lock may have replaced the file
        with open(path, "rb") as current:
            if current.read() != expected:
                raise FileChangedError(f"{path} changed on disk since it was read; not written")
        _replace(path, data)


def _lock(handle) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: the content check still holds
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)


def _replace(path: str, data: bytes) -> None:
    mode = stat.S_IMODE(os.stat(path).st_mode)
    folder = os.path.dirname(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(prefix=".ds-migrate-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
