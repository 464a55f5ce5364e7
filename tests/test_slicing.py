"""Slicing (python/slicing/): libcst parses only the top-level statements
that can matter. The promise is that nothing else changes: every finding,
message, position and fixed byte is the same as with the whole module
parsed. The corpus test plants linked uses (a constant here, the call that
reads it in some function there) into real stdlib modules and compares
both ways; the rest pins the plan's own rules.
"""

from __future__ import annotations

import ast
import os
import random
import sysconfig
from dataclasses import dataclass
from pathlib import Path

import libcst as cst
import pytest

from ds_migrate.analyse import Options, process_file
from ds_migrate.deepseek.mapping import Mapping
from ds_migrate.python import slicing
from ds_migrate.python.slicing import planner as _planner, prepass as _prepass  # noqa: F401 (slicing.planner, slicing.prepass)
from ds_migrate.report.json_format import finding_dict

from conftest import fuzz_cases

# Pieces planted together: (where, code). "top" goes between two top-level
# statements, "function" at the start of some function body, "class" at the
# start of some class body. Each group links units the way real code does.
GROUPS = [
    [("top", 'MODEL = "deepseek-chat"'),
     ("function", "reply = client.chat.completions.create(model=MODEL, messages=history)")],
    [("top", 'BASE_URL = "https://api.deepseek.com"'),
     ("top", "client = OpenAI(api_key=key, base_url=BASE_URL)"),
     ("function", 'out = client.chat.completions.create(model=name, messages=m, tools=tools, temperature=0.2)')],
    [("class", 'model = "deepseek-reasoner"'),
     ("function", "answer = self.client.chat.completions.create(model=self.model, messages=m)")],
    [("top", "from langchain_deepseek import ChatDeepSeek as Chat"),
     ("function", 'llm = Chat(model="deepseek-v4-pro", temperature=0.3)')],
    [("top", 'PAYLOAD = {"model": "deepseek-chat", "messages": []}'),
     ("function", "response = requests.post(url, json=PAYLOAD, timeout=30)")],
    [("top", 'MODEL = "deepseek-chat"'),
     ("function", 'MODEL = "gpt-4o"'),
     ("function", "r = client.chat.completions.create(model=MODEL, messages=m)")],
    [("top", 'DEFAULT_MODEL = "deepseek-reasoner"'),
     ("function", "def pick(DEFAULT_MODEL=None):\n    return DEFAULT_MODEL"),
     ("function", "client.chat.completions.create(model=DEFAULT_MODEL, messages=m)")],
    [("function", 'msg.pop("reasoning_content", None)'),
     ("function", 'history.append({"role": "assistant", "content": reply.choices[0].message.content})'),
     ("top", 'r = OpenAI(base_url="https://api.deepseek.com").chat.completions.create('
             'model="deepseek-v4-flash", messages=m, tools=t)')],
    [("top", "# switched to deepseek-chat for cost"),
     ("class", "# the deepseek-reasoner variant"),
     ("function", 'kwargs = {"model": "deepseek-chat", "stream": True}')],
    [("top", "import openai as oa"),
     ("function", 'oa.OpenAI(base_url="https://api.deepseek.com/v1").chat.completions.create('
                  'model="deepseek-chat", messages=m)')],
    [("top", 'ENDPOINT = "https://api.deepseek.com"'),
     ("function", "self.client = OpenAI(base_url=ENDPOINT)"),
     ("function", "self.client.chat.completions.create(model=self.model_name, messages=m, tool_choice='required', tools=t)")],
    [("function", 'cfg = dict(model="deepseek-chat", temperature=0)'),
     ("function", "litellm.completion(**cfg)"),
     ("top", 'log.info("using %s", "deepseek-reasoner")')],
]

STDLIB = Path(sysconfig.get_paths()["stdlib"])


def corpus() -> list[Path]:
    files = sorted(p for p in STDLIB.glob("*.py") if 2_000 < p.stat().st_size < 120_000)
    return files


