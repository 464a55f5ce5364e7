import OpenAI from 'openai';

const client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });

export interface Answer {
  text: string;
  model: string;
  tokensIn: number;
  tokensOut: number;
}

export async function ask(model: string, prompt: string): Promise<Answer> {
  const reply = await client.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }] });
  return {
    text: reply.choices[0]?.message.content ?? '',
    model: reply.model,
    tokensIn: reply.usage?.prompt_tokens ?? 0,
    tokensOut: reply.usage?.completion_tokens ?? 0,
  };
}
