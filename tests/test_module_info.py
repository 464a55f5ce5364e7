"""ModuleInfo (python/module_info.py): facts read through query methods;
for a sliced module, every question about a binding or about the readers
of a name is recorded, and the module-wide facts come from the plan."""

from __future__ import annotations

import libcst as cst

from ds_migrate.python.analyzer import analyze
from ds_migrate.python.slicing import planner

SOURCE = (
    "import os.path\n"
    "import numpy as np\n"
    "from openai import OpenAI as Client\n"
    "from . import local\n"
    'MODEL = "deepseek-chat"\n'
    "client = Client(base_url=URL)\n"
    "def ask(m, model=None):\n"
    "    return client.chat.completions.create(model=MODEL, messages=m)\n"
)


def info_of(source: str, plan=None):
    module = cst.parse_module(plan.text if plan is not None else source)
    return analyze(source, module, plan, "m.py").info


def test_imports_resolve_as_the_analysis_records_them():
    info = info_of(SOURCE)
    assert info.imported("os") == "os"
    assert info.imported("np") == "numpy"
    assert info.imported("Client") == "openai.OpenAI"
    assert info.imported("local") is None  # relative: not resolved
    call = info.every_call()[0]
    assert info.qualified(call.func) == "openai.OpenAI"


def test_a_whole_module_records_no_questions():
    info = info_of(SOURCE)
    assert info.questions is None
    assert info.has_binding("MODEL") and info.single_binding("client") is not None
    assert info.single_binding("model") is None  # unbound
    assert len(info.calls_reading("MODEL")) == 2


def test_a_sliced_module_records_every_question_and_takes_its_facts_from_the_plan():
    filler = "".join(f"def helper_{i}(a, b):\n    return b * {i}\n\n" for i in range(12))  # never read a
    source = "import json as js\n" + filler + 'a = "deepseek-chat"\n' + filler.replace("helper_", "other_")
    plan = planner.plan(source)
    assert not plan.whole
    info = info_of(source, plan)
    assert info.imported("js") == "json"  # from the plan: the import itself was left out
    assert info.has_binding("a")
    assert info.single_binding("a") is None  # also a parameter, of a left-out def (from the plan)
    assert info_of('a = "deepseek-chat"\n').single_binding("a") is not None
    info.has_binding("MODEL")
    info.calls_reading("MODEL")
    info.model_dicts_reading("PAYLOAD")
    assert info.questions.asked == {"a", "MODEL"}
    assert info.questions.searched == {"MODEL", "PAYLOAD"}
