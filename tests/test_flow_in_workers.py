"""Where the model flow reads files (issue 22): the process that runs the
scan links what the workers found and never parses source; a file outside
the hit set is read only when it imports an exporting module, and then in
the worker pool; CPython's parser rules out the files with no request
before libcst is asked."""

from __future__ import annotations

import json
import os

import libcst
from click.testing import CliRunner

from ds_migrate.cli.commands import main
from ds_migrate.project.flow.sites import request_sites
from projects import scan_tree, write_tree

CONFIG = 'DEEPSEEK_URL = "https://api.deepseek.com"\nMODEL = "deepseek-chat"\n'
HANDLER = (
    "from openai import OpenAI\n\n"
    "from app.config import DEEPSEEK_URL, MODEL\n\n"
    "client = OpenAI(base_url=DEEPSEEK_URL)\n\n\n"
    "def answer(messages):\n"
    "    return client.chat.completions.create(model=MODEL, messages=messages)\n"
)
# imports the settings module and names MODEL, but makes no request
LOGGER = "from app.config import MODEL\n\n\ndef describe():\n    return f'using {MODEL}'\n"
BYSTANDER = "import os\n\n\ndef answer(model):\n    return model\n"


def _project(tmp_path, hits: int = 0):
    files = {
        "app/__init__.py": "",
        "app/config.py": CONFIG,
        "app/handler.py": HANDLER,
        "app/logger.py": LOGGER,
        "app/bystander.py": BYSTANDER,
    }
    # enough files that mention DeepSeek for the run to start its worker pool
    files.update({f"app/notes{i}.py": f"# we moved to deepseek-v4-flash ({i})\n" for i in range(hits)})
    return write_tree(tmp_path, files)


def _scan(root, *flags):
    result = CliRunner().invoke(main, ["scan", "--isolated", "--format", "json", *flags, str(root)], catch_exceptions=False)
    return result.output


def _diff(root, *flags):
    result = CliRunner().invoke(main, ["fix", "--diff", "--isolated", "--unsafe-fixes", *flags, str(root)], catch_exceptions=False)
    return result.stdout_bytes


def test_the_run_process_parses_no_source_with_libcst_when_it_has_workers(tmp_path, monkeypatch):
    from ds_migrate import pipeline

    monkeypatch.setattr(pipeline, "PARALLEL_BYTES", 0)
    _project(tmp_path, hits=20)
    alone, alone_diff = _scan(tmp_path, "--jobs", "1"), _diff(tmp_path, "--jobs", "1")
    parent = os.getpid()
    parsed_here: list[str] = []  # the workers fork from this process and record in their own copy
    for name in ("parse_module", "parse_statement", "parse_expression"):
        real = getattr(libcst, name)

        def spy(source, *args, _real=real, **kwargs):
            if os.getpid() == parent:
                parsed_here.append(source if isinstance(source, str) else source.decode("utf-8", "replace"))
            return _real(source, *args, **kwargs)

        monkeypatch.setattr(libcst, name, spy)
    pooled = _scan(tmp_path, "--jobs", "2")
    assert parsed_here == []
    assert pooled == alone  # the same report, wherever the files were read
    assert _diff(tmp_path, "--jobs", "2") == alone_diff  # and the same fixes
    assert b"+++ " in alone_diff and b'"thinking": {"type": "disabled"}' in alone_diff
    (finding,) = [f for f in json.loads(pooled)["findings"] if f["code"] == "DSM201"]
    assert finding["path"].endswith("app/handler.py")
    assert finding["message"].endswith("app/config.py:2: set it here (V4 thinks by default)")


def test_only_importers_of_an_exporting_module_are_handed_to_be_read(tmp_path, monkeypatch):
    from ds_migrate import pipeline
    from ds_migrate.project.flow import follow_here

    handed: list[str] = []

    def recording(jobs, pools):
        def follow(tasks, index, names_of, env):
            handed.extend(os.path.relpath(path, tmp_path) for path, _, _ in tasks)
            return follow_here(tasks, index, names_of, env)

        return follow

    monkeypatch.setattr(pipeline, "follow_models_in", recording)
    _project(tmp_path)
    document = scan_tree(tmp_path)
    assert sorted(handed) == [os.path.join("app", "handler.py"), os.path.join("app", "logger.py")]
    (finding,) = [f for f in document["findings"] if f["code"] == "DSM201"]
    assert finding["path"].endswith("app/handler.py")


