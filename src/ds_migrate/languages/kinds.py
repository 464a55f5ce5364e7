"""The file names each handler parses, as data.

Discovery asks of every clean file it counts whether some handler parses
it (``languages.parsed_name``); answering that from the handler classes
meant importing every handler, and with them the rules and libcst: on a
big tree with a few Python hits, that import ran on the main thread while
ripgrep searched, and the preload thread's libcst import waited for it.
The handlers take their ``patterns`` from here, so there is one list.
"""

from __future__ import annotations

from ds_migrate.languages.kept_files import HISTORY_GLOBS

PATTERNS: dict[str, tuple[str, ...]] = {
    "env": (".env", ".env.*", "*.env"),
    "shell": ("*.sh", "*.bash", "*.zsh"),
    "dockerfile": ("Dockerfile", "Dockerfile.*", "*.dockerfile", "Containerfile"),
    "ini": ("*.ini", "*.cfg", ".flake8", "setup.cfg", "tox.ini"),
    "toml": ("*.toml",),
    "yaml": ("*.yml", "*.yaml"),
    "json": ("*.json",),
    "csharp": ("*.cs", "*.csx"),
    "go": ("*.go",),
    "history": HISTORY_GLOBS,
    "java": ("*.java",),
    "javascript": ("*.js", "*.mjs", "*.cjs", "*.jsx", "*.ts", "*.tsx", "*.mts", "*.cts"),
    "kotlin": ("*.kt", "*.kts"),
    "markdown": ("*.md", "*.markdown", "*.rst"),
    "notebook": ("*.ipynb",),
    "php": ("*.php", "*.phtml"),
    "ruby": ("*.rb", "*.rake", "Rakefile", "Gemfile", "*.gemspec"),
    "rust": ("*.rs",),
}
