"""Give libcst only the statements the analysis can be about.

libcst builds its tree about ten times slower than CPython's own parser, and
in a real module that mentions DeepSeek most statements do not. So the
module is parsed in a *slice*: a statement is kept when its text names
DeepSeek, ``reasoning_content`` or an assistant role, or when a name links
it to a kept one the way the rules follow names (``python/follows.py``);
every other statement becomes a placeholder of the same lines and line
lengths. The facts the analysis needs from the whole module (imports,
parameter names) come from CPython's ``ast`` of it; what the rules then
look up is checked against what was kept (``Slice.check_covers``), and a
question outside it means the module is parsed whole. Fixes are spliced
into the original text, only the changed characters replaced.

The engine uses this package through these names only:

- ``parse(text)``: the plan and the libcst module parsed from it;
- ``Slice.widened``, ``Slice.check_covers``, ``SliceTooNarrow``: the whole
  module instead, when the slice was too narrow;
- ``splice`` and ``SpliceError``: a fixed module back into the original text;
- ``enabled()``: ``DS_MIGRATE_NO_SLICING=1`` turns slicing off (to compare).

Inside: ``planner.py`` (leaves, placeholders, the plan), ``closure.py``
(which leaves to keep), ``splicer.py`` (the splice) and ``codegen.py`` (the
one use of libcst's private code generator).
"""

from __future__ import annotations

from ds_migrate.python.slicing.planner import Slice, SliceTooNarrow, enabled, plan
from ds_migrate.python.slicing.splicer import SpliceError, splice

__all__ = ["Slice", "SliceTooNarrow", "SpliceError", "enabled", "parse", "plan", "splice"]


def parse(text: str):
    """The slice plan of ``text`` and the libcst module parsed from it;
    (plan, None) when the whole module is to be parsed; (None, None) when
    CPython cannot read it either."""
    import libcst as cst

    found = plan(text)
    if found is not None and not enabled():
        found = found.widened(text)
    if found is None or found.whole:
        return found, None
    try:
        module = cst.parse_module(found.text)
    except (cst.ParserSyntaxError, RecursionError, MemoryError):
        return found.widened(text), None
    if len(module.body) != len(found.units):
        return found.widened(text), None
    return found, module
