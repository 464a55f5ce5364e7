"""The LiteLLM proxy's YAML config: a top-level ``model_list`` whose entries
(``- model_name: fast`` / ``litellm_params: {model: deepseek/deepseek-chat}``)
the proxy hands to its Router as they are, so each ``litellm_params`` is a
request, as in Python (python/router_deployments.py): the model is renamed
and ``extra_body: {thinking: {type: ...}}`` goes beside it. Clients ask for
the ``model_name``; nothing else reads the literal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ds_migrate.findings import Applicability, TextEdit

_BASE_URL_KEYS = ("api_base", "base_url")


@dataclass(frozen=True)
class ProxyDeployment:
    model_start: int  # the model scalar's text, quotes excluded
    model_end: int
    model_node_end: int  # after a closing quote
    model_name: str | None
    params: object  # the litellm_params MappingNode
    key_column: int  # column of the litellm_params keys (block style)
    alias_start: int = -1  # the model_name scalar's text, quotes excluded
    alias_end: int = -1

    def value(self, key: str):
        for k, v in self.params.value:
            if getattr(k, "value", None) == key:
                return v
        return None

    @property
    def base_url(self) -> str | None:
        for key in _BASE_URL_KEYS:
            node = self.value(key)
            if node is not None and isinstance(node.value, str):
                return node.value
        return None

    @property
    def thinking_mode(self) -> str | None:
        """The mode ``extra_body: {thinking: {type: ...}}`` sets, or None."""
        extra = self.value("extra_body")
        for key, value in extra.value if extra is not None and isinstance(extra.value, list) else ():
            if getattr(key, "value", None) == "thinking" and isinstance(value.value, list):
                for inner_key, inner in value.value:
                    if getattr(inner_key, "value", None) == "type" and inner.value in ("enabled", "disabled"):
                        return inner.value
        return None

    @property
    def sets_thinking(self) -> bool:
        if self.value("thinking") is not None:
            return True
        extra = self.value("extra_body")
        return extra is not None and isinstance(extra.value, list) and any(
            getattr(k, "value", None) == "thinking" for k, _ in extra.value
        )


def claim_deployment(out, text: str, name, mapping, memo: dict) -> bool:
    """Report ``name`` when it is a proxy deployment's model (a request:
    DSM102, renamed with its mode) or its ``model_name`` (what clients ask
    for: DSM106, kept); False to leave it to the YAML roles. ``memo`` keeps
    the file's deployments between names (the file's ``Places.extra``)."""
    from ds_migrate.deepseek.hosts import is_foreign_url
    from ds_migrate.rules.messages import retired, router_alias, sent_elsewhere
    from ds_migrate.rules.model_table import LegacyModelTable
    from ds_migrate.rules.other_provider import OtherProviderModel
    from ds_migrate.rules.payload import LegacyRequestPayload

    if _MEMO not in memo:
        memo[_MEMO] = proxy_deployments(text)
    found = memo[_MEMO]
    alias = next((d for d in found if d.alias_start <= name.start and name.end <= d.alias_end), None)
    if alias is not None and text[alias.alias_start : alias.alias_end].lower() == name.text.lower():
        out.add(LegacyModelTable, name, name.start, name.end, router_alias(name.text), role="route",
                note="kept: clients of the proxy ask for this name; the deployment behind it is migrated")
        return True
    deployment = next((d for d in found if d.model_start <= name.start and name.end <= d.model_end), None)
    if deployment is None or text[deployment.model_start : deployment.model_end].lower() != name.text.lower():
        return False
    if is_foreign_url(deployment.base_url):
        out.add(OtherProviderModel, name, name.start, name.end, sent_elsewhere(name, deployment.base_url))
        return True
    fix = out.rename_fix(name, Applicability.SAFE)
    note = None
    mode = mapping.replacement(name.base).mode
    if not mapping.adds_toggle:
        pass
    elif deployment.sets_thinking:
        note = "the deployment already sets thinking; kept as is"
    else:
        edit = thinking_edit(text, deployment, mode)
        if edit is None:
            fix.applicability = Applicability.UNSAFE
            note = f"renamed only with --unsafe-fixes: add thinking: {{type: {mode}}} to this deployment's extra_body"
        else:
            fix.edits.append(edit)
    where = f'Model of the LiteLLM proxy deployment "{deployment.model_name}"'
    added = out.add(LegacyRequestPayload, name, name.start, name.end, retired(name, mapping, where), fix, note)
    added.contained = True  # its V4 id, next run, is a contained literal (contained_spans)
    return True


def contained_spans(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, mode) of each deployment's model: a request's own literal
    (analyse/sorting.py), with the thinking mode its extra_body sets."""
    spans = []
    for deployment in proxy_deployments(text):
        spans.append((deployment.model_start, deployment.model_end, deployment.thinking_mode))
    return spans


