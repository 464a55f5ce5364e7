import OpenAI from "openai";

export const PRICES: Record<string, { input: number; output: number }> = {
  "deepseek-chat": { input: 0.27, output: 1.1 },
  "deepseek-reasoner": { input: 0.55, output: 2.19 },
};

const client = new OpenAI({ baseURL: "https://api.deepseek.com", apiKey: process.env.DEEPSEEK_API_KEY });

export async function reply(text: string): Promise<string> {
  const res = await client.chat.completions.create({
    model: "deepseek-v4-flash",
    messages: [{ role: "user", content: text }],
    ...({ thinking: { type: "disabled" } } as Record<string, unknown>),
  });
  return res.choices[0].message.content ?? "";
}

export function cost(model: string, tokensIn: number, tokensOut: number): number {
  const price = PRICES[model];
  return (tokensIn * price.input + tokensOut * price.output) / 1e6;
}
