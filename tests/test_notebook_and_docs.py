"""Notebooks keep their JSON layout; docs are reported and fixed only when asked."""

import json

from conftest import codes, fix, scan, scan_result

NOTEBOOK = """{
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "# Trying deepseek-chat"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [
    {
     "name": "stdout",
     "output_type": "stream",
     "text": [
      "deepseek-chat\\n"
     ]
    }
   ],
   "source": [
    "resp = client.chat.completions.create(\\n",
    "    model=\\"deepseek-chat\\",\\n",
    "    messages=[{\\"role\\": \\"user\\", \\"content\\": \\"caf\\u00e9 \\u2013 ok\\"}],\\n",
    ")"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": null,
   "metadata": {},
   "outputs": [],
   "source": "MODEL = 'deepseek-reasoner'"
  }
 ],
 "metadata": {},
 "nbformat": 4,
 "nbformat_minor": 5
}
"""


def test_notebook_findings_name_cell_and_line():
    found = scan(NOTEBOOK, path="explore.ipynb")
    by_code = {f.code: f for f in found}
    assert by_code["DSM101"].message.startswith("cell 2, line 2:")
    assert by_code["DSM101"].line == NOTEBOOK.splitlines().index('    "    model=\\"deepseek-chat\\",\\n",') + 1
    assert by_code["DSM103"].message.startswith("cell 3, line 1:")
    assert by_code["DSM111"].severity.label == "info"  # the output
    assert by_code["DSM108"].legacy_name == "deepseek-chat"  # the markdown cell


def test_notebook_fix_changes_only_cell_source_lines():
    fixed = fix(NOTEBOOK, path="explore.ipynb")
    old, new = NOTEBOOK.splitlines(), fixed.splitlines()
    changed = [line for line in new if line not in old]
    assert changed == [
        '    "    model=\\"deepseek-v4-flash\\",\\n",',
        '    "    extra_body={\\"thinking\\": {\\"type\\": \\"disabled\\"}},\\n",',
        '   "source": "MODEL = \'deepseek-v4-flash\'"',
    ]
    assert len(new) == len(old) + 1
    document = json.loads(fixed)
    assert document["cells"][1]["outputs"][0]["text"] == ["deepseek-chat\n"]  # outputs untouched
    assert fixed.endswith("}\n")
    assert "\\u00e9" in fixed  # escapes kept as written
    assert fix(fixed, path="explore.ipynb") == fixed


def test_notebook_that_is_not_json_is_searched_as_text():
    assert codes('{"cells": [ "deepseek-chat"', path="bad.ipynb") == ["DSM109"]


def test_markdown_prose_is_info_and_unsafe():
    source = "We use deepseek-chat.\n"
    (finding,) = scan(source, path="README.md")
    assert finding.code == "DSM108" and finding.severity.label == "info"
    assert fix(source, path="README.md") == source
    assert fix(source, path="README.md", unsafe=True) == "We use deepseek-v4-flash.\n"


def test_markdown_python_block_fixed_with_unsafe_fixes():
    source = '# Usage\n\n```python\nclient.chat.completions.create(model="deepseek-reasoner", messages=m)\n```\n'
    assert codes(source, path="docs/usage.md") == ["DSM101"]
    assert fix(source, path="docs/usage.md") == source
    fixed = fix(source, path="docs/usage.md", unsafe=True)
    assert 'model="deepseek-v4-flash", messages=m, extra_body={"thinking": {"type": "enabled"}})' in fixed


def test_markdown_yaml_and_env_blocks():
    source = "```yaml\nmodel: deepseek-chat\n```\n\n```env\nDEEPSEEK_MODEL=deepseek-chat\n```\n"
    assert codes(source, path="a.md") == ["DSM103", "DSM103"]
    assert fix(source, path="a.md", unsafe=True) == source.replace("deepseek-chat", "deepseek-v4-flash")


def test_rst_code_block():
    source = "Usage\n=====\n\n.. code-block:: python\n\n    MODEL = \"deepseek-chat\"\n\nDone.\n"
    assert codes(source, path="index.rst") == ["DSM103"]
    assert fix(source, path="index.rst", unsafe=True) == source.replace("deepseek-chat", "deepseek-v4-flash")


def test_markdown_noqa_in_a_block_keeps_each_message_on_its_own_line():
    source = '```python\nA = "deepseek-chat"  # noqa: DSM103\nB = "deepseek-reasoner"\n```\n'
    result = scan_result(source, path="a.md")
    (finding,) = result.findings
    assert (finding.code, finding.line, finding.legacy_name) == ("DSM103", 3, "deepseek-reasoner")
    assert "'deepseek-reasoner'" in finding.message and "'deepseek-chat'" not in finding.message
    (suppressed,) = result.suppressed
    assert (suppressed.code, suppressed.line, suppressed.legacy_name) == ("DSM103", 2, "deepseek-chat")


def test_markdown_block_fix_leaves_what_the_user_ignored():
    source = '```python\nMODEL = "deepseek-chat"\nif m == "deepseek-reasoner":\n    pass\n```\n'
    assert codes(source, path="a.md") == ["DSM103", "DSM105"]
    fixed = fix(source, path="a.md", unsafe=True, ignore=("DSM105",))
    assert fixed == source.replace('"deepseek-chat"', '"deepseek-v4-flash"')


def test_markdown_block_fix_leaves_a_suppressed_line():
    source = '```python\nA = "deepseek-chat"  # noqa: DSM103\nB = "deepseek-reasoner"\n```\n'
    assert fix(source, path="a.md", unsafe=True) == source.replace('"deepseek-reasoner"', '"deepseek-v4-flash"')
