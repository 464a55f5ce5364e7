"""The library API, for editors and other tools."""

from __future__ import annotations

from ds_migrate.discover.listing import DEFAULT_EXCLUDES, FileFilter
from ds_migrate.analyse import Options, process_python
from ds_migrate.findings import Finding
from ds_migrate.deepseek.mapping import DEFAULT_TARGET, Mapping


def _options(target: str, thinking_form: str, unsafe_fixes: bool, select=(), ignore=()) -> Options:
    return Options(
        mapping=Mapping(target=target, thinking_form=thinking_form),
        unsafe_fixes=unsafe_fixes,
        select=tuple(select),
        ignore=tuple(ignore),
    )


def scan_paths(
    paths: list[str] | str,
    *,
    target: str = DEFAULT_TARGET,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    exclude: tuple[str, ...] = DEFAULT_EXCLUDES,
    respect_gitignore: bool = True,
) -> list[Finding]:
    """Findings for the Python files below ``paths``, sorted by path, line and column."""
    from ds_migrate.pipeline import run

    if isinstance(paths, str):
        paths = [paths]
    outcome = run(
        list(paths),
        _options(target, "object", False, select, ignore),
        FileFilter(exclude=tuple(exclude), respect_gitignore=respect_gitignore),
        jobs=1,
    )
    return outcome.findings


def fix_source(
    text: str,
    filename: str = "<string>",
    *,
    target: str = DEFAULT_TARGET,
    thinking_form: str = "object",
    unsafe_fixes: bool = False,
) -> str:
    """``text`` with the fixes applied; unchanged when nothing applies or it does not parse."""
    import io
    import tokenize

    try:  # honour a PEP 263 cookie, as the file on disk would
        encoding, _ = tokenize.detect_encoding(io.BytesIO(text.encode("utf-8", "surrogatepass")).readline)
        data = text.encode(encoding)
    except (SyntaxError, LookupError, UnicodeError):
        return text
    processed = process_python(filename, data, _options(target, thinking_form, unsafe_fixes), want_fix=True)
    return processed.fixed_text if processed.fixed_text is not None else text
