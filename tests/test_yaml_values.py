"""YAML read through PyYAML's node graph (issue 23): a value is a scalar node,
never a line that looks like ``key: value`` inside a block scalar."""

import pytest

from conftest import codes, fix, scan, scan_result
from ds_migrate.languages.config_places import VALUE
from ds_migrate.languages.yaml_values import yaml_places

PROMPT = (
    "agent:\n"
    "  model: deepseek-chat\n"
    "  system: |\n"
    "    You are a router. Answer in YAML:\n"
    "    model: deepseek-reasoner\n"
    "  note: >\n"
    "    folded text that says\n"
    "    model: deepseek-reasoner\n"
)


def test_block_scalar_line_is_text_not_a_value():
    assert codes(PROMPT, path="agents.yaml") == ["DSM103", "DSM109", "DSM109"]
    (value, literal, folded) = scan(PROMPT, path="agents.yaml")
    assert "YAML value model" in value.message
    assert "not a config value" in literal.message and "not a config value" in folded.message


def test_block_scalar_is_left_by_the_safe_tier():
    assert fix(PROMPT, path="agents.yaml") == PROMPT.replace("model: deepseek-chat", "model: deepseek-v4-flash")


def test_block_scalar_text_follows_with_unsafe_fixes():
    assert fix(PROMPT, path="agents.yaml", unsafe=True) == PROMPT.replace("deepseek-chat", "deepseek-v4-flash").replace(
        "deepseek-reasoner", "deepseek-v4-flash"
    )


def test_block_scalar_in_crlf_file_keeps_every_line_end():
    before = PROMPT.replace("\n", "\r\n").encode()
    after = fix(before, path="agents.yaml")
    assert after == PROMPT.replace("model: deepseek-chat", "model: deepseek-v4-flash").replace("\n", "\r\n").encode()


@pytest.mark.parametrize(
    "before, after",
    [
        pytest.param("a: 1\n---\nllm:\n  model: deepseek-chat\n", "a: 1\n---\nllm:\n  model: deepseek-v4-flash\n", id="second-document"),
        pytest.param("llm: {model: deepseek-reasoner, temperature: 0}\n", "llm: {model: deepseek-v4-flash, temperature: 0}\n", id="flow-mapping"),
        pytest.param("model: 'deepseek-chat'\n", "model: 'deepseek-v4-flash'\n", id="single-quoted"),
        pytest.param('model: "deepseek/deepseek-chat"  # cheap\n', 'model: "deepseek/deepseek-v4-flash"  # cheap\n', id="double-quoted-then-comment"),
        pytest.param(
            "base: &llm\n  model: deepseek-chat\nprod:\n  <<: *llm\n  timeout: 30\nstaging: *llm\n",
            "base: &llm\n  model: deepseek-v4-flash\nprod:\n  <<: *llm\n  timeout: 30\nstaging: *llm\n",
            id="anchor-renamed-once-through-its-aliases",
        ),
        pytest.param("env:\n  - DEEPSEEK_MODEL=deepseek-chat\n", "env:\n  - DEEPSEEK_MODEL=deepseek-v4-flash\n", id="compose-list-assignment"),
        pytest.param(
            "x-model: &model deepseek-chat\napi:\n  model: *model\n", "x-model: &model deepseek-v4-flash\napi:\n  model: *model\n",
            id="anchored-scalar",
        ),
        pytest.param('model: !!str "deepseek-reasoner"\n', 'model: !!str "deepseek-v4-flash"\n', id="tagged-quoted-scalar"),
    ],
)
def test_values_are_renamed_by_the_safe_tier(before, after):
    assert fix(before, path="config.yaml") == after


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("description: Summaries come from deepseek-chat at night\n", id="plain-scalar-sentence"),
        pytest.param('prompt: "see #4: model: deepseek-chat"\n', id="quoted-scalar-with-hash-and-colon"),
        pytest.param("steps:\n  - run: |\n      python eval.py --model deepseek-chat\n", id="workflow-run-block"),
        pytest.param("prompt: |-\n  model: deepseek-chat\n", id="strip-chomping-block"),
        pytest.param("models: [deepseek-chat, deepseek-reasoner]\n", id="flow-list-of-two-ids-would-merge"),
    ],
)
def test_text_and_merging_lists_are_not_touched_by_the_safe_tier(source):
    assert fix(source, path="config.yaml") == source


def test_flow_list_of_two_ids_is_never_merged():
    source = "models: [deepseek-chat, deepseek-reasoner]\n"
    assert codes(source, path="c.yaml") == ["DSM106", "DSM106"]
    assert fix(source, path="c.yaml", unsafe=True) == source


def test_comment_after_a_value_is_a_comment():
    source = "model: default  # was deepseek-chat\n"
    assert codes(source, path="c.yaml") == ["DSM108"]
    assert fix(source, path="c.yaml") == source


def test_hash_inside_a_quoted_value_does_not_open_a_comment():
    source = 'tag: "#1"\nmodel: deepseek-chat\n'
    assert codes(source, path="c.yaml") == ["DSM103"]


def test_key_that_would_meet_an_existing_key_is_not_renamed():
    same_table = "prices:\n  deepseek-chat: 1\n  deepseek-v4-flash: 2\n"
    assert fix(same_table, path="c.yaml", unsafe=True) == same_table


def test_unparsable_yaml_is_searched_as_text_and_not_rewritten():
    source = "llm: [a\n  model: deepseek-chat\n"
    result = scan_result(source, path="c.yaml")
    assert [f.code for f in result.findings] == ["DSM109"]
    assert result.findings[0].fix is None
    (error,) = result.errors
    assert "not valid YAML at line 2" in error.message and "searched as text, not fixed" in error.message
    assert fix(source, path="c.yaml", unsafe=True) == source


def test_cassette_is_recorded_data_even_when_it_does_not_parse():
    source = "interactions:\n- request:\n    body: '{\"model\": \"deepseek-chat\"\n"
    assert codes(source, path="tests/cassettes/x.yaml") == ["DSM111"]


@pytest.mark.parametrize("text", ["\ufeffmodel: d\u00e9-chat\n", "a: \U0001f600\r\nmodel: 'd\u00e9-chat'\r\n", "x: |\n  \u00e9\nmodel: d\u00e9-chat"])
def test_value_offsets_are_exact_with_a_bom_non_ascii_and_crlf(text):
    (place,) = [p for p in yaml_places(text) if p.kind == VALUE and p.key == "model"]
    assert text[place.start : place.end] == "d\u00e9-chat"
