from pathlib import Path

import yaml


def settings_for(name: str) -> dict:
    entries = yaml.safe_load((Path(__file__).parent / "resources" / "model-settings.yml").read_text())
    for entry in entries:
        if entry["name"] == name:
            return entry
    return {}
