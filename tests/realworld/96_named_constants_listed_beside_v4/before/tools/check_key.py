import sys

from openai import OpenAI


def main() -> int:
    client = OpenAI(api_key=sys.argv[1], base_url="https://api.deepseek.com")
    client.chat.completions.create(model="deepseek-chat", messages=[{"role": "user", "content": "ping"}], max_tokens=1)
    print("key works")
    return 0


if __name__ == "__main__":
    sys.exit(main())
