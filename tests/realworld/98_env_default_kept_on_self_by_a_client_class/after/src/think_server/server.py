import logging
import os

from openai import AsyncOpenAI

MODEL = os.environ.get("THINK_SERVER_MODEL", "deepseek-v4-flash")
BASE_URL = os.environ.get("THINK_SERVER_BASE_URL", "https://api.deepseek.com")
API_KEY = os.environ.get("THINK_SERVER_API_KEY", "")


class Reasoner:
    """Asks the model and returns only its chain of thought."""

    def __init__(self, model: str, base_url: str, key: str):
        self.model = model
        self.client = AsyncOpenAI(api_key=key, base_url=base_url, timeout=600)

    async def reasoning_for(self, prompt: str) -> str:
        try:
            response = await self.client.chat.completions.create(
                model=self.model,
                messages=[{"role": "user", "content": prompt}],
                stream=False,
                extra_body={"thinking": {"type": "enabled"}}
            )
        except Exception as error:  # reported to the MCP client as text
            logging.error("request failed: %s", error)
            return f"error: {error}"
        return getattr(response.choices[0].message, "reasoning_content", "") or ""


async def think(prompt: str) -> str:
    return await Reasoner(MODEL, BASE_URL, API_KEY).reasoning_for(prompt)


async def smoke() -> None:
    print(await Reasoner(MODEL, BASE_URL, API_KEY).reasoning_for("2 + 2?"))
