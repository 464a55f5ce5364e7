"""The first scan shows what `fix --write` will leave: no finding appears
after the fix that the scan before it did not report (found beside ruff:
DSM203 on a request whose model comes from settings appeared only after)."""

import json
import subprocess

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main
from projects import write_tree

# the fresh reader's project: a settings default, a .env that sets the other id,
# a request that reads the setting and sends a temperature
PROJECT = {
    "app/__init__.py": "",
    "app/settings.py": 'import os\n\nDEFAULT_MODEL = os.environ.get("LLM_MODEL", "deepseek-chat")\n',
    "app/client.py": (
        "from openai import OpenAI\n\nfrom app.settings import DEFAULT_MODEL\n\n"
        'client = OpenAI(api_key="x", base_url="https://api.deepseek.com")\n\n\n'
        "def ask(messages, model=DEFAULT_MODEL):\n"
        "    resp = client.chat.completions.create(\n"
        "        model=model,\n        messages=messages,\n        temperature=0.2,\n    )\n"
        '    if model == "deepseek-reasoner":\n'
        "        print(resp.choices[0].message.reasoning_content)\n"
        "    return resp.choices[0].message.content\n"
    ),
    "app/summarize.py": (
        "from openai import OpenAI\n\n"
        'client = OpenAI(api_key="x", base_url="https://api.deepseek.com")\n\n\n'
        "def summarize(text):\n"
        '    return client.chat.completions.create(model="deepseek-chat", messages=[], temperature=0)\n'
    ),
    "tests/__init__.py": "",
    "tests/test_settings.py": 'from app.settings import DEFAULT_MODEL\n\n\ndef test_default():\n    assert DEFAULT_MODEL == "deepseek-chat"\n',
    ".env": "LLM_MODEL=deepseek-reasoner\n",
    "config.yaml": "llm:\n  base_url: https://api.deepseek.com\n  model: deepseek-chat\n",
}
# the same request with one id reaching it: the fix sets its mode with the rename
ONE_ID = {**PROJECT, ".env": "OTHER=1\n"}


def findings(root):
    result = CliRunner().invoke(main, ["scan", "--isolated", "--format", "json", str(root)])
    return {(f["path"].replace(str(root), ""), f["line"], f["code"]) for f in json.loads(result.stdout)["findings"]}


@pytest.mark.parametrize("tree", [PROJECT, ONE_ID], ids=["two-ids", "one-id"])
@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_fix_leaves_only_findings_the_scan_showed(tmp_path, tree, unsafe):
    write_tree(tmp_path, tree)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    before = findings(tmp_path)
    CliRunner().invoke(main, ["fix", "--write", "--isolated", *(["--unsafe-fixes"] if unsafe else []), str(tmp_path)])
    after = findings(tmp_path)
    assert after <= before, f"new after the fix: {sorted(after - before)}"


def test_the_ignored_temperature_is_reported_before_the_fix(tmp_path):
    write_tree(tmp_path, PROJECT)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert ("/app/client.py", 12, "DSM203") in findings(tmp_path)
