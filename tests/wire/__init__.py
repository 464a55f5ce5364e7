"""The wire tests (see conftest.py).

A package, so that this folder's conftest is not imported under the same
module name as tests/conftest.py (which other tests import helpers from).
The folder stays on sys.path so the tests can import ``wire_harness`` and
``recorder`` by their own names.
"""

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