def plant(source: str, rng: random.Random) -> str:
    """``source`` with one or two groups planted at random places."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    tops = [s.lineno if not getattr(s, "decorator_list", None) else min(d.lineno for d in s.decorator_list)
            for s in tree.body]
    tops = [line for line in tops if line > 1] + [len(lines) + 1]
    bodies: dict[str, list[tuple[int, int]]] = {"function": [], "class": []}
    for node in ast.walk(tree):
        kind = "class" if isinstance(node, ast.ClassDef) else "function" if isinstance(
            node, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
        if kind and node.body and node.body[0].lineno > node.lineno:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(getattr(first, "value", None), ast.Constant):
                first = node.body[1] if len(node.body) > 1 else None  # after the docstring
            if first is not None and first.lineno > node.lineno:
                line = first.lineno
                if getattr(first, "decorator_list", None):
                    line = min(d.lineno for d in first.decorator_list)
                bodies[kind].append((line, first.col_offset))
    inserts: list[tuple[int, str]] = []
    for group in rng.sample(GROUPS, rng.choice((1, 2))):
        for where, code in group:
            if where == "top" or not bodies[where]:
                line, indent = rng.choice(tops), 0
            else:
                line, indent = rng.choice(bodies[where])
            text = "".join(" " * indent + part + "\n" for part in code.split("\n"))
            inserts.append((line, text))
    for line, text in sorted(inserts, key=lambda item: item[0], reverse=True):
        if line > len(lines) and lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        lines.insert(line - 1, text)
    return "".join(lines)


@dataclass(frozen=True)
class Outcome:
    """Everything a run shows of one file (unsafe fixes and SARIF regions included)."""

    findings: list[dict]
    suppressed: list[dict]
    errors: list[tuple[str, int | None]]  # (message, line)
    fixed_text: str | None


def outcome(path: str, source: str, monkeypatch, sliced: bool) -> Outcome:
    monkeypatch.setenv("DS_MIGRATE_NO_SLICING", "0" if sliced else "1")
    return result_of(path, source)


def result_of(path: str, source: str) -> Outcome:
    """Everything a run shows of one file: findings, suppressed ones,
    errors, and the fixed text."""
    options = Options(mapping=Mapping(), unsafe_fixes=True, describe_fixes=True)
    processed = process_file(path, source.encode(), options, want_fix=True)
    result = processed.result
    return Outcome(
        findings=[finding_dict(f) for f in result.findings],
        suppressed=[finding_dict(f) for f in result.suppressed],
        errors=[(e.message, e.line) for e in result.errors],
        fixed_text=processed.fixed_text,
    )


def test_planted_real_modules_give_the_same_findings_and_fixes(monkeypatch):
    compare_planted(monkeypatch, count=40, seed=20261129)


@pytest.mark.fuzz
def test_planted_real_modules_long_profile(monkeypatch):
    compare_planted(monkeypatch, count=fuzz_cases(int(os.environ.get("DS_MIGRATE_FUZZ_LONG", "3000"))) // 10, seed=7)


def compare_planted(monkeypatch, count: int, seed: int) -> None:
    monkeypatch.setattr(slicing.planner, "WORTH_SLICING", 1.0)  # slice whenever it can
    files = corpus()
    assert len(files) > 50, "the stdlib corpus is missing"
    rng = random.Random(seed)
    sliced_any = 0
    for _ in range(count):
        path = rng.choice(files)
        source = plant(path.read_text(encoding="utf-8", errors="replace"), rng)
        try:
            compile(source, str(path), "exec")
        except SyntaxError:
            continue  # a plant landed where the grammar does not allow it
        sliced_any += slicing.plan(source) is not None
        whole = outcome(path.name, source, monkeypatch, sliced=False)
        assert whole.findings, f"nothing found in the planted {path.name}"
        assert outcome(path.name, source, monkeypatch, sliced=True) == whole, path.name
    assert sliced_any > count // 2, "the corpus hardly exercised slicing"


def module_with(*middle: str) -> str:
    filler = "\n\n".join(f"def helper_{i}(a, b):\n    total = a + b\n    return total * {i}\n" for i in range(12))
    return filler + "\n\n" + "\n\n".join(middle) + "\n\n" + filler.replace("helper_", "other_") + "\n"


def kept_text(plan: slicing.Slice, source: str) -> list[str]:
    lines = source.split("\n")
    return ["\n".join(lines[first - 1 : last]) for (first, last), kept in zip(plan.units, plan.kept) if kept]


def test_the_slice_keeps_every_offset_line_and_column():
    source = module_with('MODEL = "deepseek-chat"', "class A:\n    x = [\n        1,\n    ]\n")
    plan = slicing.plan(source)
    assert plan is not None
    assert len(plan.text) == len(source)
    assert plan.text.count("\n") == source.count("\n")
    for kept, (first, last) in zip(plan.kept, plan.units):
        old = source.split("\n")[first - 1 : last]
        new = plan.text.split("\n")[first - 1 : last]
        assert [len(line) for line in old] == [len(line) for line in new]
        if kept:
            assert old == new
        else:
            assert new[0].strip() in ("0", "(", '"""')
            assert [line.strip() for line in new[1:] if line.strip()] in ([], [")"], ['"""'])
    assert kept_text(plan, source) == ['MODEL = "deepseek-chat"']
    module = cst.parse_module(plan.text)
    assert len(module.body) == len(plan.units)


