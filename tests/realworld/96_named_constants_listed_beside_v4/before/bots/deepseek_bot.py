from openai import OpenAI

from common import const
from common.config import conf


class DeepSeekBot:
    def __init__(self):
        self.client = OpenAI(api_key=conf().get("deepseek_api_key"), base_url="https://api.deepseek.com")
        self.model = conf().get("model") or const.DEEPSEEK_V4_FLASH

    @staticmethod
    def _takes_thinking_switch(model: str) -> bool:
        return model.lower().startswith("deepseek-v4")

    def reply(self, messages):
        extra = {}
        if self._takes_thinking_switch(self.model):
            extra["thinking"] = {"type": "enabled"}
        response = self.client.chat.completions.create(model=self.model, messages=messages, extra_body=extra)
        return response.choices[0].message.content


def picker_entries():
    return [const.DEEPSEEK_V4_FLASH, const.DEEPSEEK_V4_PRO, const.DEEPSEEK_CHAT, const.DEEPSEEK_REASONER]
