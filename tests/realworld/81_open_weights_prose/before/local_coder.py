"""Code completion with DeepSeek-Coder.

Loads deepseek-ai/deepseek-coder-6.7b-instruct from the Hugging Face hub; DeepSeek-Coder
is an open-weights model, run here with transformers.
"""
from transformers import AutoModelForCausalLM, AutoTokenizer

MODEL_ID = "deepseek-ai/deepseek-coder-6.7b-instruct"


def load():
    # weights of deepseek-coder from the HF hub
    tokenizer = AutoTokenizer.from_pretrained(MODEL_ID, trust_remote_code=True)
    return tokenizer, AutoModelForCausalLM.from_pretrained(MODEL_ID, trust_remote_code=True)
