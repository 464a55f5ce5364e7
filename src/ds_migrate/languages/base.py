"""What a file-kind handler provides."""

from __future__ import annotations

import fnmatch
from pathlib import PurePosixPath
from typing import ClassVar

from ds_migrate.findings import Finding
from ds_migrate.mapping import Mapping

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


class Handler:
    kind: ClassVar[str]
    # file-name globs this handler takes (also the default include list)
    patterns: ClassVar[tuple[str, ...]] = ()
    priority: ClassVar[int] = 100

    def claims(self, path: PurePosixPath) -> bool:
        return any(fnmatch.fnmatch(path.name, pattern) for pattern in self.patterns)

    def scan(self, path: str, text: str, mapping: Mapping) -> list[Finding]:
        raise NotImplementedError

    def problem_with(self, text: str, path: str = "") -> str | None:
        """Why ``text`` is not a valid file of this kind, or None."""
        return None
