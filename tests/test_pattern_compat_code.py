"""Pattern 5: code that already handles the retirement (a legacy id beside a
V4 id) is compat code: reported as info, never rewritten, coupling nothing."""

from __future__ import annotations

import pytest

from conftest import codes, fix
from projects import fix_tree, write_tree

COMPAT = {
    "guard-set": ("guards.py", 'NON_THINKING_IDS = {"deepseek-chat", "deepseek-v4-flash"}\n'),
    "guard-set-multiline": ("guards.py", 'NON_THINKING_IDS = {\n    "deepseek-chat",\n    "deepseek-v4-flash",\n}\n'),
    "legacy-aliases": ("aliases.py", 'LEGACY = {"deepseek-chat": "deepseek-v4-flash", "deepseek-reasoner": "deepseek-v4-flash"}\n'),
    "message": ("warn.py", 'warnings.warn("deepseek-chat was retired in favour of deepseek-v4-flash")\n'),
    "comparison-chain": ("route.py", 'if model in ("deepseek-chat", "deepseek-v4-flash"):\n    pass\n'),
    "comment": ("notes.py", "# deepseek-reasoner is now deepseek-v4-flash with thinking enabled\nx = 1\n"),
    "changelog": ("CHANGELOG.md", "- Moved from deepseek-chat to deepseek-v4-flash.\n"),
    "yaml": ("aliases.yaml", "aliases:\n  deepseek-chat: deepseek-v4-flash\n"),
    "typescript": ("legacy.ts", "export const LEGACY: Record<string, string> = { 'deepseek-chat': 'deepseek-v4-flash' };\n"),
}


@pytest.mark.parametrize("shape", sorted(COMPAT))
def test_compat_code_is_info_and_untouched(shape):
    path, source = COMPAT[shape]
    assert set(codes(source, path=path)) == {"DSM113"}
    assert fix(source, unsafe=True, path=path) == source


def test_compat_code_does_not_hold_back_the_migration(tmp_path):
    write_tree(tmp_path, {
        "guards.py": COMPAT["guard-set"][1],
        "app.py": 'MODEL = "deepseek-chat"\n',
    })
    assert fix_tree(tmp_path) == {"app.py": 'MODEL = "deepseek-v4-flash"\n'}


def test_own_mapping_in_config_is_compat(tmp_path):
    write_tree(tmp_path, {
        "ds-migrate.toml": '[mapping]\ndeepseek-reasoner = "deepseek-v4-pro"\n',
        "app.py": 'A = "deepseek-reasoner"\n',
    })
    changed = fix_tree(tmp_path, "--mapping", "deepseek-reasoner=deepseek-v4-pro")
    assert changed == {"app.py": 'A = "deepseek-v4-pro"\n'}