def test_a_name_links_the_units_that_bind_and_read_it():
    source = module_with(
        'MODEL = "deepseek-chat"',
        "def ask(m):\n    return client.chat.completions.create(model=MODEL, messages=m)\n",
        'client = OpenAI(base_url=URL)',
        'URL = "http://localhost"',
        "def unrelated():\n    return MODEL_B\n",
    )
    plan = slicing.plan(source)
    kept = "\n".join(kept_text(plan, source))
    # the call reads MODEL; it reads client, bound once; client's URL is followed too
    assert "def ask" in kept and "client = OpenAI" in kept and 'URL = "http' in kept
    assert "def unrelated" not in kept and "helper_3" not in kept


@pytest.mark.parametrize(
    "table, reader, code",
    [
        # a price table: a rule asks where the dict is posted, so its readers are kept
        ('PRICES = {"deepseek-chat": 0.27, "deepseek-reasoner": 0.55}',
         "def cost(tokens):\n    return PRICES[MODEL] * tokens\n", None),
        # the same question answered: a body posted to a local Ollama server
        ('PULL = {"name": "deepseek-coder", "stream": False}',
         'def pull():\n    return requests.post("http://localhost:11434/api/pull", json=PULL)\n', "DSM110"),
        # an environment default: the rule follows it to the requests, as a constant (bench T2's DEFAULT)
        ('DEFAULT = os.getenv("DEEPSEEK_MODEL", "deepseek-chat")',
         "def ask(m):\n    return client.chat.completions.create(model=DEFAULT, messages=m)\n", "DSM104"),
        ('DEFAULT = Field("deepseek-chat", env="DEEPSEEK_MODEL")',
         "def ask(m):\n    return client.chat.completions.create(model=DEFAULT, messages=m)\n", None),
    ],
)
def test_a_dict_naming_deepseek_keeps_its_readers_so_the_slice_is_not_widened(monkeypatch, table, reader, code):
    from ds_migrate.python.check import check_module

    source = module_with(table, reader)
    plan, module = slicing.parse(source)
    assert not plan.whole
    kept = "\n".join(kept_text(plan, source))
    assert reader.split("(")[0] in kept and "def helper_3" not in kept
    check_module("m.py", source, module, Mapping(), plan)  # SliceTooNarrow would re-parse the whole module
    sliced = outcome("m.py", source, monkeypatch, sliced=True)
    assert sliced == outcome("m.py", source, monkeypatch, sliced=False)
    if code:
        assert code in {finding["code"] for finding in sliced.findings}


def test_module_wide_facts_come_from_the_whole_module():
    source = module_with(
        'MODEL = "deepseek-chat"',
        "def far_away(MODEL=None, *rest, **options):\n    import json as js\n    return (lambda q, *, r=1: q)(MODEL)\n",
    )
    plan = slicing.plan(source)
    for name in ("MODEL", "rest", "options", "q", "r", "a", "b"):
        assert name in plan.parameters
    for name in ("js", "far_away", "total", "lambda", "helper_1"):
        assert name not in plan.parameters
    assert plan.imports["js"] == "json"


