"""Follow the model from settings modules to the requests that use it.

A legacy id renamed in ``config.py`` changes every request that reads
``config.MODEL``, in modules that may never mention DeepSeek. After the
run's decision, this step finds those requests: the names each module
exports (python/model_sources.py, gathered by the workers), the Python
files that import those modules (one ``git grep`` or a walk, then a
regular expression on each file's imports), and in each such file the
calls a calling context recognises whose model is one of those names,
followed through imports (absolute and relative), a local alias, an
instance of a settings class or a parameter default.

The result is a hint per request (by the line of its model expression):
which id reaches it, from where, and whether the toggle may be offered
there. Only what is certain offers a toggle: one retired id reaches the
request, not through a parameter (a caller may pass another), and the
client's host is visibly DeepSeek's. A host that is not visible may be
shared with another provider, so those requests are reported only.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ds_migrate.discovery import FileFilter, discover
from ds_migrate.mapping import LEGACY_MODES
from ds_migrate.names import find_legacy_names
from ds_migrate.python.model_sources import Source, reads_model_by_name

GIT_TIMEOUT_SECONDS = 60
MAX_HOPS = 4
PYTHON_SUFFIXES = (".py", ".pyi")


@dataclass(frozen=True)
class Hint:
    """What reaches one request whose model is read from elsewhere."""

    line: int  # of the request's model expression
    model: str  # the id as the source holds it
    origin: str  # "chatbot/config.py:7 (DEFAULT_MODEL = ...)"
    mode: str | None  # the one retired id's mode, when a toggle may be offered
    why_not: str | None = None  # why no toggle is offered, when a retired id reaches it
    # (displayed path, line) of each binding or config line the id comes from
    sources: tuple[tuple[str, int], ...] = ()

    @property
    def is_legacy(self) -> bool:
        return bool(find_legacy_names(self.model))


@dataclass
class _Module:
    path: str  # on disk
    shown: str  # as reported
    sources: dict[str, Source]


_WORD = re.compile(r"\w+")
_IMPORT_LINE = re.compile(r"^[ \t]*(?:from[ \t]+[\w.]+[ \t]+)?import[ \t][^\n]*", re.M)


def trace(outcome, paths: list[str], file_filter: FileFilter) -> list[tuple[str, str, dict[int, Hint]]]:
    """(path on disk, displayed path, hints by line) of every file with a
    request the exported ids reach."""
    modules = [
        _Module(path, result.path, {s.name: s for s in result.model_sources})
        for path, result in zip(outcome.paths, outcome.results)
        if result.model_sources and path.endswith(PYTHON_SUFFIXES)
    ]
    exporting = [m for m in modules if any(s.model or s.models or s.env for s in m.sources.values())]
    env = _env_values(outcome)
    if not exporting and not env:
        return []
    from ds_migrate.runner import display_path

    roots = {p for p in paths if os.path.isdir(p)}
    roots.update(_root_of(m.path, depth) for m in modules for depth in range(3))
    index = _ModuleIndex(modules, roots, lambda path: display_path(path, outcome.cwd or None))
    # stem -> the top-level names its modules export (a request must name one)
    names_of: dict[str, set[str]] = {}
    for module in exporting:
        for dotted in _dotted_names(module.path)[:1]:
            names_of.setdefault(dotted, set()).update(name.split(".")[0] for name in module.sources)
    shown_of = {_real(p): r.path for p, r in zip(outcome.paths, outcome.results)}
    candidates = {
        _real(p): p
        for p, r in zip(outcome.paths, outcome.results)
        if p.endswith(PYTHON_SUFFIXES) and r.reads_model
    }
    for path in _files_naming(sorted(names_of), paths, file_filter):
        real = _real(path)
        if real not in shown_of:  # a file the workers read was judged there
            candidates.setdefault(real, path)
    hints: list[tuple[str, str, dict[int, Hint]]] = []
    for real, path in sorted(candidates.items()):
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        own = index.by_path.get(real)
        if real not in shown_of and not reads_model_by_name(text):
            continue
        if not _worth_tracing(text, names_of, own) and not (real in shown_of and _reads_env(text, env)):
            continue
        shown = shown_of.get(real) or display_path(path, outcome.cwd or None)
        found = _requests_reached(path, text, index, own, env)
        if found:
            hints.append((path, shown, found))
    return hints


def _worth_tracing(text: str, names_of: dict[str, set[str]], own: "_Module | None") -> bool:
    """Cheap test before a parse: the file imports an exporting module and
    names what it exports, or reads one of its own exported names in a way
    the module's own rules do not follow (a parameter default, an attribute
    of a settings instance, a table lookup, ``self.x = NAME``)."""
    if own is not None and _reads_own_sources(text, own):
        return True
    stems = _imported_words(text).intersection(names_of)
    if not stems:
        return False
    words = set(_WORD.findall(text))
    return any(words & names_of[stem] for stem in stems)


def _imported_words(text: str) -> set[str]:
    return {word for line in _IMPORT_LINE.findall(text) for word in _WORD.findall(line)}


def _reads_own_sources(text: str, own: "_Module") -> bool:
    names = {n.split(".")[0] for n, s in own.sources.items() if s.model or s.models or s.instance_of or s.env}
    names = {name for name in names if text.count(name) > 1}  # defined once, read again
    if not names:
        return False
    alternatives = "|".join(map(re.escape, sorted(names)))
    classes = "|".join(sorted({re.escape(n.split(".")[0]) for n in own.sources if "." in n})) or "(?!)"
    pattern = (
        rf"(?:\bdef\s+\w+\s*\([^)]*=\s*(?:{alternatives})\b"  # a parameter default
        rf"|\bself\.\w+\s*=\s*(?:{alternatives})\b"  # kept on the instance
        rf"|\b(?:{alternatives})\.\w+"  # settings.model
        rf"|\b(?:{classes})\("  # Settings(), Settings().model
        rf"|\b(?:{alternatives})\s*\[)"  # MODELS["chat"]
    )
    return re.search(pattern, text) is not None


# NAME=value, NAME: value, "NAME": "value" (dotenv, compose, YAML, JSON, Dockerfile ENV)
_ENV_SETTING = re.compile(r"\b([A-Z][A-Z0-9_]*)\b[\"']?[ \t]*[:=][ \t]*[\"']?((?:[\w.-]+[/:])?deepseek-[\w.-]+)", re.I)


def _env_values(outcome) -> dict[str, list[tuple[str, int, str]]]:
    """VAR -> (file, line, value) for every DeepSeek model id a config file
    of the run (``.env``, compose, YAML, Dockerfile...) gives a variable."""
    found: dict[str, list[tuple[str, int, str]]] = {}
    for path, result in zip(outcome.paths, outcome.results):
        if path.endswith(PYTHON_SUFFIXES) or not (result.findings or result.suppressed or result.current_ids):
            continue
        try:
            lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for number, line in enumerate(lines, 1):
            for match in _ENV_SETTING.finditer(line):
                found.setdefault(match.group(1), []).append((result.path, number, match.group(2)))
    return found


def _reads_env(text: str, env: dict) -> bool:
    return bool(env) and ("getenv" in text or "environ" in text) and any(name in text for name in env)


class _ModuleIndex:
    """The modules that export sources, by every dotted name they may be imported as."""

    def __init__(self, modules: list[_Module], roots: list[str], display) -> None:
        self.by_path = {_real(m.path): m for m in modules}
        self.by_dotted: dict[str, list[_Module]] = {}
        for module in modules:
            self._add(module)
        self.roots = sorted({os.path.abspath(r) for r in roots})
        self.display = display
        self.listings: dict[str, set[str]] = {}

    def _add(self, module: _Module) -> None:
        self.by_path[_real(module.path)] = module
        for dotted in _dotted_names(module.path):
            self.by_dotted.setdefault(dotted, []).append(module)

    def module(self, dotted: str) -> _Module | None:
        found = self.by_dotted.get(dotted)
        if found is None:
            found = self._load(dotted)
        return found[0] if len(found) == 1 else None  # two files could be meant: not certain

    def _load(self, dotted: str) -> list[_Module]:
        """A module no worker read (it never mentions DeepSeek: a client
        module, a settings module reading the environment), found below the
        run's folders and read once."""
        found = []
        head = dotted.split(".")[0]
        for root in self.roots:
            if head not in self._entries(root) and f"{head}.py" not in self._entries(root):
                continue  # most imports name a library: one set lookup per root
            base = os.path.join(root, *dotted.split("."))
            for path in (base + ".py", os.path.join(base, "__init__.py")):
                if os.path.isfile(path) and _real(path) not in self.by_path:
                    found.append(self._read(path))
        self.by_dotted[dotted] = [m for m in found if m is not None]
        return self.by_dotted[dotted]

    def _entries(self, root: str) -> set[str]:
        if root not in self.listings:
            try:
                self.listings[root] = set(os.listdir(root))
            except OSError:
                self.listings[root] = set()
        return self.listings[root]

    def _read(self, path: str) -> _Module | None:
        from ds_migrate.python.model_sources import extract

        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        module = _Module(path, self.display(path), {s.name: s for s in extract(text, gated=False)})
        self.by_path[_real(path)] = module
        return module

    def qualified(self, name: str, from_path: str):
        """(module, source) for an import-qualified name as written in the
        module at ``from_path`` ("app.config.URL", or ".config.URL")."""
        if name.startswith("."):
            level = len(name) - len(name.lstrip("."))
            base = os.path.dirname(os.path.abspath(from_path))
            for _ in range(level - 1):
                base = os.path.dirname(base)
            parts = name[level:].split(".")
            for cut in range(len(parts) - 1, 0, -1):
                module = self.at_path(os.path.join(base, *parts[:cut]))
                if module is not None:
                    return _lookup(module, ".".join(parts[cut:]))
            return None
        parts = name.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            module = self.module(".".join(parts[:cut]))
            if module is not None:
                return _lookup(module, ".".join(parts[cut:]))
        return None

    def at_path(self, path: str) -> _Module | None:
        for candidate in (path + ".py", os.path.join(path, "__init__.py")):
            module = self.by_path.get(_real(candidate))
            if module is None and os.path.isfile(candidate):
                module = self._read(candidate)
            if module is not None:
                return module
        return None


