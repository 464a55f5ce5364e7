import OpenAI from "openai";

const client = new OpenAI({ baseURL: "https://api.deepseek.com", apiKey: process.env.DEEPSEEK_API_KEY });

export async function ask(question: string): Promise<string> {
  const res = await client.chat.completions.create({
    model: "deepseek-chat",
    messages: [{ role: "user", content: question }],
  });
  return res.choices[0].message.content ?? "";
}
