"""The analysis a file kind that holds code of another kind is given
(Markdown's fenced blocks, a notebook's cells): the same as a file's, handed
to the handler (analyse/__init__.py builds it), so languages/ never imports
analyse/: analyse calls languages, not the other way round."""

from __future__ import annotations

from typing import Callable

from ds_migrate.analyse.options import Options


class EmbeddedCode:
    """``code`` in ``Handler.scan`` / ``apply`` of a handler with ``embeds_code``."""

    def __init__(self, process_file: Callable, process_python: Callable, fixed_text: Callable) -> None:
        self._process_file, self._process_python, self._fixed_text = process_file, process_python, fixed_text

    def options(self, **settings) -> Options:
        return Options(**settings)

    def analyse(self, path: str, data: bytes, options: Options, want_fix: bool = False):
        """A block of any kind, named by ``path``'s suffix."""
        return self._process_file(path, data, options, want_fix)

    def analyse_python(self, path: str, data: bytes, options: Options):
        return self._process_python(path, data, options, False)

    def fixed_text(self, processed, chosen, options: Options):
        return self._fixed_text(processed, chosen, options)