@pytest.mark.parametrize(
    "source",
    [
        "x = 1\ny = 'deepseek-chat'\r\nz = 2\rw = 3\n",  # a lone CR ends a line
        "def f(:\n    pass\nMODEL = 'deepseek-chat'\n",  # does not parse
    ],
)
def test_no_plan_when_cpython_and_the_line_index_disagree_or_cannot_read(source):
    assert slicing.plan(source) is None


@pytest.mark.parametrize(
    "source",
    [
        'M = "deepseek-chat"\n',  # one unit: nothing to leave out
        "\n".join(f'M{i} = "deepseek-chat"' for i in range(9)) + "\nx = 1\n",  # nearly all kept
        module_with('x = 1 \\\n; M = "deepseek-chat"'),  # a line continued out of a left-out unit into a kept one
    ],
)
def test_the_whole_module_when_slicing_cannot_help_or_is_unsure(source):
    plan = slicing.plan(source)
    assert plan.whole and plan.text == source


def test_a_line_continued_inside_a_dropped_unit_is_blanked_with_it():
    source = module_with("x = 1 + \\\n    2", 'M = "deepseek-chat"')
    plan = slicing.plan(source)
    assert plan is not None and "\\" not in plan.text
    assert len(cst.parse_module(plan.text).body) == len(plan.units)


def test_comments_between_units_keep_both_neighbours():
    source = module_with("class A:\n    x = 1\n    # was deepseek-chat\n", "z = 3")
    plan = slicing.plan(source)
    kept = "\n".join(kept_text(plan, source))
    assert "class A" in kept and "z = 3" in kept


def test_fixes_splice_into_the_original_text(monkeypatch):
    source = module_with(
        "@decorator\nclass Client:\n    def ask(self, m):\n        return self.api.chat.completions.create(\n"
        '            model="deepseek-chat", messages=m,\n        )\n    # deepseek-reasoner: slower\n',
    ).replace("\n", "\r\n").rstrip("\r\n")  # CRLF and no final newline
    whole = outcome("m.py", source, monkeypatch, sliced=False)
    assert whole.fixed_text is not None and "deepseek-v4-flash" in whole.fixed_text
    assert outcome("m.py", source, monkeypatch, sliced=True) == whole


def test_splice_refuses_an_edit_outside_the_kept_units():
    source = module_with('MODEL = "deepseek-chat"')
    plan = slicing.plan(source)
    module = cst.parse_module(plan.text)
    dropped = plan.kept.index(False)
    body = list(module.body)
    body[dropped] = cst.parse_statement("changed = 1\n")
    with pytest.raises(ValueError):
        slicing.splice(source, plan, module, module.with_changes(body=body))


@pytest.mark.parametrize("sliced", [True, False])
def test_a_fix_keeps_the_bytes_libcst_would_not_print_back(monkeypatch, sliced):
    # libcst 1.9 prints "except (A, B) :" without the space; printing the
    # whole module would change a line no fix touched
    source = module_with(
        "try:\n    run()\nexcept (OSError, ValueError) :\n    pass",
        'def ask(m):\n    try:\n        go()\n    except KeyError :\n        pass\n'
        '    return client.chat.completions.create(model="deepseek-chat", messages=m)',
    )
    fixed = outcome("m.py", source, monkeypatch, sliced).fixed_text
    assert "except (OSError, ValueError) :" in fixed and "except KeyError :" in fixed
    assert fixed.replace("deepseek-v4-flash", "deepseek-chat").replace(
        ', extra_body={"thinking": {"type": "disabled"}}', ""
    ) == source


