"""Configuration files: values renamed in place, every other byte kept."""

import pytest

from conftest import fix, scan


@pytest.mark.parametrize(
    "path, before, after",
    [
        pytest.param(".env", "DEEPSEEK_MODEL=deepseek-chat\nOTHER=1\n", "DEEPSEEK_MODEL=deepseek-v4-flash\nOTHER=1\n", id="env-file"),
        pytest.param(".env.production", 'export LLM_MODEL="deepseek-reasoner"  # prod\n', 'export LLM_MODEL="deepseek-v4-flash"  # prod\n', id="env-export-quoted-with-comment"),
        pytest.param("config.yaml", "llm:\n  model: deepseek-chat\n  temperature: 0.2\n", "llm:\n  model: deepseek-v4-flash\n  temperature: 0.2\n", id="yaml-nested-key"),
        pytest.param("config.yml", "llm:\n  model: 'deepseek/deepseek-chat'\n", "llm:\n  model: 'deepseek/deepseek-v4-flash'\n", id="yaml-quoted-provider-prefix"),
        pytest.param("settings.json", '{\n  "model": "deepseek-chat",\n  "max_tokens": 10\n}\n', '{\n  "model": "deepseek-v4-flash",\n  "max_tokens": 10\n}\n', id="json-value"),
        pytest.param("pyproject.toml", '[tool.app]\nmodel = "deepseek-chat" # cheap\n', '[tool.app]\nmodel = "deepseek-v4-flash" # cheap\n', id="toml-value-with-comment"),
        pytest.param("app.ini", "[llm]\nmodel = deepseek-reasoner\n", "[llm]\nmodel = deepseek-v4-flash\n", id="ini-value"),
        pytest.param("Dockerfile", "FROM python:3.12\nENV DEEPSEEK_MODEL=deepseek-chat\nARG MODEL=deepseek-chat\n", "FROM python:3.12\nENV DEEPSEEK_MODEL=deepseek-v4-flash\nARG MODEL=deepseek-v4-flash\n", id="dockerfile-env-and-arg"),
        pytest.param("run.sh", 'MODEL="${DEEPSEEK_MODEL:-deepseek-chat}"\npython app.py --model "$MODEL"\n', 'MODEL="${DEEPSEEK_MODEL:-deepseek-v4-flash}"\npython app.py --model "$MODEL"\n', id="shell-parameter-default"),
        pytest.param("docker-compose.yml", "services:\n  api:\n    environment:\n      - DEEPSEEK_MODEL=${DEEPSEEK_MODEL:-deepseek-chat}\n", "services:\n  api:\n    environment:\n      - DEEPSEEK_MODEL=${DEEPSEEK_MODEL:-deepseek-v4-flash}\n", id="compose-environment-default"),
        pytest.param("ci.yml", "env:\n  DEEPSEEK_MODEL: deepseek-chat\n", "env:\n  DEEPSEEK_MODEL: deepseek-v4-flash\n", id="workflow-env"),
    ],
)
def test_values_are_renamed_in_place(path, before, after):
    assert fix(before, path=path) == after


def test_crlf_and_bom_are_kept_in_config():
    before = "\ufeffDEEPSEEK_MODEL=deepseek-chat\r\nX=1\r\n".encode()
    after = fix(before, path=".env")
    assert after == "\ufeffDEEPSEEK_MODEL=deepseek-v4-flash\r\nX=1\r\n".encode()


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
        pytest.param(".env", "DEEPSEEK_MODEL=deepseek-v4-flash\nROUTE=openrouter/deepseek/deepseek-chat\n", id="env-file-v4-and-openrouter-route"),
        pytest.param("c.yaml", "model: deepseek/deepseek-chat-v3-0324\n", id="yaml-longer-slug"),
        pytest.param("c.json", '{"model": "deepseek-v4-flash", "route": "openrouter/deepseek/deepseek-chat:free"}\n', id="json-v4-and-openrouter-free-route"),
        pytest.param("c.toml", 'model = "deepseek-v4-pro"\n', id="toml-v4-pro"),
        pytest.param("c.ini", "[x]\nmodel = deepseek-flash\n", id="ini-v41-flash"),
        pytest.param("Dockerfile", "ENV DEEPSEEK_MODEL=deepseek-v4-flash\n", id="dockerfile-env-v4"),
        pytest.param("run.sh", 'M="${DEEPSEEK_MODEL:-deepseek-v4-flash}"\n', id="shell-default-v4"),
        pytest.param("a.ts", 'const m = "deepseek-v4-flash";\n', id="typescript-v4"),
        pytest.param("a.md", "We use deepseek-v4-flash with thinking disabled.\n", id="markdown-v4-prose"),
        pytest.param("n.ipynb", '{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": ["m = \\"deepseek-v4-flash\\""]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n', id="notebook-v4-cell"),
    ],
)
def test_every_kind_leaves_current_names_alone(path, source):
    assert [f for f in scan(source, path=path) if f.legacy_name] == []
    assert fix(source, path=path, unsafe=True) == source


def test_package_keywords_are_search_tags_not_a_list_of_ids():
    """npm's and Composer's ``keywords`` are registry metadata: reported as
    text that selects nothing, never a list whose entries would merge."""
    source = '{\n  "name": "x",\n  "keywords": ["mcp", "deepseek-chat", "deepseek-reasoner"]\n}\n'
    for path in ("package.json", "sub/composer.json"):
        found = scan(source, path=path)
        assert [(f.code, f.role) for f in found] == [("DSM109", "doc"), ("DSM109", "doc")]
        assert all(f.fix is None for f in found)
        assert fix(source, unsafe=True, path=path) == source


def test_keywords_of_other_json_stay_a_list_of_ids():
    source = '{\n  "keywords": ["deepseek-chat", "deepseek-reasoner"]\n}\n'
    found = scan(source, path="models.json")
    assert {f.role for f in found} == {"member"}
    assert all("would both become" in (f.note or "") for f in found)


_SMITHERY = """startCommand:
  type: stdio
  commandFunction:
    # the start command
    |-
    (config) => ({
      command: 'node',
      env: { DEEPSEEK_MODEL: config.model ?? 'deepseek-chat' },
    })
"""


def test_js_in_a_smithery_command_function_is_read_as_js():
    """A literal block under ``commandFunction`` is JavaScript (yaml_code.py):
    its default is a default, renamed in the safe tier where it stands."""
    found = scan(_SMITHERY, path="smithery.yaml")
    assert [(f.line, f.code) for f in found] == [(8, "DSM104")]
    assert fix(_SMITHERY, path="smithery.yaml") == _SMITHERY.replace("'deepseek-chat'", "'deepseek-v4-flash'")


def test_js_fix_that_adds_lines_in_the_block_is_left_to_a_person():
    source = (
        "startCommand:\n  commandFunction: |\n    async (config) => {\n"
        "      return client.chat.completions.create({\n        model: 'deepseek-chat',\n        messages: [],\n      });\n"
        "    }\n"
    )
    [found] = scan(source, path="smithery.yaml")
    assert found.code == "DSM101" and found.fix is None
    assert "make it by hand" in found.note
    assert fix(source, unsafe=True, path="smithery.yaml") == source


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("prompt: |\n  config.model ?? 'deepseek-chat'\n", id="literal-block-under-another-key"),
        pytest.param("commandFunction: >\n  (config) => config.model ?? 'deepseek-chat'\n", id="folded-block"),
    ],
)
def test_other_block_scalars_stay_text(source):
    [found] = scan(source, path="smithery.yaml")
    assert found.code == "DSM109"
    assert fix(source, path="smithery.yaml") == source
