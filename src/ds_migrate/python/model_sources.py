"""The names a module exports that hold a DeepSeek model id or base URL.

Settings modules are where most projects keep the model: ``MODEL = "..."``,
``DEFAULT_MODEL = os.getenv("X", "...")``, a settings class with a field
default, and the instance other modules import. Requests that read those
names live in other modules, often in files that never mention DeepSeek;
``ds_migrate/project/flow/`` follows them there. This step runs in the
worker on each Python file that mentions DeepSeek, so it only reads the
module's top level (and the bodies of its top-level classes) with CPython's
own parser, and only when a line binds a value that could be one of these.
"""

from __future__ import annotations

import ast
import re
from typing import NamedTuple

from ds_migrate.python.follows import BASE_URL_KEYWORDS

# A line that binds something whose value mentions DeepSeek or reads the
# environment, or a factory's return of a client: the only lines that can
# make a source.
_GATE = re.compile(
    r"^[ \t]*[\w.]+[ \t]*(?::[^=\n]*)?=(?!=)(?:[^\n]*(?:deepseek|getenv|environ|base_url|api_base)|[ \t]*[\[{(][ \t]*$)"
    r"|^[ \t]+return[ \t][^\n]*(?:base_url|api_base)",  # def client(): return OpenAI(base_url=...)
    re.I | re.M,
)
_MODEL_ID = re.compile(r"^(?:[\w.-]+[/:])?deepseek-[\w.-]+$", re.I)
_ENV_READERS = {"os.getenv", "getenv", "os.environ.get", "environ.get", "os.environ.setdefault"}
_FIELD_CALLS = {"Field", "field", "pydantic.Field", "dataclasses.field"}
MAX_TEXT = 100
# Settings modules are small; a bigger file is generated or data, and a full
# CPython parse of it would cost more than the rest of the file's analysis.
MAX_SOURCE_CHARS = 1_000_000


class Source(NamedTuple):
    """One exported name: ``MODEL``, ``Settings.model`` or ``settings``."""

    name: str
    line: int
    model: str | None = None  # the model id it holds (its default, for an env lookup)
    env: str | None = None  # the environment variable that can override it
    url: str | None = None  # a base URL it holds
    instance_of: str | None = None  # ``settings = Settings()``: the class, in this module
    text: str = ""  # the binding as written, for messages
    # a client whose base URL another module holds: that name, qualified
    # through this module's imports ("app.config.URL", ".config.URL")
    url_from: str | None = None
    models: tuple[str, ...] = ()  # a table (dict, list) of ids: any of them may be picked

    def describe(self) -> str:
        return self.text or self.name


# A model given by a name rather than a literal: ``model=settings.MODEL``,
# ``"model": MODEL``, ``json=request.model_dump()``. Only a file with one can
# hold a request whose model another module (or another part of this one)
# keeps. Tried only where "model" occurs: a regex over the whole text costs
# more than the worker's whole analysis of a typical file.
_BY_NAME_AT = re.compile(
    r"""model(?:_name|_id)?\s*=(?!=)\s*(?:[A-Za-z_]|\w+\()"""  # model=NAME, model_name=f(...)
    r"""|model["']\s*:\s*[A-Za-z_]"""  # "model": NAME
    r"""|model_dump\(\)|dict\(\)"""  # json=request.model_dump()
)


def reads_model_by_name(text: str) -> bool:
    if len(text) > MAX_SOURCE_CHARS:
        return False
    at = text.find("model")
    while at >= 0:
        if _BY_NAME_AT.match(text, at) and (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")
                                           or text[at - 4 : at] == "llm_"):
            return True
        at = text.find("model", at + 5)
    return False


