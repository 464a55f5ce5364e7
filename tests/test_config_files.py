"""Configuration files: values renamed in place, every other byte kept."""

import pytest

from conftest import codes, fix, scan


@pytest.mark.parametrize(
    "path, before, after",
    [
        (".env", "DEEPSEEK_MODEL=deepseek-chat\nOTHER=1\n", "DEEPSEEK_MODEL=deepseek-v4-flash\nOTHER=1\n"),
        (".env.production", 'export LLM_MODEL="deepseek-reasoner"  # prod\n', 'export LLM_MODEL="deepseek-v4-flash"  # prod\n'),
        ("config.yaml", "llm:\n  model: deepseek-chat\n  temperature: 0.2\n", "llm:\n  model: deepseek-v4-flash\n  temperature: 0.2\n"),
        ("config.yml", "llm:\n  model: 'deepseek/deepseek-chat'\n", "llm:\n  model: 'deepseek/deepseek-v4-flash'\n"),
        ("settings.json", '{\n  "model": "deepseek-chat",\n  "max_tokens": 10\n}\n', '{\n  "model": "deepseek-v4-flash",\n  "max_tokens": 10\n}\n'),
        ("pyproject.toml", '[tool.app]\nmodel = "deepseek-chat" # cheap\n', '[tool.app]\nmodel = "deepseek-v4-flash" # cheap\n'),
        ("app.ini", "[llm]\nmodel = deepseek-reasoner\n", "[llm]\nmodel = deepseek-v4-flash\n"),
        ("Dockerfile", "FROM python:3.12\nENV DEEPSEEK_MODEL=deepseek-chat\nARG MODEL=deepseek-chat\n", "FROM python:3.12\nENV DEEPSEEK_MODEL=deepseek-v4-flash\nARG MODEL=deepseek-v4-flash\n"),
        ("run.sh", 'MODEL="${DEEPSEEK_MODEL:-deepseek-chat}"\npython app.py --model "$MODEL"\n', 'MODEL="${DEEPSEEK_MODEL:-deepseek-v4-flash}"\npython app.py --model "$MODEL"\n'),
        ("docker-compose.yml", "services:\n  api:\n    environment:\n      - DEEPSEEK_MODEL=${DEEPSEEK_MODEL:-deepseek-chat}\n", "services:\n  api:\n    environment:\n      - DEEPSEEK_MODEL=${DEEPSEEK_MODEL:-deepseek-v4-flash}\n"),
        ("ci.yml", "env:\n  DEEPSEEK_MODEL: deepseek-chat\n", "env:\n  DEEPSEEK_MODEL: deepseek-v4-flash\n"),
    ],
)
def test_values_are_renamed_in_place(path, before, after):
    assert fix(before, path=path) == after


def test_crlf_and_bom_are_kept_in_config():
    before = "\ufeffDEEPSEEK_MODEL=deepseek-chat\r\nX=1\r\n".encode()
    after = fix(before, path=".env")
    assert after == "\ufeffDEEPSEEK_MODEL=deepseek-v4-flash\r\nX=1\r\n".encode()


def test_value_finding_names_the_key_and_the_mode():
    (finding,) = scan("DEEPSEEK_MODEL=deepseek-reasoner\n", path=".env")
    assert finding.code == "DSM103" and "DEEPSEEK_MODEL" in finding.message
    assert "thinking enabled" in finding.note


def test_shell_default_is_an_env_default():
    assert codes('M="${DEEPSEEK_MODEL:-deepseek-chat}"\n', path="run.sh") == ["DSM104"]


def test_comments_are_unsafe():
    before = "# we used deepseek-chat\nMODEL=deepseek-v4-flash\n"
    assert codes(before, path=".env") == ["DSM108"]
    assert fix(before, path=".env") == before
    assert fix(before, path=".env", unsafe=True) == before.replace("deepseek-chat", "deepseek-v4-flash")


def test_yaml_price_table_keys_are_never_merged():
    before = "prices:\n  deepseek-chat: 0.27\n  deepseek-reasoner: 0.55\n"
    assert codes(before, path="prices.yaml") == ["DSM106", "DSM106"]
    assert fix(before, path="prices.yaml", unsafe=True) == before


def test_json_key_alone_is_renamed_with_unsafe_fixes():
    before = '{"deepseek-chat": {"context": 64000}}\n'
    assert codes(before, path="models.json") == ["DSM106"]
    assert fix(before, path="models.json") == before
    assert fix(before, path="models.json", unsafe=True) == '{"deepseek-v4-flash": {"context": 64000}}\n'


def test_vcr_cassette_is_recorded_data():
    before = "interactions:\n- request:\n    body: '{\"model\": \"deepseek-chat\"}'\n    method: POST\n"
    assert codes(before, path="tests/cassettes/test_chat.yaml") == ["DSM111"]
    assert codes(before, path="recordings/x.yaml") == ["DSM111"]
    assert codes(before, path="anywhere/session.yaml") == ["DSM111"]  # recognised by its shape
    assert fix(before, path="tests/cassettes/test_chat.yaml", unsafe=True) == before


def test_lock_and_snapshot_files_are_recorded_data():
    assert codes('{"x": "deepseek-chat"}\n', path="package-lock.json") == ["DSM111"]
    assert codes('{"x": "deepseek-chat"}\n', path="tests/__snapshots__/a.json") == ["DSM111"]


def test_not_legacy_values_are_left_alone():
    source = "MODEL=deepseek/deepseek-chat-v3-0324\nROUTE=openrouter/deepseek/deepseek-chat\n"
    # the OpenRouter slug is accounted for (info), never rewritten
    (finding,) = scan(source, path=".env")
    assert (finding.code, finding.line, finding.fix) == ("DSM110", 2, None)
    assert fix(source, unsafe=True, path=".env") == source


def test_fix_that_breaks_the_format_is_not_written():
    from ds_migrate.languages.config import JsonFile

    assert JsonFile().problem_with('{"a": }') is not None
    assert JsonFile().problem_with('{"a": 1}') is None


def test_suppression_comment_in_yaml():
    assert scan("model: deepseek-chat  # ds-migrate: ignore\n", path="c.yaml") == []


def test_json_per_file_ignores():
    assert scan('{"model": "deepseek-chat"}\n', path="c.json", per_file_ignores=(("c.json", ("DSM103",)),)) == []


@pytest.mark.parametrize(
    "path, source",
    [
        (".env", "DEEPSEEK_MODEL=deepseek-v4-flash\nROUTE=openrouter/deepseek/deepseek-chat\n"),
        ("c.yaml", "model: deepseek/deepseek-chat-v3-0324\n"),
        ("c.json", '{"model": "deepseek-v4-flash", "route": "openrouter/deepseek/deepseek-chat:free"}\n'),
        ("c.toml", 'model = "deepseek-v4-pro"\n'),
        ("c.ini", "[x]\nmodel = deepseek-flash\n"),
        ("Dockerfile", "ENV DEEPSEEK_MODEL=deepseek-v4-flash\n"),
        ("run.sh", 'M="${DEEPSEEK_MODEL:-deepseek-v4-flash}"\n'),
        ("a.ts", 'const m = "deepseek-v4-flash";\n'),
        ("a.md", "We use deepseek-v4-flash with thinking disabled.\n"),
        ("n.ipynb", '{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": ["m = \\"deepseek-v4-flash\\""]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n'),
    ],
)
def test_every_kind_leaves_current_names_alone(path, source):
    assert [f for f in scan(source, path=path) if f.legacy_name] == []
    assert fix(source, path=path, unsafe=True) == source
