class Agent:
    def __init__(self, client, model: str = "deepseek-v4-flash"):
        self.client = client
        self.model = model

    def say(self, text: str) -> str:
        out = self.client.chat.completions.create(
            model=self.model,
            messages=[{"role": "user", "content": text}],
            extra_body={"thinking": {"type": "disabled"}},
        )
        return out.choices[0].message.content
