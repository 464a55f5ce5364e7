#!/usr/bin/env python3
"""Tokens per main model, from the recorded analytics events (one JSON object a line)."""

import json
import sys
from collections import Counter


def tokens_by_model(path: str) -> Counter:
    totals: Counter = Counter()
    with open(path) as events:
        for line in events:
            try:
                event = json.loads(line)
            except json.JSONDecodeError:
                continue
            if event.get("event") != "message_send":
                continue
            model = event["properties"].get("main_model")
            if model == "deepseek/deepseek-coder":
                model = "deepseek/deepseek-chat"
            if model:
                totals[model] += event["properties"].get("total_tokens", 0)
    return totals


if __name__ == "__main__":
    for name, tokens in tokens_by_model(sys.argv[1]).most_common():
        print(f"{tokens:>12,} {name}")
