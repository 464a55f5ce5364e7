"""The Router keeps the names its callers have always used."""

from litellm import Router

router = Router(
    model_list=[
        {"model_name": "deepseek-chat", "litellm_params": {"model": "deepseek/deepseek-v4-flash", "temperature": 0.3, "extra_body": {"thinking": {"type": "disabled"}}}},
        {"model_name": "deepseek-reasoner", "litellm_params": {"model": "deepseek/deepseek-v4-flash", "extra_body": {"thinking": {"type": "enabled"}}}},
    ]
)
