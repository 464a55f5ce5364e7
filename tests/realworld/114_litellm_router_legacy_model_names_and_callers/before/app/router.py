"""The Router keeps the names its callers have always used."""

from litellm import Router

router = Router(
    model_list=[
        {"model_name": "deepseek-chat", "litellm_params": {"model": "deepseek/deepseek-chat", "temperature": 0.3}},
        {"model_name": "deepseek-reasoner", "litellm_params": {"model": "deepseek/deepseek-reasoner"}},
    ]
)
