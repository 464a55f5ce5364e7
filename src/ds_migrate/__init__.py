"""ds-migrate: find and fix DeepSeek model names retired on 2026-07-24."""

__version__ = "0.1.0"
__all__ = ["fix_source", "scan_paths", "__version__"]


def __getattr__(name: str):
    # imported on first use, so that `import ds_migrate` stays cheap
    if name in ("fix_source", "scan_paths"):
        from ds_migrate import api

        return getattr(api, name)
    raise AttributeError(name)
