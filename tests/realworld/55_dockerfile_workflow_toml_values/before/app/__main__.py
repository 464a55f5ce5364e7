import os
import tomllib

with open("app.toml", "rb") as fh:
    config = tomllib.load(fh)

model = os.environ.get("DEEPSEEK_MODEL") or config["llm"]["model"]
print(f"using {model}")
