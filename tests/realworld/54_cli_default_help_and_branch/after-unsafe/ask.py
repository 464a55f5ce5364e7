import argparse

from openai import OpenAI

parser = argparse.ArgumentParser(description="Ask DeepSeek from the terminal")
parser.add_argument("question")
parser.add_argument(
    "--model",
    default="deepseek-v4-flash",
    help="model id (default: deepseek-v4-flash, which also prints its reasoning)",
)


def main() -> None:
    args = parser.parse_args()
    client = OpenAI(base_url="https://api.deepseek.com")
    out = client.chat.completions.create(model=args.model, messages=[{"role": "user", "content": args.question}])
    message = out.choices[0].message
    if args.model == "deepseek-v4-flash":
        print("--- reasoning ---")
        print(message.reasoning_content)
    print(message.content)


if __name__ == "__main__":
    main()
