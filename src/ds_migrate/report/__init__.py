"""Reporters: one module per machine-readable format, each with ``render(run, fixed)``.

The text report (the default) draws on a rich console instead; see ``text``.
"""

from __future__ import annotations

import importlib

FORMATS = ("text", "json", "github", "sarif", "junit", "markdown")


def render(output_format: str, run, fixed: int = 0) -> str:
    """The report of ``run`` in a machine-readable format."""
    module = importlib.import_module(f"ds_migrate.report.{output_format}_format")
    return module.render(run, fixed)
