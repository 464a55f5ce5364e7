"""Wire tests: the real client packages send their requests to a local recorder.

Every test in this folder is marked ``wire`` and left out of the plain
``pytest`` run; ``pytest -m wire tests/wire`` runs them in whatever
environment has the packages (``tests/wire/run_matrix.py`` builds one per
version in ``matrix.toml``). A test whose package is missing skips; the
matrix runner fails when a test it expects in an environment skipped there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from recorder import Recorder
from wire_harness import check_pair, run_program, run_programs

HERE = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.wire)


@pytest.fixture(scope="session")
def _recorder_server():
    server = Recorder()
    yield server
    server.close()


@pytest.fixture
def recorder(_recorder_server):
    """The recording server, emptied for this test: ``.base_url``, ``.bodies``, ``.paths``."""
    _recorder_server.reset()
    yield _recorder_server
    _recorder_server.reset()


class Wire:
    """``check(before, after)`` proves a pair on the wire (see wire_harness.check_pair);
    ``run(source)`` runs one program and returns what it sent."""

    def __init__(self, recorder: Recorder, workdir: Path) -> None:
        self.recorder = recorder
        self.workdir = workdir

    def check(self, before: str, after: str, **options):
        return check_pair(self.recorder, self.workdir, before, after, **options)

    def run(self, source: str, name: str = "program"):
        """The POST requests (``.path``, ``.body``) one program sent."""
        return run_program(self.recorder, source, self.workdir, name)

    def run_all(self, sources: dict[str, str]):
        """Several programs at once: name -> the POST requests it sent."""
        return run_programs(self.recorder, sources, self.workdir)


@pytest.fixture
def wire(recorder, tmp_path):
    return Wire(recorder, tmp_path)
