"""openai-node and the Vercel AI SDK (``@ai-sdk/deepseek``) on the wire.

Each folder under ``js/`` pins one set of packages exactly; they are
installed once into ``.wire-venvs/node-NAME-HASH`` (git-ignored, rebuilt when
the pins change) and every program runs with ``node`` against the recorder,
with ``js/guard.cjs`` refusing any other host. Skips only when node is
missing; a failed install fails.

Every TypeScript form the fix produces is also checked as TypeScript: the
before and after programs must pass ``tsc --noEmit --strict`` with both
compilers of the set (``typescript``, the JavaScript compiler, and
``typescript-native``, tsc 7: they report some errors at different places),
and then run, as tsc emits them, with the same bodies on the wire.
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


COMPILERS = ("typescript", "typescript-native")  # package folders in each set's node_modules
TSCONFIG = {
    "compilerOptions": {
        "target": "es2022", "module": "nodenext", "moduleResolution": "nodenext",
        "strict": True, "skipLibCheck": True, "outDir": "out",
    },
}


def tsc(node_modules: Path, compiler: str, workdir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [NODE, str(node_modules / compiler / "bin" / "tsc"), "-p", str(workdir), *args],
        cwd=workdir, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL,
    )


def type_check(node_modules: Path, workdir: Path, names: list[str]) -> None:
    """``tsc --noEmit --strict`` over the programs with each compiler of the set."""
    config = {**TSCONFIG, "files": [f"{name}.ts" for name in names]}
    (workdir / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    (workdir / "package.json").write_text('{"type": "module"}', encoding="utf-8")
    for compiler in COMPILERS:
        done = tsc(node_modules, compiler, workdir, "--noEmit", "--strict")
        if done.returncode != 0:
            version = json.loads((node_modules / compiler / "package.json").read_text())["version"]
            raise WireError(f"tsc {version} ({compiler}) --noEmit --strict failed:\n{done.stdout}{done.stderr}")


def run_js(recorder, node_modules: Path, workdir: Path, sources: dict[str, str], suffix: str) -> dict:
    """Run the programs at once, each on its own recorder URL; their POST requests.
    TypeScript (``suffix`` ".ts") is type-checked first, then run as tsc emits it."""
    workdir.mkdir(parents=True, exist_ok=True)
    link = workdir / "node_modules"
    if not link.exists():
        link.symlink_to(node_modules, target_is_directory=True)
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
    env.update({"NO_PROXY": "127.0.0.1,localhost", "OPENAI_API_KEY": "sk-wire-test", "DEEPSEEK_API_KEY": "sk-wire-test"})
    programs = {}
    for name, source in sources.items():
        program = workdir / f"{name}{suffix}"
        program.write_text(source.replace(DEEPSEEK_URL, recorder.url_for(name)), encoding="utf-8")
        programs[name] = program
    if suffix == ".ts":
        type_check(node_modules, workdir, list(sources))
        emitted = tsc(node_modules, COMPILERS[0], workdir)
        if emitted.returncode != 0:
            raise WireError(f"tsc could not emit the programs:\n{emitted.stdout}{emitted.stderr}")
        programs = {name: workdir / "out" / f"{name}.js" for name in sources}
    running = {}
    for name, program in programs.items():
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


# -- the TypeScript forms: each type-checked with both compilers, then run ------------

TS_HEAD = """import OpenAI from 'openai';

const client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: 'sk-test' });
"""
TS_TOGGLE = "...({ thinking: { type: '%s' } } as Record<string, unknown>)"


def test_ts_openai_node_create(recorder, node_modules, tmp_path):
    check_js_pair(
        recorder, node_modules, tmp_path,
        TS_HEAD + """const reply = await client.chat.completions.create({
  model: 'deepseek-chat',
  messages: [{ role: 'user', content: 'Hello' }],
  temperature: 0.2,
});
const text: string | null = reply.choices[0].message.content;
console.log(text);
""",
        TS_HEAD + f"""const reply = await client.chat.completions.create({{
  model: 'deepseek-v4-flash',
  messages: [{{ role: 'user', content: 'Hello' }}],
  temperature: 0.2,
  {TS_TOGGLE % 'disabled'},
}});
const text: string | null = reply.choices[0].message.content;
console.log(text);
""",
        suffix=".ts",
    )


def test_ts_openai_node_stream(recorder, node_modules, tmp_path):
    """Issue 23: openai-node's // @ts-expect-error form fails tsc 5/6 on a stream: true call."""
    check_js_pair(
        recorder, node_modules, tmp_path,
        TS_HEAD + """const stream = await client.chat.completions.create({
  model: 'deepseek-reasoner',
  messages: [{ role: 'user', content: 'Prove it' }],
  stream: true,
});
let text = '';
for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
console.log(text);
""",
        TS_HEAD + f"""const stream = await client.chat.completions.create({{
  model: 'deepseek-v4-flash',
  messages: [{{ role: 'user', content: 'Prove it' }}],
  stream: true,
  {TS_TOGGLE % 'enabled'},
}});
let text = '';
for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
console.log(text);
""",
        suffix=".ts",
    )


