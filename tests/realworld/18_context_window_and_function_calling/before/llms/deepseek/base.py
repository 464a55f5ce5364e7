from llms.deepseek.utils import context_window, supports_tools


class DeepSeekLLM:
    def __init__(self, model: str = "deepseek-chat", api_key: str | None = None):
        self.model = model
        self.api_key = api_key

    @property
    def metadata(self) -> dict:
        return {
            "context_window": context_window(self.model),
            "is_function_calling_model": supports_tools(self.model),
        }
