"""A request whose model a settings module holds, fixed across modules, on the wire.

The run renames the setting and (``--unsafe-fixes``) sets the mode where the
request is made, in another module; the real OpenAI SDK must then send the
same bodies as before, apart from the model and an explicit thinking object.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from ds_migrate.cli.commands import main
from wire_harness import DEEPSEEK_URL, collect, compare_bodies, need, program_env

PROJECT = {
    "app/__init__.py": "",
    "app/config.py": (
        f'DEEPSEEK_URL = "{DEEPSEEK_URL}"\n'
        'MODEL = "deepseek-chat"\n'
        'REASONER = "deepseek-reasoner"\n'
    ),
    "app/clients.py": (
        "from openai import OpenAI\n\n"
        "from app.config import DEEPSEEK_URL\n\n"
        'client = OpenAI(base_url=DEEPSEEK_URL, api_key="sk-test")\n'
    ),
    "app/handler.py": (
        "from app import config\n"
        "from app.clients import client\n"
        "from app.config import MODEL\n\n\n"
        "def answer(question):\n"
        '    return client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": question}])\n\n\n'
        "def solve(problem):\n"
        "    return client.chat.completions.create(\n"
        "        model=config.REASONER,\n"
        '        messages=[{"role": "user", "content": problem}],\n'
        "        max_tokens=64,\n"
        "    )\n"
    ),
    "main.py": 'from app.handler import answer, solve\n\nanswer("Hello")\nsolve("Why?")\n',
}


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


PAYLOAD_PROJECT = {
    "svc/__init__.py": "",
    "svc/settings.py": f'CHAT_URL = "{DEEPSEEK_URL}/chat/completions"\nMODEL_NAME = "deepseek-reasoner"\n',
    "svc/client.py": (
        "import requests\n\n"
        "from svc.settings import CHAT_URL, MODEL_NAME\n\n\n"
        "def ask(messages):\n"
        '    payload = {"model": MODEL_NAME, "messages": messages, "max_tokens": 32}\n'
        '    return requests.post(CHAT_URL, json=payload, headers={"Authorization": "Bearer sk-test"}, timeout=30)\n'
    ),
    "main.py": 'from svc.client import ask\n\nask([{"role": "user", "content": "Hi"}])\n',
}


def test_settings_module_and_requests_in_another_module(recorder, tmp_path):
    need("openai")
    _prove(recorder, tmp_path, PROJECT, "app/config.py", "app/handler.py", 2)


def test_json_body_built_from_settings_in_another_module(recorder, tmp_path):
    need("requests")
    _prove(recorder, tmp_path, PAYLOAD_PROJECT, "svc/settings.py", "svc/client.py", 1)


def _prove(recorder, tmp_path, files, settings: str, requester: str, requests: int) -> None:
    before, after = tmp_path / "before", tmp_path / "after"
    _write(before, files)
    shutil.copytree(before, after)
    result = CliRunner().invoke(main, ["fix", "--write", "--unsafe-fixes", "--isolated", str(after)])
    assert result.exit_code == 0, result.output
    fixed = (after / requester).read_text(encoding="utf-8")
    assert fixed.count('"thinking": {"type": ') == requests, fixed
    running = {}
    for name, root in (("before", before), ("after", after)):
        url = recorder.url_for(name)
        config = root / settings
        config.write_text(config.read_text(encoding="utf-8").replace(DEEPSEEK_URL, url), encoding="utf-8")
        home = root / "home"
        home.mkdir()
        recorder.take(name)
        running[name] = subprocess.Popen(
            [sys.executable, "main.py"], cwd=root, env=program_env(url, home),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
        )
    sent = collect(recorder, running)
    assert len(sent["before"]) == len(sent["after"]) == requests
    for b, a in zip(sent["before"], sent["after"]):
        compare_bodies(b.body, a.body, b.path)
