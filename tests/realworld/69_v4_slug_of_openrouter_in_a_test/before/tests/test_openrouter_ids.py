from src.router_pick import tier

OPENROUTER_IDS = ["deepseek/deepseek-v4-flash", "anthropic/claude-sonnet-4"]


def test_openrouter_ids_are_slugs():
    assert all("/" in slug for slug in OPENROUTER_IDS)


def test_other_ids_are_other():
    assert tier("gpt-4o") == "other"
