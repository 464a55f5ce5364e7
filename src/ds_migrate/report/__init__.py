"""Reporters: one module per machine-readable format, each with
``render(run, fixed, **settings)``.

The terminal reports (``full``, the default, and ``concise``) draw on a rich
console instead; see ``text`` and ``concise``.
"""

from __future__ import annotations

import importlib

FORMATS = ("full", "concise", "json", "sarif", "github", "junit", "markdown")
CONSOLE_FORMATS = ("full", "concise")
# older names that still work
FORMAT_ALIASES = {"text": "full"}


def render(output_format: str, run, fixed: int = 0, **settings) -> str:
    """The report of ``run`` in a machine-readable format. ``settings`` are
    what some formats need beyond the run (``would_fix``, ``fail_on``)."""
    module = importlib.import_module(f"ds_migrate.report.{output_format}_format")
    return module.render(run, fixed, **settings)
