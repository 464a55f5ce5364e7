"""Side by side with ruff (issue 25, a fresh reader's second pass): the tool
names itself in annotations, the concise format stays one line per finding,
`--statistics` answers in the chosen format, ruff's habits get working
commands or pointed hints, and a bad configuration reads as one error."""

import json

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main

LEGACY = 'client.chat.completions.create(model="deepseek-chat", messages=m)\n'
API_ERROR = "The supported API model names"


def invoke(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


# --- annotations and the footer ------------------------------------------------


def test_github_annotation_titles_name_the_tool_and_the_code(tmp_path):
    (tmp_path / "app.py").write_text(LEGACY)
    lines = invoke("scan", "--output-format", "github", tmp_path).stdout.splitlines()
    assert len(lines) == 1
    assert ",title=ds-migrate (DSM101)::" in lines[0]


@pytest.mark.parametrize("command", [["scan"], ["fix"], ["fix", "--write"]])
def test_concise_has_no_api_error_footer(tmp_path, command):
    (tmp_path / "app.py").write_text(LEGACY + 'MODEL = "deepseek-chat"\nif model == "deepseek-chat":\n    pass\n')
    result = invoke(*command, "--output-format", "concise", tmp_path)
    assert "DSM105" in result.output, result.output  # something is still reported
    assert API_ERROR not in result.output


@pytest.mark.parametrize("command", [["scan"], ["fix"]])
def test_full_text_keeps_the_api_error_once(tmp_path, command):
    # a constant held back with the comparison: a refused request remains after the fix
    (tmp_path / "app.py").write_text('MODEL = "deepseek-chat"\nif MODEL == "deepseek-chat":\n    pass\n')
    assert invoke(*command, tmp_path).output.count(API_ERROR) == 1
