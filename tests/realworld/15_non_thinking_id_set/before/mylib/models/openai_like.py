class OpenAILike:
    def request_params(self) -> dict:
        return {}
