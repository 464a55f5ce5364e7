from __future__ import annotations

from ds_migrate.findings import Severity
from ds_migrate.rules.base import Example, Rule


class DynamicModelName(Rule):
    """
    What it does:
        Finds model names built at run time from a ``"deepseek-"`` piece:
        ``f"deepseek-{kind}"``, ``"deepseek-" + kind``,
        ``"deepseek-{}".format(kind)``, ``"deepseek-%s" % kind``, and the same
        shapes in other languages (`` `deepseek-${kind}` ``, ``"deepseek-%s"``).

    Why it matters:
        When ``kind`` is ``"chat"`` or ``"reasoner"`` this builds a retired name
        that no search for the full name finds.

    Example:
        model = f"deepseek-{kind}"

    Use instead:
        model = "deepseek-v4-flash"

    Fix:
        None; look at where ``kind`` comes from, and set the thinking mode
        explicitly.
    """

    code = "DSM107"
    name = "dynamic-model-name"
    severity = Severity.WARNING
    summary = "Model name built at run time from 'deepseek-'"
    claims_names = False
    valid = (
        Example('MODEL = "deepseek-v4-flash"\n'),
    )
    invalid = (Example('model = f"deepseek-{kind}"\n'), Example('model = "deepseek-" + kind\n'))

    message = (
        "Model name built at run time from 'deepseek-': if the rest is 'chat' or "
        "'reasoner' it names a model retired on 2026-07-24; use 'v4-flash' with an explicit thinking mode"
    )
