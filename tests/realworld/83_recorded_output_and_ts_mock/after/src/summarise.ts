import OpenAI from "openai";

const client = new OpenAI({ baseURL: "https://api.deepseek.com", apiKey: process.env.DEEPSEEK_API_KEY });

export async function summarise(text: string): Promise<string> {
  const completion = await client.chat.completions.create({
    model: "deepseek-v4-flash",
    messages: [{ role: "user", content: `Summarise: ${text}` }],
    ...({ thinking: { type: "disabled" } } as Record<string, unknown>),
  });
  return completion.choices[0].message.content ?? "";
}
