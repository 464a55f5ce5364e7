from __future__ import annotations

import libcst as cst

from ds_migrate.findings import roles
from ds_migrate.findings import Severity
from ds_migrate.deepseek.names import OLLAMA_COMMAND
from ds_migrate.rules.prose import open_weights_message, open_weights_reason
from ds_migrate.python.contexts import context_for
from ds_migrate.python.module_info import is_foreign_url
from ds_migrate.python.sites import NameSite
from ds_migrate.rules import messages
from ds_migrate.rules.base import CheckContext, Example, Match, Rule
from ds_migrate.rules.common import enclosing_call_arg

_PACKAGE_CALLS = {"setup", "setuptools.setup", "distutils.core.setup"}
_OLLAMA_CLASSES = {"ChatOllama", "Ollama", "OllamaLLM", "OllamaChatCompletionClient", "OllamaEmbeddings"}
_PROVIDER_KEYS = {"provider", "model_provider", "api_type", "backend", "vendor"}
_DEEPSEEK_PROVIDERS = {"deepseek", "deepseek-ai", "deepseek_ai"}


def _payload_url(site: NameSite) -> str | None:
    """Where a ``{"model": ...}`` body is posted, when the code shows it."""
    from ds_migrate.python.usage import json_sender, url_of_request

    parents = site.role_parents
    if len(parents) < 2 or not isinstance(parents[0], cst.DictElement) or not isinstance(parents[1], cst.Dict):
        return None
    call = json_sender(parents[1], parents[2:], site.info)
    return url_of_request(call, site.info) if call is not None else None


def _deployment_url(site: NameSite) -> str | None:
    """The ``api_base`` of the LiteLLM Router deployment the model is in."""
    from ds_migrate.python.router_deployments import deployment_of

    deployment = deployment_of(site.role_parents, site.info)
    return deployment.base_url(site.info) if deployment is not None else None


def _string(node: cst.CSTNode) -> str | None:
    from ds_migrate.python.syntax import string_value

    return string_value(node) if isinstance(node, cst.SimpleString) else None


def _sibling_provider(site: NameSite) -> str | None:
    """Another provider named beside the model: ``{"provider": "openrouter",
    "model": "deepseek/deepseek-chat"}`` or ``f(provider="together", model=...)``."""
    parents = site.role_parents
    if len(parents) >= 2 and isinstance(parents[0], cst.DictElement) and isinstance(parents[1], cst.Dict):
        pairs = [(_string(e.key), e.value) for e in parents[1].elements if isinstance(e, cst.DictElement)]
    elif len(parents) >= 2 and isinstance(parents[0], cst.Arg) and isinstance(parents[1], cst.Call):
        pairs = [(a.keyword.value if a.keyword else None, a.value) for a in parents[1].args]
    else:
        return None
    for key, value in pairs:
        if key and key.lower() in _PROVIDER_KEYS:
            provider = _string(value)
            if provider and provider.lower() not in _DEEPSEEK_PROVIDERS:
                return provider
    return None


def _enclosing_provider_key(site: NameSite) -> str | None:
    """The key of the table entry the id sits in, when it names another
    provider: ``MODEL_LIST = {"openrouter": ["deepseek/deepseek-chat"]}``,
    ``{"ollama": {"coder": "deepseek-coder"}}``. The nearest provider-like
    key decides (a ``"deepseek"`` key inside an OpenRouter table is DeepSeek's)."""
    from ds_migrate.deepseek.names import OTHER_PROVIDERS

    child: cst.CSTNode = site.expression
    for parent in site.role_parents:
        if isinstance(parent, (cst.FunctionDef, cst.ClassDef, cst.SimpleStatementLine)):
            return None
        if isinstance(parent, cst.DictElement) and parent.value is child:
            key = (_string(parent.key) or "").lower().replace("-", "_").replace(" ", "_")
            if key in _DEEPSEEK_PROVIDERS:
                return None
            if key in OTHER_PROVIDERS or key.split("_")[0] in OTHER_PROVIDERS:
                return _string(parent.key)
        child = parent
    return None


def _openrouter_group(site: NameSite) -> str | None:
    """The OpenRouter variant id in the list or table literal the name is a
    member of: ``["deepseek/deepseek-chat:free", "deepseek/deepseek-chat"]``."""
    from ds_migrate.deepseek.names import openrouter_member
    from ds_migrate.python.collisions import strings_in
    from ds_migrate.rules.id_map import outermost_literal

    if site.name.prefix != "deepseek/" or site.is_comment:
        return None
    literal = outermost_literal(site)
    return openrouter_member(site.name, strings_in(literal)) if literal is not None else None


def _provider_argument(call: cst.Call) -> str | None:
    """The provider a call names by argument: ``LLM("deepseek", ...)``,
    ``init_chat_model(..., model_provider="deepseek")``."""
    for index, arg in enumerate(call.args):
        keyword = arg.keyword.value if arg.keyword is not None else None
        if (keyword is None and index == 0) or (keyword or "").lower() in _PROVIDER_KEYS:
            value = _string(arg.value)
            if value and (keyword is not None or value.lower() in _DEEPSEEK_PROVIDERS):
                return value
    return None


