"""What a file-kind handler provides."""

from __future__ import annotations

import fnmatch
from pathlib import PurePosixPath
from typing import ClassVar, Protocol, runtime_checkable

from ds_migrate.findings import Finding, apply_text_edits
from ds_migrate.deepseek.mapping import Mapping

# Never searched: these kinds are binary (images, archives, compiled code,
# fonts, media, model weights, databases). A file of any other name is
# searched as text unless it holds a NUL byte.
BINARY_EXTENSIONS = frozenset({
    "png", "jpg", "jpeg", "gif", "bmp", "ico", "icns", "webp", "tif", "tiff", "psd", "avif", "heic",
    "pdf", "zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "tar", "jar", "war", "ear", "aar", "apk",
    "class", "so", "dylib", "dll", "exe", "o", "a", "obj", "lib", "pyc", "pyo", "pyd", "whl", "egg",
    "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "m4a", "wav", "ogg", "flac", "avi", "mov", "mkv",
    "webm", "sqlite", "sqlite3", "db", "npy", "npz", "pkl", "pickle", "parquet", "onnx", "pt", "pth", "h5",
    "safetensors", "gguf", "mo", "wasm", "bin", "dmg", "iso", "xls", "xlsx", "doc", "docx", "ppt", "pptx",
})


class Unparsable(Exception):
    """Raised by ``Handler.scan`` when its parser rejects the file: the engine
    then reports ``problem`` and searches the file as text (found, not fixed),
    so a broken file is never rewritten by rules that could not read it."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


@runtime_checkable
class Handler(Protocol):
    """What the analysis asks of a file kind (analyse/other_kinds.py).

    Every handler subclasses this: that registers it (languages/__init__.py)
    and gives it the defaults below; ``scan`` it must define.
    """

    kind: ClassVar[str] = ""  # empty: never chosen by file name (the plain-text fallback)
    # file-name globs this handler takes (also the default include list)
    patterns: ClassVar[tuple[str, ...]] = ()
    priority: ClassVar[int] = 100
    # a kind that holds code of another kind (Markdown fences, notebook cells):
    # ``scan`` and ``apply`` then take the analysis of that code as a last
    # argument (analyse/embedded.py), so no handler imports analyse/
    embeds_code: ClassVar[bool] = False
    # a kind whose modules pass models to one another (JavaScript): ``scan_with_flow``
    # also returns the module's facts for the model flow and the spans of its
    # V4 ids that only a request's own model names, and takes the flow's hints
    follows_models: ClassVar[bool] = False

    def claims(self, path: PurePosixPath) -> bool:
        return any(fnmatch.fnmatch(path.name, pattern) for pattern in self.patterns)

    def scan(self, path: str, text: str, mapping: Mapping) -> list[Finding]:
        """The findings in ``text``, each fix a list of text edits."""
        raise NotImplementedError

    def scan_embedded(self, path: str, text: str, mapping: Mapping, code) -> tuple[list[Finding], list]:
        """A kind with ``embeds_code``: the findings, and the (start, end) of
        the strings that name a V4 id only as a request's own model, as that
        code's analysis found them (analyse/sorting.py); none by default."""
        return self.scan(path, text, mapping, code), []

    def apply(self, text: str, chosen: list[Finding]) -> str:
        """``text`` with the fixes of ``chosen`` applied."""
        return apply_text_edits(text, [edit for finding in chosen for edit in finding.fix.edits])

    def problem_with(self, text: str, path: str = "") -> str | None:
        """Why ``text`` is not a valid file of this kind, or None."""
        return None