def extract(text: str, gated: bool = True) -> tuple[Source, ...]:
    """Every source the module defines at its top level, in source order.
    ``gated``: skip the parse when no line could bind a source."""
    if len(text) > MAX_SOURCE_CHARS or (gated and not _GATE.search(text)):
        return ()
    from ds_migrate.python.module_tree import module_tree

    try:
        tree = module_tree(text)  # the slice's plan parsed it already (in a worker)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return ()
    lines = text.splitlines()
    classes = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    imports = _imports(tree)
    from ds_migrate.python.factories import client_factories, instance_factories

    # get_settings() returning Settings(): read like an instance of the class
    factories = instance_factories(tree, classes) if classes else {}
    built = "def " in text and any(keyword in text for keyword in BASE_URL_KEYWORDS)
    clients = {f.name: made for f, made in client_factories(tree).items()} if built else {}
    found: list[Source] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in factories:
            written = lines[node.lineno - 1].strip()[:MAX_TEXT] if node.lineno <= len(lines) else ""
            found.append(Source(node.name, node.lineno, instance_of=factories[node.name], text=written))
        elif isinstance(node, ast.FunctionDef) and node.name in clients:
            # def client(): return OpenAI(base_url=...): the host of what importers call
            source = _factory_source(node, clients[node.name], lines, found, imports)
            if source is not None:
                found.append(source)
        elif isinstance(node, ast.ClassDef):
            fields = [s for inner in node.body for s in _binding(inner, f"{node.name}.", lines, classes, found)]
            if any((_dotted(base) or "").endswith("BaseSettings") for base in node.bases):
                # pydantic-settings: the environment variable named like the field (after the
                # class's env_prefix) overrides it
                prefix = _env_prefix(node)
                fields = [s._replace(env=s.env or (prefix + s.name.rsplit(".", 1)[1]).upper()) for s in fields]
            found.extend(fields)
        else:
            found.extend(_binding(node, "", lines, classes, found, imports))
    return tuple(found)


def _env_prefix(settings: ast.ClassDef) -> str:
    """The ``env_prefix`` a pydantic-settings class gives its variables:
    ``model_config = SettingsConfigDict(env_prefix="APP_")`` (v2), or
    ``class Config: env_prefix = "APP_"`` (v1); "" when it sets none."""
    for node in ast.walk(settings):
        if isinstance(node, ast.keyword) and node.arg == "env_prefix" and _string(node.value) is not None:
            return _string(node.value)
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "env_prefix" for t in node.targets):
            if _string(node.value) is not None:
                return _string(node.value)
        if isinstance(node, ast.Dict):  # model_config = {"env_prefix": "APP_"}
            for key, value in zip(node.keys, node.values):
                if key is not None and _string(key) == "env_prefix" and _string(value) is not None:
                    return _string(value)
    return ""


def _binding(
    node: ast.stmt, prefix: str, lines: list[str], classes: set[str], earlier: list[Source], imports=None
) -> list[Source]:
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target, value = node.targets[0], node.value
    elif isinstance(node, ast.AnnAssign) and node.value is not None:
        target, value = node.target, node.value
    else:
        return []
    if not isinstance(target, ast.Name):
        return []
    text = lines[node.lineno - 1].strip()[:MAX_TEXT] if node.lineno <= len(lines) else ""
    if text.endswith(("{", "[", "(")):  # a table over several lines
        text += "...}" if text.endswith("{") else ("...]" if text.endswith("[") else "...)")
    source = _classify(f"{prefix}{target.id}", node.lineno, value, classes, text, earlier, imports or {})
    return [source] if source is not None else []


def _classify(
    name: str, line: int, value: ast.expr, classes: set[str], text: str, earlier: list[Source], imports: dict
) -> Source | None:
    literal = _string(value)
    if literal is not None:
        if _MODEL_ID.match(literal):
            return Source(name, line, model=literal, text=text)
        if "deepseek.com" in literal.lower():
            return Source(name, line, url=literal, text=text)
        return None
    if isinstance(value, (ast.Dict, ast.List, ast.Tuple, ast.Set)):
        ids = tuple(dict.fromkeys(n.value for n in ast.walk(value) if _string(n) is not None and _MODEL_ID.match(n.value)))
        return Source(name, line, models=ids, text=text) if ids else None
    if isinstance(value, ast.Subscript) and _dotted(value.value) in {"os.environ", "environ"}:
        variable = _string(value.slice)
        return Source(name, line, env=variable, text=text) if variable else None
    if isinstance(value, ast.BoolOp) and isinstance(value.op, ast.Or) and len(value.values) == 2:
        # os.getenv("X") or "deepseek-chat": the same default of $X as os.getenv("X", "...")
        variable, default = _env_variable(value.values[0]), _string(value.values[1])
        if variable is not None and default is not None and _MODEL_ID.match(default):
            return Source(name, line, model=default, env=variable, text=text)
        return None
    if not isinstance(value, ast.Call):
        return None
    callee = _dotted(value.func) or ""
    if callee in _ENV_READERS and value.args:
        variable = _string(value.args[0])
        default = _string(value.args[1]) if len(value.args) > 1 else _keyword(value, "default")
        if variable is None:
            return None
        if default is not None and _MODEL_ID.match(default):
            return Source(name, line, model=default, env=variable, text=text)
        if default is not None and "deepseek.com" in default.lower():
            return Source(name, line, url=default, env=variable, text=text)
        return Source(name, line, env=variable, text=text)
    if callee in _FIELD_CALLS:
        default = _string(value.args[0]) if value.args else _keyword(value, "default")
        if default is not None and _MODEL_ID.match(default):
            return Source(name, line, model=default, text=text)
        return None
    if callee in classes and "." not in name:
        return Source(name, line, instance_of=callee, text=text)
    owner = next((s for s in earlier if s.name == callee and s.instance_of), None)
    if owner is not None and "." not in name and not value.args and not value.keywords:
        return Source(name, line, instance_of=owner.instance_of, text=text)  # settings = get_settings()
    url, url_from = _client_url(value, earlier, imports)
    if url is not None or url_from is not None:  # client = OpenAI(base_url=...): the host of its requests
        return Source(name, line, url=url, text=text, url_from=url_from)
    return None


