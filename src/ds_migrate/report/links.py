"""Where the project and each rule's page live on the web, for the machine
reports (JSON ``url``, SARIF ``informationUri`` and ``helpUri``).

The address is the repository that ``[project.urls]`` in pyproject.toml
names (read from the installed package's metadata), and a rule's page is
``docs/rules/CODE.md`` in it, the page ``explain`` prints. While pyproject
names no repository there is no address: the reports say null (SARIF leaves
the keys out and carries each rule's help text itself), never a guess."""

from __future__ import annotations

from functools import lru_cache

DISTRIBUTION = "ds-migrate"
# the [project.urls] labels that name the repository, in the order tried
REPOSITORY_LABELS = ("repository", "source", "source code", "homepage")


@lru_cache(maxsize=1)
def home_url() -> str | None:
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        entries = metadata(DISTRIBUTION).get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    urls = {}
    for entry in entries:
        label, _, url = entry.partition(",")
        urls[label.strip().lower()] = url.strip()
    for label in REPOSITORY_LABELS:
        if urls.get(label, "").startswith("https://"):
            return urls[label].rstrip("/")
    return None


def rule_url(code: str) -> str | None:
    home = home_url()
    return f"{home}/blob/main/docs/rules/{code}.md" if home else None