def test_ts_openai_node_one_line_stream_and_v4_without_mode(recorder, node_modules, tmp_path):
    """A one-line streaming object, and the same form where --assume-mode adds it (DSM201)."""
    from ds_migrate.analyse import Options, process_file
    from ds_migrate.deepseek.mapping import Mapping

    before = TS_HEAD + """const s = await client.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'Hi' }], stream: true });
for await (const chunk of s) console.log(chunk.choices[0]?.delta?.content ?? '');
"""
    after = before.replace("model: 'deepseek-chat'", "model: 'deepseek-v4-flash'").replace(
        "stream: true }", f"stream: true, {TS_TOGGLE % 'disabled'} }}"
    )
    check_js_pair(recorder, node_modules, tmp_path, before, after, suffix=".ts")
    v4 = before.replace("deepseek-chat", "deepseek-v4-flash")
    assumed = process_file("app.ts", v4.encode(), Options(mapping=Mapping(assume_mode="disabled")), want_fix=True).fixed_text
    assert assumed == after
    type_check(node_modules, _ts_dir(tmp_path / "assumed", node_modules, {"assumed": assumed}), ["assumed"])


def _ts_dir(workdir: Path, node_modules: Path, sources: dict[str, str]) -> Path:
    workdir.mkdir(parents=True)
    (workdir / "node_modules").symlink_to(node_modules, target_is_directory=True)
    for name, source in sources.items():
        (workdir / f"{name}.ts").write_text(source, encoding="utf-8")
    return workdir


def test_ts_fetch_json_body(recorder, node_modules, tmp_path):
    check_js_pair(
        recorder, node_modules, tmp_path,
        """const messages = [{ role: 'user', content: 'Prove it' }];
const res = await fetch('https://api.deepseek.com/chat/completions', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Authorization: 'Bearer sk-test' },
  body: JSON.stringify({ model: 'deepseek-reasoner', messages, stream: false }),
});
if (!res.ok) throw new Error(`HTTP ${res.status}`);
const data = (await res.json()) as { choices: { message: { content: string } }[] };
console.log(data.choices[0].message.content);
""",
        """const messages = [{ role: 'user', content: 'Prove it' }];
const res = await fetch('https://api.deepseek.com/chat/completions', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Authorization: 'Bearer sk-test' },
  body: JSON.stringify({ model: 'deepseek-v4-flash', messages, stream: false, thinking: { type: 'enabled' } }),
});
if (!res.ok) throw new Error(`HTTP ${res.status}`);
const data = (await res.json()) as { choices: { message: { content: string } }[] };
console.log(data.choices[0].message.content);
""",
        suffix=".ts",
    )


def test_ts_vercel_generate_and_stream_text(recorder, node_modules, tmp_path):
    check_js_pair(
        recorder, node_modules, tmp_path,
        VERCEL_HEAD + """const { text } = await generateText({ model: deepseek('deepseek-chat'), prompt: 'Hello', maxRetries: 0 });
const result = streamText({
  model: deepseek('deepseek-reasoner'),
  prompt: 'Prove it',
  maxRetries: 0,
  providerOptions: { deepseek: {} },
});
let streamed = '';
for await (const part of result.textStream) streamed += part;
console.log(text, streamed);
""",
        VERCEL_HEAD + """const { text } = await generateText({ model: deepseek('deepseek-v4-flash'), prompt: 'Hello', maxRetries: 0, providerOptions: { deepseek: { thinking: { type: 'disabled' } } } });
const result = streamText({
  model: deepseek('deepseek-v4-flash'),
  prompt: 'Prove it',
  maxRetries: 0,
  providerOptions: { deepseek: { thinking: { type: 'enabled' } } },
});
let streamed = '';
for await (const part of result.textStream) streamed += part;
console.log(text, streamed);
""",
        suffix=".ts",
    )


def test_ts_expect_error_form_fails_tsc_on_a_stream(node_modules, tmp_path):
    """Why the fix no longer writes openai-node's documented directive: on a
    stream: true call no line for it suits every compiler (issue 23)."""
    directive = "// @ts-expect-error thinking is a DeepSeek body parameter"
    body = "  model: 'deepseek-v4-flash',\n  messages: [{ role: 'user', content: 'Hi' }],\n  stream: true,\n"
    above_property = TS_HEAD + f"const s = await client.chat.completions.create({{\n{body}  {directive}\n  thinking: {{ type: 'disabled' }},\n}});\nconsole.log(s);\n"
    above_create = TS_HEAD + f"{directive}\nconst s = await client.chat.completions.create({{\n{body}  thinking: {{ type: 'disabled' }},\n}});\nconsole.log(s);\n"
    failed = {}
    for name, source in {"above_property": above_property, "above_create": above_create}.items():
        workdir = _ts_dir(tmp_path / name, node_modules, {name: source})
        try:
            type_check(node_modules, workdir, [name])
        except WireError as error:
            failed[name] = str(error)
    assert set(failed) == {"above_property", "above_create"}, failed
