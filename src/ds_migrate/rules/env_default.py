from __future__ import annotations

from ds_migrate.findings import roles
from ds_migrate.findings import Applicability, Severity
from ds_migrate.python.sites import NameSite
import libcst as cst

from ds_migrate.python.syntax import dotted_name, keyword_arg
from ds_migrate.rules.base import CheckContext, Example, FixAvailability, Match, Rule
from ds_migrate.rules.common import enclosing_call_arg, positional_index, rename_fix, retired

_ENV_GETTERS = {
    "os.getenv",
    "os.environ.get",
    "os.environ.setdefault",
    "environ.get",
    "environ.setdefault",
    "getenv",
}


class LegacyEnvDefault(Rule):
    """
    What it does:
        Finds a retired model name used as the fallback of an environment
        lookup: ``os.getenv("DEEPSEEK_MODEL", "deepseek-chat")``,
        ``os.environ.get``, ``os.environ.setdefault``, a pydantic
        ``Field("deepseek-chat", env="...")``, or ``${MODEL:-deepseek-chat}``
        in shell and config files.

    Why it matters:
        The default is what runs wherever the variable is unset, usually in
        tests and on new machines; it fails with a 400 since 2026-07-24.

    Example:
        import os
        MODEL = os.getenv("DEEPSEEK_MODEL", "deepseek-chat")

    Fixed:
        import os
        MODEL = os.getenv("DEEPSEEK_MODEL", "deepseek-v4-flash")

    Fix:
        The default is renamed. The thinking mode cannot be set here; the note
        says which mode to set where the request is made, and the same variable
        in ``.env`` files and deployment config needs the new name too.

    Fix safety:
        Safe.
    """

    code = "DSM104"
    role = roles.VALUE
    may_be_compat_in = frozenset({roles.IN_BRANCHES})
    line_with_v4_is_compat = True
    name = "legacy-env-default"
    severity = Severity.ERROR
    fix_availability = FixAvailability.ALWAYS
    fix_safety = Applicability.SAFE
    summary = "Retired model name as an environment-variable default"
    priority = 30
    valid = (Example('os.getenv("DEEPSEEK_MODEL", "deepseek-v4-flash")\n'),)
    invalid = (
        Example(
            'import os\nMODEL = os.getenv("DEEPSEEK_MODEL", "deepseek-chat")\n',
            'import os\nMODEL = os.getenv("DEEPSEEK_MODEL", "deepseek-v4-flash")\n',
        ),
        Example(
            "import os\nos.environ.setdefault('LLM_MODEL', 'deepseek-reasoner')\n",
            "import os\nos.environ.setdefault('LLM_MODEL', 'deepseek-v4-flash')\n",
        ),
    )

    def match(self, site: NameSite, ctx: CheckContext) -> Match | None:
        found = enclosing_call_arg(site)
        if found is None:
            return None
        call, arg, _ = found
        qualified = site.info.qualified(call.func) or ""
        is_default = (arg.keyword is not None and arg.keyword.value == "default") or positional_index(call, arg) == 1
        if qualified in _ENV_GETTERS and is_default:
            variable = site.info.resolve_string(call.args[0].value) if call.args else None
        elif qualified.endswith("Field") and keyword_arg(call, "env") is not None and (
            positional_index(call, arg) == 0 or (arg.keyword is not None and arg.keyword.value == "default")
        ):
            variable = site.info.resolve_string(keyword_arg(call, "env").value)
        else:
            return None
        label = f"Default of ${variable}" if variable else "Environment default"
        fix = rename_fix(site, Applicability.SAFE)
        # MODEL = os.getenv("X", "deepseek-chat"): followed to the module's requests as a constant is
        from ds_migrate.rules.constant import follow_binding

        parents = site.role_parents
        holder = parents[2] if len(parents) > 2 and parents[1] is call else None
        key = None
        if isinstance(holder, cst.Assign) and len(holder.targets) == 1 and holder.value is call:
            key = dotted_name(holder.targets[0].target)
        return Match(retired(site, ctx, label), fix, note=follow_binding(site, ctx, fix, key, False, "renamed the default"))