def test_a_long_class_keeps_only_the_method_that_matters(monkeypatch):
    methods = "\n".join(
        f"    def method_{i}(self, a):\n        '''Helper {i}.'''\n        total = a + {i}\n        return total\n"
        for i in range(8)
    )
    source = (
        "class Service:\n"
        '    """One big class: the only top-level statement."""\n\n'
        + methods
        + "\n    def ask(self, m):\n"
        + '        return self.client.chat.completions.create(model="deepseek-chat", messages=m)\n'
        + methods.replace("method_", "later_")
    )
    plan = slicing.plan(source)
    assert not plan.whole and plan.kept == [True]
    assert "def ask" in plan.text and "class Service" in plan.text
    assert "def method_3" not in plan.text and "def later_5" not in plan.text
    assert len(cst.parse_module(plan.text).body) == 1
    whole = outcome("s.py", source, monkeypatch, sliced=False)
    assert "deepseek-v4-flash" in whole.fixed_text
    assert outcome("s.py", source, monkeypatch, sliced=True) == whole


@pytest.mark.parametrize("sliced", [True, False])
@pytest.mark.parametrize("final_newline", [True, False])
def test_a_fix_in_one_method_prints_that_method_only(monkeypatch, sliced, final_newline):
    # the other method has a line libcst would print back differently: it
    # stays as it was only if the class is not printed again as a whole
    other = "    def other(self):\n        try:\n            go()\n        except KeyError :\n            pass\n"
    filler = "".join(f"    def helper_{i}(self):\n        return {i}\n\n" for i in range(6))
    ask = (
        "    def ask(self, m):\n"
        "        return self.client.chat.completions.create(\n"
        '            model="deepseek-chat", messages=m,\n'
        "        )\n"
    )
    source = "class Service:\n" + other + "\n" + filler + ask
    if not final_newline:
        source = source.rstrip("\n")
    fixed = outcome("s.py", source, monkeypatch, sliced).fixed_text
    before_ask = source.index("    def ask")
    assert fixed[:before_ask] == source[:before_ask]  # "except KeyError :" included
    assert fixed[before_ask:] == (
        "    def ask(self, m):\n"
        "        return self.client.chat.completions.create(\n"
        '            model="deepseek-v4-flash", messages=m,\n'
        '            extra_body={"thinking": {"type": "disabled"}},\n'
        "        )" + ("\n" if final_newline else "")
    )


def test_left_out_methods_keep_tab_indentation(monkeypatch):
    methods = "".join(f"\tdef helper_{i}(self):\n\t\treturn {i}\n\n" for i in range(8))
    source = (
        "class Service:\n" + methods
        + '\tdef ask(self, m):\n\t\treturn self.api.chat.completions.create(model="deepseek-chat", messages=m)\n'
        + methods.replace("helper_", "later_")
    )
    plan = slicing.plan(source)
    assert not plan.whole
    assert '\n\t"""' in plan.text  # a left-out method, indented as it was
    assert len(cst.parse_module(plan.text).body) == 1
    whole = outcome("t.py", source, monkeypatch, sliced=False)
    assert "deepseek-v4-flash" in whole.fixed_text
    assert outcome("t.py", source, monkeypatch, sliced=True) == whole


def test_a_body_after_the_colon_of_a_long_header_is_not_split_from_it():
    params = "".join(f"        a{i}=1,\n" for i in range(11))
    source = (
        "import os\n\ndef ask(q,\n        model='deepseek-chat',\n" + params + "        b=2): return q\n\n"
        + "".join(f"z{i} = {i}\n" for i in range(30))
    )
    plan = slicing.plan(source)
    assert not plan.whole
    assert "        b=2): return q\n" in plan.text  # kept with its header, not blanked
    assert len(cst.parse_module(plan.text).body) == len(plan.units)


def test_a_run_of_left_out_statements_is_one_placeholder():
    source = "import os\n" + "x = 1\n" * 500 + 'M = "deepseek-chat"\n\n' + "y = 2\n\n" * 300 + "# note\nz = 3\n"
    plan = slicing.plan(source)
    assert not plan.whole and len(plan.text) == len(source)
    assert plan.text.count("\n") == source.count("\n")
    # import + 500 statements, the kept one, 300 more, the one after a comment: three placeholders and the kept unit
    assert plan.units == [(1, 501), (502, 502), (504, 1102), (1105, 1105)]
    assert plan.kept == [False, True, False, False]
    assert plan.widened(source).units[:3] == [(1, 1), (2, 2), (3, 3)]
    module = cst.parse_module(plan.text)
    assert len(module.body) == len(plan.units)


