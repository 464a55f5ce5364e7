from __future__ import annotations

import libcst as cst

from ds_migrate.findings import roles
from ds_migrate.findings import Applicability, NodeEdit, Severity
from ds_migrate.python.router_deployments import Deployment, deployment_of, forced_tool_choice, params_toggle
from ds_migrate.python.sites import NameSite
from ds_migrate.python.syntax import dict_get, dict_key_value, quote_of
from ds_migrate.python.usage import payload_kind, sent_as_json
from ds_migrate.rules.base import CheckContext, Example, FixAvailability, Match, Rule
from ds_migrate.rules.common import mode_of, rename_fix, retired, thinking_key_at, value_holder, weakest, where_to_set_mode
from ds_migrate.rules.forced_tool_choice import is_forced


class LegacyRequestPayload(Rule):
    """
    What it does:
        Finds a retired model name as the ``"model"`` of a request body built by
        hand (``{"model": ..., "messages": [...]}``) for requests, httpx or
        aiohttp, or of a LiteLLM Router deployment's ``litellm_params``
        (``Router(model_list=[...])``, a proxy ``config.yaml``), which the
        Router hands to ``litellm.completion`` as its request.

    Why it matters:
        The body is sent as is; since 2026-07-24 the API answers 400, and a bare
        rename turns thinking on, because V4 models think by default.

    Example:
        payload = {"model": "deepseek-reasoner", "messages": msgs}
        httpx.post(URL, json=payload)

    Fixed:
        payload = {"model": "deepseek-v4-flash", "messages": msgs, "thinking": {"type": "enabled"}}
        httpx.post(URL, json=payload)

    Fix:
        The name is renamed and, when the dict is visibly sent as the JSON body
        (``json=payload``, ``json.dumps(payload)``), a top-level
        ``"thinking": {"type": "disabled"}`` (or ``"enabled"``) key is added. A
        body that already has a ``"thinking"`` key keeps it; where the body's
        way out is not visible, the note says which mode to set. A Router
        deployment gets ``"extra_body": {"thinking": {...}}`` in its
        ``litellm_params`` (the form LiteLLM sends on every version checked);
        callers name it by its ``model_name``, so it is renamed whatever else
        names the id, and two deployments never merge.

    Fix safety:
        Safe.
    """

    code = "DSM102"
    role = roles.REQUEST
    may_be_compat_in = frozenset({roles.IN_BRANCHES})
    line_with_v4_is_compat = True
    name = "legacy-request-payload"
    severity = Severity.ERROR
    fix_availability = FixAvailability.ALWAYS
    fix_safety = Applicability.SAFE
    summary = "Retired model name in a hand-built request body"
    priority = 38
    valid = (Example('payload = {"model": "deepseek-v4-flash", "messages": []}\n'),)
    invalid = (
        Example(
            'requests.post(URL, json={"model": "deepseek-chat", "messages": msgs})\n',
            'requests.post(URL, json={"model": "deepseek-v4-flash", "messages": msgs, "thinking": {"type": "disabled"}})\n',
        ),
        Example(
            "payload = {\n    'model': 'deepseek-reasoner',\n    'messages': msgs,\n}\nhttpx.post(URL, json=payload)\n",
            "payload = {\n    'model': 'deepseek-v4-flash',\n    'messages': msgs,\n    'thinking': {'type': 'enabled'},\n}\nhttpx.post(URL, json=payload)\n",
        ),
        Example(
            'from litellm import Router\n'
            'router = Router(model_list=[{"model_name": "smart", "litellm_params": {"model": "deepseek/deepseek-reasoner"}}])\n',
            'from litellm import Router\n'
            'router = Router(model_list=[{"model_name": "smart", "litellm_params": {"model": "deepseek/deepseek-v4-flash", '
            '"extra_body": {"thinking": {"type": "enabled"}}}}])\n',
        ),
    )

    def match(self, site: NameSite, ctx: CheckContext) -> Match | None:
        if not site.is_whole_value:
            return None
        parents, conditional = value_holder(site)
        if len(parents) < 2 or not isinstance(parents[0], cst.DictElement):
            return None
        element, body = parents[0], parents[1]
        if dict_key_value(element) != "model" or not isinstance(body, cst.Dict):
            return None
        deployment = None if conditional else deployment_of(parents, site.info)
        if deployment is not None:
            return _router_deployment(site, ctx, deployment)
        kind = payload_kind(body)
        if kind == "config":
            return None
        fix = rename_fix(site, Applicability.SAFE)
        note = None
        forced = dict_get(body, "tool_choice")
        if mode_of(site, ctx) == "enabled" and forced is not None and is_forced(forced.value, False):
            fix.applicability = Applicability.NONE  # thinking would answer it 400 (DSM204)
            note = "not renamed here: this body forces tool_choice, which V4 thinking mode answers with 400 (DSM204)"
        elif kind == "fim":
            note = "completion payload: FIM is non-thinking only, fix renames it without a toggle"
        elif conditional:
            note = where_to_set_mode(site, ctx, "the model is chosen at run time")
        elif sent_as_json(body, parents[2:], site.info):
            thinking_key_at(body, site, ctx, fix)
        else:
            note = where_to_set_mode(site, ctx, "could not see how this body is sent")
        return Match(retired(site, ctx, "Request body model"), fix, note)


def _router_deployment(site: NameSite, ctx: CheckContext, deployment: Deployment) -> Match:
    """A LiteLLM Router deployment's ``litellm_params["model"]``: a request's
    model (python/router_deployments.py); the mode goes into its
    ``extra_body``. Callers use its ``model_name``, so it couples with nothing."""
    name = deployment.model_name
    where = f'Model of the LiteLLM Router deployment "{name}"' if name else "Model of a LiteLLM Router deployment"
    fix = rename_fix(site, Applicability.SAFE)
    mode = mode_of(site, ctx)
    forced = forced_tool_choice(deployment)
    if mode == "enabled" and forced is not None and is_forced(forced, False):
        fix.applicability = Applicability.NONE  # thinking would answer it 400 (DSM204)
        note = "not renamed here: this deployment forces tool_choice, which V4 thinking mode answers with 400 (DSM204)"
        return Match(retired(site, ctx, where), fix, note)
    note = None
    if ctx.mapping.adds_toggle:
        toggle = params_toggle(deployment, mode, quote_of(site.token))
        if toggle.apply is not None:
            fix.edits.append(NodeEdit(deployment.params, toggle.apply))
            fix.applicability = weakest(fix.applicability, toggle.applicability)
        note = toggle.note
    return Match(retired(site, ctx, where), fix, note)
