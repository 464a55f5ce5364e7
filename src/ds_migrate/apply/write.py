"""Write the fixed files of a run, each atomically, and say which could not be."""

from __future__ import annotations

from ds_migrate.findings import FileError


def write_fixed_files(outcome, originals: list) -> None:
    """Write each file the run fixed; a file changed on disk since it was read,
    or that cannot be written, is left as it was and the run says so."""
    from ds_migrate.apply.writer import FileChangedError, write_atomically

    for path, processed, data in zip(outcome.paths, outcome.processed, originals):
        if processed.fixed_data is None or data is None:
            continue
        try:
            write_atomically(path, processed.fixed_data, data)
            outcome.written.append(processed.result.path)
        except FileChangedError as error:
            processed.result.errors.append(FileError(processed.result.path, str(error)))
            processed.applied = []
        except OSError as error:
            processed.result.errors.append(
                FileError(processed.result.path, f"cannot write: {error.strerror or error}; file left as it was")
            )
            processed.applied = []