def test_runs_inside_a_split_class_are_merged_and_fixes_still_splice():
    body = "".join(f"    def m{i}(self):\n        return {i}\n\n" for i in range(30))
    source = "class Big:\n" + body + '    MODEL = "deepseek-chat"\n\n' + body.replace("def m", "def n") + "x = 1\n"
    plan = slicing.plan(source)
    assert not plan.whole
    module = cst.parse_module(plan.text)
    lines = plan.children[1]
    assert len(module.body[0].body.body) == len(lines) == 3  # run, kept statement, run
    from ds_migrate.analyse import Options, process_file

    processed = process_file("big.py", source.encode(), Options(), want_fix=True)
    assert processed.fixed_data is not None
    fixed = processed.fixed_data.decode()
    assert fixed.replace("deepseek-v4-flash", "deepseek-chat").count("\n") >= source.count("\n") - 1
    assert "deepseek-chat" not in fixed.split("MODEL")[1].split("\n")[0]
    assert fixed.split("MODEL")[0] == source.split("MODEL")[0]


# -- the first cut for huge modules (python/slicing/prepass.py) ---------------


def same_plan(first: slicing.Slice, second: slicing.Slice) -> bool:
    return (first.text, first.units, first.kept, first.imports) == (second.text, second.units, second.kept, second.imports)


def test_the_first_cut_leaves_out_a_huge_run_and_plans_as_the_whole_text(monkeypatch):
    monkeypatch.setattr(slicing.prepass, "MIN_CHARS", 0)
    source = (
        "import os\n" + "x = 1\n" * 3000 + "\n"
        + 'client.chat.completions.create(model="deepseek-chat", messages=[])\n' + "y = 'a'\n" * 3000
    )
    reduced, spans = slicing.prepass.reduce(source, slicing.planner._TRIGGER)
    assert spans == {2: 3001, 3004: 6003}  # "import os" is kept for the module's imports
    assert len(reduced) == len(source) and reduced.count("\n") == source.count("\n")
    assert "x = 1" not in reduced and "y = 'a'" not in reduced and "import os" in reduced
    sliced = slicing.plan(source)
    assert same_plan(sliced, slicing.planner._plan(source))
    assert sliced.units == [(1, 3001), (3003, 3003), (3004, 6003)] and sliced.kept == [False, True, False]
    assert sliced.widened(source).units[:3] == [(1, 1), (2, 2), (3, 3)]


@pytest.mark.parametrize(
    "source, applies",
    [
        # a binding far away is kept through the name it shares with the call
        ("M = 'deepseek-chat'\n" + "x = 1\n" * 500 + "client.chat.completions.create(model=M, messages=[])\n", True),
        # a comment between left-out statements still splits their run
        ("x = 1\n" * 300 + "# a note\n" + "x = 2\n" * 300 + "M = 'deepseek-chat'\n", True),
        # a comment naming DeepSeek keeps the statement after it
        ("x = 1\n" * 300 + "z = 0\n# was deepseek-chat\ndef f():\n    return 1\n" + "x = 2\n" * 300, True),
        # a decorated def, and a class whose method reads a class attribute
        ("x = 1\n" * 200 + "@dec\ndef ask(m):\n    return client.create(model=NAME, messages=m)\n"
         + "x = 1\n" * 200 + "NAME = 'deepseek-chat'\n" + "class A:\n    model = 'deepseek-reasoner'\n"
         + "    def go(self):\n        return self.model\n" + "x = 1\n" * 200, True),
        # column-0 lines inside a string: not statements (the proof refuses the cut, or it is not made)
        ("x = 1\n" * 200 + 'DOC = """\nM = 1\nclient = 2\n"""\n' + "client = OpenAI(base_url='https://api.deepseek.com')\n"
         + "x = 1\n" * 200, None),
        # a line continued with a backslash next to a kept statement
        ("x = 1\n" * 200 + "y = 1 + \\\n2\n" + "M = 'deepseek-chat'\n" + "x = 1\n" * 200, None),
    ],
)
def test_the_first_cut_gives_the_plan_of_the_whole_text(monkeypatch, source, applies):
    monkeypatch.setattr(slicing.prepass, "MIN_CHARS", 0)
    reduced = slicing.prepass.reduce(source, slicing.planner._TRIGGER)
    if applies is not None:
        assert (reduced is not None) == applies
    assert same_plan(slicing.plan(source), slicing.planner._plan(source))


