import argparse

from openai import OpenAI

PROVIDERS = {
    "deepseek": {
        "url": "https://api.deepseek.com",
        "v3": "deepseek-chat",
        "r1": "deepseek-reasoner",
    },
    "siliconflow": {
        "url": "https://api.siliconflow.cn/v1",
        "v3": "deepseek-ai/DeepSeek-V3",
        "r1": "deepseek-ai/DeepSeek-R1",
    },
}

provider = "deepseek"

parser = argparse.ArgumentParser(description="Small terminal agent")
parser.add_argument(
    "-r",
    "--r1",
    action="store_const",
    const=PROVIDERS[provider]["r1"],
    default=PROVIDERS[provider]["v3"],
    dest="model",
    help="use deepseek-reasoner instead of deepseek-chat",
)


def main():
    args = parser.parse_args()
    client = OpenAI(base_url=PROVIDERS[provider]["url"])
    prompt = input("> ")
    out = client.chat.completions.create(model=args.model, messages=[{"role": "user", "content": prompt}])
    print(out.choices[0].message.content)


if __name__ == "__main__":
    main()