def test_an_importer_without_a_request_is_never_parsed_with_libcst(tmp_path, monkeypatch):
    from ds_migrate.project.flow import resolve

    reached: list[str] = []
    real = resolve.requests_reached

    def spy(path, *args):
        reached.append(os.path.basename(path))
        return real(path, *args)

    monkeypatch.setattr(resolve, "requests_reached", spy)
    _project(tmp_path)
    scan_tree(tmp_path, "--jobs", "1")
    assert reached == ["handler.py"]  # logger.py reads MODEL but makes no request


# -- the request sites CPython's parser finds ---------------------------------


def test_a_request_whose_model_is_read_by_name_is_a_site():
    assert request_sites(HANDLER) == [9]


def test_positional_model_through_an_import_alias_is_a_site():
    text = "from litellm import completion as ask\n\nask(settings.MODEL, messages=m)\n"
    assert request_sites(text) == [3]


def test_a_dumped_request_body_and_a_payload_dict_are_sites():
    text = (
        "import requests\n"
        "requests.post(URL, json=request.model_dump())\n"
        "payload = {'model': MODEL, 'messages': []}\n"
    )
    assert request_sites(text) == [2, 3]


def test_literal_models_and_calls_no_context_knows_are_not_sites():
    text = (
        "client.chat.completions.create(model='deepseek-chat', messages=m)\n"
        "self.model = DeepseekV3Model(config)\n"
        "build(model=config.MODEL)\n"
        "config = {'model': MODEL}\n"
        "payload = {'model': 'deepseek-chat', 'messages': []}\n"
    )
    assert request_sites(text) == []


def test_source_cpython_cannot_read_is_left_to_libcst():
    assert request_sites("def f(:\n") is None


# -- whether a request's model can lead anywhere the flow knows ------------------

from ds_migrate.project.flow.sites import may_reach  # noqa: E402

REQUEST = "def ask(client, messages{params}):\n{body}    return client.chat.completions.create(model={model}, messages=messages)\n"


def _request(model="model", params=", model", body="", head=""):
    return head + REQUEST.format(params=params, body=body, model=model)


def test_a_parameter_without_a_string_default_leads_nowhere():
    assert not may_reach(_request(params=", model: Optional[str] = None", head="from typing import Optional\n"), set(), False)


def test_a_string_default_reaches_the_request():
    assert may_reach(_request(params=', model="deepseek-chat"'), set(), False)


def test_an_imported_name_is_followed_through_a_local_binding():
    body = "    chosen = settings.MODEL\n"
    assert may_reach(_request(model="chosen", params="", body=body, head="from app import settings\n"), set(), False)
    assert not may_reach(_request(model="chosen", params="", body="    chosen = pick()\n"), set(), False)


def test_the_module_own_export_and_an_env_read_count_only_when_the_run_has_them():
    assert may_reach(_request(model="MODEL", params=""), {"MODEL"}, False)
    assert not may_reach(_request(model="MODEL", params=""), set(), False)
    env_read = _request(model='getenv("DEEPSEEK_MODEL")', params="", head="from os import getenv\n")
    assert may_reach(env_read, set(), True)


def test_a_self_attribute_is_followed_to_the_method_that_assigns_it():
    text = (
        "class Bot:\n"
        "    def __init__(self, model='deepseek-chat'):\n"
        "        self.model = model\n\n"
        "    def ask(self, messages):\n"
        "        return self.client.chat.completions.create(model=self.model, messages=messages)\n"
    )
    assert may_reach(text, set(), False)
    assert not may_reach(text.replace("model='deepseek-chat'", "model"), set(), False)


def test_a_dumped_body_follows_the_annotation_of_what_is_dumped():
    text = "from app.schema import ChatRequest\n\ndef send(request: ChatRequest):\n    post(URL, json=request.model_dump())\n"
    assert may_reach(text, set(), False)
    assert not may_reach(text.replace("from app.schema import ChatRequest\n", ""), set(), False)
