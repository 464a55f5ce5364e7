import argparse
import os

DEEPSEEK_URL = "https://api.deepseek.com"

parser = argparse.ArgumentParser()
parser.add_argument("--model", default="deepseek-flash")
args = parser.parse_args()

if args.model == "deepseek-flash":
    BASE_URL = DEEPSEEK_URL
    MODEL = "deepseek-v4-flash"
elif args.model == "deepseek-pro":
    BASE_URL = DEEPSEEK_URL
    MODEL = "deepseek-v4-pro"
elif args.model == "deepseek-chat":
    BASE_URL = DEEPSEEK_URL
    MODEL = "deepseek-chat"
elif args.model == "deepseek-reasoner":
    BASE_URL = DEEPSEEK_URL
    MODEL = "deepseek-reasoner"
elif args.model == "local":
    BASE_URL = os.getenv("LOCAL_BASE_URL", "http://127.0.0.1:8000/v1")
    MODEL = os.getenv("LOCAL_MODEL", "qwen2.5-7b")
else:
    raise ValueError("unknown --model")