_MEMO = "litellm-proxy-deployments"


def proxy_deployments(text: str) -> list[ProxyDeployment]:
    """The deployments of every document whose top level has ``model_list``;
    empty when the text is not YAML or holds none."""
    if "litellm_params" not in text or "model_list" not in text:
        return []
    import yaml

    # libyaml does not count a leading BOM in its marks; PyYAML's own loader does
    loader = yaml.SafeLoader if text.startswith("\ufeff") else getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        documents = list(yaml.compose_all(text, Loader=loader))
    except yaml.YAMLError:
        return []
    found = []
    for document in documents:
        entries = _child(document, "model_list", yaml.SequenceNode)
        for entry in entries.value if entries is not None else ():
            params = _child(entry, "litellm_params", yaml.MappingNode)
            alias = _child(entry, "model_name", yaml.ScalarNode)
            model = _child(params, "model", yaml.ScalarNode) if params is not None else None
            if alias is None or model is None or model.style in ("|", ">"):
                continue
            start, end = model.start_mark.index, model.end_mark.index
            quoted = 1 if model.style in ("'", '"') else 0
            key = next(k for k, v in params.value if v is model)
            alias_quoted = 1 if alias.style in ("'", '"') else 0
            found.append(
                ProxyDeployment(
                    start + quoted, end - quoted, end, alias.value, params, key.start_mark.column,
                    alias.start_mark.index + alias_quoted, alias.end_mark.index - alias_quoted,
                )
            )
    return found


def _child(node, key: str, kind):
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return None
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key and isinstance(v, kind):
            return v
    return None


def thinking_edit(text: str, deployment: ProxyDeployment, mode: str) -> TextEdit | None:
    """``extra_body: {thinking: {type: mode}}`` as a key of the deployment's
    ``litellm_params``, in its layout: a line of its own under ``model:`` in
    block style, one more entry after the model in flow style; into an
    ``extra_body`` mapping already there. None when the layout is odd."""
    value = f"{{thinking: {{type: {mode}}}}}"
    extra = deployment.value("extra_body")
    if extra is not None:
        key = next(k for k, v in deployment.params.value if v is extra)
        between = text[key.end_mark.index : extra.start_mark.index]
        if not re.fullmatch(r"[ \t]*:\s*", between) or text.startswith(("&", "*"), extra.start_mark.index):
            return None  # an anchor or alias: other deployments share it
        return _into_extra_body(text, extra, mode)
    if deployment.params.flow_style:
        return TextEdit(deployment.model_node_end, deployment.model_node_end, f", extra_body: {value}")
    line_end = _line_end(text, deployment.model_node_end)
    if text[deployment.model_node_end : line_end].strip() and not text[deployment.model_node_end : line_end].lstrip().startswith("#"):
        return None  # something else follows the model on its line
    newline = _newline(text)
    line = f"{' ' * deployment.key_column}extra_body: {value}"
    if line_end == len(text):
        return TextEdit(line_end, line_end, f"{newline}{line}")
    after = line_end + len(_NEWLINE.match(text, line_end).group(0))
    return TextEdit(after, after, f"{line}{newline}")


def _into_extra_body(text: str, extra, mode: str) -> TextEdit | None:
    """``thinking: {type: mode}`` as the first key of an ``extra_body`` mapping."""
    import yaml

    if not isinstance(extra, yaml.MappingNode):
        return None  # built elsewhere (an alias, a null): a person merges it
    entry = f"thinking: {{type: {mode}}}"
    if extra.flow_style:
        at = extra.start_mark.index + 1
        if text[at - 1 : at] != "{":
            return None
        return TextEdit(at, at, entry + (", " if extra.value else ""))
    first = extra.value[0][0]
    line_start = first.start_mark.index - first.start_mark.column
    if text[line_start : first.start_mark.index].strip():
        return None  # the first key does not open its line
    return TextEdit(line_start, line_start, f"{' ' * first.start_mark.column}{entry}{_newline(text)}")


_NEWLINE = re.compile(r"\r\n|\r|\n")


def _line_end(text: str, at: int) -> int:
    found = _NEWLINE.search(text, at)
    return found.start() if found else len(text)


def _newline(text: str) -> str:
    found = _NEWLINE.search(text)
    return found.group(0) if found else "\n"
