from bot.settings import DEFAULT_MODEL


class Handler:
    def __init__(self, client, model: str = DEFAULT_MODEL):
        self.client = client
        self.model = model

    def answer(self, messages) -> str:
        reply = self.client.chat.completions.create(model=self.model, messages=messages)
        message = reply.choices[0].message
        if self.model == "deepseek-v4-flash":
            return message.content
        # the reasoner also returns its chain of thought
        return f"{message.reasoning_content}\n\n{message.content}"
