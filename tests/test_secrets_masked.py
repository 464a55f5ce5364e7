"""The fix preview a person reads masks secrets around a change (a fresh
reader's `.env` key printed as diff context, and kept by a CI log);
`--diff` stays the exact patch `git apply` needs."""

import pytest
from click.testing import CliRunner

from ds_migrate.cli.commands import main
from ds_migrate.report.secrets import mask_line

KEY = "sk-1234567890abcdef"


@pytest.mark.parametrize(
    "line, shown",
    [
        (f"DEEPSEEK_API_KEY={KEY}\n", "DEEPSEEK_API_KEY=****\n"),
        (f'OPENAI_API_KEY="{KEY}"\n', 'OPENAI_API_KEY="****"\n'),
        (f"  api_key: {KEY}\n", "  api_key: ****\n"),
        (f'    "apiKey": "{KEY}",\n', '    "apiKey": "****",\n'),
        (f'client = OpenAI(api_key="{KEY}", base_url=URL)\n', 'client = OpenAI(api_key="****", base_url=URL)\n'),
        ("GITHUB_TOKEN=ghp_abcdef123456\n", "GITHUB_TOKEN=****\n"),
        ("SECRET_KEY=django-insecure-abc\n", "SECRET_KEY=****\n"),
        # a setting of another name before it on the line does not swallow it
        (f"timeout=30000;api_key={KEY}\n", "timeout=30000;api_key=****\n"),
        (f"client = OpenAI(base_url=BASE, api_key='{KEY}')\n", "client = OpenAI(base_url=BASE, api_key='****')\n"),
    ],
)
def test_a_secret_value_is_masked(line, shown):
    assert mask_line(line) == shown


@pytest.mark.parametrize(
    "line",
    [
        "DEEPSEEK_MODEL=deepseek-chat\n",
        'api_key=os.environ["DEEPSEEK_API_KEY"]\n',
        "OPENAI_API_KEY=${OPENAI_API_KEY}\n",
        "api_key=settings.deepseek_api_key\n",
        "max_tokens=4000\n",
        "TOKEN_LIMIT=4096\n",
        "DEEPSEEK_API_KEY=\n",
    ],
)
def test_what_is_no_secret_is_shown_as_it_is(line):
    assert mask_line(line) == line


def test_the_fix_preview_masks_the_key_beside_the_model_and_the_patch_stays_exact(tmp_path):
    env = tmp_path / ".env"
    env.write_text(f"DEEPSEEK_API_KEY={KEY}\nDEEPSEEK_MODEL=deepseek-chat\n")
    runner = CliRunner()
    preview = runner.invoke(main, ["fix", "--include-ignored", "--isolated", str(tmp_path)])
    assert "DEEPSEEK_MODEL=deepseek-v4-flash" in preview.output
    assert KEY not in preview.output and "DEEPSEEK_API_KEY=****" in preview.output
    patch = runner.invoke(main, ["fix", "--diff", "--include-ignored", "--isolated", str(tmp_path)])
    assert f" DEEPSEEK_API_KEY={KEY}\n" in patch.output  # a patch must match the file to apply
    assert env.read_text() == f"DEEPSEEK_API_KEY={KEY}\nDEEPSEEK_MODEL=deepseek-chat\n"