def _root_of(path: str, depth: int) -> str:
    """The folder ``path`` is imported from with ``depth`` packages above
    it (``app.config`` is depth 1)."""
    root = os.path.dirname(os.path.abspath(path))
    depth += 1 if os.path.basename(path).startswith("__init__.") else 0
    for _ in range(depth):
        root = os.path.dirname(root)
    return root


def _real(path: str) -> str:
    """One spelling per file (no ``realpath``: a stat per folder per file)."""
    return os.path.abspath(path)


def _dotted_names(path: str, depth: int = 6) -> list[str]:
    """``config``, ``app.config``, ``src.app.config``...: the names a file
    may be imported as, shortest first."""
    parts = os.path.abspath(path).split(os.sep)[1:]
    if not parts:
        return []
    parts[-1] = parts[-1].rsplit(".", 1)[0]
    if parts[-1] == "__init__":
        parts.pop()
    return [".".join(parts[-k:]) for k in range(1, min(depth, len(parts)) + 1)]


def _files_naming(stems: list[str], paths: list[str], file_filter: FileFilter) -> list[str]:
    """Python files below the folder arguments that name one of ``stems``."""
    if not stems:
        return []
    found: list[str] = []
    for folder in (p for p in paths if os.path.isdir(p)):
        listed = _git_grep(folder, stems)
        if listed is None:
            listed = _walk_grep(folder, stems, file_filter)
        else:
            listed = [p for p in listed if not file_filter.is_excluded(PurePosixPath(os.path.relpath(p, folder)))]
        found.extend(listed)
    return found


