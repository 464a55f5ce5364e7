"""Whose host a base URL names: the labels of its host name, never a substring.

``notdeepseek.com`` and ``deepseek.com.example.net`` are other hosts;
``api.deepseek.com`` is DeepSeek's with or without a scheme or a path. The
end-to-end cases run the CLI on a file of each language that judges a host.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main
from ds_migrate.deepseek.hosts import host_of, is_deepseek_url, is_foreign_url

DEEPSEEK = [
    "https://api.deepseek.com",
    "https://api.deepseek.com/anthropic",
    "https://api.deepseek.com/v1/",
    "https://API.DeepSeek.com:443/beta",
    "http://deepseek.com",
    "api.deepseek.com",
    "api.deepseek.com/v1",
    "https://api.deepseek.com./v1",
    "https://{region}.deepseek.com/v1",
    "${DEEPSEEK_BASE_URL:-https://api.deepseek.com}",
    "'https://api.deepseek.com'",
]
FOREIGN = [
    "https://notdeepseek.com/v1",
    "https://deepseek.com.example.net/v1",
    "https://proxy.example.com/deepseek.com/v1",
    "https://example.com/?upstream=api.deepseek.com",
    "https://user:deepseek.com@evil.example/v1",
    "https://openrouter.ai/api/v1",
    "http://localhost:8000/v1",
    "openrouter.ai/api/v1",
    "${BASE:-https://openrouter.ai/api/v1}",
]
UNKNOWN = [  # neither: the host is not written out
    None,
    "",
    "/v1/chat/completions",
    "${DEEPSEEK_BASE_URL}",
    "https://${HOST}/v1",
    "{base}/chat/completions",
    "https://{{ host }}/v1",
    "$BASE_URL/chat/completions",
    "localhost:8000",
    "https://[::1/v1",
]


@pytest.mark.parametrize("url", DEEPSEEK)
def test_deepseek_hosts(url):
    assert is_deepseek_url(url) and not is_foreign_url(url)


@pytest.mark.parametrize("url", FOREIGN)
def test_other_hosts(url):
    assert is_foreign_url(url) and not is_deepseek_url(url)


@pytest.mark.parametrize("url", UNKNOWN)
def test_hosts_not_written_out_are_neither(url):
    assert not is_deepseek_url(url) and not is_foreign_url(url)


def test_host_of_reads_the_host_alone():
    assert host_of("https://API.deepseek.com:8443/anthropic?x=1") == "api.deepseek.com"
    assert host_of("api.deepseek.com/v1") == "api.deepseek.com"


# -- end to end: the CLI on files that name a look-alike host


def _fix(tmp_path, name: str, source: str) -> str:
    path = tmp_path / name
    path.write_text(source)
    result = CliRunner().invoke(main, ["fix", "--write", "--unsafe-fixes", str(path)])
    assert result.exit_code in (0, 1), result.output
    return path.read_text()


PY = 'from openai import OpenAI\n\nclient = OpenAI(base_url="{url}")\nclient.chat.completions.create(model="deepseek-chat", messages=m)\n'


@pytest.mark.parametrize("url", ["https://notdeepseek.com/v1", "https://deepseek.com.example.net/v1"])
def test_python_client_on_a_look_alike_host_is_left_alone(tmp_path, url):
    source = PY.format(url=url)
    assert _fix(tmp_path, "app.py", source) == source


def test_python_client_on_deepseek_without_a_scheme_is_fixed(tmp_path):
    fixed = _fix(tmp_path, "app.py", PY.format(url="api.deepseek.com"))
    assert 'model="deepseek-v4-flash"' in fixed and '"thinking": {"type": "disabled"}' in fixed


CURL = "curl {url} -d '{{\"model\": \"deepseek-chat\", \"messages\": []}}'\n"


def test_curl_body_to_a_look_alike_host_gets_no_toggle(tmp_path):
    fixed = _fix(tmp_path, "call.sh", CURL.format(url="https://deepseek.com.example.net/chat/completions"))
    assert '"thinking"' not in fixed


def test_curl_body_to_deepseek_gets_its_toggle(tmp_path):
    fixed = _fix(tmp_path, "call.sh", CURL.format(url="https://api.deepseek.com/chat/completions"))
    assert '"thinking": {"type": "disabled"}' in fixed


JS = 'import OpenAI from "openai";\nconst client = new OpenAI({{ baseURL: "{url}" }});\nawait client.chat.completions.create({{ model: "deepseek-v4-flash", messages }});\n'


def test_js_v4_call_on_a_look_alike_host_is_not_judged_deepseek(tmp_path):
    path = tmp_path / "app.js"
    path.write_text(JS.format(url="https://notdeepseek.com/v1"))
    result = CliRunner().invoke(main, ["scan", "--format", "json", str(path)])
    assert "DSM201" not in result.output


def test_js_v4_call_on_deepseek_is_judged_deepseek(tmp_path):
    path = tmp_path / "app.js"
    path.write_text(JS.format(url="https://api.deepseek.com"))
    result = CliRunner().invoke(main, ["scan", "--format", "json", str(path)])
    assert "DSM201" in result.output