@pytest.mark.parametrize(
    "source",
    [
        "x = 1\n" * 300 + "x = = 2\n" + "x = 1\n" * 300 + "M = 'deepseek-chat'\n",  # does not parse
        "x = 1\n" * 300 + "def f(:\n    pass\n" + "M = 'deepseek-chat'\n",
    ],
)
def test_a_syntax_error_in_left_out_code_is_still_found(monkeypatch, source):
    monkeypatch.setattr(slicing.prepass, "MIN_CHARS", 0)
    assert slicing.prepass.reduce(source, slicing.planner._TRIGGER) is None
    assert slicing.plan(source) is None


def test_the_first_cut_needs_ascii_and_a_large_module(monkeypatch):
    source = "x = 1\n" * 300 + "M = 'deepseek-chat'\n"
    assert slicing.prepass.reduce(source, slicing.planner._TRIGGER) is None  # below MIN_CHARS
    monkeypatch.setattr(slicing.prepass, "MIN_CHARS", 0)
    assert slicing.prepass.reduce(source, slicing.planner._TRIGGER) is not None
    assert slicing.prepass.reduce(source + "ｘ = 1\n", slicing.planner._TRIGGER) is None  # NFKC names


def test_planted_real_modules_plan_the_same_with_the_first_cut(monkeypatch):
    monkeypatch.setattr(slicing.prepass, "MIN_CHARS", 0)
    monkeypatch.setattr(slicing.prepass, "_MAX_KEPT", 1.0)  # in a small module most words link most code
    rng = random.Random(20261130)
    files = corpus()
    blanked = 0
    for _ in range(100):
        path = rng.choice(files)
        source = plant(path.read_text(encoding="utf-8", errors="replace"), rng)
        reduced = slicing.prepass.reduce(source, slicing.planner._TRIGGER)
        blanked += reduced is not None and reduced[0] != source
        whole = slicing.planner._plan(source)
        sliced = slicing.plan(source)
        assert (sliced is None) == (whole is None), path.name
        if whole is not None:
            assert same_plan(sliced, whole), path.name
    assert blanked >= 2, "the corpus hardly exercised the first cut"


def test_planted_real_modules_give_the_same_findings_and_fixes_with_the_first_cut(monkeypatch):
    monkeypatch.setattr(slicing.prepass, "MIN_CHARS", 0)
    monkeypatch.setattr(slicing.prepass, "_MAX_KEPT", 1.0)
    compare_planted(monkeypatch, count=15, seed=20261130)


def test_the_plan_and_the_exports_share_one_parse_of_a_module(monkeypatch):
    from ds_migrate.python import module_tree
    from ds_migrate.python.model_sources import extract

    source = module_with('MODEL = "deepseek-chat"', "def ask(m):\n    return client.chat.completions.create(model=MODEL, messages=m)\n")
    assert module_tree.module_tree(source) is module_tree.module_tree(source)
    slicing.plan(source)
    tree = module_tree.module_tree(source)
    assert [s.name for s in extract(source)] == ["MODEL"]
    assert module_tree.module_tree(source) is tree  # extract read the same tree, not a new one
    module_tree.forget()
    assert module_tree.module_tree(source) is not tree
    monkeypatch.setattr(module_tree, "MAX_SHARED_CHARS", len(source))
    assert module_tree.module_tree(source) is not module_tree.module_tree(source)  # too big: never remembered
    module_tree.forget()


LONG_ASK = (
    "def ask(t):\n    model = pick(t)\n" + "".join(f"    note_{i} = len(t) + {i}\n" for i in range(12))
    + '    return litellm.completion(model=model, messages=[{"role": "user", "content": t}])\n'
)