class OtherProviderModel(Rule):
    """
    What it does:
        Notes a legacy-looking name that does not go to DeepSeek's API: a call
        on a client whose base URL names another host (OpenRouter, Together, a
        local server), a dict or call that names another provider beside the
        model, an Ollama model tag or a local server's served name, a package
        name in ``setup(name=...)``, or, in any kind of file, another provider's
        id that contains a legacy name (``openrouter/deepseek/deepseek-chat``,
        ``deepseek/deepseek-chat:free``). In text (comments, docstrings,
        documentation), a name about the open-weights model: beside a
        ``deepseek-ai/`` repository, after an Ollama command, with a size
        (``DeepSeek-Coder 33B``, ``deepseek-coder:6.7b``), or in a passage
        about a local runtime (Ollama, vLLM, Hugging Face, GGUF).

    Why it matters:
        Other providers keep their own model ids; DeepSeek's retirement does
        not touch them, and renaming them would break the call.

    Example:
        client = OpenAI(base_url="https://openrouter.ai/api/v1")
        client.chat.completions.create(model="deepseek/deepseek-chat")

    Fix:
        None; never rewritten. Check the provider's own catalogue.
    """

    code = "DSM110"
    role = roles.FOREIGN
    name = "other-provider-model"
    severity = Severity.INFO
    summary = "Legacy-looking name sent to another provider (left alone)"
    priority = 20
    valid = (Example('client.chat.completions.create(model="deepseek-chat")\n'),)
    invalid = (
        Example(
            'client = OpenAI(base_url="https://openrouter.ai/api/v1")\n'
            'client.chat.completions.create(model="deepseek/deepseek-chat")\n'
        ),
        Example('setup(name="deepseek-chat", version="1.0")\n'),
        Example('ROUTE = {"provider": "openrouter", "model": "deepseek/deepseek-chat"}\n'),
        Example('ollama.chat(model="deepseek-coder", messages=m)\n'),
        Example('os.system("ollama run deepseek-coder")\n'),
        Example('# first: ollama pull deepseek-coder\n'),
        Example('"""DeepSeek-Coder, loaded from deepseek-ai/deepseek-coder-6.7b-instruct."""\n'),
        Example("fallback: openrouter/deepseek/deepseek-chat\nfree: deepseek/deepseek-chat:free\n", path="models.yaml"),
        Example('package main\nconst Free = "deepseek/deepseek-reasoner:free"\n', path="main.go"),
        Example('FREE_TIER = ["deepseek/deepseek-chat:free", "deepseek/deepseek-chat", "meta-llama/llama-3-8b-instruct"]\n'),
    )

    def match(self, site: NameSite, ctx: CheckContext) -> Match | None:
        provider = _sibling_provider(site) or _enclosing_provider_key(site)
        if provider is not None:
            return Match(messages.other_provider_beside(site.name, provider))
        variant = _openrouter_group(site)
        if variant is not None:
            return Match(messages.in_openrouter_catalogue(site.name, variant))
        if isinstance(site.token, cst.SimpleString) and OLLAMA_COMMAND.search(site.token.value[: site.name.start]):
            return Match(messages.local_server(site.name))
        if isinstance(site.token, (cst.Comment, cst.SimpleString, cst.FormattedStringText)):
            reason = open_weights_reason(site.token.value, site.name)
            if reason is not None:  # "DeepSeek-Coder" beside deepseek-ai/deepseek-coder-6.7b-instruct
                return Match(open_weights_message(site.name, reason))
        url = _deployment_url(site)
        if is_foreign_url(url):
            return Match(messages.sent_elsewhere(site.name, url))
        url = _payload_url(site)
        if is_foreign_url(url):
            return Match(
                f"'{site.name.text}' is in a request body posted to {url}, not DeepSeek's API; "
                "that server's ids are not affected by the retirement"
            )
        found = enclosing_call_arg(site)
        if found is None:
            return None
        call, arg, _ = found
        info = site.info
        qualified = info.qualified(call.func) or ""
        if qualified in _PACKAGE_CALLS:
            return Match(f"'{site.name.text}' is a package name here, not a model; left alone")
        if qualified.split(".")[0] == "ollama" or qualified.rpartition(".")[2] in _OLLAMA_CLASSES:
            return Match(f"'{site.name.text}' is an Ollama model tag here, not a DeepSeek API id; left alone")
        named = _provider_argument(call)
        if named is not None and named.lower() in _DEEPSEEK_PROVIDERS:
            return None  # the call says DeepSeek, whatever its base URL (a proxy, a placeholder)
        context = context_for(call, info)
        url = context.base_url(call, info) if context else info.host_of_call(call)
        if is_foreign_url(url):
            return Match(messages.sent_elsewhere(site.name, url))
        return None
