"""Which files are tests: the decision treats their uses as observers
(project/verdicts.py), and a handler adds no thinking mode to a test's
mocked request body (its assertions check that body as written)."""

from __future__ import annotations

import re

_TEST_PATH = re.compile(
    r"(^|/)(tests?|__tests__|spec|specs|testing)/|(^|/)(test_[^/]*|[^/]*_test\.[^/.]+|conftest\.py"
    r"|[^/]*\.(test|spec)\.[cm]?[jt]sx?)$",
    re.IGNORECASE,
)


def is_test_path(path: str) -> bool:
    return _TEST_PATH.search(path.replace("\\", "/")) is not None
