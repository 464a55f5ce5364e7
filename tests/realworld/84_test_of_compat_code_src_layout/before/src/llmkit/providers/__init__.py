from llmkit.providers.deep import DeepProvider, Params

__all__ = ["DeepProvider", "Params"]
