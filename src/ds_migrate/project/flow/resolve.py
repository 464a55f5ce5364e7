"""In one importing module: the requests whose model is read by name, and
what each reads, followed through imports, aliases, settings instances,
``self`` attributes, parameter defaults, tables and environment variables."""

from __future__ import annotations

import os

from ds_migrate.project.flow.hints import Hint
from ds_migrate.project.flow.modules import Module, ModuleIndex, canonical, lookup
from ds_migrate.project.flow.syntax import (
    assignments_to_self,
    local_binding,
    enclosing,
    parameter_fallback,
    env_read,
    parameter_default,
    receiver as receiver_of,
    relative_imports,
)
from ds_migrate.deepseek.mapping import LEGACY_MODES, names_a_v4_model
from ds_migrate.deepseek.names import find_legacy_names
from ds_migrate.python.model_sources import Source

MAX_HOPS = 4
# ids of both modes reach one request: its sources wait (project/decision.py)
MIXED_MODES = "ids that want different thinking modes reach it"
# a request that thinking would answer with 400: its sources wait (project/decision.py)
REJECTED_WHEN_THINKING = "V4 thinking would answer it 400"
# the model is a parameter's: a caller may pass another (no toggle is offered)
THROUGH_A_PARAMETER = "it arrives through a parameter"
_REJECTED = {
    "DSM204": "it forces tool_choice",
    "DSM205": "it sends tools while its module drops reasoning_content from the history",
}


def hints_in(path: str, known: bool, index: ModuleIndex, names_of: dict, env) -> dict[int, Hint]:
    """The hints of one file the flow may reach (``known``: a worker read
    it in the run's analysis): the cheap text tests, CPython's parser for
    the request sites (flow/sites.py), and only then libcst."""
    from pathlib import Path

    from ds_migrate.project.flow.search import reads_env, worth_tracing
    from ds_migrate.project.flow.sites import may_reach
    from ds_migrate.python.model_sources import reads_model_by_name

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    own = index.by_path.get(canonical(path))
    if not known and not reads_model_by_name(text):
        return {}
    if not worth_tracing(text, names_of, own) and not (known and reads_env(text, env)):
        return {}
    exported = {name.split(".")[0] for name in own.sources} if own is not None else set()
    if not may_reach(text, exported, bool(env)):
        return {}  # no request reads a name that can lead to a model: nothing to follow
    return requests_reached(path, text, index, own, env)


def requests_reached(path: str, text: str, index: ModuleIndex, own: Module | None, env) -> dict[int, Hint]:
    import libcst as cst

    from ds_migrate.python.analyzer import analyze

    try:
        module = cst.parse_module(text)
    except (cst.ParserSyntaxError, RecursionError, MemoryError):
        return {}
    analysis = analyze(text, module)
    resolver = _Resolver(path, module, analysis, index, own, env)
    hints: dict[int, Hint] = {}
    for model_node, call, context in resolver.requests():
        hint = resolver.hint(model_node, call, context)
        if hint is not None:
            hints[hint.line] = hint
    return hints