def _factory_source(node: ast.FunctionDef, made, lines: list[str], earlier: list[Source], imports: dict) -> Source | None:
    from ds_migrate.python.factories import read_name

    constructor, function = made
    for keyword in constructor.keywords:
        if keyword.arg not in BASE_URL_KEYWORDS:
            continue
        literal = _string(keyword.value)
        dotted = read_name(keyword.value, function) if literal is None else None
        if literal is None and dotted is None:
            return None
        text = lines[node.lineno - 1].strip()[:MAX_TEXT] if node.lineno <= len(lines) else ""
        probe = ast.Call(ast.Name("_"), [], [ast.keyword(keyword.arg, ast.Constant(literal) if literal else _as_node(dotted))])
        url, url_from = _client_url(probe, earlier, imports)
        if url is None and url_from is None:
            return None
        return Source(node.name, node.lineno, url=url, text=text, url_from=url_from)
    return None


def _as_node(dotted: str) -> ast.expr:
    head, *rest = dotted.split(".")
    node: ast.expr = ast.Name(head)
    for part in rest:
        node = ast.Attribute(node, part)
    return node


def _client_url(call: ast.Call, earlier: list[Source], imports: dict) -> tuple[str | None, str | None]:
    """(base URL, or the qualified name of another module's that holds it)."""
    for keyword in call.keywords:
        if keyword.arg not in BASE_URL_KEYWORDS:
            continue
        literal = _string(keyword.value)
        if literal is not None:
            return literal, None
        dotted = _dotted(keyword.value)
        if dotted is None:
            return None, None
        local = next((s.url for s in reversed(earlier) if s.name == dotted and s.url), None)
        if local is not None:
            return local, None
        head, _, rest = dotted.partition(".")
        if head in imports:
            return None, f"{imports[head]}.{rest}" if rest else imports[head]
        return None, None
    return None, None


def _imports(tree: ast.Module) -> dict[str, str]:
    """local name -> what it names, qualified (relative imports keep their dots)."""
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    found[alias.asname] = alias.name
                else:
                    head = alias.name.split(".")[0]
                    found[head] = head
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            for alias in node.names:
                if alias.name != "*":
                    joined = f"{module}.{alias.name}" if module and not module.endswith(".") else f"{module}{alias.name}"
                    found[alias.asname or alias.name] = joined
    return found


def _string(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _keyword(call: ast.Call, name: str) -> str | None:
    return next((_string(k.value) for k in call.keywords if k.arg == name), None)


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = _dotted(node.value)
        return f"{head}.{node.attr}" if head else None
    return None


def _env_variable(node: ast.expr) -> str | None:
    """The variable ``os.getenv("X")``, ``os.environ.get("X")`` or
    ``os.environ["X"]`` reads, with no default of its own."""
    if isinstance(node, ast.Subscript) and _dotted(node.value) in {"os.environ", "environ"}:
        return _string(node.slice)
    if isinstance(node, ast.Call) and (_dotted(node.func) or "") in _ENV_READERS and len(node.args) == 1 and not node.keywords:
        return _string(node.args[0])
    return None
