from llm_gateway import LLM

# the gateway reads the real endpoint from its own config; base_url is a placeholder
llm = LLM("deepseek", model="deepseek-chat", base_url="https://ignored.example")
