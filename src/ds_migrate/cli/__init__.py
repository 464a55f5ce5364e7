"""The command line: options, commands, output. Runs the pipeline (pipeline.py)."""

from ds_migrate.cli.commands import main

__all__ = ["main"]
