"""Reporters: one module per output format, each with ``render(run, ...)``."""

FORMATS = ("text", "json")