def _git_grep(folder: str, stems: list[str]) -> list[str] | None:
    command = ["git", "-C", folder, "grep", "-l", "-z", "-I", "-w", "-F", "--untracked"]
    for stem in stems:
        command += ["-e", stem]
    command += ["--", "*.py", "*.pyi"]
    try:
        done = subprocess.run(command, capture_output=True, timeout=GIT_TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode not in (0, 1):
        return None  # not a work tree (128) or git failed: walk instead
    return [os.path.join(folder, os.fsdecode(raw)) for raw in done.stdout.split(b"\0") if raw]


def _walk_grep(folder: str, stems: list[str], file_filter: FileFilter) -> list[str]:
    """Outside a work tree: the Python files discovery lists whose import
    lines name a stem (ripgrep, when there, rules most of them out first)."""
    wanted = set(stems)
    found = []
    listed = [p for p in discover([folder], file_filter).files if p.endswith(PYTHON_SUFFIXES)]
    for path in _naming_any(listed, stems):
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if wanted & _imported_words(text):
            found.append(path)
    return found


def _naming_any(paths: list[str], words: list[str], chunk: int = 2000) -> list[str]:
    """The paths that contain one of ``words`` as a word, by ripgrep when it
    is installed (all of them otherwise: the caller checks each)."""
    from ds_migrate.ripgrep import find_ripgrep

    binary = find_ripgrep()
    if binary is None or not paths:
        return paths
    found: list[str] = []
    command = [binary, "--no-config", "--files-with-matches", "--null", "--no-messages", "-w", "-F"]
    command += [part for word in words for part in ("-e", word)]
    for start in range(0, len(paths), chunk):
        try:
            done = subprocess.run(
                [*command, "--", *paths[start : start + chunk]], capture_output=True, timeout=GIT_TIMEOUT_SECONDS
            )
        except (OSError, subprocess.SubprocessError):
            return paths
        if done.returncode not in (0, 1):
            return paths  # could not read some: let the caller read them all
        found += [os.fsdecode(raw) for raw in done.stdout.split(b"\0") if raw]
    return found


# -- one importing module ---------------------------------------------------


def _requests_reached(path: str, text: str, index: _ModuleIndex, own: _Module | None, env) -> dict[int, Hint]:
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
    def __init__(self, path, module, analysis, index: _ModuleIndex, own: _Module | None, env) -> None:
        self.path = path
        self.env = env
        self.module = module
        self.analysis = analysis
        self.info = analysis.info
        self.index = index
        self.own = own
        self.relative = _relative_imports(module, path)
        self._positions = None
        self.function = self.klass = None  # around the request being followed

    def requests(self):
        from ds_migrate.python.contexts import context_for
        from ds_migrate.python.contexts.fim import FimCompletions
        from ds_migrate.python.syntax import dict_get
        from ds_migrate.python.usage import MODEL_KEYWORDS, json_sender, payload_kind

        info = self.info
        for call in info.calls:
            context = context_for(call, info)
            if context is None or isinstance(context, FimCompletions):
                continue
            for position, arg in enumerate(call.args):
                keyword = arg.keyword.value if arg.keyword is not None else None
                if keyword in MODEL_KEYWORDS or (keyword is None and position == 0 and context.positional_model):
                    if info.resolve_string(arg.value) is None:
                        yield arg.value, call, context
                    break
        for body, parents in info.model_dicts:
            if payload_kind(body) != "chat":
                continue
            sender = json_sender(body, parents, info)
            model = dict_get(body, "model").value
            if sender is not None and info.resolve_string(model) is None:
                yield model, sender, None

    def hint(self, model_node, call, context) -> Hint | None:
        self.function, self.klass = _enclosing(self.analysis.ancestry.get(id(call), ()))
        reached = self.resolve(model_node, 0)
        if reached is None:
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
        model = source.model or values[0]
        line = self.line_of(model_node)
        key = ((module.shown, source.line),) if module is not None else ()
        key += tuple((shown, line) for shown, line, _ in self.env.get(source.env, ()))
        legacy = [find_legacy_names(v) for v in values]
        if not any(legacy):
            return Hint(line, model, origin, None, None, key)
        why_not = None
        if source.models:
            why_not = f"it is picked from a table of ids at {where or source.describe()}"
        elif len(set(values)) > 1:
            why_not = f"{len(set(values))} different ids reach it ({', '.join(sorted(set(values)))})"
        elif through_parameter:
            why_not = "it arrives through a parameter, so callers may pass another model"
        elif host != "deepseek":
            why_not = "the client's host is not visibly DeepSeek's (it may be shared with another provider)"
        mode = LEGACY_MODES[legacy[0][0].base] if why_not is None and legacy[0] else None
        return Hint(line, model, origin, mode, why_not, key)

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
        variable = _env_read(node)
        if variable is not None:  # model=os.getenv("DEEPSEEK_MODEL"): the run's config files say
            return (None, Source(variable, 0, env=variable, text=f"${variable}"), through_parameter)
        if isinstance(node, cst.BooleanOperation) and isinstance(node.operator, cst.Or):
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
        default = _parameter_default(function, head)
        if default is not None and not rest:
            literal = self.info.resolve_string(default)
            if literal is not None:
                source = Source(head, self.line_of(default), model=literal, text=f"parameter {head}={literal!r}")
                return (self.own_module(), source, True)
            return self.resolve(default, hops + 1, True, function)
        return None

    def _self_attribute(self, attribute: str, hops: int, through_parameter: bool):
        """``self.model``: the one value the class assigns it, followed in
        the method that assigns it (``self.model = model`` in ``__init__``)."""
        first, _, rest = attribute.partition(".")
        assigned = _assignments_to_self(self.klass, first)
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

    def own_module(self) -> _Module:
        return self.own or _Module(self.path, self.path, {})

    def _in_modules(self, head: str, rest: str):
        """The source ``head.rest`` names, through this module's imports or its own sources."""
        if head in self.relative:
            target, name = self.relative[head]
            module = self.index.at_path(target)
            if name is not None:
                as_module = self.index.at_path(os.path.join(target, name))
                if as_module is not None:
                    return _lookup(as_module, rest)
                return _lookup(module, f"{name}.{rest}" if rest else name) if module else None
            return _lookup(module, rest) if module else None
        qualified = self.info.imports.get(head)
        if qualified is not None:
            return self.index.qualified(f"{qualified}.{rest}" if rest else qualified, self.path)
        if self.own is not None:
            return _lookup(self.own, f"{head}.{rest}" if rest else head)
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

        receiver = _receiver(call)
        if receiver is None:
            return None
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

    def _url_of(self, module: _Module | None, source: Source) -> str | None:
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


def _env_read(node) -> str | None:
    """The variable of ``os.getenv("X")`` / ``os.environ["X"]`` with no default in the code."""
    import libcst as cst

    from ds_migrate.python.syntax import dotted_name, string_value

    if isinstance(node, cst.Call) and dotted_name(node.func) in {"os.getenv", "getenv", "os.environ.get", "environ.get"}:
        if len(node.args) == 1 and node.args[0].keyword is None:
            return string_value(node.args[0].value)
    if isinstance(node, cst.Subscript) and dotted_name(node.value) in {"os.environ", "environ"}:
        if len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
            return string_value(node.slice[0].slice.value)
    return None


def _enclosing(parents) -> tuple:
    """(innermost function, innermost class) among a node's ancestors."""
    import libcst as cst

    function = next((p for p in parents if isinstance(p, cst.FunctionDef)), None)
    klass = next((p for p in parents if isinstance(p, cst.ClassDef)), None)
    return function, klass


def _parameter_default(function, name: str):
    if function is None:
        return None
    params = function.params
    for param in (*params.posonly_params, *params.params, *params.kwonly_params):
        if param.name.value == name:
            return param.default
    return None


def _assignments_to_self(klass, attribute: str) -> list:
    """(value, method) of each ``self.<attribute> = value`` at the top of a method of ``klass``."""
    import libcst as cst

    found = []
    if klass is None:
        return found
    for method in klass.body.body:
        if not isinstance(method, cst.FunctionDef) or not isinstance(method.body, cst.IndentedBlock):
            continue
        for line in method.body.body:
            if not isinstance(line, cst.SimpleStatementLine):
                continue
            for small in line.body:
                targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) else (
                    [small.target] if isinstance(small, cst.AnnAssign) and small.value is not None else []
                )
                for target in targets:
                    if (
                        isinstance(target, cst.Attribute)
                        and isinstance(target.value, cst.Name)
                        and target.value.value == "self"
                        and target.attr.value == attribute
                    ):
                        found.append((small.value, method))
    return found