@pytest.mark.parametrize("picker, asker, codes", [
    ("def pick(t):\n    return HARD if len(t) > 99 else EASY\n", LONG_ASK, ["DSM201"]),
    # through two returns, or a method: the analysis does not read these choices (the
    # whole module gives nothing either), but the slice keeps what it would ask about
    ("def choose(t):\n    return HARD if len(t) > 99 else EASY\n\n\ndef pick(t):\n    return choose(t)\n", LONG_ASK, []),
    ("class Router:\n    def pick(self, t):\n        return HARD if len(t) > 99 else EASY\n",
     "class Asker(Router):\n" + "".join("    " + line + "\n" for line in LONG_ASK.replace("(t)", "(self, t)", 1)
                                       .replace("pick(t)", "self.pick(t)").splitlines()), []),
])
def test_a_function_returning_a_followed_value_keeps_its_callers(monkeypatch, picker, asker, codes):
    """``model = pick(t)`` then ``completion(model=model)``, where pick()
    returns one of two V4 constants: the slice kept pick() but not the
    request it feeds, so the request's DSM201 was lost in a large module."""
    monkeypatch.setattr(slicing.planner, "WORTH_SLICING", 1.0)
    source = "import litellm\n\n" + module_with(
        'HARD = "deepseek/deepseek-v4-pro"\nEASY = "deepseek/deepseek-v4-flash"', picker, asker)
    plan = slicing.plan(source)
    assert plan is not None and not plan.whole
    kept = "\n".join(kept_text(plan, source))
    assert "litellm.completion(model=model" in kept and "pick(t)" in kept
    assert "def helper_3" not in kept
    sliced = outcome("m.py", source, monkeypatch, sliced=True)
    assert sliced == outcome("m.py", source, monkeypatch, sliced=False)
    assert [finding["code"] for finding in sliced.findings] == codes


def test_a_returned_chat_body_in_a_long_function_is_seen_in_a_slice(monkeypatch):
    """DSM201 on a chat body a function returns asks for the return and the
    name's other writes: the slice keeps them (every reader of a payload's
    name), so sliced and whole agree, with a mode set later or not."""
    monkeypatch.setattr(slicing.planner, "WORTH_SLICING", 1.0)
    function = (
        "def ping_request(t):\n"
        '    body = {"model": "deepseek-v4-flash", "messages": [{"role": "user", "content": t}]}\n'
        + "".join(f"    note_{i} = len(t) + {i}\n" for i in range(12))
        + "    return body\n"
    )
    for source, codes in (
        (module_with(function), ["DSM201"]),
        (module_with(function.replace("    return body\n", '    body["thinking"] = {"type": "disabled"}\n    return body\n')), []),
    ):
        plan = slicing.plan(source)
        assert plan is not None and not plan.whole
        sliced = outcome("m.py", source, monkeypatch, sliced=True)
        assert sliced == outcome("m.py", source, monkeypatch, sliced=False)
        assert [finding["code"] for finding in sliced.findings] == codes


def test_a_payload_kept_for_a_binding_keeps_where_it_is_sent(monkeypatch):
    """A payload dict kept because an analysed statement reads its name is
    analysed too, and the analysis asks where it is posted (usage.json_sender):
    its readers are kept, or the whole module would be parsed again (litellm's
    responses transformation: ``litellm_completion_request``)."""
    from ds_migrate.python.check import check_module

    source = module_with(
        'payload = {"model": name, "messages": []}',
        "def send():\n    return requests.post(URL, json=payload)\n",
        'LOG = "deepseek " + str(payload)',
    )
    plan, module = slicing.parse(source)
    assert not plan.whole
    kept = "\n".join(kept_text(plan, source))
    assert "def send" in kept and "def helper_3" not in kept
    check_module("m.py", source, module, Mapping(), plan)  # SliceTooNarrow would re-parse the whole module
    assert outcome("m.py", source, monkeypatch, sliced=True) == outcome("m.py", source, monkeypatch, sliced=False)
