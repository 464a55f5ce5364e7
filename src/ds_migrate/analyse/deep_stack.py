"""A thread with a stack deep enough for libcst on deeply nested code."""

from __future__ import annotations

DEEP_STACK_BYTES = 256 * 1024 * 1024
DEEP_RECURSION_LIMIT = 20_000
_DEEP_THREAD = "ds-migrate-deep-stack"


def run_with_deep_stack(function, *args) -> None:
    """Run ``function`` on a thread with a large stack.

    libcst's parser and visitors recurse once per nesting level; on the main
    thread's default stack a deeply nested file could crash the process
    instead of raising an error we can report.
    """
    import sys
    import threading

    if threading.current_thread().name == _DEEP_THREAD:
        function(*args)  # already on a deep stack (a worker runs its whole batch on one)
        return
    failure: list[BaseException] = []

    def target() -> None:
        try:
            function(*args)
        except BaseException as error:  # re-raised on the calling thread
            failure.append(error)

    if sys.getrecursionlimit() < DEEP_RECURSION_LIMIT:
        sys.setrecursionlimit(DEEP_RECURSION_LIMIT)
    previous = threading.stack_size(DEEP_STACK_BYTES)
    try:
        thread = threading.Thread(target=target, name=_DEEP_THREAD)
        thread.start()
    finally:
        threading.stack_size(previous)
    thread.join()
    if failure:
        raise failure[0]