def _lookup(module: _Module | None, name: str):
    if module is None or not name:
        return None
    source = module.sources.get(name)
    if source is None:
        head, _, rest = name.partition(".")
        owner = module.sources.get(head)
        if owner is not None and owner.instance_of and rest:
            source = module.sources.get(f"{owner.instance_of}.{rest}")
    return (module, source) if source is not None else None


def _receiver(call):
    """``client`` for ``client.chat.completions.create(...)``."""
    import libcst as cst

    node = call.func
    while isinstance(node, cst.Attribute):
        node = node.value
    return node if isinstance(node, (cst.Name, cst.Call)) and node is not call.func else None


def _relative_imports(module, path: str) -> dict[str, tuple[str, str | None]]:
    """local name -> (module path without suffix, imported name or None) for
    ``from .x import y`` (y may be a name in x, or a module in package x)."""
    import libcst as cst

    from ds_migrate.python.syntax import dotted_name

    found: dict[str, tuple[str, str | None]] = {}
    folder = os.path.dirname(os.path.abspath(path))
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if not isinstance(small, cst.ImportFrom) or not small.relative or isinstance(small.names, cst.ImportStar):
                continue
            base = folder
            for _ in range(len(small.relative) - 1):
                base = os.path.dirname(base)
            name = dotted_name(small.module) if small.module is not None else None
            target = os.path.join(base, *name.split(".")) if name else base
            for alias in small.names:
                if not isinstance(alias.name, cst.Name):
                    continue
                local = alias.asname.name.value if alias.asname is not None else alias.name.value
                if small.module is None:
                    found[local] = (os.path.join(base, alias.name.value), None)  # from . import config
                else:
                    found[local] = (target, alias.name.value)
    return found
