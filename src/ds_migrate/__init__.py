"""ds-migrate: find and fix DeepSeek model names retired on 2026-07-24."""

__version__ = "0.1.0"