class _Resolver:
    def __init__(self, path, module, analysis, index: ModuleIndex, own: Module | None, env) -> None:
        self.path = path
        self.env = env
        self.module = module
        self.analysis = analysis
        self.info = analysis.info
        self.index = index
        self.own = own
        self.relative = relative_imports(module, path)
        self._positions = None
        self.function = self.klass = None  # around the request being followed
        self.parameter_of: str | None = None  # the function whose parameter the model arrives through
        self.conditional = False  # the model is one branch of ``a if c else b``

    def requests(self):
        from ds_migrate.python.contexts import context_for
        from ds_migrate.python.contexts.fim import FimCompletions
        from ds_migrate.python.syntax import dict_get
        from ds_migrate.python.usage import MODEL_KEYWORDS, dumped_body, json_sender, payload_kind, spread_body

        info = self.info
        for call in info.every_call():
            context = context_for(call, info)
            if context is None or isinstance(context, FimCompletions):
                continue
            for position, arg in enumerate(call.args):
                keyword = arg.keyword.value if arg.keyword is not None else None
                if keyword in MODEL_KEYWORDS or (keyword is None and position == 0 and context.positional_model):
                    if info.resolve_string(arg.value) is None:
                        yield arg.value, call, context
                    break
            else:
                body = spread_body(call, info)  # create(**kwargs), kwargs = {"model": MODEL, ...}
                if body is not None and info.resolve_string(dict_get(body, "model").value) is None:
                    yield dict_get(body, "model").value, call, context
        for call in info.every_call():
            dumped = dumped_body(call)
            if dumped is not None:  # post(url, json=request.model_dump())
                yield dumped[0], call, None
        for body, parents in info.every_model_dict():
            if payload_kind(body) != "chat":
                continue
            sender = json_sender(body, parents, info)
            model = dict_get(body, "model").value
            if sender is not None and info.resolve_string(model) is None:
                yield model, sender, None

    def hint(self, model_node, call, context) -> Hint | None:
        self.function, self.klass = enclosing(self.analysis.ancestry.get(id(call), ()))
        self.parameter_of = None
        self.conditional = False
        reached = self.resolve(model_node, 0)
        if reached is None:
            # OpenAI(base_url=settings.BASE_URL), model=job.model: DeepSeek's host
            # through another module, a model read from anywhere (a YAML file)
            if context is not None and self.host(call, context) == "deepseek":
                return Hint(self.line_of(model_node), "", "", None, host_only=True)
            return None
        module, source, through_parameter = reached
        values = self._values(source)
        if not values:
            return None
        host = self.host(call, context)
        if host == "foreign":
            return None  # another provider's request: DSM110's business
        where = f"{module.shown}:{source.line}" if module is not None else None
        origin = f"{where} ({source.describe()})" if where else source.describe()
        also = [f"{shown}:{line} sets {source.env}={value}" for shown, line, value in self.env.get(source.env, ())]
        if also:
            origin += "; " + "; ".join(also)
        if source.env:
            origin += f" (and ${source.env} wherever it is set outside the project)"
        model = source.model or values[0]
        line = self.line_of(model_node)
        key = ((module.shown, source.line),) if module is not None else ()
        key += tuple((shown, line) for shown, line, _ in self.env.get(source.env, ()))
        legacy = [find_legacy_names(v) for v in values]
        if not any(legacy):
            # a V4 id reaches it (DSM201); any other name (an open-weights
            # repository, another provider's model) says nothing about V4
            if not any(map(names_a_v4_model, values)):
                return None
            return Hint(line, model, origin, None, None, key, sets_mode=self._sets_mode(model_node, call, context))
        why_not = None
        if source.models:
            why_not = f"it is picked from a table of ids at {where or source.describe()}"
        elif len(set(_mode_of(v) for v in values) - {None}) > 1:
            # chat here, reasoner there (a default and a .env): one V4 id and no
            # one mode; renamed, which deployment wanted which mode is lost
            why_not = f"{MIXED_MODES}: {', '.join(sorted(set(values)))}"
        elif self.conditional:
            # MODEL if fast else OTHER: the mode of the branch followed is not the request's
            why_not = "a condition picks it or another model here; set the mode for each choice"
        elif len(set(values)) > 1 and None in {_mode_of(v) for v in values}:
            # an id of another kind among them: no one mode is certain (ids of
            # one mode, chat and coder, share it)
            why_not = f"{len(set(values))} different ids reach it ({', '.join(sorted(set(values)))})"
        elif through_parameter:
            where = f" of {self.parameter_of}()" if self.parameter_of else ""
            why_not = (
                f"{THROUGH_A_PARAMETER}{where}, so callers may pass another model; "
                "let them choose the mode too (a thinking parameter beside the model)"
            )
        elif host != "deepseek":
            why_not = "the client's host is not visibly DeepSeek's (it may be shared with another provider)"
        if why_not is None and legacy[0] and LEGACY_MODES[legacy[0][0].base] == "enabled":
            from ds_migrate.python.thinking_rejected import thinking_rejected

            rejected = thinking_rejected(call, context, self.info)
            if rejected is not None:
                why_not = f"{REJECTED_WHEN_THINKING}: {_REJECTED[rejected]} ({rejected})"
        mode = LEGACY_MODES[legacy[0][0].base] if why_not is None and legacy[0] else None
        return Hint(line, model, origin, mode, why_not, key, toggle_unsafe=self._toggle_unsafe(call, context, mode),
                    env=source.env, sets_mode=self._sets_mode(model_node, call, context))

    def _sets_mode(self, model_node, call, context) -> bool:
        """Does the request already say its thinking mode (a toggle the user
        wrote, or one an earlier fix added): in the call, or beside the model
        in the body it sends?"""
        from ds_migrate.python.requests import sets_thinking_mode
        from ds_migrate.python.syntax import dict_get

        if context is not None:
            return sets_thinking_mode(call, context, self.info)
        return any(
            dict_get(body, "model").value is model_node and dict_get(body, "thinking") is not None
            for body, _ in self.info.every_model_dict()
        )

    def _toggle_unsafe(self, call, context, mode) -> bool:
        from ds_migrate.findings import Applicability

        if mode is None or context is None:
            return False
        toggle = context.toggle_for(call, mode, '"', self.info)
        return toggle.apply is not None and toggle.applicability is not Applicability.SAFE

    def _values(self, source: Source) -> list[str]:
        """Every id that can reach a request through ``source``: its value,
        and what the run's config files set its environment variable to."""
        values = [source.model] if source.model else list(source.models)
        if source.env:
            values += [value for _, _, value in self.env.get(source.env, ())]
        return values

    # -- following an expression ------------------------------------------
    def resolve(self, node, hops: int, through_parameter: bool = False, function=None):
        """(module, source, through a parameter) that ``node`` reads, or None.

        ``function``: the function whose parameters a bare name may be (by
        default the one making the request)."""
        import libcst as cst

        from ds_migrate.python.syntax import dotted_name

        if hops > MAX_HOPS or node is None:
            return None
        function = function if function is not None else self.function
        variable = env_read(node)
        if variable is not None:  # model=os.getenv("DEEPSEEK_MODEL"): the run's config files say
            return (None, Source(variable, 0, env=variable, text=f"${variable}"), through_parameter)
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and not node.args:
            # request.model_dump(): the model field of the request's class
            owner = self._class_of(node.func.value, function)
            return self._resolve_dotted(f"{owner}.model", hops + 1, True) if owner else None
        if isinstance(node, cst.IfExp):
            # MODEL if fast else "other": the request sends either branch
            branches = (self.resolve(b, hops + 1, through_parameter, function) for b in (node.body, node.orelse))
            found = next((b for b in branches if b is not None), None)
            self.conditional = self.conditional or found is not None
            return found
        if isinstance(node, cst.BooleanOperation) and isinstance(node.operator, cst.Or):
            variable, default = env_read(node.left), self.info.resolve_string(node.right)
            if variable is not None and default is not None:
                # os.getenv("X") or "deepseek-chat": the default of $X, as os.getenv("X", "...")
                source = Source(variable, self.line_of(node.right), model=default, env=variable, text=f"${variable}")
                return (self.own_module(), source, through_parameter)
            # model or DEFAULT_MODEL: the default, unless a caller passes one
            return self.resolve(node.right, hops + 1, True, function)
        if isinstance(node, cst.Subscript):  # MODELS["chat"], cfg["model"]: one of a table's ids
            base = node.value
            while isinstance(base, cst.Subscript):
                base = base.value
            found = self.resolve(base, hops + 1, through_parameter, function)
            if found is None or not (found[1].models or found[1].model):
                return None
            module, source, through = found
            return module, source._replace(models=source.models or (source.model,), model=None), through
        if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Call):
            callee = dotted_name(node.value.func)  # Settings().model
            dotted = f"{callee}.{node.attr.value}" if callee else None
        else:
            dotted = dotted_name(node)
        if dotted is None:
            return None
        head, _, rest = dotted.partition(".")
        if head == "self" and rest:
            return self._self_attribute(rest, hops, through_parameter)
        found = self._in_modules(head, rest)
        if found is not None:
            return (*found, through_parameter)
        local = local_binding(function, head) if head != "self" else None  # m = MODEL in the function
        if local is None:
            local = self.info.single_binding(head)
        if local is not None:
            if isinstance(local, cst.Call):
                callee = dotted_name(local.func)
                if callee and rest:
                    return self._resolve_dotted(f"{callee}.{rest}", hops + 1, through_parameter)
                return None
            if rest:
                inner = dotted_name(local)
                return self._resolve_dotted(f"{inner}.{rest}", hops + 1, through_parameter) if inner else None
            return self.resolve(local, hops + 1, through_parameter, function)
        fallback = parameter_fallback(function, head) if not rest else None
        if fallback is not None:  # model = model or DEFAULT: the default, unless a caller passes one
            self.parameter_of = function.name.value
            return self.resolve(fallback, hops + 1, True, function)
        default = parameter_default(function, head)
        if default is not None and not rest:
            self.parameter_of = function.name.value
            literal = self.info.resolve_string(default)
            if literal is not None:
                source = Source(head, self.line_of(default), model=literal, text=f"parameter {head}={literal!r}")
                return (self.own_module(), source, True)
            return self.resolve(default, hops + 1, True, function)
        return None

    def _class_of(self, node, function) -> str | None:
        """The class of a name: its parameter annotation, or the call bound to it."""
        import libcst as cst

        from ds_migrate.python.syntax import dotted_name

        name = dotted_name(node)
        if name is None or "." in name:
            return None
        if function is not None:
            params = function.params
            for param in (*params.posonly_params, *params.params, *params.kwonly_params):
                if param.name.value == name and param.annotation is not None:
                    return dotted_name(param.annotation.annotation)
        local = self.info.single_binding(name)
        return dotted_name(local.func) if isinstance(local, cst.Call) else None

    def _self_attribute(self, attribute: str, hops: int, through_parameter: bool):
        """``self.model``: the one value the class assigns it, followed in
        the method that assigns it (``self.model = model`` in ``__init__``)."""
        first, _, rest = attribute.partition(".")
        assigned = assignments_to_self(self.klass, first)
        if len(assigned) != 1:
            return None
        value, method = assigned[0]
        if rest:  # self.settings.model, with self.settings = settings or Settings()
            import libcst as cst

            from ds_migrate.python.syntax import dotted_name

            if isinstance(value, cst.BooleanOperation):
                value, through_parameter = value.right, True
            if isinstance(value, cst.Call) and dotted_name(value.func):
                return self._resolve_dotted(f"{dotted_name(value.func)}.{rest}", hops + 1, through_parameter)
            return None
        return self.resolve(value, hops + 1, through_parameter, method)

    def _resolve_dotted(self, dotted: str, hops: int, through_parameter: bool):
        head, _, rest = dotted.partition(".")
        found = self._in_modules(head, rest)
        return (*found, through_parameter) if found is not None else None

    def own_module(self) -> Module:
        return self.own or Module(self.path, self.path, {})

    def _in_modules(self, head: str, rest: str):
        """The source ``head.rest`` names, through this module's imports or its own sources."""
        if head in self.relative:
            target, name = self.relative[head]
            module = self.index.at_path(target)
            if name is not None:
                as_module = self.index.at_path(os.path.join(target, name))
                if as_module is not None:
                    return lookup(as_module, rest)
                return lookup(module, f"{name}.{rest}" if rest else name) if module else None
            return lookup(module, rest) if module else None
        qualified = self.info.imported(head)
        if qualified is not None:
            return self.index.qualified(f"{qualified}.{rest}" if rest else qualified, self.path)
        if self.own is not None:
            return lookup(self.own, f"{head}.{rest}" if rest else head)
        return None

    def host(self, call, context) -> str | None:
        """"deepseek", "foreign" or None (not visible) for the request's client."""
        from ds_migrate.python.module_info import is_deepseek_url, is_foreign_url

        if context is None:  # a JSON body: the URL it is posted to
            url = self._posted_to(call)
        else:
            url = context.base_url(call, self.info) or self._client_url(call)
        if url and is_deepseek_url(url):
            return "deepseek"
        if is_foreign_url(url):
            return "foreign"
        qualified = self.info.qualified(call.func) or ""
        if context is not None and (context.name == "agno" or "DeepSeek" in qualified):
            return "deepseek"
        return None

    def _posted_to(self, sender) -> str | None:
        from ds_migrate.python.syntax import keyword_arg

        url = keyword_arg(sender, "url")
        node = url.value if url is not None else (sender.args[0].value if sender.args and sender.args[0].keyword is None else None)
        if node is None:
            return None
        literal = self.info.resolve_string(node)
        if literal is not None:
            return literal
        if hasattr(node, "parts"):  # f"{BASE_URL}/chat/completions"
            import libcst as cst

            for part in node.parts:
                if isinstance(part, cst.FormattedStringExpression):
                    reached = self.resolve(part.expression, 0)
                    return reached[1].url if reached is not None else self.info.resolve_string(part.expression)
            return None
        reached = self.resolve(node, 0)
        return reached[1].url if reached is not None else None

    def _client_url(self, call) -> str | None:
        """The base URL of the client the request is made on, followed to
        the module that holds it (``OpenAI(base_url=config.URL)``)."""
        import libcst as cst

        from ds_migrate.python.module_info import BASE_URL_KEYWORDS
        from ds_migrate.python.syntax import dotted_name, keyword_arg

        receiver = receiver_of(call)
        if receiver is None:
            return None
        if isinstance(receiver, cst.Call) and isinstance(receiver.func, cst.Name) and not receiver.args:
            made = self.info.factory_client(receiver.func.value)
            if made is not None:  # client(): the client the module's factory builds
                return self._factory_url(*made)
        if isinstance(receiver, cst.Call) and not receiver.args and dotted_name(receiver.func):
            head, _, rest = dotted_name(receiver.func).partition(".")
            if self.info.imported(head) or head in self.relative:  # from app.llm import client
                found = self._in_modules(head, rest)
                if found is not None and (found[1].url or found[1].url_from):
                    return self._url_of(*found)
        constructor = receiver if isinstance(receiver, cst.Call) else None
        if constructor is None:
            key = dotted_name(receiver)
            local = self.info.single_binding(key) if key else None
            constructor = local if isinstance(local, cst.Call) else None
        if constructor is None:  # the client itself is imported
            reached = self.resolve(receiver, 0)
            return self._url_of(reached[0], reached[1]) if reached is not None else None
        for keyword in BASE_URL_KEYWORDS:
            arg = keyword_arg(constructor, keyword)
            if arg is not None:
                literal = self.info.resolve_string(arg.value)
                if literal is not None:
                    return literal
                reached = self.resolve(arg.value, 0)
                return self._url_of(reached[0], reached[1]) if reached is not None else None
        return None

    def _factory_url(self, constructor, function) -> str | None:
        """The base URL of a client built in a factory function: a literal,
        or a name it reads (``s.base_url`` with ``s = get_settings()``,
        a module constant, an imported setting) followed to its module."""
        import ast

        from ds_migrate.python.factories import read_name
        from ds_migrate.python.module_info import BASE_URL_KEYWORDS

        for keyword in constructor.keywords:
            if keyword.arg not in BASE_URL_KEYWORDS:
                continue
            if isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
                return keyword.value.value
            dotted = read_name(keyword.value, function)
            if dotted is None:
                return None
            head, _, rest = dotted.partition(".")
            found = self._in_modules(head, rest)
            return self._url_of(*found) if found is not None else None
        return None

    def _url_of(self, module: Module | None, source: Source) -> str | None:
        """The URL a source holds, or that the module it names holds."""
        if source.url or not source.url_from or module is None:
            return source.url
        found = self.index.qualified(source.url_from, module.path)
        return found[1].url if found is not None else None

    def line_of(self, node) -> int:
        from libcst.metadata import MetadataWrapper, PositionProvider

        if self._positions is None:
            self._positions = MetadataWrapper(self.module, unsafe_skip_copy=True).resolve(PositionProvider)
        return self._positions[node].start.line


def _mode_of(model_id: str) -> str | None:
    """The thinking mode ``model_id`` asks for: a retired id's own, "enabled"
    for a V4 id (it thinks by default), None for anything else."""
    from ds_migrate.deepseek.mapping import names_a_v4_model

    names = find_legacy_names(model_id)
    if names:
        return LEGACY_MODES[names[0].base]
    return "enabled" if names_a_v4_model(model_id) else None
