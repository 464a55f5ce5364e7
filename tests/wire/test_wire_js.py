"""openai-node and the Vercel AI SDK (``@ai-sdk/deepseek``) on the wire.

Each folder under ``js/`` pins one set of packages exactly; they are
installed once into ``.wire-venvs/node-NAME-HASH`` (git-ignored, rebuilt when
the pins change) and every program runs with ``node`` against the recorder,
with ``js/guard.cjs`` refusing any other host. Skips only when node is
missing; a failed install fails.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from wire_harness import DEEPSEEK_URL, WireError, collect, compare_bodies

HERE = Path(__file__).resolve().parent
JS = HERE / "js"
CACHE = Path(os.environ.get("WIRE_VENVS", HERE.parent.parent / ".wire-venvs"))
SETS = sorted(p.name for p in JS.iterdir() if (p / "package.json").is_file())
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")


def versions(name: str) -> dict[str, str]:
    return json.loads((JS / name / "package.json").read_text())["dependencies"]


@pytest.fixture(scope="module", params=SETS)
def node_modules(request) -> Path:
    """The installed packages of one set (``npm install`` once per pin set)."""
    name = request.param
    package = (JS / name / "package.json").read_bytes()
    target = CACHE / f"node-{name}-{hashlib.sha256(package).hexdigest()[:12]}"
    if not (target / "node_modules" / ".wire-complete").exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("node is installed but npm is not: cannot install the JS wire packages")
        target.mkdir(parents=True, exist_ok=True)
        (target / "package.json").write_bytes(package)
        done = subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
            cwd=target, capture_output=True, text=True, timeout=900, stdin=subprocess.DEVNULL,
        )
        if done.returncode != 0:
            pytest.fail(f"npm install for {name} failed:\n{done.stderr[-3000:]}")
        (target / "node_modules" / ".wire-complete").write_text("")
    return target / "node_modules"


def run_js(recorder, node_modules: Path, workdir: Path, sources: dict[str, str], suffix: str) -> dict:
    """Run the programs at once, each on its own recorder URL; their POST requests."""
    workdir.mkdir(parents=True, exist_ok=True)
    link = workdir / "node_modules"
    if not link.exists():
        link.symlink_to(node_modules, target_is_directory=True)
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
    env.update({"NO_PROXY": "127.0.0.1,localhost", "OPENAI_API_KEY": "sk-wire-test", "DEEPSEEK_API_KEY": "sk-wire-test"})
    running = {}
    for name, source in sources.items():
        program = workdir / f"{name}{suffix}"
        program.write_text(source.replace(DEEPSEEK_URL, recorder.url_for(name)), encoding="utf-8")
        recorder.take(name)
        running[name] = subprocess.Popen(
            [NODE, "--require", str(JS / "guard.cjs"), str(program)],
            cwd=workdir, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            stdin=subprocess.DEVNULL,
        )
    return collect(recorder, running)


def fixed_js(before: str, filename: str) -> str:
    """ds-migrate's safe fix of a JS file named ``filename``."""
    from ds_migrate.analyse import Options, process_file

    processed = process_file(filename, before.encode("utf-8"), Options(), want_fix=True)
    return processed.fixed_text if processed.fixed_text is not None else before


def check_js_pair(recorder, node_modules: Path, tmp_path: Path, before: str, after: str, suffix: str = ".mjs"):
    fixed = fixed_js(before, f"app{suffix}")
    if fixed != after:
        raise WireError(f"ds-migrate's fix differs from the pair's after:\n--- fixed\n{fixed}\n--- after\n{after}")
    sent = run_js(recorder, node_modules, tmp_path / "run", {"before": before, "after": after}, suffix)
    assert sent["before"], "the before program sent no request"
    assert len(sent["before"]) == len(sent["after"])
    for b, a in zip(sent["before"], sent["after"]):
        assert b.path == a.path
        compare_bodies(b.body, a.body, b.path)


def test_openai_node_create(recorder, node_modules, tmp_path):
    check_js_pair(
        recorder, node_modules, tmp_path,
        """import OpenAI from 'openai';

const client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: 'sk-test' });
const reply = await client.chat.completions.create({
  model: 'deepseek-chat',
  messages: [{ role: 'user', content: 'Hello' }],
  temperature: 0.2,
});
console.log(reply.choices[0].message.content);
""",
        """import OpenAI from 'openai';

const client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: 'sk-test' });
const reply = await client.chat.completions.create({
  model: 'deepseek-v4-flash',
  messages: [{ role: 'user', content: 'Hello' }],
  temperature: 0.2,
  thinking: { type: 'disabled' },
});
console.log(reply.choices[0].message.content);
""",
    )


def test_fetch_json_body(recorder, node_modules, tmp_path):
    check_js_pair(
        recorder, node_modules, tmp_path,
        """const messages = [{ role: 'user', content: 'Prove it' }];
const res = await fetch('https://api.deepseek.com/chat/completions', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Authorization: 'Bearer sk-test' },
  body: JSON.stringify({ model: 'deepseek-reasoner', messages, stream: false }),
});
if (!res.ok) throw new Error(`HTTP ${res.status}`);
console.log((await res.json()).choices[0].message.content);
""",
        """const messages = [{ role: 'user', content: 'Prove it' }];
const res = await fetch('https://api.deepseek.com/chat/completions', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Authorization: 'Bearer sk-test' },
  body: JSON.stringify({ model: 'deepseek-v4-flash', messages, stream: false, thinking: { type: 'enabled' } }),
});
if (!res.ok) throw new Error(`HTTP ${res.status}`);
console.log((await res.json()).choices[0].message.content);
""",
    )


VERCEL_HEAD = """import { createDeepSeek } from '@ai-sdk/deepseek';
import { generateText, streamText } from 'ai';

const deepseek = createDeepSeek({ baseURL: 'https://api.deepseek.com', apiKey: 'sk-test' });
"""


def test_vercel_generate_text(recorder, node_modules, tmp_path):
    check_js_pair(
        recorder, node_modules, tmp_path,
        VERCEL_HEAD + """const { text } = await generateText({ model: deepseek('deepseek-chat'), prompt: 'Hello', maxRetries: 0 });
console.log(text);
""",
        VERCEL_HEAD + """const { text } = await generateText({ model: deepseek('deepseek-v4-flash'), prompt: 'Hello', maxRetries: 0, providerOptions: { deepseek: { thinking: { type: 'disabled' } } } });
console.log(text);
""",
    )


def test_vercel_stream_text_with_provider_options(recorder, node_modules, tmp_path):
    check_js_pair(
        recorder, node_modules, tmp_path,
        VERCEL_HEAD + """const result = streamText({
  model: deepseek('deepseek-reasoner'),
  prompt: 'Prove it',
  maxRetries: 0,
  providerOptions: { deepseek: {} },
});
for await (const part of result.textStream) process.stdout.write(part);
""",
        VERCEL_HEAD + """const result = streamText({
  model: deepseek('deepseek-v4-flash'),
  prompt: 'Prove it',
  maxRetries: 0,
  providerOptions: { deepseek: { thinking: { type: 'enabled' } } },
});
for await (const part of result.textStream) process.stdout.write(part);
""",
    )
