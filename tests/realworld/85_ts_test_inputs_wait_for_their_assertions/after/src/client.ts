import OpenAI from "openai";

const client = new OpenAI({ baseURL: "https://api.deepseek.com", apiKey: process.env.DEEPSEEK_API_KEY });

export async function ask(question: string): Promise<string> {
  const res = await client.chat.completions.create({
    model: "deepseek-v4-flash",
    messages: [{ role: "user", content: question }],
    ...({ thinking: { type: "disabled" } } as Record<string, unknown>),
  });
  return res.choices[0].message.content ?? "";
}
