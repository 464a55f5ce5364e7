from dataclasses import dataclass, field

# The retired ids think (or not) by themselves and must not get the toggle.
LEGACY_IDS = frozenset({"deepseek-chat", "deepseek-reasoner"})


@dataclass
class Params:
    model: str
    messages: list = field(default_factory=list)
    max_tokens: int | None = None


class DeepProvider:
    @staticmethod
    def convert(params: Params) -> dict:
        body = {"model": params.model, "messages": params.messages}
        if params.max_tokens is not None:
            body["max_tokens"] = params.max_tokens
        if params.model not in LEGACY_IDS:
            body["extra_body"] = {"thinking": {"type": "disabled"}}
        return body
