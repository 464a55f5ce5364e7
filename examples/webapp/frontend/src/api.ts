import OpenAI from "openai";

const client = new OpenAI({
  baseURL: "https://api.deepseek.com",
  apiKey: import.meta.env.VITE_DEEPSEEK_API_KEY,
  dangerouslyAllowBrowser: true,
});

export const DEFAULT_MODEL = import.meta.env.VITE_DEEPSEEK_MODEL ?? "deepseek-chat";

export async function suggestReply(ticket: string): Promise<string> {
  const completion = await client.chat.completions.create({
    model: "deepseek-chat",
    messages: [
      { role: "system", content: "Suggest a short, friendly reply." },
      { role: "user", content: ticket },
    ],
  });
  return completion.choices[0].message.content ?? "";
}

export async function explainTicket(ticket: string): Promise<string> {
  const completion = await client.chat.completions.create({
    model: "deepseek-reasoner",
    messages: [{ role: "user", content: `Explain step by step: ${ticket}` }],
  });
  return completion.choices[0].message.content ?? "";
}
