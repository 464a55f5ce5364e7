"""``curl -d '{...}'`` in a shell script, run by bash with the real curl against
the recorder: the body gains only the renamed model and ``thinking``."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from wire_harness import DEEPSEEK_URL, WireError, compare_bodies

CURL, BASH = shutil.which("curl"), shutil.which("bash")
pytestmark = pytest.mark.skipif(CURL is None or BASH is None, reason="curl or bash is not installed")


def fixed_shell(before: str) -> str:
    from ds_migrate.analyse import Options, process_file

    processed = process_file("call.sh", before.encode("utf-8"), Options(), want_fix=True)
    return processed.fixed_text if processed.fixed_text is not None else before


def run_scripts(recorder, tmp_path, sources: dict[str, str]) -> dict:
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
    env.update({"NO_PROXY": "127.0.0.1,localhost", "DEEPSEEK_API_KEY": "sk-wire-test"})
    sent = {}
    for name, source in sources.items():
        script = tmp_path / f"{name}.sh"
        script.write_text(source.replace(DEEPSEEK_URL, recorder.url_for(name)), encoding="utf-8")
        recorder.take(name)
        done = subprocess.run([BASH, str(script)], env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            raise WireError(f"the {name} script failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
        sent[name] = [r for r in recorder.take(name) if r.method == "POST"]
    return sent


def check_script(recorder, tmp_path, before: str, after: str) -> None:
    assert fixed_shell(before) == after
    sent = run_scripts(recorder, tmp_path, {"before": before, "after": after})
    assert sent["before"] and len(sent["before"]) == len(sent["after"])
    for b, a in zip(sent["before"], sent["after"]):
        assert b.path == a.path
        compare_bodies(b.body, a.body, b.path)


def test_curl_multiline_body(recorder, tmp_path):
    before = """set -euo pipefail
curl -sf https://api.deepseek.com/chat/completions \\
  -H "Content-Type: application/json" \\
  -H "Authorization: Bearer ${DEEPSEEK_API_KEY}" \\
  -d '{
        "model": "deepseek-chat",
        "messages": [
          {"role": "user", "content": "Hello!"}
        ],
        "stream": false
      }'
"""
    after = before.replace('"deepseek-chat"', '"deepseek-v4-flash"').replace(
        '"stream": false\n', '"stream": false,\n        "thinking": {"type": "disabled"}\n'
    )
    check_script(recorder, tmp_path, before, after)


def test_curl_compact_body_reasoner(recorder, tmp_path):
    before = """curl -sf https://api.deepseek.com/chat/completions -H 'Content-Type: application/json' --data-raw '{"model":"deepseek-reasoner","messages":[{"role":"user","content":"hi"}]}'\n"""
    after = before.replace('"deepseek-reasoner"', '"deepseek-v4-flash"').replace(
        '}]}\'', '}],"thinking":{"type":"enabled"}}\''
    )
    check_script(recorder, tmp_path, before, after)
