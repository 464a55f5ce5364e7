from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ds_migrate.analyse import Options, process_file
from ds_migrate.deepseek.mapping import Mapping

REPO = Path(__file__).resolve().parent.parent

# tests/realworld holds sample projects (some with test_*.py and conftest.py of
# their own): data for test_realworld.py, never collected as tests.
collect_ignore_glob = ["realworld/*"]

# The engine raises the limit for its deep-stack parsing thread; raising it
# up front keeps hypothesis from warning that a test changed it.
from ds_migrate.analyse import DEEP_RECURSION_LIMIT  # noqa: E402

sys.setrecursionlimit(max(sys.getrecursionlimit(), DEEP_RECURSION_LIMIT))


def scan(source: str, path: str = "t.py", **options) -> list:
    """Findings (not suppressed) for ``source``, in order."""
    processed = process_file(path, source.encode(), _options(options))
    return processed.result.findings


def scan_result(source: str | bytes, path: str = "t.py", **options):
    data = source.encode() if isinstance(source, str) else source
    return process_file(path, data, _options(options)).result


def codes(source: str, path: str = "t.py", **options) -> list[str]:
    return [f.code for f in scan(source, path, **options)]


def thinking_codes(source: str, path: str = "t.py", **options) -> list[str]:
    """Codes of the DSM2xx (thinking-mode) findings for ``source``, in order."""
    return [code for code in codes(source, path, **options) if code.startswith("DSM2")]


def renamed(source: str) -> str:
    """``source`` with every retired name swapped for the default target, and nothing else."""
    return source.replace("deepseek-chat", "deepseek-v4-flash").replace("deepseek-reasoner", "deepseek-v4-flash")


def fix(source: str | bytes, unsafe: bool = False, path: str = "t.py", **options) -> str | bytes:
    """The source after ``fix`` (str in, str out; bytes in, bytes out)."""
    data = source.encode() if isinstance(source, str) else source
    processed = process_file(path, data, _options(options, unsafe), want_fix=True)
    out = processed.fixed_data if processed.fixed_data is not None else data
    return out.decode() if isinstance(source, str) else out


def _options(options: dict, unsafe: bool = False) -> Options:
    mapping = Mapping(
        target=options.pop("target", "deepseek-v4-flash"),
        thinking_form=options.pop("thinking_form", "object"),
        overrides=options.pop("overrides", {}),
        assume_mode=options.pop("assume_mode", None),
    )
    return Options(mapping=mapping, unsafe_fixes=unsafe, **options)


@pytest.fixture
def ds_migrate_exe() -> str:
    exe = Path(sys.executable).parent / "ds-migrate"
    if not exe.exists():
        pytest.skip("ds-migrate entry point is not installed next to this python")
    return str(exe)
