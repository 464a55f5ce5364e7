"""What a run asks of the engine: the mapping, the rules, the fix tier, the size limit."""

from __future__ import annotations

from dataclasses import dataclass, field

from ds_migrate.findings import Applicability, Finding
from ds_migrate.deepseek.mapping import Mapping

DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024


@dataclass(frozen=True)
class Options:
    mapping: Mapping = field(default_factory=Mapping)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    unsafe_fixes: bool = False
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    describe_fixes: bool = False  # work out each fix's text replacement (SARIF)

    def ignored_in_file(self, path: str, code: str) -> bool:
        import fnmatch

        posix = path.replace("\\", "/")
        for glob, codes in self.per_file_ignores:
            if fnmatch.fnmatch(posix, glob) or fnmatch.fnmatch(posix, f"*/{glob}"):
                if not codes or any(code.upper().startswith(c) for c in codes):
                    return True
        return False

    def selects(self, code: str) -> bool:
        code = code.upper()
        if self.select and not any(code.startswith(s.upper()) for s in self.select):
            return False
        return not any(code.startswith(i.upper()) for i in self.ignore)

    def may_apply(self, finding: Finding) -> bool:
        applicability = finding.fix_applicability
        return applicability is Applicability.SAFE or (
            applicability is Applicability.UNSAFE and self.unsafe_fixes
        )
